import type { Activity, ChannelAccount, ConversationReference } from 'botbuilder';

/** Where a user last talked to the bot: a team channel, or a personal / group chat. */
export type Origin =
  | { kind: 'channel'; channelId: string; tenantId?: string; serviceUrl: string }
  | { kind: 'chat'; reference: Partial<ConversationReference>; tenantId?: string; serviceUrl: string };

const MAX_ENTRIES = 5_000;

/** A Map that forgets its oldest entries past `max`. */
class Bounded<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    while (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}

/**
 * What the Teams adapter learns from the traffic it receives, in memory: the Bot Connector
 * address and tenant to post to, the bot's own account, people's display names, and where each
 * user last typed a command (the place an incident they declare opens in, when no incidents
 * channel is configured). Nothing here is needed for correctness once the incident has a
 * conversation: its stored ConversationReference carries everything.
 */
export class TeamsMemory {
  private readonly origins = new Bounded<string, Origin>(MAX_ENTRIES);
  private readonly names = new Bounded<string, string>(MAX_ENTRIES);
  private readonly serviceUrls = new Bounded<string, string>(1_000);
  private botAccount: ChannelAccount | undefined;
  private lastTenant: string | undefined;

  constructor(
    private readonly defaults: { appId?: string; tenantId?: string; serviceUrl: string },
  ) {}

  /** Records what an incoming activity tells about the tenant, the bot and the people in it. */
  seen(activity: Partial<Activity>): void {
    const tenant = tenantOf(activity);
    if (tenant) {
      this.lastTenant = tenant;
      if (activity.serviceUrl) this.serviceUrls.set(tenant, activity.serviceUrl);
    }
    if (activity.recipient?.id) this.botAccount = { id: activity.recipient.id, name: activity.recipient.name ?? 'Sitrep' };
    if (activity.from?.id && activity.from.name) this.names.set(activity.from.id, activity.from.name);
    for (const m of mentionsOf(activity)) if (m.name) this.names.set(m.id, m.name);
  }

  nameOf(userId: string): string | undefined {
    return this.names.get(userId);
  }

  rememberOrigin(userId: string, origin: Origin): void {
    this.origins.set(userId, origin);
  }

  originOf(userId: string | undefined): Origin | undefined {
    return userId ? this.origins.get(userId) : undefined;
  }

  tenant(): string | undefined {
    return this.defaults.tenantId ?? this.lastTenant;
  }

  serviceUrl(tenantId: string | undefined): string {
    return (tenantId && this.serviceUrls.get(tenantId)) || this.defaults.serviceUrl;
  }

  bot(): ChannelAccount {
    return this.botAccount ?? { id: `28:${this.defaults.appId ?? 'sitrep'}`, name: 'Sitrep' };
  }
}

/** The tenant of an activity: `conversation.tenantId`, else `channelData.tenant.id`. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId || (typeof fromChannelData === 'string' && fromChannelData) || undefined;
}

/** The people an activity @mentions (the bot included), from its `mention` entities. */
export function mentionsOf(activity: Partial<Activity>): { id: string; name?: string; text?: string }[] {
  const out: { id: string; name?: string; text?: string }[] = [];
  for (const e of activity.entities ?? []) {
    if (e.type !== 'mention') continue;
    const m = (e as { mentioned?: { id?: unknown; name?: unknown }; text?: unknown }).mentioned;
    if (typeof m?.id !== 'string' || !m.id) continue;
    const text = (e as { text?: unknown }).text;
    out.push({ id: m.id, ...(typeof m.name === 'string' ? { name: m.name } : {}), ...(typeof text === 'string' ? { text } : {}) });
  }
  return out;
}
