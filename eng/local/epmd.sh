#!/usr/bin/env bash
# Runs the Erlang port mapper that the nodes of a RabbitMQ cluster on one machine share, in the foreground:
#   EPMD_PORT        its port
#   EPMD_ADDRESSES   the loopback addresses it answers on, comma-separated (one per node)
set -euo pipefail
: "${EPMD_PORT:?}" "${EPMD_ADDRESSES:?}"
epmd_bin=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n 1)
[ -x "$epmd_bin" ] || { echo "Erlang's epmd not found: apt-get install rabbitmq-server" >&2; exit 1; }
exec "$epmd_bin" -port "$EPMD_PORT" -address "$EPMD_ADDRESSES"
