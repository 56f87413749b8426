import { spawn, type ChildProcess } from 'node:child_process';

export interface SitrepProcess {
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The last 64 KiB the server wrote to stderr (its log). */
  stderr(): string;
}

const STDERR_TAIL = 64 * 1024;

/** Node's arguments to run Sitrep from source, or from the bundle `npm run build` writes. */
export const FROM_SOURCE = ['--import', 'tsx', 'src/main.ts'];
export const FROM_BUILD = ['--enable-source-maps', 'dist/server/main.js'];

/**
 * Sitrep as operators run it: in its own process, in server mode, on a port of 127.0.0.1 it
 * reports in its start log line. Resolves once /readyz answers 200.
 */
export async function spawnSitrep(env: Record<string, string>, timeoutMs = 30_000, args: string[] = [], entry = FROM_SOURCE): Promise<SitrepProcess> {
  const child = spawn(process.execPath, [...entry, ...args], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let port = 0;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Only a bounded tail is kept, and the start line is looked for only until it is seen: a
  // server under load logs a line per request, and this process is often the load generator.
  child.stderr!.on('data', (d: Buffer) => {
    err += String(d);
    if (!port) {
      const started = /"port":(\d+)[^\n]*"msg":"sitrep started"/.exec(err);
      if (started) port = Number(started[1]);
    }
    if (err.length > 2 * STDERR_TAIL) err = err.slice(-STDERR_TAIL);
  });
  child.stdout!.resume();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Sitrep exited with ${child.exitCode}: ${err.slice(-2000)}`);
    if (port) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ready) return { port, child, exited, stderr: () => err };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`Sitrep did not become ready in time: ${err.slice(-2000)}`);
}
