#!/usr/bin/env bash
# Publishes every deployed component as its image carries it (self-contained, the framework trimmed:
# Directory.Build.props) into artifacts/publish/<project>/, for measuring and testing what the images run:
#
#   tools/publish-components.sh                       every component, for this machine's platform
#   ONLY="Platform.Gateway" tools/publish-components.sh
#   PLATFORM_PUBLISHED=artifacts/publish dotnet test -c Release tests/Platform.EndToEndTests   (ServiceProcess runs these)
#
# Optional: OUT (artifacts/publish), CONFIGURATION (Release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/artifacts/publish}"
projects=(
  gateway/Platform.Gateway
  services/CostSharing/CostSharing.Api
  services/CompensationFund/CompensationFund.Api
  services/TrustScore/TrustScore.Api
  services/Evaluation/Evaluation.Api
  services/Communication/Communication.Api
  services/FinanceConsole/FinanceConsole.Web
)
for project in "${projects[@]}"; do
  name="$(basename "$project")"
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $name "* ]]; then
    continue
  fi
  started=$SECONDS
  rm -rf "${out:?}/$name"
  dotnet publish "$root/$project" -c "${CONFIGURATION:-Release}" --nologo -v quiet -o "$out/$name"
  echo "$name: $out/$name, $(du -sh "$out/$name" | cut -f1), $((SECONDS - started)) s"
done
