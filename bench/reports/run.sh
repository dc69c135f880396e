#!/usr/bin/env bash
# The reports at chain scale: 500 stores, 100,000 and then 1,000,000 customers, each report warm and cold.
#   bench/reports/run.sh                     # a throwaway PostgreSQL; results appended to bench/reports/last-run.md
#   SMALL=20000 LARGE=200000 bench/reports/run.sh   # a quicker look
set -euo pipefail
cd "$(dirname "$0")/../.."
. eng/lib.sh
require_dotnet
ensure_local_servers
SMALL=${SMALL:-100000}
LARGE=${LARGE:-1000000}
WARM=${WARM:-500}
work=$(mktemp -d /tmp/crm-bench.XXXXXX); chmod 755 "$work"
pg_port=$(free_port)
pg_pid=
start_postgres() {
  PG_DATA="$work/postgres" PG_PORT=$pg_port PG_PASSWORD=bench bash eng/local/postgres.sh >>"$work/postgres.log" 2>&1 &
  pg_pid=$!
  wait_for_port "$pg_port" 60 PostgreSQL
}
stop_postgres() { kill -TERM "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; }
trap 'stop_postgres; rm -rf "$work"' EXIT
dotnet build bench/reports -c Release --nologo -v quiet -clp:ErrorsOnly --disable-build-servers
start_postgres
export BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=bench;Database=bench;Timeout=60;Command Timeout=0"
PGPASSWORD=bench "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE bench" postgres
bench() { dotnet run --project bench/reports -c Release --no-build -- "$@"; }
out=bench/reports/last-run.md
{
  echo "# bench/reports, $(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo
  echo "| report | customers | run | samples | p50 ms | p95 ms | p99 ms |"
  echo "|---|---:|---|---:|---:|---:|---:|"
} >"$out"
bench schema
from=0
for size in "$SMALL" "$LARGE"; do
  say "Seeding customers $from..$size"
  bench seed "$from" "$size"
  from=$size
  # Cold: the server restarted (its buffers empty) and, where the machine lets us, the page cache dropped.
  stop_postgres
  sync; (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null && say "page cache dropped" || say "page cache not droppable here: cold means PostgreSQL's buffers only"
  start_postgres
  bench measure cold cold | tee -a "$out"
  bench measure warm "$WARM" | tee -a "$out"
done
say "Results in $out"
