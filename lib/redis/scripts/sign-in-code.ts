/**
 * Sign-in codes, each change one Lua script over one e-mail's slot (`vt:{e:<email>}:…`). A code record
 * (JSON) names the browser it belongs to (`browser`, a hash of that browser's nonce); each browser has at
 * most one pending code per e-mail (the browser key, living as long as the code), with its own count of
 * wrong tries; every wrong try made with a pending code also joins the e-mail's 24-hour log, which a new
 * code never clears.
 */

/**
 * A new code for one browser: replaces that browser's previous code for the e-mail (other browsers' codes
 * stay). KEYS: record, browser. ARGV: record JSON, expires at (ms), hash, the records' key prefix.
 */
export const CODE_CREATE_LUA = `
local previous = redis.call('HGET', KEYS[2], 'code')
if previous then redis.call('DEL', ARGV[4] .. previous) end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'code', ARGV[3], 'tries', 0)
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return 1
`;

/**
 * Uses a code once, only from the browser it belongs to. A browser with no pending code for the e-mail
 * cannot succeed, so its tries count nowhere (a stranger cannot spend the owner's budget, nor grow Redis).
 * Any other miss is a wrong try: counted for the browser, whose own code dies at the limit (another
 * browser's code is never touched), and logged for the e-mail (24 hours, the newest ARGV[8] kept).
 * KEYS: record, browser, wrong-try log. ARGV: hash, the browser's hash (or ""), max wrong tries per code,
 * now (ms), log window (ms), a unique member, the records' key prefix, log length kept.
 * Returns the record JSON, or nil.
 */
export const CODE_USE_LUA = `
if ARGV[2] == '' or redis.call('EXISTS', KEYS[2]) == 0 then return nil end
local raw = redis.call('GET', KEYS[1])
if raw and cjson.decode(raw).browser == ARGV[2] then
  redis.call('DEL', KEYS[1])
  redis.call('DEL', KEYS[2])
  return raw
end
local now = tonumber(ARGV[4])
redis.call('ZADD', KEYS[3], now, ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[5]))
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[8]) + 1))
redis.call('PEXPIRE', KEYS[3], ARGV[5])
local tries = redis.call('HINCRBY', KEYS[2], 'tries', 1)
if tries >= tonumber(ARGV[3]) then
  redis.call('DEL', ARGV[7] .. redis.call('HGET', KEYS[2], 'code'))
  redis.call('DEL', KEYS[2])
end
return nil
`;

/**
 * The e-mail's wrong tries within the window: their number and the newest's time (ms), and the time of the
 * one that must leave the window before the count drops below ARGV[3]. KEYS: log. ARGV: now (ms), window
 * (ms), the count that locks. Returns {count, newest, oldestThatLocks}.
 */
export const WRONG_TRIES_LUA = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
local count = redis.call('ZCARD', KEYS[1])
if count == 0 then return {0, 0, 0} end
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
local locking = 0
local over = count - tonumber(ARGV[3])
if over >= 0 then locking = redis.call('ZRANGE', KEYS[1], over, over, 'WITHSCORES')[2] end
return {count, tonumber(newest), tonumber(locking)}
`;
