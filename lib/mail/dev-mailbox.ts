import { redisKeys } from "../redis/keys";
import { withStateRedis } from "../redis/state";

/** The dev mailbox: the last mails to each address, in Redis for an hour, read at /dev/mailbox. */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

const KEEP_MAILS = 20;
const KEEP_MS = 60 * 60 * 1000;

/** KEYS: the mailbox, the mail's once-key. ARGV: the mail, how many to keep, ms to keep. 1 if delivered now. */
const DELIVER_ONCE_LUA = `
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * Keeps the mail in its address's mailbox. With `once`, a mail with the same key delivered before (within the
 * hour) is not delivered again: a sender that retries after a crash hands the mail over once.
 */
export async function deliverToDevMailbox(mail: Omit<Mail, "sentAt">, once?: string): Promise<void> {
  const key = redisKeys.devMailbox(mail.to);
  const stored = JSON.stringify({ ...mail, sentAt: new Date().toISOString() });
  if (once !== undefined) {
    const onceKey = redisKeys.devMailboxOnce(mail.to, once);
    await withStateRedis((redis) => redis.eval(DELIVER_ONCE_LUA, 2, key, onceKey, stored, KEEP_MAILS, KEEP_MS));
    return;
  }
  await withStateRedis((redis) =>
    redis
      .multi()
      .lpush(key, stored)
      .ltrim(key, 0, KEEP_MAILS - 1)
      .pexpire(key, KEEP_MS)
      .exec(),
  );
}

/** The mails to an address, newest first. */
export async function readDevMailbox(to: string): Promise<Mail[]> {
  const raw = await withStateRedis((redis) => redis.lrange(redisKeys.devMailbox(to), 0, -1));
  return raw.map((entry) => JSON.parse(entry) as Mail);
}
