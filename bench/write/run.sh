#!/usr/bin/env bash
# The write path: registrations spread over many stores through the gateway, each awaited with its whole cascade
# (dispatch, the customer's update, the first follow-up task, report facts, audit), against pgbench running the SQL
# that one registration's cascade runs, at the same concurrency on the same server; rounds interleaved, a warm-up of
# each discarded. The SQL is captured from the server's statement log while one customer is registered in each
# store (replay.py), and runs in a copy of every service database, each in a schema of its own (schema.py). Each of
# WRITE_CLIENTS (16) clients works in a store of its own on both sides; WRITE_SECONDS (30) a round, WRITE_ROUNDS (3).
# Also prints where the machine's CPU went during the last round through the gateway (cpu.py).
# Prints a Markdown section body. bench/run write calls it with the system running:
#   bench/write/run.sh <gateway address> <system data directory> <work folder>
set -euo pipefail
gateway=$1 data=$2 work=$3
here=bench/write
# Each client works in a store of its own, through the gateway as in pgbench: clients = stores = captured registrations.
clients=${WRITE_CLIENTS:-16} seconds=${WRITE_SECONDS:-30} rounds=${WRITE_ROUNDS:-3}
stores=$clients captures=$clients
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PGPASSWORD=$(cat "$data/postgres-password"); PGPORT=$(sed -n 4p "$data/postgres/postmaster.pid")
export PGPASSWORD PGPORT PGHOST=127.0.0.1 PGUSER=postgres PGAPPNAME=crm-bench
databases=(gatewaydb customerdb dispatchdb followupdb contractdb reportdb partnerdb)
mkdir -p "$work"

