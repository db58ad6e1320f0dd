#!/usr/bin/env bash
# Builds the chart renderer into $1 (default: ./chart-render) from Debian's Go packages only:
# GOPATH mode against /usr/share/gocode, no module download (install-prerequisites.sh installs them).
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-$PWD/chart-render}"
GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/chart-render-gocache}" \
  go build -o "$out" .
