import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server. `outage()` drops every open connection
 * and refuses new ones, as clients see a database restart; `restore()` lets them through again.
 */
export class TcpProxy {
  private readonly open = new Set<Socket>();
  private refusing = false;
  private server: Server | null = null;
  port = 0;

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy();
    proxy.server = createServer((client) => proxy.accept(client, target));
    await new Promise<void>((resolve) => proxy.server!.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    proxy.port = address.port;
    return proxy;
  }

  outage(): void {
    this.refusing = true;
    for (const s of this.open) s.destroy();
  }

  restore(): void {
    this.refusing = false;
  }

  async stop(): Promise<void> {
    this.outage();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      this.open.add(s);
      s.on('close', () => this.open.delete(s));
      s.on('error', drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
