import { Rig, TcpProxy, until, type ChaosEnv, type ScenarioResult, type SitrepProcess } from './scenarios';

const NOTED = /^Noted on INC-1/;

/** Notes recorded as the timeline shows them to a user. */
async function timelineCount(rig: Rig, p: SitrepProcess, channel: string, prefix: string): Promise<number> {
  const { text } = await rig.command(p, 'timeline', channel);
  return text.split('\n').filter((l) => l.includes(`note: ${prefix}-`)).length;
}

async function sendNotes(rig: Rig, pick: (i: number) => SitrepProcess, channel: string, prefix: string, n: number, during?: (i: number) => void) {
  let acknowledged = 0;
  let slowest = 0;
  const answers: string[] = [];
  for (let i = 0; i < n; i++) {
    during?.(i);
    const a = await rig.command(pick(i), `note ${prefix}-${i}`, channel);
    slowest = Math.max(slowest, a.ms);
    answers.push(a.text);
    if (NOTED.test(a.text)) acknowledged++;
  }
  return { acknowledged, slowest, answers };
}

function account(name: string, load: string, faults: string, acknowledged: number, recorded: number, seen: Map<string, number>, expected: number, detail = ''): ScenarioResult {
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { name, load, faults, acknowledged, recorded, delivered: seen.size, duplicates, lost: expected - seen.size, detail };
}

/** Slack answers 503 for a while; commands keep being recorded and everything arrives afterwards, once, in order. */
export async function slackDown(chaos: ChaosEnv): Promise<ScenarioResult & { inOrder: boolean; callsDuringOutage: number }> {
  const rig = await Rig.start(chaos);
  try {
    const p = await rig.spawn();
    const channel = await rig.declare(p, 'Slack outage');
    rig.slack.down({ status: 503 });
    const before = rig.slack.calls.length;
    const sent = await sendNotes(rig, () => p, channel, 'down', chaos.notes);
    await new Promise((r) => setTimeout(r, chaos.outageMs));
    const callsDuringOutage = rig.slack.calls.length - before;
    rig.slack.up();
    await until(() => rig.deliveries('down').size === chaos.notes, 90_000);
    const order = rig.slack.channels.get(channel)!.messages.map((m) => /noted: down-(\d+)$/.exec(m.text)?.[1]).filter(Boolean).map(Number);
    const inOrder = order.every((n, i) => n === i);
    const recorded = await timelineCount(rig, p, channel, 'down');
    const result = account(
      'slack-down',
      `${chaos.notes} notes`,
      `Slack 503 for ${Math.round(chaos.outageMs / 1000)} s`,
      sent.acknowledged,
      recorded,
      rig.deliveries('down'),
      chaos.notes,
      `${callsDuringOutage} Slack calls during the outage; slowest answer ${sent.slowest} ms; order ${inOrder ? 'kept' : 'BROKEN'}`,
    );
    return { ...result, inOrder, callsDuringOutage };
  } finally {
    await rig.stop();
  }
}

