#!/usr/bin/env bash
# Runs one platform image under podman, as the chart would, until its /health/live answers 200
# (docs/deploy.md "Images"); then stops and removes the container (and whatever it started).
#
#   tools/run-image.sh <archive.tar.gz | image> [component]
#   tools/run-image.sh artifacts/images/cost-sharing.tar.gz
#   POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres;Database=gateway' tools/run-image.sh platform-gateway:dev gateway
#
# component: gateway, cost-sharing, compensation-fund, trust-score, evaluation, communication or
#   finance-console; by default read from the name (<component>.tar.gz, platform-<component>:tag).
# POSTGRES  Npgsql connection string of the component's database; unset: a throwaway PostgreSQL
#           (initdb + pg_ctl, as tools/Platform.LocalPostgres does) with that database in it.
# KAFKA     bootstrap servers; unset: the embedded broker (tools/Platform.EmbeddedKafka).
# MANAGEMENT_PORT, HTTP_PORT  host ports (the container shares the host's network): the chart's
#           management port (9100 gateway, 9090 otherwise) and 18080 unless set. TIMEOUT: 120 s.
# The migration step runs first with --migrate, as the chart's migration Job does. Needs podman, runc,
# curl, openssl, python3; PostgreSQL's server binaries when POSTGRES is unset, the .NET SDK when KAFKA is.
set -euo pipefail

source="${1:?usage: $0 <archive.tar.gz | image> [component]}"
base="$(basename "$source")"
base="${base%.tar.gz}"
base="${base%%:*}"
component="${2:-${base#platform-}}"
case "$component" in
  gateway) management=9100 database=gateway ;;
  cost-sharing | compensation-fund | trust-score) management=9090 database="${component//-/_}" ;;
  evaluation | communication) management=9090 database="$component" ;;
  finance-console) management=9090 database="" ;;
  *) echo "unknown component '$component': pass it as the second argument" >&2; exit 2 ;;
esac
management="${MANAGEMENT_PORT:-$management}"
http="${HTTP_PORT:-18080}"
root="$(cd "$(dirname "$0")/.." && pwd)"
podman=(podman --cgroup-manager=cgroupfs --runtime runc)
work="$(mktemp -d /tmp/run-image.XXXXXX)"
name="platform-$component-$$"
pids=()
pg_ctl=""

cleanup() {
  "${podman[@]}" rm -f -t 10 "$name" >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n "$pg_ctl" ]]; then as_postgres "$pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for port in "$management" "$http"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use on this host; choose MANAGEMENT_PORT / HTTP_PORT" >&2; exit 1
  fi
done

# --- the image ----------------------------------------------------------------------------------
image="$source"
if [[ -f "$source" ]]; then
  image="$("${podman[@]}" load -q -i "$source" | sed -En 's/^Loaded image(\(s\))?: *//p' | tail -1)"
  echo "loaded $source as $image"
fi

# --- PostgreSQL and Kafka, unless given -----------------------------------------------------------
if [[ -n "$database" && -z "${POSTGRES:-}" ]]; then
  bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin | sort -V | tail -1)"
  [[ -n "$bin" ]] || { echo "no PostgreSQL server binaries (apt-get install postgresql), or set POSTGRES" >&2; exit 1; }
  mkdir -p "$work/pg"
  if [[ $EUID -eq 0 ]]; then chown postgres "$work" "$work/pg"; fi
  pg_port="$(free_port)"
  as_postgres "$bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
  pg_ctl="$bin/pg_ctl"
  as_postgres "$pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg" start >/dev/null
  psql -qX -h 127.0.0.1 -p "$pg_port" -U postgres -c "create database $database" >/dev/null
  POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database"
  echo "PostgreSQL on 127.0.0.1:$pg_port, database $database"