sql() { "$bin/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
bench() { dotnet run --project bench/system -c Release --no-build -- "$gateway" "$@"; }
say() { echo "write: $*" >&2; }

say "opening $stores stores with designers and customer managers"
bench write-setup "$stores" "$work/stores.json" >&2

# --- The SQL of one registration, captured in each of several stores -------------------------------------------------
relaying=() # the databases with an outbox and an inbox
for db in "${databases[@]}"; do
  [ "$(sql -d "$db" -c "SELECT to_regclass('\"InboxMessages\"') IS NOT NULL AND to_regclass('\"OutboxMessages\"') IS NOT NULL")" = t ] && relaying+=("$db")
done
sum_of() { # query: its count summed over the relaying databases
  local total=0 db
  for db in "${relaying[@]}"; do total=$(( total + $(sql -d "$db" -c "$1") )); done
  echo "$total"
}
wait_for_quiet() { # every event sent, and no consumer applied anything for 1.5 s
  local deadline=$(( SECONDS + 120 )) applied before
  while [ $SECONDS -lt $deadline ]; do
    before=$(sum_of 'SELECT count(*) FROM "InboxMessages"')
    sleep 1.5
    applied=$(sum_of 'SELECT count(*) FROM "InboxMessages"')
    [ "$applied" = "$before" ] && [ "$(sum_of 'SELECT count(*) FROM "OutboxMessages" WHERE "SentAt" IS NULL AND "ParkedAt" IS NULL')" = 0 ] && return 0
  done
  echo "the system did not settle within 2 minutes" >&2; return 1
}
statement_logging() { # on|off
  if [ "$1" = on ]; then
    sql -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d %a '" -c "SELECT pg_reload_conf()" >/dev/null
  else
    sql -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
  fi
}
trap 'statement_logging off 2>/dev/null || true' EXIT
# The server's log is written by the orchestrator into a file of its own: found by a marker.
server_log() { # marker
  grep -l -- "$1" /tmp/aspire-dcp*/*_err "${TMPDIR:-/tmp}"/aspire-dcp*/*_err 2>/dev/null | head -n 1
}

statements=0
for k in $(seq 0 $(( captures - 1 ))); do
  # Signed in at the set-up, so that no sign-in is part of the captured registration.
  token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Stores"][int(sys.argv[2])]["Token"])' "$work/stores.json" "$k")
  phone=$(printf '1399%07d' "$k")
  wait_for_quiet
  statement_logging on
  sql -c "SELECT 'crm-capture-start-$k'" >/dev/null
  customer_no=$(bench write-one "$token" "$phone")
  wait_for_quiet
  sql -c "SELECT 'crm-capture-end-$k'" >/dev/null
  statement_logging off
  log=$(server_log "crm-capture-end-$k")
  [ -n "$log" ] || { echo "the server's statement log was not found" >&2; exit 1; }
  sed -n "/crm-capture-start-$k/,/crm-capture-end-$k/p" "$log" > "$work/capture-$k.log"
  python3 "$here/replay.py" "$work/capture-$k.log" "$phone" "$customer_no" > "$work/registration-$k.sql"
  for effect in '"Customers"' '"Assignments"' '"Tasks"' '"Audit"'; do
    grep -q "^INSERT INTO $effect" "$work/registration-$k.sql" || { echo "capture $k has no INSERT INTO $effect: the cascade was not captured whole ($work/capture-$k.log)" >&2; exit 1; }
  done
  statements=$(( statements + $(grep -c ';$\|\\gset' "$work/registration-$k.sql") - 1 ))
done
say "captured $captures registrations, $(( statements / captures )) statements each on average"

# --- A copy of every service database, each in a schema of its own ---------------------------------------------------
PGOPTIONS='-c client_min_messages=warning' sql -c "DROP DATABASE IF EXISTS registration_bench" -c "CREATE DATABASE registration_bench" >/dev/null
for db in "${databases[@]}"; do
  "$bin/pg_dump" --no-owner --no-privileges -d "$db" | python3 "$here/schema.py" "$db" | sql -d registration_bench >/dev/null
done
sql -d registration_bench -c "CREATE SEQUENCE public.crm_bench_numbers" -c "ANALYZE" >/dev/null

# --- Rounds, interleaved ---------------------------------------------------------------------------------------------
# One pgbench client per store's captured registration, side by side: the same concurrency as the gateway's clients.
pgbench_round() { # name length: prints "transactions failed seconds client-cores"
  local out="$work/pgbench-$1" TIMEFORMAT='%U %S' k
  { time (
      for k in $(seq 0 $(( captures - 1 ))); do
        "$bin/pgbench" -n -M simple -c 1 -j 1 -T "$2" --failures-detailed --verbose-errors -f "$work/registration-$k.sql" registration_bench > "$out-$k.txt" 2>&1 &
      done
      wait
    ); } 2> "$out.cpu" || true
  local done=0 failed=0 n cpu
  for k in $(seq 0 $(( captures - 1 ))); do
    n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out-$k.txt"); done=$(( done + ${n:-0} ))
    n=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out-$k.txt"); failed=$(( failed + ${n:-0} ))
    grep -q 'aborted' "$out-$k.txt" && failed=$(( failed + 1 ))
  done
  cpu=$(awk '{print $1 + $2}' "$out.cpu")
  [ "$failed" = 0 ] || { echo "pgbench round $1: $failed failed; the first errors:" >&2; grep -h 'ERROR' "$out"-*.txt | head -n 5 >&2; }
  echo "$done $failed $2 $(awk -v c="$cpu" -v s="$2" 'BEGIN { printf "%.2f", c / s }')"
}
gateway_round() { # round length: prints "acknowledged refused load-seconds drain-seconds client-cores"; each part's CPU into a file
  python3 "$here/cpu.py" "$PWD" > "$work/cpu-$1-before"
  bench write-round "$work/stores.json" "$1" "$2" "$clients"
  python3 "$here/cpu.py" "$PWD" > "$work/cpu-$1-after"
}

say "warming up (discarded): ${seconds}s of each"
gateway_round 0 "$seconds" > /dev/null
pgbench_round warmup "$seconds" > /dev/null
declare -a gw pg
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then gw[r]=$(gateway_round "$r" "$seconds"); pg[r]=$(pgbench_round "$r" "$seconds")
  else pg[r]=$(pgbench_round "$r" "$seconds"); gw[r]=$(gateway_round "$r" "$seconds"); fi
  say "round $r: gateway ${gw[r]} | pgbench ${pg[r]}"
done

python3 - "$clients" "$stores" "$seconds" "$captures" "$(( statements / captures ))" "$work/cpu-$rounds-before" "$work/cpu-$rounds-after" "${gw[@]:1}" "${pg[@]:1}" <<'PY'
import statistics, sys
clients, stores, seconds, captures, statements, cpu_before, cpu_after = sys.argv[1:8]
rest = sys.argv[8:]
rounds = len(rest) // 2
gw = [list(map(float, r.split())) for r in rest[:rounds]]
pg = [list(map(float, r.split())) for r in rest[rounds:]]
# Through the gateway a registration counts once its cascade is done: acknowledged ÷ (load + drain).
gw_rate = [a / (load + drain) for a, _, load, drain, _ in gw]
gw_intake = [a / load for a, _, load, _, _ in gw]
pg_rate = [t / s for t, _, s, _ in pg]
cells = lambda xs: " | ".join(f"{x:.1f}" for x in xs)
print(f"| {clients} clients, {stores} stores, {seconds} s a round | " + " | ".join(f"round {i + 1}" for i in range(rounds)) + " | median |")
print("|---|" + "---:|" * (rounds + 1))
print(f"| through the gateway: registrations/s with the whole cascade done (acknowledged ÷ (load + drain)) | {cells(gw_rate)} | **{statistics.median(gw_rate):.1f}** |")
print(f"| through the gateway: registrations acknowledged/s during the load | {cells(gw_intake)} | {statistics.median(gw_intake):.1f} |")
print(f"| pgbench, the same SQL: registrations/s | {cells(pg_rate)} | **{statistics.median(pg_rate):.1f}** |")
print()
ratio = statistics.median(gw_rate) / statistics.median(pg_rate)
print(f"**Registrations through the gateway = {ratio:.2f}× pgbench of the same transactions** (target ≥ 0.5×). "
      f"pgbench runs {statements} statements a registration on average ({captures} captured registrations, one per store, "
      f"in 7 service schemas of one database, -M simple, literals inlined; {clients} pgbench processes of one client each, one per store, "
      f"as the gateway's {clients} clients each register in a store of their own). "
      f"Errors: gateway refused {sum(int(g[1]) for g in gw)}, pgbench failed {sum(int(p[1]) for p in pg)}. "
      f"Load generator CPU: gateway client {statistics.median(g[4] for g in gw):.2f} cores, pgbench {statistics.median(p[3] for p in pg):.2f} cores.")
# Where the machine's time went in the last round through the gateway (load and drain).
read = lambda path: {k: float(v) for k, v in (pair.split("=") for pair in open(path).read().split())}
before, after = read(cpu_before), read(cpu_after)
span = gw[-1][2] + gw[-1][3]
used = {part: (after[part] - before.get(part, 0.0)) / span for part in after}
print()
print(f"CPU in the last round through the gateway (cores, of {__import__('os').cpu_count()}; over its load and drain, {span:.0f} s): "
      + ", ".join(f"{part} {cores:.2f}" for part, cores in sorted(used.items(), key=lambda p: -p[1]))
      + f"; in all {sum(used.values()):.2f}.")
PY
