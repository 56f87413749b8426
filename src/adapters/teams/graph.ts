import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { errorCode } from './teams-http';

export interface GraphChannel {
  id: string;
  displayName: string;
  webUrl: string | null;
}

/** A Graph call that failed: `status` 0 when no HTTP answer came (timeout, network, token). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Microsoft Graph ${status ? `HTTP ${status}` : 'request failed'}${code ? ` (${code})` : ''}`);
    this.name = 'GraphError';
  }
}

export interface GraphSettings {
  /** e.g. 'https://graph.microsoft.com/v1.0'. */
  url: string;
  appId?: string;
  appPassword?: string;
  appType: string;
  /** The bot's own tenant (single tenant, managed identity). */
  appTenantId?: string;
  timeoutMs: number;
}

/**
 * Microsoft Graph for the one thing Sitrep asks of it: a standard channel per incident in the
 * incidents team. The app-only token comes from botbuilder's credentials for the tenant the team
 * is in (Channel.Create.Group by resource-specific consent, or Channel.Create); with no app id
 * (insecure local mode) requests carry no token.
 */
export class GraphClient {
  constructor(private readonly settings: GraphSettings) {}

  /** Creates the channel; when its name exists already (an earlier attempt got through), returns that one. */
  async createChannel(teamId: string, displayName: string, description: string, tenantId: string | undefined): Promise<GraphChannel> {
    const path = `/teams/${encodeURIComponent(teamId)}/channels`;
    try {
      return channelOf(await this.call('POST', path, tenantId, { displayName, description, membershipType: 'standard' }));
    } catch (err) {
      if (!(err instanceof GraphError) || err.code !== 'NameAlreadyExists') throw err;
      const listed = (await this.call('GET', path, tenantId)) as { value?: unknown[] };
      const found = (listed.value ?? []).map(channelOf).find((c) => c.displayName.toLowerCase() === displayName.toLowerCase());
      if (!found) throw err;
      return found;
    }
  }

  private async call(method: string, path: string, tenantId: string | undefined, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = await this.token(tenantId);
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(`${this.settings.url.replace(/\/+$/, '')}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch {
      throw new GraphError(0, 'network');
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new GraphError(res.status, errorCode(text));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GraphError(res.status, 'invalid_json');
    }
  }

  /** An app-only token for Graph in `tenantId` (the team's tenant), or null without credentials. */
  private async token(tenantId: string | undefined): Promise<string | null> {
    const { appId, appPassword, appType, appTenantId } = this.settings;
    if (!appId) return null;
    const tenant = appTenantId ?? tenantId;
    if (!tenant) throw new GraphError(0, 'no_tenant');
    // A multi-tenant bot still needs a token issued by the team's tenant: Graph answers for that tenant only.
    const managed = appType.toLowerCase() === 'userassignedmsi';
    const factory = new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: managed ? undefined : appPassword,
      MicrosoftAppType: managed ? 'UserAssignedMsi' : 'SingleTenant',
      MicrosoftAppTenantId: tenant,
    });
    const audience = new URL(this.settings.url).origin;
    try {
      const credentials = (await factory.createCredentials(appId, audience, `https://login.microsoftonline.com/${tenant}`, true)) as unknown as {
        getToken(forceRefresh?: boolean): Promise<string>;
      };
      return await withTimeout(credentials.getToken(), this.settings.timeoutMs);
    } catch {
      throw new GraphError(0, 'token_unavailable');
    }
  }
}

function channelOf(raw: unknown): GraphChannel {
  const c = raw as { id?: unknown; displayName?: unknown; webUrl?: unknown };
  if (typeof c.id !== 'string' || !c.id) throw new GraphError(200, 'no_channel_id');
  return { id: c.id, displayName: typeof c.displayName === 'string' ? c.displayName : '', webUrl: typeof c.webUrl === 'string' ? c.webUrl : null };
}

/** The value of `work`, or a rejection after `ms` (the work itself is not stopped). */
export async function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error = () => new Error('timeout')): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