fi
if [[ "$component" != gateway && "$component" != finance-console && -z "${KAFKA:-}" ]]; then
  dotnet build -c Release -v q --nologo "$root/tools/Platform.EmbeddedKafka" -o "$root/.local/images/embedded-kafka" >/dev/null
  dotnet "$root/.local/images/embedded-kafka/Platform.EmbeddedKafka.dll" --topic "$component.events.v1" --bootstrap-file "$work/kafka.bootstrap" >"$work/kafka.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do [[ -s "$work/kafka.bootstrap" ]] && break; sleep 0.2; done
  KAFKA="$(cat "$work/kafka.bootstrap")"
  echo "embedded Kafka at $KAFKA"
fi

# --- the environment the chart gives it (charts/platform/templates/_component.tpl) -----------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/signing.pem" 2>/dev/null
openssl pkey -in "$work/signing.pem" -pubout -out "$work/signing.pub.pem"
env=(-e ASPNETCORE_ENVIRONMENT=Production -e "ASPNETCORE_HTTP_PORTS=$http" -e "Management__Port=$management"
  -e Auth__Issuer=https://gateway.platform.local -e Auth__Audience=platform-api
  -e "Auth__SigningKeys__0=$(cat "$work/signing.pub.pem")")
if [[ -n "$database" ]]; then env+=(-e "ConnectionStrings__postgres=$POSTGRES"); fi
if [[ -n "${KAFKA:-}" && "$component" != gateway ]]; then env+=(-e "Kafka__BootstrapServers=$KAFKA"); fi
case "$component" in
  gateway) env+=(-e TokenIssuer__Enabled=true -e "TokenIssuer__SigningKeyPem=$(cat "$work/signing.pem")") ;;
  finance-console) env+=(-e Console__Gateway=https://gateway.platform.local -e Console__ClientSecret=not-a-secret) ;;
esac
# Host network and cgroupfs/runc: what works on these machines. podman's default limits (nofile 1048576)
# are above what runc may set here and the container fails to start, so both are set: open files to this
# shell's hard limit, processes to 4096 (the app user's own; more than 32768 was refused here). A read-only
# root with a /tmp, as in the chart.
nofile="$(ulimit -Hn)"
run=(--network host --ulimit "nofile=$nofile:$nofile" --ulimit nproc=4096:4096 --read-only --tmpfs /tmp "${env[@]}")

if [[ -n "$database" ]]; then
  echo "migrating: $image --migrate"
  if ! "${podman[@]}" run --rm "${run[@]}" "$image" --migrate >"$work/migrate.log" 2>&1; then
    echo "FAILED: the migration step; its log:" >&2
    cat "$work/migrate.log" >&2
    exit 1
  fi
fi
"${podman[@]}" run -d --name "$name" "${run[@]}" "$image" >/dev/null
started=$SECONDS
url="http://localhost:$management/health/live"
until [[ "$(curl -s -o "$work/live" -w '%{http_code}' "$url" || true)" == 200 ]]; do
  if [[ "$("${podman[@]}" inspect -f '{{.State.Running}}' "$name")" != true || $((SECONDS - started)) -ge "${TIMEOUT:-120}" ]]; then
    echo "FAILED: $url did not answer 200 within $((SECONDS - started)) s; the container's log:" >&2
    "${podman[@]}" logs "$name" >&2 || true
    exit 1
  fi
  sleep 0.5
done

pid="$("${podman[@]}" inspect -f '{{.State.Pid}}' "$name")"
echo "OK: $url answered 200 after $((SECONDS - started)) s: $(cat "$work/live")"
ready="$(curl -s -o "$work/ready" -w '%{http_code}' "http://localhost:$management/health/ready" || true)"
echo "/health/ready: $ready $(cat "$work/ready" 2>/dev/null)"
echo "image $image: $("${podman[@]}" image inspect -f '{{.Size}}' "$image" | numfmt --to=si)B, user $("${podman[@]}" image inspect -f '{{.Config.User}}' "$image")"
echo "process: uid $(awk '/^Uid:/ {print $2}' "/proc/$pid/status"), $(grep VmRSS "/proc/$pid/status" | tr -s ' ')"
