#!/usr/bin/env bash
# Bundles the sample's page scripts (samples/Blog/scripts/*.ts, which import the generated actions
# client) into the static files the sample serves (samples/Blog/wwwroot/js/), with the pinned
# esbuild the tests install. The output is committed, so `dotnet run` needs no Node; the tests
# rebundle and fail while it is stale. Usage: bash eng/bundle-scripts.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-samples/Blog/wwwroot/js}"
esbuild=tests/EndToEnd.Tests/ts/node_modules/.bin/esbuild
[ -x "$esbuild" ] || bash eng/install-test-prerequisites.sh >/dev/null
mkdir -p "$out"
"$esbuild" samples/Blog/scripts/post-page.ts --bundle --format=iife --target=es2020 --charset=utf8 \
  --legal-comments=none --log-level=warning --outfile="$out/post-page.js"
