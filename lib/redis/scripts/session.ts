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

/**
 * A new code replaces the e-mail's older ones (one guessable code at a time), and its wrong tries start
 * again. KEYS: token, index, tries. ARGV: record JSON, expires at (ms), hash, the token keys' prefix.
 */
export const CODE_CREATE_LUA = `
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  redis.call('DEL', ARGV[4] .. hash)
end
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[2]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[2])
end
redis.call('DEL', KEYS[3])
return 1
`;

/**
 * Uses a code once (GETDEL). A wrong code counts a try; at the limit every pending code of the e-mail is
 * deleted, so even the right one no longer works (a new code starts the count again). KEYS: token, index, tries.
 * ARGV: hash, max tries, tries' lifetime (ms), the token keys' prefix. Returns the record JSON or nil.
 */
export const CODE_USE_LUA = `
local raw = redis.call('GETDEL', KEYS[1])
if raw then
  redis.call('SREM', KEYS[2], ARGV[1])
  redis.call('DEL', KEYS[3])
  return raw
end
local tries = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
if tries >= tonumber(ARGV[2]) then
  for _, hash in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    redis.call('DEL', ARGV[4] .. hash)
  end
  redis.call('DEL', KEYS[2])
end
return nil
`;
