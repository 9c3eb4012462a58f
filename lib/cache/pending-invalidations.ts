import type { InvalidationMessage } from "./redis-store";

/**
 * Invalidations not yet delivered to Redis. One that cannot be sent (Redis unusable) is kept, and the
 * cache sends what is kept before its next read from Redis: no read may see an entry that an
 * invalidation this process accepted should have removed.
 */
export class PendingInvalidations {
  private keys: string[] = [];
  private tags: string[] = [];

  /** @param deliver sends one message (deletes, stamps and publishes); false when Redis was unusable. */
  constructor(private readonly deliver: (message: InvalidationMessage) => Promise<boolean>) {}

  /** Whether nothing is kept (the common case: no need to wait for a flush). */
  get empty(): boolean {
    return this.keys.length === 0 && this.tags.length === 0;
  }

  add(message: InvalidationMessage): void {
    this.keys.push(...message.keys);
    this.tags.push(...message.tags);
  }

  /** Sends everything kept as one message; true when nothing is left to send. */
  async flush(): Promise<boolean> {
    if (this.keys.length === 0 && this.tags.length === 0) return true;
    const message = { keys: [...this.keys], tags: [...this.tags] };
    if (!(await this.deliver(message))) return false;
    // What was added while the message was on its way stays, unless the message named it already.
    this.keys = this.keys.filter((key) => !message.keys.includes(key));
    this.tags = this.tags.filter((tag) => !message.tags.includes(tag));
    return true;
  }
}
