import type { Cluster, Redis } from "ioredis";
import type { InvalidationMessage } from "./redis-store";

/**
 * Keeps this instance's L1 coherent with the others: listens on the invalidation channel and hands each
 * message to `onMessage`. Pub/sub delivers at most once, and nothing while disconnected, so the L1 may only
 * be trusted while the subscription is live: `healthy` says so, and `onDown` fires whenever it is lost.
 */
export class Coherence {
  private client: Redis | Cluster | null = null;
  private subscribed = false;

  constructor(
    private readonly options: {
      connect: () => Redis | Cluster;
      channel: string;
      onMessage: (message: InvalidationMessage) => void;
      onDown: () => void;
    },
  ) {}

  get healthy(): boolean {
    return this.subscribed && this.client?.status === "ready";
  }

  /** Opens the subscription once; later calls do nothing. */
  start(): void {
    if (this.client) return;
    const client = this.options.connect();
    this.client = client;
    client.on("error", () => undefined);
    client.on("ready", () => {
      client.subscribe(this.options.channel).then(
        () => (this.subscribed = true),
        () => this.lost(),
      );
    });
    client.on("close", () => this.lost());
    client.on("message", (channel: string, raw: string) => {
      if (channel !== this.options.channel) return;
      const message = parseMessage(raw);
      // An unreadable message could have named anything: drop everything rather than guess.
      if (message) this.options.onMessage(message);
      else this.options.onDown();
    });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.subscribed = false;
    if (client) await client.quit().catch(() => client.disconnect());
  }

  private lost(): void {
    this.subscribed = false;
    this.options.onDown();
  }
}

function parseMessage(raw: string): InvalidationMessage | null {
  try {
    const { keys, tags } = JSON.parse(raw) as Partial<InvalidationMessage>;
    const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
    return strings(keys) && strings(tags) ? { keys: keys!, tags: tags! } : null;
  } catch {
    return null;
  }
}
