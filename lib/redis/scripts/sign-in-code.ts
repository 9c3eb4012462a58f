/**
 * Sign-in codes, each change one Lua script over one e-mail's slot (`vt:{e:<email>}:…`). A code record
 * (JSON) names the browser it belongs to (`browser`, a hash of that browser's nonce); each browser has at
 * most one pending code per e-mail, with its own count of wrong tries; every wrong try also joins the
 * e-mail's 24-hour log, which a new code never clears.
 */

/**
 * A new code for one browser: replaces that browser's previous code for the e-mail (other browsers' codes
 * stay). KEYS: record, index, browser. ARGV: record JSON, expires at (ms), hash, the records' key prefix.
 */
export const CODE_CREATE_LUA = `
local previous = redis.call('HGET', KEYS[3], 'code')
if previous then
  redis.call('DEL', ARGV[4] .. previous)
  redis.call('SREM', KEYS[2], previous)
end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[2]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[2])
end
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[3], 'code', ARGV[3], 'tries', 0)
redis.call('PEXPIREAT', KEYS[3], ARGV[2])
return 1
`;

/**
 * Uses a code once, only from the browser it belongs to. Anything else is a wrong try: logged for the
 * e-mail (24 hours), and counted for the browser, whose own code dies at the limit (another browser's code
 * is never touched). KEYS: record, index, browser, wrong-try log. ARGV: hash, the browser's hash (or ""),
 * max wrong tries per code, now (ms), log window (ms), a unique member, the records' key prefix.
 * Returns the record JSON, or nil.
 */
export const CODE_USE_LUA = `
local raw = redis.call('GET', KEYS[1])
if raw and ARGV[2] ~= '' and cjson.decode(raw).browser == ARGV[2] then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[1])
  redis.call('DEL', KEYS[3])
  return raw
end
local now = tonumber(ARGV[4])
redis.call('ZADD', KEYS[4], now, ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[5]))
redis.call('PEXPIRE', KEYS[4], ARGV[5])
if ARGV[2] ~= '' and redis.call('EXISTS', KEYS[3]) == 1 then
  local tries = redis.call('HINCRBY', KEYS[3], 'tries', 1)
  if tries >= tonumber(ARGV[3]) then
    local code = redis.call('HGET', KEYS[3], 'code')
    redis.call('DEL', ARGV[7] .. code)
    redis.call('SREM', KEYS[2], code)
    redis.call('DEL', KEYS[3])
  end
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
