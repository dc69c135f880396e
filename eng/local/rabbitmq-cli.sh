#!/usr/bin/env bash
# Runs one of RabbitMQ's command-line tools against the node that eng/local/rabbitmq.sh runs from
# the folder RABBIT_DATA, for instance:
#   eng/local/rabbitmq-cli.sh .data/rabbitmq rabbitmqctl list_queues name messages
#   eng/local/rabbitmq-cli.sh .data/rabbitmq rabbitmq-upgrade drain
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RABBIT_DATA TOOL [ARGUMENTS...]" >&2; exit 2; }
data=$(readlink -f "$1")
tool=$2
shift 2
[ -f "$data/cli.env" ] || { echo "$data/cli.env not found: has eng/local/rabbitmq.sh started the node there?" >&2; exit 1; }
. "$data/cli.env"
exec "/usr/lib/rabbitmq/bin/$tool" "$@"
