#!/usr/bin/env bash
# The MCP door on loopback: wrk sends stateless tools/call round trips to one app that serves the
# same handler twice, as Hybrid's tool (GetThing: policy, validation, pipeline, telemetry) and as a
# tool registered straight with the SDK (direct_GetThing, McpServerTool.Create), alternated ROUNDS
# times; then tools/list over TOOLS emitted tools shaped like the Blog's CreateComment.
# Bounded: DURATION seconds per run (default 10), CONNECTIONS (default 32), 2 threads.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
rounds=${ROUNDS:-3}
tools=${TOOLS:-1000}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet build benchmarks/Hybrid.Benchmarks -c Release --nologo -v quiet >/dev/null
app=benchmarks/Hybrid.Benchmarks/bin/Release/net10.0/Hybrid.Benchmarks.dll
dotnet "$app" mcp-serve "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/mcp" && break; sleep 0.2; done

rps() {
  TOOL=$1 wrk -t2 -c"$connections" -d"$2" -s benchmarks/mcp.lua "http://127.0.0.1:$port/mcp" | awk '/Requests\/sec/ {print $2}'
}
# Warm-up long enough for tiered JIT to reach its optimized code on both paths: with 3 s each, the
# first measured round of whichever ran first was a third slower, whichever tool that was.
rps direct_GetThing 10s >/dev/null
rps GetThing 10s >/dev/null
ratios=()
for round in $(seq "$rounds"); do
  direct=$(rps direct_GetThing "${duration}s")
  hybrid=$(rps GetThing "${duration}s")
  ratio=$(python3 -c "print(f'{float($hybrid)/float($direct):.3f}')")
  ratios+=("$ratio")
  echo "round $round: SDK tool (McpServerTool.Create) $direct req/s; Hybrid tool $hybrid req/s; ratio $ratio"
done
python3 -c "import statistics,sys; r=[float(x) for x in sys.argv[1:]]; print(f'ratio over {len(r)} rounds: mean {statistics.mean(r):.3f}, median {statistics.median(r):.3f}, min {min(r):.3f}, max {max(r):.3f}')" "${ratios[@]}"
kill $server 2>/dev/null || true
dotnet "$app" mcp-list "$tools"
