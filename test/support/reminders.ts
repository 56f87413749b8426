import type { ReminderKind } from '../../src/core/messages/message';
import type { testApp } from './app';

type App = ReturnType<typeof testApp>;

export const MINUTE = 60_000;

/** One scheduler tick at the app's clock, then delivery; returns how many reminders were queued. */
export async function tick(app: App): Promise<number> {
  const queued = await app.scheduler.tick();
  await app.worker.drain();
  return queued;
}

/** The reminders (of one kind, if told) posted to a conversation so far, as the console prints them. */
export function reminders(app: App, conversation: string, kind?: ReminderKind): string[] {
  return app.platform
    .to(conversation)
    .filter((c) => c.message?.type === 'reminder' && (!kind || c.message.kind === kind))
    .map((c) => c.text);
}
