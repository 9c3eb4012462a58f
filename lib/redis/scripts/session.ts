/**
 * Sessions and sign-in codes, each change one Lua script over keys of one slot (`sess:{u:<id>}:…`,
 * `vt:{e:<email>}:…`), so a user's index never disagrees with the sessions it lists, even mid-crash.
 * Every record's Redis expiry is the record's own (PXAT); an index lives as long as its longest member.
 */

/** KEYS: session, index. ARGV: record JSON, expires at (ms), token. */
export const SESSION_CREATE_LUA = `
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[2]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[2])
end
return 1
`;

/**
 * Reads a session and notes when it was last seen (at most once per interval, keeping its expiry).
 * KEYS: session. ARGV: now (ms), interval (ms). Returns the record JSON or nil.
 */
export const SESSION_READ_LUA = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local record = cjson.decode(raw)
if tonumber(ARGV[1]) - (record.lastSeenAt or 0) >= tonumber(ARGV[2]) then
  record.lastSeenAt = tonumber(ARGV[1])
  raw = cjson.encode(record)
  redis.call('SET', KEYS[1], raw, 'KEEPTTL')
end
return raw
`;

/** Moves a session's expiry (Auth.js extends it). KEYS: session, index. ARGV: expires at (ms). Returns the JSON or nil. */
export const SESSION_EXTEND_LUA = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local record = cjson.decode(raw)
record.expires = tonumber(ARGV[1])
raw = cjson.encode(record)
redis.call('SET', KEYS[1], raw, 'PXAT', ARGV[1])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[1]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[1])
end
return raw
`;

/** KEYS: session, index. ARGV: token. Returns the deleted record's JSON or nil. */
export const SESSION_DELETE_LUA = `
local raw = redis.call('GETDEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return raw
`;

/** Every session of a user, and the index. KEYS: index. ARGV: the session keys' prefix. Returns how many. */
export const SESSION_DELETE_ALL_LUA = `
local tokens = redis.call('SMEMBERS', KEYS[1])
for _, token in ipairs(tokens) do
  redis.call('DEL', ARGV[1] .. token)
end
redis.call('DEL', KEYS[1])
return #tokens
`;
