#!/usr/bin/env bash
# Installs what the finance console's browser tests (tests/FinanceConsole.Tests) need: Debian's Chromium, which
# Microsoft.Playwright drives headless from /usr/bin/chromium (Playwright's own browser download cannot run here), and a
# font with Chinese glyphs (fonts-wqy-zenhei), without which the console's Chinese text shows as empty boxes in the
# screenshots. Idempotent: does nothing when both are installed.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/wqy ]; then
  exit 0
fi
packages=(chromium fonts-wqy-zenhei)
echo "Installing for the console browser tests: ${packages[*]}"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
