#!/usr/bin/env bash
# Makes a local stand-in for Microsoft's ASP.NET Core base image, for machines that cannot pull it
# (docs/deploy.md "Images"): a Debian root filesystem from mmdebstrap with what .NET needs, plus this
# machine's .NET and ASP.NET Core shared runtimes as a second layer, pushed to a docker-registry on
# localhost that the script starts when none answers. Re-running is cheap: an image already in the
# registry with the same runtime version is kept (FORCE=1 rebuilds it).
#
#   tools/base-image.sh                    -> localhost:5000/dotnet/aspnet:10.0
#   REGISTRY_PORT=5001 FORCE=1 tools/base-image.sh
#
# Then: CONTAINER_BASE_IMAGE=localhost:5000/dotnet/aspnet:10.0 tools/build-image.sh ...
# Needs (Debian): mmdebstrap umoci skopeo docker-registry curl; runs as root (mmdebstrap --mode=root).
# Real pipelines keep the SDK's default base image (mcr.microsoft.com/dotnet/runtime-deps: the published
# components are self-contained, so the shared runtimes of the second layer go unused by them).
set -euo pipefail

port="${REGISTRY_PORT:-5000}"
reference="localhost:$port/dotnet/aspnet:${BASE_TAG:-10.0}"
dotnet_root="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
state="${STATE_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.local/images}"
suite="${DEBIAN_SUITE:-bookworm}"

# The newest installed shared runtimes; the services target net10.0 and roll forward to the newest patch.
newest() { find "$dotnet_root/shared/$1" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1; }
runtime_version="$(newest Microsoft.NETCore.App)"
aspnet_version="$(newest Microsoft.AspNetCore.App)"

# --- the registry -------------------------------------------------------------------------------
# Debian's default /etc/docker/registry/config.yml asks for htpasswd auth; ours is open, on loopback.
if ! curl -fs -o /dev/null "http://localhost:$port/v2/"; then
  mkdir -p "$state/registry"
  cat >"$state/registry/config.yml" <<EOF
version: 0.1
storage:
  filesystem:
    rootdirectory: $state/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  echo "starting docker-registry on localhost:$port (log: $state/registry/registry.log)"
  nohup docker-registry serve "$state/registry/config.yml" >"$state/registry/registry.log" 2>&1 &
  echo $! >"$state/registry/registry.pid"
  for _ in $(seq 1 50); do
    curl -fs -o /dev/null "http://localhost:$port/v2/" && break
    sleep 0.2
  done
  curl -fs -o /dev/null "http://localhost:$port/v2/" || { cat "$state/registry/registry.log" >&2; exit 1; }
fi

label() { skopeo inspect --tls-verify=false --format '{{ index .Labels "org.platform.aspnet-version" }}' "docker://$reference" 2>/dev/null || true; }
if [[ "${FORCE:-0}" != 1 && "$(label)" == "$aspnet_version" ]]; then
  echo "$reference already holds ASP.NET Core $aspnet_version (FORCE=1 rebuilds it)"
  exit 0
fi

# --- layer 1: the Debian root filesystem (kept in $state as a cache; FORCE=1 remakes it) ---------
work="$state/base"
rootfs="$state/rootfs-$suite.tar"
rm -rf "$work"
mkdir -p "$work"
if [[ "${FORCE:-0}" == 1 || ! -s "$rootfs" ]]; then
  # libicu is left out: every project sets InvariantGlobalization. tzdata for TimeZoneInfo,
  # ca-certificates for outgoing TLS (an OIDC authority), libssl3 for System.Security.Cryptography.
  # The hooks' "$1" is the root folder mmdebstrap passes them, hence single quotes.
  # shellcheck disable=SC2016
  mmdebstrap --variant=minbase --mode=root --format=tar \
    --include=ca-certificates,libssl3,tzdata,libgcc-s1,libstdc++6,zlib1g \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook='chroot "$1" groupadd --gid 1654 app' \
    --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/*' \
    "$suite" "$rootfs.partial"
  mv "$rootfs.partial" "$rootfs"
fi

umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci unpack --image "$work/oci:base" "$work/bundle"
tar -xpf "$rootfs" -C "$work/bundle/rootfs"
# --refresh-bundle: the next repack then diffs against this layer, not against the empty image.
umoci repack --refresh-bundle --image "$work/oci:base" "$work/bundle"

# --- layer 2: the .NET and ASP.NET Core shared runtimes (as in Microsoft's aspnet image) ---------
dest="$work/bundle/rootfs/usr/share/dotnet"
mkdir -p "$dest/shared/Microsoft.NETCore.App" "$dest/shared/Microsoft.AspNetCore.App" "$dest/host"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$dest/"
cp -a "$dotnet_root/host/fxr" "$dest/host/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime_version" "$dest/shared/Microsoft.NETCore.App/"
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_version" "$dest/shared/Microsoft.AspNetCore.App/"
ln -sf /usr/share/dotnet/dotnet "$work/bundle/rootfs/usr/bin/dotnet"
umoci repack --image "$work/oci:base" "$work/bundle"

# The environment Microsoft's image sets; the SDK reads APP_UID to run the app as that user.
umoci config --image "$work/oci:base" --tag "${BASE_TAG:-10.0}" \
  --os linux --architecture amd64 \
  --config.env "APP_UID=1654" --config.env "ASPNETCORE_HTTP_PORTS=8080" \
  --config.env "DOTNET_RUNNING_IN_CONTAINER=true" --config.env "DOTNET_ROOT=/usr/share/dotnet" \
  --config.env "DOTNET_VERSION=$runtime_version" --config.env "ASPNET_VERSION=$aspnet_version" \
  --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.label "org.platform.aspnet-version=$aspnet_version" \
  --config.label "org.opencontainers.image.base.name=debian:$suite"
rm -rf "$work/bundle"

skopeo copy --dest-tls-verify=false "oci:$work/oci:${BASE_TAG:-10.0}" "docker://$reference"
echo "pushed $reference (Debian $suite, .NET $runtime_version, ASP.NET Core $aspnet_version)"
