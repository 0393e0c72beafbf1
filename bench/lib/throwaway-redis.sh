# Sourced by the bench scripts that start applications against a Redis of their own.

# Prints a port of 127.0.0.1 that nothing listens on.
free_port() {
  local port=$((20000 + RANDOM % 40000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 40000)); done
  echo "$port"
}

# Starts a throw-away redis-server (REDIS_SERVER, default the one on the PATH) on a free port, without persistence,
# logging to $1/redis.log; returns once it accepts connections, with redis_port and redis_pid set. The caller stops it.
start_redis() {
  local dir=$1
  redis_port=$(free_port)
  "${REDIS_SERVER:-redis-server}" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$dir/redis.log" 2>&1 &
  redis_pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do
    kill -0 "$redis_pid" 2>/dev/null || { echo "redis-server exited:" >&2; cat "$dir/redis.log" >&2; exit 1; }
    sleep 0.05
  done
}
