#!/usr/bin/env bash
# Publishes every deployed component as its image carries it (self-contained, the framework trimmed:
# Directory.Build.props) into artifacts/publish/<project>/, for measuring and testing what the images run:
#
#   tools/publish-components.sh                       every component, for this machine's platform
#   ONLY="gateway trust-score" tools/publish-components.sh   (component names, as tools/build-image.sh --all)
#   PLATFORM_PUBLISHED=artifacts/publish dotnet test -c Release tests/Platform.EndToEndTests   (ServiceProcess runs these)
#
# Optional: OUT (artifacts/publish), CONFIGURATION (Release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=tools/components.sh
source "$root/tools/components.sh"
out="${OUT:-$root/artifacts/publish}"
for component in ${ONLY:-${components[*]}}; do
  [[ -n "${projects[$component]:-}" ]] || { echo "unknown component $component" >&2; exit 2; }
  name="$(basename "${projects[$component]}" .csproj)"
  started=$SECONDS
  rm -rf "${out:?}/$name"
  dotnet publish "$root/${projects[$component]}" -c "${CONFIGURATION:-Release}" --nologo -v quiet -o "$out/$name"
  echo "$name: $out/$name, $(du -sh "$out/$name" | cut -f1), $((SECONDS - started)) s"
done
