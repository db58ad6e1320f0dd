#!/usr/bin/env bash
# Builds platform images with the .NET SDK's container publishing (no Dockerfile).
#
# Skaffold's custom-builder contract: $IMAGE is the full reference to produce
# ([registry/]repository:tag); when $PUSH_IMAGE is true the image goes to that registry,
# otherwise to the local container engine (docker, or podman with LOCAL_REGISTRY=podman).
#
#   tools/build-image.sh <project.csproj>            (or PROJECT=<project.csproj>)
#   IMAGE=registry.example.com/platform-gateway:dev PUSH_IMAGE=true \
#     tools/build-image.sh gateway/Platform.Gateway/Platform.Gateway.csproj
#
# Into OCI archives instead (no container engine or registry needed; docs/deploy.md "Images"):
#   ARCHIVE=artifacts/images/gateway.tar.gz IMAGE=platform-gateway:dev tools/build-image.sh <project.csproj>
#   tools/build-image.sh --all       every component -> $ARCHIVE_DIR/<component>.tar.gz, named
#                                    platform-<component>:$TAG as in charts/platform (ONLY="gateway trust-score")
# On a machine that cannot pull mcr.microsoft.com, first tools/base-image.sh, then
#   CONTAINER_BASE_IMAGE=localhost:5000/dotnet/aspnet:10.0 tools/build-image.sh --all
#
# Optional:
#   CONTAINER_BASE_IMAGE   another base image (otherwise the SDK's default: mcr's runtime-deps, since a
#                          published component is self-contained, the framework trimmed: Directory.Build.props)
#   ARCHIVE_DIR, TAG       for --all: where the archives go (artifacts/images), their tag (dev)
#   LOCAL_REGISTRY         docker (default) or podman, when not pushing
#   CONTAINER_CLI          the CLI that re-tags a locally loaded image (default: $LOCAL_REGISTRY or docker)
#   PLATFORMS              set by skaffold; one platform such as linux/amd64 or linux/arm64 (default: this machine's)
# Registry credentials come from the usual container config (~/.docker/config.json), as for docker push.
set -euo pipefail

# shellcheck source=tools/components.sh
source "$(dirname "$0")/components.sh"

if [[ "${1:-}" == --all ]]; then
  root="$(cd "$(dirname "$0")/.." && pwd)"
  dir="${ARCHIVE_DIR:-$root/artifacts/images}"
  mkdir -p "$dir"
  for component in ${ONLY:-${components[*]}}; do
    [[ -n "${projects[$component]:-}" ]] || { echo "unknown component $component" >&2; exit 2; }
    started=$SECONDS
    IMAGE="platform-$component:${TAG:-dev}" ARCHIVE="$dir/$component.tar.gz" "$0" "$root/${projects[$component]}"
    echo "$component: $dir/$component.tar.gz, $(du -h "$dir/$component.tar.gz" | cut -f1), $((SECONDS - started)) s"
  done
  exit 0
fi

project="${1:-${PROJECT:-}}"
if [[ -z "$project" ]]; then
  echo "usage: $0 <project.csproj> | --all   (see the top of this file)" >&2
  exit 2
fi
: "${IMAGE:?IMAGE must name the image to build, e.g. registry.example.com/platform-gateway:dev}"
push="${PUSH_IMAGE:-false}"

# Split IMAGE into registry, repository and tag. A tag follows the last ":" after the last "/"
# (a ":" before it is a registry port); the first path segment is a registry when it holds a "."
# or a ":" or is "localhost", as Docker reads references.
name="${IMAGE%@*}"
tag="latest"
if [[ "${name##*/}" == *:* ]]; then
  tag="${name##*:}"
  name="${name%:*}"
fi
registry=""
repository="$name"
first="${name%%/*}"
if [[ "$name" == */* && ( "$first" == *.* || "$first" == *:* || "$first" == localhost ) ]]; then
  registry="$first"
  repository="${name#*/}"
fi

args=(publish "$project" -c Release -t:PublishContainer --nologo
  "-p:ContainerRepository=$repository"
  "-p:ContainerImageTag=$tag")

if [[ -n "${ARCHIVE:-}" ]]; then
  # A .tar.gz that `podman load` / `docker load` read; nothing is pushed or loaded.
  args+=("-p:ContainerArchiveOutputPath=$ARCHIVE")
elif [[ "$push" == true ]]; then
  # A reference without a registry means Docker Hub, as for `docker push`.
  args+=("-p:ContainerRegistry=${registry:-docker.io}")
elif [[ -n "${LOCAL_REGISTRY:-}" ]]; then
  args+=("-p:LocalRegistry=$LOCAL_REGISTRY")
fi

if [[ -n "${CONTAINER_BASE_IMAGE:-}" ]]; then
  args+=("-p:ContainerBaseImage=$CONTAINER_BASE_IMAGE")
fi

# Always one runtime identifier (this machine's platform unless skaffold names one): without it the
# publish output carries every platform's native libraries (librdkafka and others for Windows, macOS,
# musl, arm, s390x: about 70 of a service's 119 MB), all of them copied into the image.
if [[ -z "${PLATFORMS:-}" ]]; then
  case "$(uname -m)" in
    aarch64 | arm64) PLATFORMS=linux/arm64 ;;
    *) PLATFORMS=linux/amd64 ;;
  esac
fi
if [[ -n "$PLATFORMS" ]]; then
  if [[ "$PLATFORMS" == *,* ]]; then
    echo "multi-platform images are not built by this script (PLATFORMS=$PLATFORMS); build one platform per run" >&2
    exit 2
  fi
  case "$PLATFORMS" in
    linux/amd64) args+=(--runtime linux-x64) ;;
    linux/arm64) args+=(--runtime linux-arm64) ;;
    *) echo "unsupported platform $PLATFORMS (linux/amd64 or linux/arm64)" >&2; exit 2 ;;
  esac
fi

echo "dotnet ${args[*]}"
dotnet "${args[@]}"

# A local build is loaded as <repository>:<tag>; skaffold looks for the full $IMAGE.
if [[ -z "${ARCHIVE:-}" && "$push" != true && -n "$registry" ]]; then
  cli="${CONTAINER_CLI:-${LOCAL_REGISTRY:-docker}}"
  "$cli" tag "$repository:$tag" "$IMAGE"
fi
