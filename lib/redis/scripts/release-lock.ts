/**
 * Releases a lock only if it still holds our token: a holder whose lock expired (and was taken by
 * another process) must not delete the new holder's lock. Compare and delete in one step.
 * KEYS[1]: the lock. ARGV[1]: our token. Returns 1 when released, 0 when it was not ours.
 */
export const RELEASE_LOCK_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;
