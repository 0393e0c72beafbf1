-- KEYS[1] record; ARGV now, window, source, fingerprint, end of window, key lifetime, status due time, as
-- record (record-function.lua, put before this) takes them, whose reply it returns.
return record(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
