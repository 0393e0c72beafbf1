-- Appends a batch or nothing: KEYS[1] stream; ARGV[1] capacity, ARGV[2] fields per entry, then every entry's
-- field/value pairs. Returns the new ids, or {'FULL', length} without appending anything.
local width = tonumber(ARGV[2])
local count = (#ARGV - 2) / width
local length = redis.call('XLEN', KEYS[1])
if length + count > tonumber(ARGV[1]) then
  return {'FULL', tostring(length)}
end
local ids = {}
for i = 0, count - 1 do
  local from = 3 + i * width
  ids[i + 1] = redis.call('XADD', KEYS[1], '*', unpack(ARGV, from, from + width - 1))
end
return ids
