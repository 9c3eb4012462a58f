/**
 * A pending change of e-mail, one hash per user (`email`, `salt`, `code`: an HMAC of the code, `tries`). Checking a
 * code and counting a wrong one is one script, so two tries at once cannot both pass or both miss the count.
 * KEYS: the pending change. ARGV: the hash of the code tried, wrong tries allowed per code.
 * Returns {"changed", email}, {"wrong", tries left}, or {"none"} (no pending change, or its code is dead).
 */
export const EMAIL_CHANGE_USE_LUA = `
local pending = redis.call('HMGET', KEYS[1], 'email', 'code')
if not pending[1] then return {'none'} end
if pending[2] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {'changed', pending[1]}
end
local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
local left = tonumber(ARGV[2]) - tries
if left <= 0 then
  redis.call('DEL', KEYS[1])
  return {'none'}
end
return {'wrong', left}
`;
