#!/usr/bin/env bash
# Relay throughput against a plain publish-with-confirm loop, in one Release run on throwaway servers.
#   bench/relay/run.sh [messages]     (default 5000)
set -euo pipefail
cd "$(dirname "$0")/../.."
. eng/lib.sh
require_dotnet
ensure_local_servers
work=$(mktemp -d /tmp/crm-bench.XXXXXX); chmod 755 "$work"
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait; rm -rf "$work"' EXIT
pg_port=$(free_port); amqp_port=$(free_port); dist_port=$(free_port); epmd_port=$(free_port)
PG_DATA="$work/postgres" PG_PORT=$pg_port PG_PASSWORD=bench bash eng/local/postgres.sh >"$work/postgres.log" 2>&1 & pids+=($!)
RABBIT_DATA="$work/rabbitmq" RABBIT_PORT=$amqp_port RABBIT_DIST_PORT=$dist_port RABBIT_EPMD_PORT=$epmd_port \
  RABBIT_USER=bench RABBIT_PASSWORD=bench bash eng/local/rabbitmq.sh >"$work/rabbitmq.log" 2>&1 & pids+=($!)
dotnet build bench/relay -c Release --nologo -v quiet -clp:ErrorsOnly
wait_for_port "$pg_port" 60 PostgreSQL
wait_for_port "$amqp_port" 90 RabbitMQ
BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=bench;Database=bench" \
BENCH_RABBITMQ="amqp://bench:bench@127.0.0.1:$amqp_port/" \
  dotnet run --project bench/relay -c Release --no-build -- "$@"
