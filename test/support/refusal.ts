import { parseCommand } from '../../src/core/command/parse';
import { SitrepError } from '../../src/core/errors';

/** The SitrepError `fn` throws, as code and sentence; fails the test if it throws nothing or something else. */
export function caught(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof SitrepError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a SitrepError');
}

/** The SitrepError the parser throws for `input`; fails the test on success or any other error. */
export function parseRefusal(input: string): SitrepError {
  try {
    parseCommand(input);
  } catch (err) {
    if (err instanceof SitrepError) return err;
    throw err;
  }
  throw new Error(`expected "${input.slice(0, 60)}" to be refused`);
}
