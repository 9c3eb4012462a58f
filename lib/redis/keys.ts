import { env } from "../env";

/**
 * Every Redis key Brisk writes starts with one prefix (a namespace: tests use their own). Each owner
 * names its keys in a small module of its own, all built on `prefixed`:
 *
 * | keys                                         | built in                                        |
 * | -------------------------------------------- | ----------------------------------------------- |
 * | `cache:*`, `cache-tag:{*}`, `cache-lock:*`   | lib/cache/keys.ts (entry names: catalog/cache-keys.ts) |
 * | `cart:{c:*}`, `cart:{u:*}`, `…:merged`       | lib/cart/keys.ts                                |
 * | `sess:{u:*}:*`, `vt:{e:*}:*`                 | lib/auth/keys.ts                                |
 * | `idem:{*}:*`                                 | lib/orders/keys.ts                              |
 * | `viewed:{v:*}`, `viewed:{u:*}`, `trend:{trend}:*` | lib/activity/keys.ts                       |
 * | `rl:{*}:*`, `mailbox:{e:*}`                  | here                                            |
 *
 * Keys that one operation touches share a hash tag `{...}`, so they live in one Redis Cluster slot.
 */

export const keyPrefix = (): string => env.REDIS_KEY_PREFIX;

/** `name` under the prefix. */
export const prefixed = (name: string): string => `${keyPrefix()}${name}`;

export const redisKeys = {
  /** A fixed-window counter: `rl:{<scope>}:<window>`, e.g. scope `signin-email:<email>`. */
  rateLimit: (scope: string, window: number) => prefixed(`rl:{${scope}}:${window}`),
  /** Dev mailbox: the mails sent to one address, newest first (only with AUTH_DEV_MAILBOX=1). */
  devMailbox: (email: string) => prefixed(`mailbox:{e:${email}}`),
  /** A mail to this address already delivered under this key (the dev mailbox's delivery-once record). */
  devMailboxOnce: (email: string, once: string) => prefixed(`mailbox:{e:${email}}:once:${once}`),
  /** Everything the cache wrote, for SCAN (reseeding). */
  cachePattern: () => prefixed("cache*"),
};
