#!/usr/bin/env bash
# Loopback load run: the benchmark app on Kestrel at 127.0.0.1, wrk against hand-written minimal
# API endpoints and Hybrid's doors over the same handlers, then the throughput ratios:
#   REST GET vs minimal API GET; action POST (origin check) vs minimal API POST + IMediator.Send;
#   action POST in token mode vs minimal API POST that validates the same antiforgery token itself.
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
post_rps() {
  wrk -t2 -c"$connections" -d"${duration}s" -s benchmarks/post.lua "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {print $2}'
}
ratio() { python3 -c "print(f'{float($1)/float($2):.3f}')"; }
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/baseline/things/1" >/dev/null   # warm-up
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/api/v1/things/1" >/dev/null
baseline=$(rps /baseline/things/42)
hybrid=$(rps /api/v1/things/42)
echo "minimal API GET: $baseline req/s"
echo "Hybrid REST GET: $hybrid req/s"
echo "ratio (Hybrid REST GET / minimal API GET): $(ratio "$hybrid" "$baseline")"

# Cached reads: the same output-cache policy on both sides; every request after the first is a hit.
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/baseline/cached-things/7" >/dev/null
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port/api/v1/cached-things/7" >/dev/null
cached_baseline=$(rps /baseline/cached-things/7)
cached=$(rps /api/v1/cached-things/7)
echo "minimal API GET, output-cached: $cached_baseline req/s"
echo "Hybrid REST GET with [ReadCache]: $cached req/s"
echo "ratio (cached Hybrid REST GET / cached minimal API GET): $(ratio "$cached" "$cached_baseline")"

# Revalidation's cost on an uncached mutation: the same POST with and without [Revalidates].
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/api/v1/things" >/dev/null
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/api/v1/revalidating-things" >/dev/null
plain_post=$(post_rps /api/v1/things)
revalidating_post=$(post_rps /api/v1/revalidating-things)
echo "Hybrid REST POST: $plain_post req/s"
echo "Hybrid REST POST with [Revalidates] (two tags evicted from the in-memory store): $revalidating_post req/s"
echo "ratio (with revalidation / without): $(ratio "$revalidating_post" "$plain_post")"

# Same-origin browser traffic sends no token by default: neither side pays for one.
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/baseline/mediator/things" >/dev/null
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/_actions/CreateThing" >/dev/null
post_baseline=$(post_rps /baseline/mediator/things)
action=$(post_rps /_actions/CreateThing)
echo "minimal API POST JSON + IMediator.Send: $post_baseline req/s"
echo "Hybrid action POST JSON (origin check): $action req/s"
echo "ratio (action / minimal API + IMediator.Send): $(ratio "$action" "$post_baseline")"

jar=$(mktemp)
TOKEN=$(curl -sf -c "$jar" "http://127.0.0.1:$port/token")
COOKIE=$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
rm -f "$jar"
export TOKEN COOKIE
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/baseline/mediator/guarded-things" >/dev/null
wrk -t2 -c"$connections" -d2s -s benchmarks/post.lua "http://127.0.0.1:$port/_actions/CreateGuardedThing" >/dev/null
guarded_baseline=$(post_rps /baseline/mediator/guarded-things)
guarded=$(post_rps /_actions/CreateGuardedThing)
echo "minimal API POST JSON + antiforgery + IMediator.Send: $guarded_baseline req/s"
echo "Hybrid action POST JSON (token mode): $guarded req/s"
echo "ratio (token-mode action / minimal API validating the token): $(ratio "$guarded" "$guarded_baseline")"
