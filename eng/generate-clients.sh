#!/usr/bin/env bash
# Rewrites the Blog's documents and clients (samples/Blog/clients) the way every build does
# (Hybrid.Clients runs after the Blog's build). Review the diff, then commit: a change in v1.json is
# a change in the public contract.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-test-prerequisites.sh
dotnet build samples/Blog/Blog.csproj -c Release --nologo -v quiet
git --no-pager diff --stat -- samples/Blog/clients || true
