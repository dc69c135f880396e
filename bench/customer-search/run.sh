#!/usr/bin/env bash
# Seeds a chain with one large store and prints the plans and timings of the customer list's queries.
#   bench/customer-search/run.sh                 # a throwaway PostgreSQL, 200,000 + 19 × 40,000 customers
#   BIG=1000000 bench/customer-search/run.sh     # a larger large store
#   CRM_BENCH_POSTGRES="host=... port=... user=... password=..." bench/customer-search/run.sh   # a server of your own
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/eng/lib.sh"
BIG=${BIG:-200000}
SMALL=${SMALL:-40000}
psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql

if [ -z "${CRM_BENCH_POSTGRES:-}" ]; then
  ensure_local_servers
  work=$(mktemp -d /tmp/crm-bench.XXXXXX) && chmod 755 "$work"
  port=$(free_port)
  PG_DATA="$work/pg" PG_PORT=$port PG_PASSWORD=bench bash "$root/eng/local/postgres.sh" >"$work/pg.log" 2>&1 &
  server=$!
  trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
  wait_for_port "$port" 60 PostgreSQL
  CRM_BENCH_POSTGRES="host=127.0.0.1 port=$port user=postgres password=bench"
fi
db="crm_bench_$$"
work_sql=$(mktemp /tmp/crm-bench-schema.XXXXXX.sql)
"$psql_bin" "$CRM_BENCH_POSTGRES dbname=postgres" -qc "CREATE DATABASE $db"
say "Creating the customer service's schema"
(cd "$root" && dotnet tool restore >/dev/null && cd services/Customers && dotnet ef migrations script --idempotent -o "$work_sql" >/dev/null)
"$psql_bin" "$CRM_BENCH_POSTGRES dbname=$db" -q -v ON_ERROR_STOP=1 -f "$work_sql" >/dev/null
rm -f "$work_sql"
say "Seeding $BIG customers in the large store and $SMALL in each of 19 others"
time "$psql_bin" "$CRM_BENCH_POSTGRES dbname=$db" -q -v big="$BIG" -v small="$SMALL" -f "$here/seed.sql"
say "Plans"
"$psql_bin" "$CRM_BENCH_POSTGRES dbname=$db" -f "$here/queries.sql"
"$psql_bin" "$CRM_BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE $db"
