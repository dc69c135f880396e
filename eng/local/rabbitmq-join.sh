#!/usr/bin/env bash
# Makes the node that eng/local/rabbitmq.sh runs from RABBIT_DATA a member of NODE's cluster, once:
#   eng/local/rabbitmq-join.sh RABBIT_DATA NODE
# Waits for both nodes to run, then stop_app, reset, join_cluster, start_app, and marks the folder
# "joined" (the health check of a cluster node waits for that mark). Tries again until it succeeds.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=$1 seed=$2
ctl() { "$here/rabbitmq-cli.sh" "$data" rabbitmqctl "$@"; }
log() { printf '%s rabbitmq-join: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
deadline=$((SECONDS + 600))
give_up() { if (( SECONDS > deadline )); then log "gave up joining $seed after 10 minutes"; exit 1; fi; }
until [ -f "$data/cli.env" ] && ctl await_startup --timeout 30 >/dev/null 2>&1; do give_up; sleep 1; done
until ctl -q cluster_status --formatter json 2>/dev/null | grep -q "\"$seed\""; do
  if ctl -q stop_app >/dev/null 2>&1 && ctl -q reset >/dev/null 2>&1 && ctl -q join_cluster "$seed" >/dev/null 2>&1; then
    ctl -q start_app >/dev/null 2>&1 && break
  fi
  give_up
  log "could not join $seed yet; trying again"
  ctl -q start_app >/dev/null 2>&1
  sleep 2
done
ctl await_startup --timeout 60 >/dev/null 2>&1
touch "$data/joined"
log "joined $seed"
