-- KEYS[1] record; ARGV now, end of window, key lifetime, status interval, as record (record-function.lua, put before
-- this) takes them, whose first reply it returns.
return (record(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]))
