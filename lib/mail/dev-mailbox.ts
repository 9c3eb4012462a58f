import { redisKeys } from "../redis/keys";
import { withStateRedis } from "../redis/state";
import { runScript } from "../redis/scripts/run";

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

/**
 * KEYS: the mailbox, and the mail's once-key when it has one. ARGV: the mail, how many to keep, ms to keep.
 * 1 if delivered now, 0 if a mail with the once-key was delivered before.
 */
const DELIVER_LUA = `
if KEYS[2] and not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then return 0 end
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
  const keys = [
    redisKeys.devMailbox(mail.to),
    ...(once === undefined ? [] : [redisKeys.devMailboxOnce(mail.to, once)]),
  ];
  const stored = JSON.stringify({ ...mail, sentAt: new Date().toISOString() });
  await withStateRedis((redis) => runScript(redis, DELIVER_LUA, keys, stored, KEEP_MAILS, KEEP_MS));
}

/** The mails to an address, newest first. */
export async function readDevMailbox(to: string): Promise<Mail[]> {
  const raw = await withStateRedis((redis) => redis.lrange(redisKeys.devMailbox(to), 0, -1));
  return raw.map((entry) => JSON.parse(entry) as Mail);
}
