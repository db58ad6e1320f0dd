#!/usr/bin/env bash
# Installs what the chart tests (tests/Platform.Charts.Tests) need, from Debian's packages: Go and
# the libraries the renderer is built from (sprig and its dependencies, sigs.k8s.io/yaml), and
# Prometheus' promtool for the alert rules. Nothing is fetched from a Go module proxy: the renderer
# is built in GOPATH mode against /usr/share/gocode (see build.sh).
set -euo pipefail
packages=(golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev prometheus)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing for the chart tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
