import type { App } from '@slack/bolt';

/** How handlers are registered: Bolt's own methods, with Bolt's typing. */
export type SlackRoutes = Pick<App, 'command' | 'shortcut' | 'view' | 'action' | 'event'>;

type Kind = keyof SlackRoutes;
type Listener = (args: { payload: Record<string, unknown> }) => Promise<void>;

/** The field of each kind's payload that names which handler it is for. */
const NAME_OF: Record<Kind, string> = { command: 'command', shortcut: 'callback_id', view: 'callback_id', action: 'action_id', event: 'type' };
/** The argument Bolt adds for each kind of request, besides the payload every request has. */
const KINDS = Object.keys(NAME_OF) as Kind[];

/**
 * Handlers registered as with Bolt, then mounted on the app as one global middleware that picks
 * the handler by kind and name. Bolt runs every registered listener's middleware chain for every
 * request, each with its own copy of the arguments, so one listener per handler cost a slash
 * command a tenth of its CPU, and even one per kind cost it five chains; the middleware costs it
 * none. Bolt's own constraints carry over: a modal handler answers only its submission.
 */
export function slackRoutes(): SlackRoutes & { mount(app: App): void } {
  const routes = new Map<Kind, Map<string, Listener>>();
  const register = (kind: Kind) => (name: unknown, listener: unknown) => {
    if (typeof name !== 'string' || typeof listener !== 'function') throw new Error(`a Slack ${kind} handler needs a name and one listener`);
    const named = routes.get(kind) ?? new Map<string, Listener>();
    if (named.has(name)) throw new Error(`two Slack ${kind} handlers for "${name}"`);
    named.set(name, listener as Listener);
    routes.set(kind, named);
  };
  const handlerFor = (args: Record<string, unknown>): Listener | undefined => {
    const kind = KINDS.find((k) => args[k] !== undefined);
    if (!kind || (kind === 'view' && (args.body as { type?: unknown }).type !== 'view_submission')) return undefined;
    const name = (args.payload as Record<string, unknown>)[NAME_OF[kind]];
    return typeof name === 'string' ? routes.get(kind)?.get(name) : undefined;
  };
  return {
    command: register('command') as SlackRoutes['command'],
    shortcut: register('shortcut') as SlackRoutes['shortcut'],
    view: register('view') as SlackRoutes['view'],
    action: register('action') as SlackRoutes['action'],
    event: register('event') as SlackRoutes['event'],
    mount(app) {
      app.use(async (args) => {
        const listener = handlerFor(args as unknown as Record<string, unknown>);
        if (!listener) return args.next();
        await listener(args as unknown as { payload: Record<string, unknown> });
      });
    },
  };
}
