#!/usr/bin/env bash
# Builds one platform image with the .NET SDK's container publishing (no Dockerfile).
#
# Skaffold's custom-builder contract: $IMAGE is the full reference to produce
# ([registry/]repository:tag); when $PUSH_IMAGE is true the image goes to that registry,
# otherwise to the local container engine (docker, or podman with LOCAL_REGISTRY=podman).
#
#   tools/build-image.sh <project.csproj>            (or PROJECT=<project.csproj>)
#   IMAGE=registry.example.com/platform-gateway:dev PUSH_IMAGE=true \
#     tools/build-image.sh gateway/Platform.Gateway/Platform.Gateway.csproj
#
# Optional:
#   CONTAINER_BASE_IMAGE   another base image (the SDK's default, mcr's aspnet, otherwise)
#   LOCAL_REGISTRY         docker (default) or podman, when not pushing
#   CONTAINER_CLI          the CLI that re-tags a locally loaded image (default: $LOCAL_REGISTRY or docker)
#   PLATFORMS              set by skaffold; one platform such as linux/amd64 or linux/arm64
# Registry credentials come from the usual container config (~/.docker/config.json), as for docker push.
set -euo pipefail

project="${1:-${PROJECT:-}}"
if [[ -z "$project" ]]; then
  echo "usage: $0 <project.csproj>  (or set PROJECT)" >&2
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

if [[ "$push" == true ]]; then
  # A reference without a registry means Docker Hub, as for `docker push`.
  args+=("-p:ContainerRegistry=${registry:-docker.io}")
elif [[ -n "${LOCAL_REGISTRY:-}" ]]; then
  args+=("-p:LocalRegistry=$LOCAL_REGISTRY")
fi

if [[ -n "${CONTAINER_BASE_IMAGE:-}" ]]; then
  args+=("-p:ContainerBaseImage=$CONTAINER_BASE_IMAGE")
fi

if [[ -n "${PLATFORMS:-}" ]]; then
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
if [[ "$push" != true && -n "$registry" ]]; then
  cli="${CONTAINER_CLI:-${LOCAL_REGISTRY:-docker}}"
  "$cli" tag "$repository:$tag" "$IMAGE"
fi
