/**
 * The cart's changes, each one Lua script: read, decide and write in one step, so concurrent requests
 * (on any number of app instances) never lose an update. Every write renews the cart's sliding TTL.
 *
 * KEYS[1]: the cart hash (variant id → quantity).
 * Answers are `{ outcome, quantity, clamped }`, outcome one of "ok", "cart_full", "missing".
 */

/**
 * KEYS[2]: the cart's recent adds (add id → answer). ARGV: variantId, quantity to add, limit (min(stock,
 * per-line max)), max lines, ttl ms, the add's id, how long its answer is kept (ms). An add runs once: the
 * same add sent again (a client resends a command whose connection closed, and it may have run) gets the
 * answer it got the first time, and adds nothing.
 */
export const CART_ADD_LUA = `
local done = redis.call('HGET', KEYS[2], ARGV[6])
if done then
  local outcome, quantity, clamped = string.match(done, '^(%S+) (%d+) (%d)$')
  return {outcome, tonumber(quantity), tonumber(clamped)}
end
local answer
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if current == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then
  answer = {'cart_full', 0, 0}
else
  local wanted = current + tonumber(ARGV[2])
  local final = math.min(wanted, tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], ARGV[1], final)
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  answer = {'ok', final, wanted > final and 1 or 0}
end
redis.call('HSET', KEYS[2], ARGV[6], answer[1] .. ' ' .. answer[2] .. ' ' .. answer[3])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
return answer
`;

/** ARGV: variantId, quantity (0 removes), limit, ttl ms. Only lines already in the cart. */
export const CART_SET_LUA = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return {'missing', 0, 0}
end
local wanted = tonumber(ARGV[2])
local final = math.min(wanted, tonumber(ARGV[3]))
if wanted == 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], final)
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return {'ok', final, wanted > final and 1 or 0}
`;
