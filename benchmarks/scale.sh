#!/usr/bin/env bash
# Cold-start scale benchmark: for each N (default 10 100 1000) generates an app with N Hybrid
# operations and a hand-mapped baseline over the same types (in a temporary folder, never in the
# repository), builds both in Release, starts each as a fresh process on 127.0.0.1 RUNS times
# (default 3) and prints markdown: first response, memory, first calls through each door, the
# documents' cold build; then builds the Hybrid app with Hybrid.Clients switched on
# (-p:HybridGenerateClients=true, its props and targets from src/Clients as a user's build runs them):
# the first build (documents, NSwag, contract baseline), RUNS no-change and code-change rebuilds each
# against the same build without it, the gate's comparison, the TypeScript's size and tsc --strict.
# The work is done by benchmarks/Scale.
#   bash benchmarks/scale.sh [N ...]
#   RUNS=5 OUT=scale.md bash benchmarks/scale.sh 100 1000
# Environment: RUNS, WARMUP (unmeasured starts per app, default 1), OUT (also write the markdown
# there, raw results next to it as .json), MERGE (earlier .json results to add to the summary),
# KEEP=1 (keep the generated apps).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export HYBRID_ROOT="$root" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/benchmarks/Scale/Hybrid.Scale.csproj" -c Release --nologo -v quiet >&2
exec dotnet run -c Release --no-build --project "$root/benchmarks/Scale/Hybrid.Scale.csproj" -- "$@"
