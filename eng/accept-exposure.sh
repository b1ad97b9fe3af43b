#!/usr/bin/env bash
# Accepts a change to the Blog's exposure inventory (who may call what, through which door):
# regenerates samples/Blog/exposure.md exactly as the end-to-end gate (ExposureInventoryTests) reads
# it, from the Blog's own catalog and endpoints. Review the diff, then commit it.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${CONFIGURATION:-Release}"
dotnet build samples/Blog/Blog.csproj -c "$configuration" -v quiet -nologo
dotnet run --project samples/Blog --no-build -c "$configuration" -- exposure "$PWD/samples/Blog/exposure.md"
git --no-pager diff --stat -- samples/Blog/exposure.md
