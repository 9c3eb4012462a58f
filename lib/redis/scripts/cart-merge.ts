/**
 * Merging a guest cart into a user's cart spans two slots (`cart:{c:…}` and `cart:{u:…}`), so it runs in two
 * idempotent steps (docs/architecture.md): this script on the user's slot applies the guest's lines and records the
 * guest cart as merged in the same step; then the guest cart is deleted, only if unchanged since it was
 * read. A retry after a crash between the steps finds the guest cart recorded and adds nothing twice.
 */

/**
 * KEYS: the user's cart, its merged-set. ARGV: the merge id (the guest cart's id, or for a later round that id plus its contents), ttl ms, max lines, then per line
 * variantId, quantity, limit (min(stock, per-line max)). Returns "merged" or "already".
 */
export const CART_MERGE_LUA = `
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'already' end
local maxLines = tonumber(ARGV[3])
for i = 4, #ARGV, 3 do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  local limit = tonumber(ARGV[i + 2])
  if current > 0 or redis.call('HLEN', KEYS[1]) < maxLines then
    local final = math.max(current, math.min(current + tonumber(ARGV[i + 1]), limit))
    if final > 0 then redis.call('HSET', KEYS[1], ARGV[i], final) end
  end
end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 'merged'
`;

/** KEYS: the guest cart. ARGV: its lines as read, "variant=quantity" sorted and joined by ",". Returns 1 if deleted. */
export const CART_DELETE_IF_UNCHANGED_LUA = `
local flat = redis.call('HGETALL', KEYS[1])
local lines = {}
for i = 1, #flat, 2 do lines[#lines + 1] = flat[i] .. '=' .. flat[i + 1] end
table.sort(lines)
if table.concat(lines, ',') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;
