#!/usr/bin/env bash
# Regenerates the sample's contract: the documents the running sample serves
# (samples/Blog/clients/actions.json, v1.json, v2.json) and, with NSwag's TypeScript generator, the
# clients built from them (actions.ts, rest-v1.ts, rest-v2.ts), then rebundles the page scripts that import them
# (samples/Blog/wwwroot/js). It runs the very code path of the drift
# test, in update mode, so what it writes is what the test expects. Review the diff, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-test-prerequisites.sh
dotnet build tests/EndToEnd.Tests/Hybrid.EndToEnd.Tests.csproj -c Release --nologo -v quiet
HYBRID_UPDATE_CLIENTS=1 dotnet test tests/EndToEnd.Tests/Hybrid.EndToEnd.Tests.csproj -c Release --no-build --nologo \
  --filter "FullyQualifiedName~GeneratedClientTests.The_committed_document_and_client_match_what_the_sample_serves"
bash eng/bundle-scripts.sh
git --no-pager diff --stat -- samples/Blog/clients samples/Blog/wwwroot || true
