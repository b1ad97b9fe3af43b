#!/usr/bin/env bash
# Loopback load run: the benchmark app on Kestrel at 127.0.0.1, wrk against the hand-written
# minimal API GET and Hybrid's REST GET over the same handler, then the throughput ratio.
# Bounded: DURATION seconds per endpoint (default 10), CONNECTIONS (default 32), 2 threads.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet build benchmarks/Hybrid.Benchmarks -c Release --nologo -v quiet >/dev/null
dotnet benchmarks/Hybrid.Benchmarks/bin/Release/net10.0/Hybrid.Benchmarks.dll serve "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/baseline/things/1" >/dev/null && break; sleep 0.2; done

rps() {
  wrk -t2 -c"$connections" -d"${duration}s" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {print $2}'
}
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/baseline/things/1" >/dev/null   # warm-up
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/api/v1/things/1" >/dev/null
baseline=$(rps /baseline/things/42)
hybrid=$(rps /api/v1/things/42)
echo "minimal API GET: $baseline req/s"
echo "Hybrid REST GET: $hybrid req/s"
python3 -c "print(f'ratio (Hybrid / minimal API): {float($hybrid)/float($baseline):.3f}')"
