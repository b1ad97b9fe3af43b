#!/usr/bin/env bash
# Installs what the tests need and a fresh machine lacks, and nothing that is already there:
# Debian's chromium (driven by Playwright through its executable path; no browser download),
# Node.js with npm, and the npm packages that compile the generated TypeScript clients and bundle
# the sample's page scripts (typescript, esbuild).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ts=tests/EndToEnd.Tests/ts
want=$(node -p "require('./$ts/package.json').devDependencies.typescript")
have=$(node -p "try { require('./$ts/node_modules/typescript/package.json').version } catch { '' }")
want_esbuild=$(node -p "require('./$ts/package.json').devDependencies.esbuild")
have_esbuild=$(node -p "try { require('./$ts/node_modules/esbuild/package.json').version } catch { '' }")
if [ "$want" != "$have" ] || [ "$want_esbuild" != "$have_esbuild" ] || [ ! -d "$ts/node_modules/@types/node" ]; then
  echo "installing npm packages in $ts"
  (cd "$ts" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
fi
