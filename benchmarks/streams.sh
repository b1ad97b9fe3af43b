#!/usr/bin/env bash
# Streams on loopback (issue 29): Hybrid's stream doors against the same MediatR stream handler behind
# .NET 10's TypedResults.ServerSentEvents in a hand-written minimal API endpoint of the same app
# (StreamsApp). Each part starts the server as a fresh process on a free 127.0.0.1 port; a client
# process (the same dll, `streams-client`) reads every event stream with SseParser.
#   throughput  items/s, STREAMS concurrent streams of ITEMS small items, reopened as each ends:
#               baseline, action door (POST), REST SSE, REST JSON Lines, REST SSE in replay mode;
#               WARMUP s each, then ROUNDS rounds of DURATION s each, alternated; ratio Hybrid/baseline.
#   latency     yield-to-receive p50/p99: STREAMS streams of LATENCY_ITEMS items, one every INTERVAL_MS,
#               per variant, alternated LATENCY_ROUNDS times.
#   memory      per idle open stream: a fresh server per variant, OPEN idle streams held open, memory
#               after a full GC before and after; Hybrid's (REST SSE, log) minus Kestrel's own
#               (a bare endpoint that starts its response and waits), per stream.
# Defaults take about 4 minutes after the build. PARTS picks parts ("throughput latency memory").
set -euo pipefail
cd "$(dirname "$0")/.."
parts=${PARTS:-throughput latency memory}
duration=${DURATION:-5}
warmup=${WARMUP:-3}
rounds=${ROUNDS:-3}
streams=${STREAMS:-4}
items=${ITEMS:-1000}
variants=${VARIANTS:-baseline,action,rest-sse,rest-jsonl,rest-replay}
latency_items=${LATENCY_ITEMS:-300}
interval=${INTERVAL_MS:-8}
latency_rounds=${LATENCY_ROUNDS:-2}
latency_variants=${LATENCY_VARIANTS:-baseline,action,rest-sse,rest-jsonl}
open=${OPEN:-10000}
settle=${SETTLE:-3}
memory_variants=${MEMORY_VARIANTS:-kestrel hybrid}
memory_rounds=${MEMORY_ROUNDS:-1}
# Workstation GC for the memory servers by default: server GC's larger budgets move RSS by more than
# the per-stream cost being measured. MEMORY_GC_SERVER=1 measures under the project's server GC.
memory_gc_server=${MEMORY_GC_SERVER:-0}

# Each of the OPEN streams is a socket in the server and another in the client.
need=$((open + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
if [[ " $parts " == *" memory "* ]]; then
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
    echo "ulimit -n is $(ulimit -n) (hard $(ulimit -Hn)); OPEN=$open needs $need: raise the hard limit or lower OPEN" >&2
    exit 1
  fi
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range
  if [ $((high - low)) -lt $((open + 1000)) ]; then
    echo "the ephemeral port range $low-$high is too small for OPEN=$open connections" >&2
    exit 1
  fi
fi

dotnet build benchmarks/Hybrid.Benchmarks -c Release --nologo -v quiet >/dev/null
app=benchmarks/Hybrid.Benchmarks/bin/Release/net10.0/Hybrid.Benchmarks.dll
server=
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
  fi
}
trap stop_server EXIT
# start_server [VAR=value ...]: a fresh server process on a free loopback port; sets $url.
start_server() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  env "$@" dotnet "$app" streams-serve "$url" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "$url/baseline/stream/ticks?count=1" >/dev/null && return; sleep 0.2; done
  echo "the server did not start at $url" >&2
  exit 1
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

if [[ " $parts " == *" throughput "* ]]; then
  echo "== items per second: $streams streams of $items items, ${duration}s x $rounds rounds (warm-up ${warmup}s each)"
  start_server
  dotnet "$app" streams-client throughput "$url" "$variants" "$streams" "$items" "$duration" "$warmup" "$rounds"
  echo "server after the run (full GC; the log mode keeps each stream's events for its retention, 5 min): $(curl -sf "$url/bench/memory")"
  stop_server
fi

if [[ " $parts " == *" latency "* ]]; then
  echo "== latency, item yielded -> item parsed by the client: $streams streams of $latency_items items every ${interval} ms, $latency_rounds rounds"
  start_server
  dotnet "$app" streams-client latency "$url" "$latency_variants" "$streams" "$latency_items" "$interval" "$latency_rounds"
  stop_server
fi

if [[ " $parts " == *" memory "* ]]; then
  echo "== memory per idle open stream at $open open streams (fresh server per variant, DOTNET_gcServer=$memory_gc_server, ulimit -n $(ulimit -n))"
  results=$(mktemp)
  for round in $(seq "$memory_rounds"); do
    order=$memory_variants
    if [ $((round % 2)) -eq 0 ]; then order=$(echo "$memory_variants" | tr ' ' '\n' | tac | tr '\n' ' '); fi
    for variant in $order; do
      start_server DOTNET_gcServer="$memory_gc_server"
      dotnet "$app" streams-client memory "$url" "$variant" "$open" "$settle" | tee -a "$results"
      stop_server
    done
  done
  python3 - "$results" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    variant = re.search(r'variant=(\S+)', line).group(1)
    count = int(re.search(r'streams=(\d+)', line).group(1))
    before, after = line.split(' after: ')
    value = lambda text, key: int(re.search(key + r'=(\d+)', text).group(1))
    rows.setdefault(variant, []).append({k: (value(after, k) - value(before, k)) / count / 1024 for k in ('live', 'heap', 'rss')})
mean = {v: {k: statistics.mean(r[k] for r in rs) for k in ('live', 'heap', 'rss')} for v, rs in rows.items()}
for v, m in mean.items():
    print(f"{v}: per open stream {m['live']:.2f} KB live managed, {m['heap']:.2f} KB GC heap, {m['rss']:.2f} KB resident ({len(rows[v])} run(s))")
if 'kestrel' in mean:
    for v, m in mean.items():
        if v != 'kestrel':
            k = mean['kestrel']
            print(f"{v} above Kestrel's own cost per stream: {m['live'] - k['live']:.2f} KB live managed, {m['rss'] - k['rss']:.2f} KB resident (target <= 16 KB)")
PY
  rm -f "$results"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
