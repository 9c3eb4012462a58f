/**
 * A cache entry read for a burst of callers, and its lock taken in the same step when the entry cannot
 * answer them: missing, or older than an invalidation of one of the tags asked for (the envelope begins
 * `[<version>,<at>,`: lib/cache/envelope.ts). Its load then starts on this answer, not a round trip later.
 * An entry past its TTL is still an entry (served stale while one caller refreshes it): no lock.
 *
 * KEYS[1]: the entry; KEYS[2]: its lock; KEYS[3..]: the tags' stamps. ARGV[1]: the lock's token; ARGV[2]:
 * its lifetime (ms); ARGV[3]: 1 to have Redis' TIME in any case; ARGV[4]: the envelope version. Returns
 * `{entry, locked (1 or 0), seconds, microseconds, stamps...}`: Redis' TIME when locked (what the load is
 * stamped with) or asked, else 0, 0.
 */
export const READ_OR_LOCK_LUA = `
local entry = redis.call('GET', KEYS[1])
local at = entry and tonumber(string.match(entry, '^%[' .. ARGV[4] .. ',(%d+),'))
local unusable = not entry
local reply = {entry or false, 0, 0, 0}
for i = 3, #KEYS do
  local stamp = redis.call('GET', KEYS[i])
  reply[i + 2] = stamp or false
  if stamp and at and tonumber(stamp) >= at then unusable = true end
end
if unusable and redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2], 'NX') then reply[2] = 1 end
if reply[2] == 1 or ARGV[3] == '1' then
  local time = redis.call('TIME')
  reply[3], reply[4] = time[1], time[2]
end
return reply
`;
