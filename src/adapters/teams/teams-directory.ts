import { AsyncLocalStorage } from 'node:async_hooks';
import type { Activity } from 'botbuilder';
import type { PeopleDirectory } from '../../app/ports';
import type { Mention } from '../../core/command/command';
import { isValidZone } from '../../core/time/format';
import type { Actor, Person } from '../../core/types';
import { mentionsOf, type TeamsMemory } from './teams-memory';

type Mentioned = ReturnType<typeof mentionsOf>[number];

const TEAMS_USER = /^\d+:\S+$/;

/**
 * People as Teams names them. The core parser reads `<at>Bob Baker</at>` as a mention whose id
 * is the typed name; while a command runs, the `mention` entities of the activity it came in are
 * in scope, so that name resolves to the Teams user id (29:…) and display name Teams sent with it.
 * Outside that scope, a Teams id resolves to the last name seen for it.
 */
export class TeamsDirectory implements PeopleDirectory {
  private readonly scope = new AsyncLocalStorage<Mentioned[]>();

  constructor(
    private readonly memory: TeamsMemory,
    private readonly defaultZone: string,
  ) {}

  /** Runs `work` with the mentions of `activity` (except the bot's) resolvable by name. */
  withMentionsOf<T>(activity: Partial<Activity>, work: () => Promise<T>): Promise<T> {
    const bot = activity.recipient?.id;
    return this.scope.run(
      mentionsOf(activity).filter((m) => m.id !== bot),
      work,
    );
  }

  async lookup(_platform: string, mention: Mention): Promise<Person> {
    const typed = normalize(mention.id);
    const found = (this.scope.getStore() ?? []).find((m) => normalize(innerText(m.text)) === typed || normalize(m.name) === typed);
    if (found) return { id: found.id, name: found.name ?? innerText(found.text) ?? mention.id };
    if (TEAMS_USER.test(mention.id)) return { id: mention.id, name: this.memory.nameOf(mention.id) ?? mention.name ?? mention.id };
    return { id: mention.id, name: mention.name ?? mention.id };
  }

  /** The author of an activity: Teams display name, and the zone their client reports. */
  actor(activity: Partial<Activity>): Actor {
    const id = activity.from?.id ?? 'unknown';
    const name = activity.from?.name || this.memory.nameOf(id) || id;
    return { id, name, platform: 'teams', zone: zoneOf(activity) ?? this.defaultZone };
  }
}

/**
 * Teams sends the user's IANA zone as `localTimezone` on messages; the `clientInfo` entity
 * carries it too. Anything that is not a zone luxon knows is ignored.
 */
export function zoneOf(activity: Partial<Activity>): string | undefined {
  const candidates: unknown[] = [activity.localTimezone];
  for (const e of activity.entities ?? []) if (e.type === 'clientInfo') candidates.push((e as { timezone?: unknown }).timezone);
  return candidates.find((z): z is string => typeof z === 'string' && z !== '' && isValidZone(z));
}

function innerText(text: string | undefined): string | undefined {
  const m = text ? /^<at>(.*)<\/at>$/s.exec(text) : null;
  return m ? m[1] : undefined;
}

function normalize(s: string | undefined): string {
  return (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}
