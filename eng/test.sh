#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, builds the solution, runs
# `dotnet test` over it, and ends with a plain "N passed, N failed[, N skipped]" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! bash eng/install-test-prerequisites.sh; then
  echo "could not install the test prerequisites"
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build Hybrid.sln -c Release --nologo -v quiet; then
  echo "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test Hybrid.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    line = $0
    gsub(/[^0-9,]/, " ", line); split(line, n, ",")
    f += n[1]; p += n[2]; s += n[3]; a += 1
  }
  END { printf "%d %d %d %d\n", p, f, s, a }' "$log")
rm -f "$log"

expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a test host crashed or an assembly did not run: never report that as green
fi
if [ "$assemblies" -lt "$expected" ] && [ "$failed" -eq 0 ]; then
  echo "only $assemblies of $expected test assemblies reported results"
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
