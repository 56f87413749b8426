import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config';

describe('.env.example', () => {
  const example = readFileSync('.env.example', 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s?([A-Za-z_]+)=/gm)].map((m) => m[1]!));
  const source = readFileSync('src/config/config.ts', 'utf8');
  const read = [...source.matchAll(/^ {2}([A-Za-z_]+): /gm)].map((m) => m[1]!);

  it('documents every variable the configuration reads', () => {
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('is itself a configuration Sitrep starts with', () => {
    const values = Object.fromEntries([...example.matchAll(/^([A-Za-z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(() => loadConfig(values)).not.toThrow();
  });
});
