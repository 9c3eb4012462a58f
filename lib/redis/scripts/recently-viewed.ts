/**
 * A viewer's recently viewed products: a sorted set of product id → when viewed (Redis' clock, µs, so
 * that views recorded by different instances order by one clock), trimmed to the newest `cap` and
 * expiring after `idle` ms without a view.
 */

/**
 * KEYS: the list, the viewer's counted-set of this hour. ARGV: product id, cap, idle ms, counted-set ms,
 * ms a list of one product lives. Records the view and answers `{ counted, ids }`: counted 1 when this is
 * the viewer's first view of the product this hour (trending counts it), ids newest first. A list of a
 * single product (a visitor who came once, or a client that never keeps its cookie) lives only a day.
 */
export const RECENTLY_VIEWED_RECORD_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1))
if redis.call('ZCARD', KEYS[1]) > 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
local counted = redis.call('SADD', KEYS[2], ARGV[1])
if counted == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
return {counted, redis.call('ZREVRANGE', KEYS[1], 0, -1)}
`;

/**
 * KEYS: the user's list. ARGV: cap, idle ms, then pairs of when viewed (µs) and product id from the
 * visitor's list. Keeps the later view of each product and the newest `cap`: running it twice with the
 * same pairs changes nothing (the merge is idempotent).
 */
export const RECENTLY_VIEWED_MERGE_LUA = `
for i = 3, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], 'GT', ARGV[i], ARGV[i + 1])
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return redis.call('ZCARD', KEYS[1])
`;
