import type { WebClient } from '@slack/web-api';
import type { PeopleDirectory } from '../../app/ports';
import type { Clock } from '../../app/ports';
import type { Mention } from '../../core/command/command';
import type { Person } from '../../core/types';

export interface SlackPerson extends Person {
  zone: string;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/**
 * Names and time zones from `users.info`, cached. A slow or failing Slack never holds up a
 * command: after `timeoutMs` the name Slack sent with the request and the default zone are used.
 */
export class SlackDirectory implements PeopleDirectory {
  private readonly cache = new Map<string, { person: SlackPerson; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly defaultZone: string,
    private readonly clock: Clock,
    private readonly opts: { ttlMs: number; timeoutMs: number } = { ttlMs: 60 * 60_000, timeoutMs: 1_500 },
  ) {}

  async user(id: string, fallbackName?: string): Promise<SlackPerson> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(id);
    if (cached && cached.until > now) return cached.person;
    const fetched = await this.fetch(id);
    if (fetched) {
      this.cache.set(id, { person: fetched, until: now + this.opts.ttlMs });
      return fetched;
    }
    return cached?.person ?? { id, name: fallbackName ?? id, zone: this.defaultZone };
  }

  async lookup(_platform: string, mention: Mention): Promise<Person> {
    if (!SLACK_USER.test(mention.id)) return { id: mention.id, name: mention.name ?? mention.id };
    const { id, name } = await this.user(mention.id, mention.name);
    return { id, name };
  }

  private async fetch(id: string): Promise<SlackPerson | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.opts.timeoutMs);
    });
    const call = this.client.users
      .info({ user: id })
      .then((r) => {
        const u = r.user;
        if (!u?.id) return null;
        const name = u.profile?.display_name || u.real_name || u.name || id;
        return { id: u.id, name, zone: u.tz || this.defaultZone };
      })
      .catch(() => null);
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
