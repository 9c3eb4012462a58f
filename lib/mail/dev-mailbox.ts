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

export async function deliverToDevMailbox(mail: Omit<Mail, "sentAt">): Promise<void> {
  const key = redisKeys.devMailbox(mail.to);
  const stored = JSON.stringify({ ...mail, sentAt: new Date().toISOString() });
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
