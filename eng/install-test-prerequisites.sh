#!/usr/bin/env bash
# Installs what the tests need and a fresh machine lacks, and nothing that is already there:
# Debian's chromium (driven by Playwright through its executable path; no browser download),
# Node.js with npm, Debian's redis-server (the scale-out tests start their own on a loopback port),
# and the npm packages that compile the generated TypeScript clients (typescript) and lint and
# validate the sample's documents
# (@stoplight/spectral-cli, @apidevtools/swagger-parser).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ts=tests/EndToEnd.Tests/ts
# Each pinned devDependency must be installed at exactly its version; otherwise npm install runs once.
stale=$(cd "$ts" && node -e '
const deps = require("./package.json").devDependencies;
const stale = Object.entries(deps).filter(([name, want]) => {
  try {
    const have = require("./node_modules/" + name + "/package.json").version;
    return /^[0-9]/.test(want) && have !== want;
  } catch { return true; }
});
console.log(stale.map(([name]) => name).join(" "));
')
if [ -n "$stale" ]; then
  echo "installing npm packages in $ts ($stale)"
  (cd "$ts" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
fi
