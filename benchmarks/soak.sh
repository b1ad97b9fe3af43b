#!/usr/bin/env bash
# Soak run: the Blog built in Release and started in the Production environment on Kestrel at
# 127.0.0.1 (a free port), with its SQLite file and content root in a fresh temporary folder and
# Redis on another free port (SOAK_REDIS below); benchmarks/Soak drives a mix over loopback for SECONDS (default 300): paged reads (REST,
# the ListPosts action, the pages), comments and posts written through both doors (actions with the
# origin check's headers and ada's cookie, REST with ada's bearer token), Idempotency-Key retries
# (sequential, concurrent, after a dropped response) and 5 % of writes cut off mid-body. Then it
# checks the SQLite file: every accepted write stored exactly once, nothing from a cut-off body;
# no 5xx; the server's RSS at the end at most 1.5x its RSS after the warm-up. Exits 1 on a failure.
#   bash benchmarks/soak.sh [SECONDS]
#   SOAK_MIX=writes SOAK_CLIENTS=16 bash benchmarks/soak.sh 60
# Environment: SOAK_MIX (all | writes, default all), SOAK_CLIENTS (default 8), SOAK_WARMUP (seconds
# before the RSS baseline, default a fifth of the run, at most 60), SOAK_NO_BUILD=1 (use the builds
# already in bin/Release), SOAK_REDIS (default 1: start Debian's redis-server on a free loopback port
# and give the Blog ConnectionStrings:Redis, as production runs it, so Idempotency-Key records, the
# output cache and the key ring live there and the RSS check measures the process; 0: keep them in
# the server's memory, where a day of records grows the process up to the idempotency store's
# limit). On demand only: eng/test.sh does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
[[ "$seconds" =~ ^[0-9]+$ ]] && (( seconds >= 5 )) || { echo "usage: soak.sh [seconds >= 5]" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ "${SOAK_NO_BUILD:-}" != 1 ]]; then
  dotnet build samples/Blog -c Release --nologo -v quiet >&2
  dotnet build benchmarks/Soak -c Release --nologo -v quiet >&2
fi

work=$(mktemp -d -t hybrid-soak-XXXXXX)
server=
redis=
cleanup() {
  if [[ -n "$server" ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [[ -n "$redis" ]]; then
    kill "$redis" 2>/dev/null || true
    wait "$redis" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/content" "$work/data" "$work/home"
blog=$PWD/samples/Blog/bin/Release/net10.0/Blog.dll
cp samples/Blog/bin/Release/net10.0/appsettings.json "$work/content/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
settings=(--contentRoot "$work/content" "--Blog:Database=$work/data/blog.db" --Blog:CommentsPerMinute=1000000000
  "--Blog:Jwt:SigningKey=$key" --Blog:Jwt:Issuer=hybrid-soak --Blog:Jwt:Audience=hybrid-soak)
export ASPNETCORE_ENVIRONMENT=Production HOME="$work/home"   # the key ring goes under $HOME/.aspnet
if [[ "${SOAK_REDIS:-1}" != 0 ]]; then
  command -v redis-server >/dev/null || { echo "the soak needs redis-server (bash eng/install-test-prerequisites.sh), or SOAK_REDIS=0" >&2; exit 2; }
  redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  redis=$!
  for _ in $(seq 50); do
    redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  settings+=("--ConnectionStrings:Redis=127.0.0.1:$redis_port")
  echo "- Redis: 127.0.0.1:$redis_port (Idempotency-Key records, output cache, key ring)"
else
  echo "- no Redis: Idempotency-Key records, output cache and key ring in the server's memory"
fi

token=$(cd "$work/content" && dotnet "$blog" issue-token --user ada "${settings[@]}")
(cd "$work/content" && exec dotnet "$blog" --urls "http://127.0.0.1:$port" "${settings[@]}" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 150); do
  curl -sf "http://127.0.0.1:$port/api/v1/posts" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "the Blog exited before listening:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done

rc=0
dotnet benchmarks/Soak/bin/Release/net10.0/Hybrid.Soak.dll --url "http://127.0.0.1:$port" --seconds "$seconds" \
  --database "$work/data/blog.db" --pid "$server" --token "$token" --mix "${SOAK_MIX:-all}" --clients "${SOAK_CLIENTS:-8}" \
  ${SOAK_WARMUP:+--warmup "$SOAK_WARMUP"} || rc=$?

# The server's errors: any error the server logged fails the run (a cut-off body is the client's mistake, not one).
errors=$(grep -c '^fail:' "$work/server.log" || true)
echo "- server log: $(wc -l <"$work/server.log") lines, $errors errors"
if (( errors > 0 )); then
  echo "FAIL: the server logged $errors errors; the first:"
  awk '/^fail:/ {show = 1; n = 0} show && n++ < 12' "$work/server.log" | head -40 || true
  rc=1
fi
exit "$rc"
