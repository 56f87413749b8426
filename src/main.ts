import { createInterface } from 'node:readline';
import pino from 'pino';
import { consoleDirectory } from './adapters/console/console-directory';
import { ConsolePlatform } from './adapters/console/console-platform';
import { ConsoleSession } from './adapters/console/console-session';
import { compose } from './compose';
import { ConfigError, loadConfig, processEnv, type Config } from './config/config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';

/** Local mode: the embedded database (or DATABASE_URL) and a console on stdin/stdout. */
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
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'sitrep' } }, pino.destination(2));
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
  await migrate(database);
  const { deps, worker } = compose({
    database,
    platforms: [new ConsolePlatform(process.stdout)],
    directory: consoleDirectory,
    settings: {
      defaultSeverity: config.DEFAULT_SEVERITY,
      defaultZone: config.DEFAULT_TIMEZONE,
      components: config.COMPONENTS,
      announcements: [{ platform: 'console', externalId: '#announcements', name: '#announcements' }],
    },
    log,
  });
  const interactive = Boolean(process.stdin.isTTY);
  const session = new ConsoleSession(deps, process.stdout, { zone: config.DEFAULT_TIMEZONE, echo: !interactive, drain: () => worker.drain() });
  const lines = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    process.stdout.write('Sitrep local console. Type "/incident help" for the commands, Ctrl-D to quit.\n');
    lines.setPrompt('sitrep> ');
    lines.prompt();
  }
  for await (const line of lines) {
    await session.handle(line);
    if (interactive) lines.prompt();
  }
  await worker.drain();
  await database.close();
}

main().catch((err) => {
  process.stderr.write(`Sitrep stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
