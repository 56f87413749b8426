import type { Logger } from 'pino';
import { PlatformError, type OpenConversationRequest, type OpenedConversation } from '../../app/ports';
import { conversationName } from '../../core/messages/conversation-name';
import { GraphError, type GraphClient } from './graph';
import { messageActivity } from './teams-activity';
import { referenceTo, type Address, type BotConnector } from './teams-connector';
import type { Origin, TeamsMemory } from './teams-memory';

export interface PlacesSettings {
  /** Create a channel per incident through Graph (falls back to a thread when that fails). */
  createChannels: boolean;
  /** The Graph team id (Microsoft 365 group id) incident channels are created in. */
  teamId?: string;
  /** The channel incident threads start in; unset: the channel the incident was declared in. */
  incidentsChannel?: string;
}

/** Channel names are at most 50 characters in Teams. */
const CHANNEL_NAME_MAX = 50;

/**
 * Where a new incident lives in Teams, in this order: its own channel in the incidents team
 * (Graph, when enabled and permitted); a new thread in the incidents channel, else in the
 * channel it was declared in; a personal or group chat it was declared in is its own place.
 * A private incident never goes to a channel: it lives in the chat it was declared in, else in
 * the declarer's personal chat with the bot. A thread's root post is the incident's summary
 * card, which later edits keep up to date.
 */
export class IncidentPlaces {
  private readonly graphFailuresLogged = new Set<string>();

  constructor(
    private readonly settings: PlacesSettings,
    private readonly connector: BotConnector,
    private readonly graph: GraphClient,
    private readonly memory: TeamsMemory,
    /** True when a Teams conversation id already belongs to an incident. */
    private readonly bound: (externalId: string) => Promise<boolean>,
    private readonly log: Logger,
  ) {}

  async open(request: OpenConversationRequest): Promise<OpenedConversation> {
    const card = request.incident;
    // Where the declaration was typed travels with the request; memory is the fallback for a
    // request queued before origins were stored with it.
    const origin = (request.origin as Origin | undefined) ?? this.memory.originOf(request.members[0]);
    const tenantId = origin?.tenantId ?? this.memory.tenant();
    const at: Address = { serviceUrl: origin?.serviceUrl ?? this.memory.serviceUrl(tenantId), bot: this.memory.bot(), ...(tenantId ? { tenantId } : {}) };

    // Everyone in a team channel sees its threads: a private incident lives in a chat instead.
    if (card.private) {
      if (origin?.kind === 'chat') return this.inChat(origin, card.number);
      const declarer = request.members[0];
      if (!declarer) throw new PlatformError('teams', 'no_declarer', false);
      return this.inChat({ kind: 'chat', reference: await this.connector.personalChat(declarer, at), serviceUrl: at.serviceUrl }, card.number);
    }

    if (this.settings.createChannels && this.settings.teamId) {
      const channel = await this.createChannel(this.settings.teamId, card.number, card.title, tenantId);
      if (channel) return { externalId: channel.id, name: channel.displayName, link: channel.webUrl, reference: referenceTo(channel.id, at) };
    }

    const channelId = this.settings.incidentsChannel ?? (origin?.kind === 'channel' ? origin.channelId : undefined);
    if (channelId) {
      const thread = await this.connector.startThread(channelId, at, messageActivity({ type: 'summary', incident: card }));
      return { externalId: thread, name: `the INC-${card.number} thread`, link: null, reference: referenceTo(thread, at) };
    }

    if (origin?.kind === 'chat') return this.inChat(origin, card.number);
    this.log.error({ incident: card.number }, 'no place for a Teams incident: set TEAMS_INCIDENTS_CHANNEL (the declaring chat or channel is not known to this process)');
    throw new PlatformError('teams', 'no_incident_channel', false);
  }

  /** The chat itself. A chat that is already another incident's home keeps it; this one is told apart by its number. */
  private async inChat(origin: Extract<Origin, { kind: 'chat' }>, number: number): Promise<OpenedConversation> {
    const chatId = origin.reference.conversation?.id ?? '';
    const personal = origin.reference.conversation?.conversationType === 'personal';
    const name = personal ? 'the chat with Sitrep' : origin.reference.conversation?.name || 'the group chat';
    const externalId = (await this.bound(chatId)) ? `${chatId}#INC-${number}` : chatId;
    return { externalId, name, link: null, reference: origin.reference };
  }

  /** A standard channel through Graph, or null (logged once per reason) when Graph refuses or fails. */
  private async createChannel(teamId: string, number: number, title: string, tenantId: string | undefined) {
    const displayName = conversationName(number, title, CHANNEL_NAME_MAX);
    try {
      return await this.graph.createChannel(teamId, displayName, `INC-${number}: ${title}`.slice(0, 1024), tenantId);
    } catch (err) {
      const reason = err instanceof GraphError ? `${err.status || 'no_answer'}:${err.code}` : 'unexpected';
      if (!this.graphFailuresLogged.has(reason)) {
        this.graphFailuresLogged.add(reason);
        const hint =
          err instanceof GraphError && err.status === 403
            ? 'grant the app Channel.Create.Group (resource-specific consent in the team) or Channel.Create'
            : 'Graph did not create the channel';
        this.log.warn({ reason, err: (err as Error).message }, `Teams incident channels fall back to threads: ${hint} (logged once per reason)`);
      }
      return null;
    }
  }
}
