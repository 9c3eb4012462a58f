/**
 * Marks a cache tag as invalidated now, by Redis' own clock in microseconds: the clock every cache entry is
 * stamped with, so app instances with skewed clocks still agree on what came first.
 * KEYS[1]: the tag's key. ARGV[1]: how long to remember it (ms), longer than any entry lives.
 */
export const STAMP_TAG_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
redis.call('SET', KEYS[1], string.format('%.0f', now), 'PX', ARGV[1])
return now
`;
