import { createInterface } from 'node:readline';
import pino from 'pino';
import { ConsoleSession } from './adapters/console/console-session';
import { ConfigError, loadConfig, processEnv, type Config } from './config/config';
import { startSitrep } from './start';

/**
 * `npm start`: with Slack or Teams credentials, the server; without them (or with --console),
 * local mode — the same server plus a console on stdin/stdout that prints what the bot would post.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(processEnv());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // --server: the status page and APIs without any chat platform and without the console.
  const platforms = Boolean(config.SLACK_BOT_TOKEN || config.MicrosoftAppId || config.TEAMS_INSECURE_LOCAL);
  const consoleMode = process.argv.includes('--console') || (!platforms && !process.argv.includes('--server'));
  // A server logs asynchronously, one write per burst of lines (pino flushes it on exit); the
  // console writes each line at once, so it stays beside the command it is about.
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'sitrep' } }, pino.destination({ dest: 2, sync: consoleMode }));
  const sitrep = await startSitrep(config, { log, ...(consoleMode ? { console: { stdout: process.stdout } } : {}) }).catch((err: unknown) => {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await sitrep.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  if (!consoleMode) return;

  const interactive = Boolean(process.stdin.isTTY);
  const session = new ConsoleSession(sitrep.deps, process.stdout, {
    zone: config.DEFAULT_TIMEZONE,
    echo: !interactive,
    drain: () => sitrep.worker.drain(),
  });
  const lines = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    // Reminders fall due while someone types; a replayed file stays deterministic without them.
    sitrep.worker.start();
    sitrep.scheduler.start();
    const web = sitrep.port ? ` Status page: http://localhost:${sitrep.port}/` : '';
    process.stdout.write(`Sitrep local console. Type "/incident help" for the commands, Ctrl-D to quit.${web}\n`);
    lines.setPrompt('sitrep> ');
    lines.prompt();
  }
  for await (const line of lines) {
    await session.handle(line);
    if (interactive) lines.prompt();
  }
  await sitrep.worker.drain();
  await sitrep.stop();
}

main().catch((err) => {
  process.stderr.write(`Sitrep stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
