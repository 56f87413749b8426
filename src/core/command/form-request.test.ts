import { describe, expect, it } from 'vitest';
import { formRequest } from './form-request';

describe('formRequest', () => {
  it.each([
    ['declare', { form: 'declare' }],
    ['  /incident declare ', { form: 'declare' }],
    ['new', { form: 'declare' }],
    ['update', { form: 'update' }],
    ['status INC-42', { form: 'update', incident: 42 }],
    ['Update inc-7', { form: 'update', incident: 7 }],
  ])('%j asks for a form', (text, expected) => {
    expect(formRequest(text)).toEqual(expected);
  });

  it.each(['declare sev2 db down', 'declare INC-4', 'update identified found it', 'note hello', '', 'update INC-x'])('%j is an ordinary command', (text) => {
    expect(formRequest(text)).toBeNull();
  });
});
