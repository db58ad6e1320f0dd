#!/usr/bin/env bash
# Generates the C# partner client (tests/Platform.PartnerClient/Generated) with Microsoft's Kiota from the published
# OpenAPI documents in docs/openapi, the documents the gateway serves. Only the operations a partner city's code uses
# in the client test are included, to keep the generated code small. The output is committed, so CI needs neither the
# tool nor a network: re-run this after publishing new snapshots (docs/api-versioning.md §5) and commit the diff.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIOTA_VERSION=1.38.0
if ! command -v kiota >/dev/null 2>&1 && [[ ! -x "$HOME/.dotnet/tools/kiota" ]]; then
  dotnet tool install --global Microsoft.OpenApi.Kiota --version "$KIOTA_VERSION"
fi
export PATH="$PATH:$HOME/.dotnet/tools"
out=tests/Platform.PartnerClient/Generated
rm -rf "$out"
generate() { # document, class, namespace, include paths...
  local document=$1 class=$2 namespace=$3; shift 3
  local includes=()
  for p in "$@"; do includes+=(--include-path "$p"); done
  kiota generate --language CSharp --openapi "docs/openapi/$document.json" --class-name "$class" \
    --namespace-name "Platform.PartnerClient.$namespace" --output "$out/$namespace" \
    --exclude-backward-compatible --clean-output --log-level Warning "${includes[@]}"
  rm -f "$out/$namespace/kiota-lock.json"
}
generate cost-sharing CostSharingClient CostSharing '/api/cost-sharing/members' '/api/cost-sharing/incidents/{incidentId}/claims'
generate compensation-fund FundClient Fund '/api/fund/members/{cityId}/statement'
generate trust-score TrustClient Trust '/api/trust/scores/{cityId}/explanation'
