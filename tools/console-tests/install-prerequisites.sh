#!/usr/bin/env bash
# Installs what the finance console's browser tests (tests/FinanceConsole.Tests) need: Debian's Chromium, which
# Microsoft.Playwright drives headless from /usr/bin/chromium (Playwright's own browser download cannot run here).
# Idempotent: does nothing when Chromium is already installed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Installing for the console browser tests: chromium"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
