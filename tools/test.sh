#!/usr/bin/env bash
# The test command (README "The two commands"; .ci/run runs it): every test of Platform.sln, with the
# processes of the end-to-end and console tests started from what the images run — each component
# published self-contained with the framework trimmed (tools/publish-components.sh) — not from the
# build output. `dotnet test Platform.sln` alone runs the same tests on the build output.
# Arguments go to dotnet test (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "publishing the components as their images carry them (artifacts/publish)..."
tools/publish-components.sh
PLATFORM_PUBLISHED=artifacts/publish dotnet test Platform.sln "$@"
