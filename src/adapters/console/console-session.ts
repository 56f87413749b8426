import type { Writable } from 'node:stream';
import type { AppDeps, CommandResult } from '../../app/context';
import { runCommand } from '../../app/run-command';

const AS_USER = /^([\p{L}\p{N}._-]{1,64}):\s+(.*)$/su;
const COMMAND = /^\/incident\b/i;

export interface ConsoleOptions {
  zone: string;
  /** Echo each command before its answer (for piped input, so the transcript reads as a log). */
  echo: boolean;
  /** Sends what the command queued before the next line is read. */
  drain(): Promise<void>;
}

/**
 * The local console: one `/incident …` line at a time, optionally as `name: /incident …` to act
 * as that user (later lines act as the same user until another is named). Without INC-<n>, a
 * command applies to the incident last declared or named.
 */
export class ConsoleSession {
  private user = 'you';
  private current: number | undefined;

  constructor(
    private readonly deps: AppDeps,
    private readonly out: Writable,
    private readonly opts: ConsoleOptions,
  ) {}

  async handle(raw: string): Promise<CommandResult | undefined> {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return undefined;
    const named = AS_USER.exec(line);
    if (named) this.user = named[1]!;
    const text = named ? named[2]!.trim() : line;
    if (this.opts.echo) this.out.write(`${this.user}> ${text}\n`);
    if (!COMMAND.test(text)) {
      this.out.write('  Commands start with /incident, e.g. "/incident help".\n');
      return undefined;
    }
    const result = await runCommand(this.deps, text, {
      actor: { id: this.user, name: this.user, platform: 'console', zone: this.opts.zone },
      workspace: 'local',
      fallbackIncident: this.current,
    });
    if (result.incident !== undefined) this.current = result.incident;
    this.out.write(`${result.text.split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    await this.opts.drain();
    return result;
  }
}
