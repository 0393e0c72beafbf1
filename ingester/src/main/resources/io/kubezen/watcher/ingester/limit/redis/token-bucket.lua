-- One token bucket per key: a hash with the micro-tokens left and the time of the last refill (ms).
-- KEYS[1] bucket key; ARGV[1] refill in micro-tokens per ms; ARGV[2] capacity in micro-tokens;
-- ARGV[3] caller's clock in ms. All values are whole numbers below 2^53, exact in Lua numbers.
-- Returns {1, 0} when a token was taken, {0, ms until one is there} otherwise.
local TOKEN = 1000000
local per_milli = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local now = tonumber(ARGV[3])

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end

-- Replicas' clocks differ a little: a caller behind the last refill time adds nothing and never moves
-- the time back, so skew can only delay refills, never grant extra tokens.
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * per_milli)
  ts = now
else
  tokens = math.min(capacity, tokens)
end

local allowed = 0
local wait = 0
if tokens >= TOKEN then
  tokens = tokens - TOKEN
  allowed = 1
else
  wait = math.ceil((TOKEN - tokens) / per_milli)
end

-- %.0f, because tostring() would round numbers above 14 digits.
redis.call('HSET', KEYS[1], 'tokens', string.format('%.0f', tokens), 'ts', string.format('%.0f', ts))
-- Once the bucket would be full again, the key carries no information: let it expire.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_milli) + 1000)
return {allowed, wait}