/** SIGKILL while deliveries are in flight; a new process delivers the rest. */
export async function processKilled(chaos: ChaosEnv): Promise<ScenarioResult & { summaries: number }> {
  const rig = await Rig.start(chaos);
  try {
    const first = await rig.spawn();
    const channel = await rig.declare(first, 'Killed mid flight');
    rig.slack.setLatency(150);
    const sent = await sendNotes(rig, () => first, channel, 'kill', chaos.notes);
    await until(() => rig.deliveries('kill').size >= Math.min(3, chaos.notes), 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const deliveredBefore = rig.deliveries('kill').size;
    rig.slack.setLatency(0);
    const second = await rig.spawn();
    await rig.command(second, 'severity sev2', channel);
    await until(() => rig.deliveries('kill').size === chaos.notes, 60_000);
    await until(async () => (await rig.command(second, 'doctor', channel)).text.startsWith('Every message'), 20_000);
    const summaries = rig.slack.channels.get(channel)!.messages.filter((m) => m.text.includes('INC-1 · SEV')).length;
    const recorded = await timelineCount(rig, second, channel, 'kill');
    const result = account(
      'process-killed',
      `${chaos.notes} notes`,
      `SIGKILL after ${deliveredBefore} delivered`,
      sent.acknowledged,
      recorded,
      rig.deliveries('kill'),
      chaos.notes,
      `pinned summary posted ${summaries} time(s), edited in place after restart`,
    );
    return { ...result, summaries };
  } finally {
    await rig.stop();
  }
}

/** PostgreSQL drops every connection and refuses new ones for a while, as in a restart. */
export async function databaseRestart(chaos: ChaosEnv & { databaseUrl: string }): Promise<ScenarioResult & { slowest: number; refusals: number; recovered: boolean }> {
  const target = new URL(chaos.databaseUrl);
  const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(chaos.databaseUrl);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const rig = await Rig.start(chaos, proxied.toString());
  try {
    const p = await rig.spawn();
    const channel = await rig.declare(p, 'Database restart');
    const n = chaos.notes;
    const outageAt = Math.floor(n / 3);
    const backAt = Math.floor((2 * n) / 3);
    const sent = await sendNotes(rig, () => p, channel, 'db', n, (i) => {
      if (i === outageAt) proxy.outage();
      if (i === backAt) proxy.restore();
    });
    const recovered = NOTED.test((await rig.command(p, 'note reconnected', channel)).text);
    // A command still waiting for the database after 2 s is acknowledged and answered later.
    const later = rig.slack.callsTo('response_url').map((c) => String(c.args.text ?? ''));
    const refusals = [...sent.answers, ...later].filter((a) => a.startsWith('Could not record that')).length;
    const acknowledged = sent.acknowledged + later.filter((a) => NOTED.test(a)).length;
    const recorded = await timelineCount(rig, p, channel, 'db');
    await until(() => rig.deliveries('db').size >= recorded, 30_000);
    const seen = rig.deliveries('db');
    const result = account(
      'database-restart',
      `${n} notes`,
      `PostgreSQL unreachable for notes ${outageAt}–${backAt - 1}`,
      acknowledged,
      recorded,
      seen,
      recorded,
      `${refusals} commands answered "could not record" (slowest answer ${sent.slowest} ms); reconnected by itself: ${recovered ? 'yes' : 'NO'}`,
    );
    return { ...result, slowest: sent.slowest, refusals, recovered };
  } finally {
    await rig.stop();
    await proxy.stop();
  }
}

/** Two processes on one PostgreSQL share the outbox: every message is sent by exactly one. */
export async function twoInstances(chaos: ChaosEnv & { databaseUrl: string }): Promise<ScenarioResult> {
  const rig = await Rig.start(chaos);
  try {
    const [a, b] = await Promise.all([rig.spawn(), rig.spawn()]);
    const channel = await rig.declare(a!, 'Two instances');
    const sent = await sendNotes(rig, (i) => (i % 2 ? b! : a!), channel, 'two', chaos.notes);
    await until(() => rig.deliveries('two').size === chaos.notes, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const recorded = await timelineCount(rig, a!, channel, 'two');
    return account('two-instances', `${chaos.notes} notes over 2 processes`, 'none (shared outbox)', sent.acknowledged, recorded, rig.deliveries('two'), chaos.notes);
  } finally {
    await rig.stop();
  }
}

/** A message Slack refuses for good is parked, shown by /incident doctor, and does not block the channel. */
export async function poisonMessage(chaos: ChaosEnv): Promise<ScenarioResult & { doctor: string }> {
  const rig = await Rig.start(chaos);
  try {
    const p = await rig.spawn();
    const channel = await rig.declare(p, 'Poison');
    rig.slack.failNext('chat.postMessage', { error: 'invalid_blocks' }, 3);
    const sent = await sendNotes(rig, () => p, channel, 'poison', chaos.notes);
    await until(() => rig.deliveries('poison').size === chaos.notes - 1, 30_000);
    const doctor = (await rig.command(p, 'doctor', channel)).text;
    const recorded = await timelineCount(rig, p, channel, 'poison');
    const result = account('poison-message', `${chaos.notes} notes`, 'Slack refuses the first note for good', sent.acknowledged, recorded, rig.deliveries('poison'), chaos.notes - 1, doctor.split('\n')[0] ?? '');
    return { ...result, doctor };
  } finally {
    await rig.stop();
  }
}
