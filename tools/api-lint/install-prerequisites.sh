#!/usr/bin/env bash
# Installs what the contract tests (tests/Platform.Contract.Tests) need to check the API documents: Node.js (Debian's
# package, when the machine lacks it) and, from the npm registry, the versions pinned in package-lock.json of
# @redocly/cli (OpenAPI lint, recommended rules) and @asyncapi/parser (AsyncAPI 3.0 validation), into
# tools/api-lint/node_modules. A second run with the same lock file does nothing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js for the API document checks"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [[ -x node_modules/.bin/redocly && -f node_modules/@asyncapi/parser/package.json ]] && cmp -s package-lock.json node_modules/.package-lock.json.installed; then
  exit 0
fi
echo "Installing the API linters (npm ci, versions pinned in tools/api-lint/package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.package-lock.json.installed
