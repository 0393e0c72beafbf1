-- KEYS[1] stream, KEYS[2] dead letters; ARGV[1] capacity, ARGV[2] the dead letter's own field prefix, then ids.
-- Appends each dead letter's original fields to the stream as a new entry and deletes the dead letter; ids that
-- are not dead letters are skipped. Returns {'OK', moved}, or {'FULL', length} and moves nothing when the stream
-- has no room for all of them.
local found = {}
for i = 3, #ARGV do
  local letter = redis.call('XRANGE', KEYS[2], ARGV[i], ARGV[i])
  if #letter > 0 then
    found[#found + 1] = letter[1]
  end
end
local length = redis.call('XLEN', KEYS[1])
if length + #found > tonumber(ARGV[1]) then
  return {'FULL', tostring(length)}
end
for _, letter in ipairs(found) do
  local original = {}
  for j = 1, #letter[2], 2 do
    if string.sub(letter[2][j], 1, #ARGV[2]) ~= ARGV[2] then
      original[#original + 1] = letter[2][j]
      original[#original + 1] = letter[2][j + 1]
    end
  end
  redis.call('XADD', KEYS[1], '*', unpack(original))
  redis.call('XDEL', KEYS[2], letter[1])
end
return {'OK', tostring(#found)}
