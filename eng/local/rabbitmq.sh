#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground, for local mode and for tests.
#   RABBIT_DATA        node folder (database, logs, config)
#   RABBIT_PORT        AMQP port on 127.0.0.1
#   RABBIT_DIST_PORT   Erlang distribution port
#   RABBIT_EPMD_PORT   port of this node's own epmd, so nodes never share one
#   RABBIT_USER, RABBIT_PASSWORD   the account the services use (created on first start)
# The node is started again when it exits on its own (eng/local/supervise.sh). TERM or INT stops
# the node and its epmd, so nothing is left running.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${RABBIT_DATA:?}" "${RABBIT_PORT:?}" "${RABBIT_DIST_PORT:?}" "${RABBIT_EPMD_PORT:?}" "${RABBIT_USER:?}" "${RABBIT_PASSWORD:?}"

server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "RabbitMQ not found: apt-get install rabbitmq-server" >&2; exit 1; }
epmd_bin=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n 1)

mkdir -p "$RABBIT_DATA/mnesia" "$RABBIT_DATA/log"
data=$(readlink -f "$RABBIT_DATA")
cat > "$data/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
default_user = $RABBIT_USER
default_pass = $RABBIT_PASSWORD
loopback_users = none
log.console = true
log.console.level = warning
log.file = false
CONF
echo "[]." > "$data/enabled_plugins"

export HOME="$data"
export RABBITMQ_MNESIA_BASE="$data/mnesia" RABBITMQ_LOG_BASE="$data/log"
export RABBITMQ_NODENAME="crm@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$RABBIT_PORT" RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" ERL_EPMD_PORT="$RABBIT_EPMD_PORT"
export RABBITMQ_CONFIG_FILE="$data/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$data/rabbitmq-env.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$data/advanced.config"
export RABBITMQ_PID_FILE="$data/rabbitmq.pid"
# One folder for the node's database, whatever its ports.
export RABBITMQ_MNESIA_DIR="$data/mnesia/node"
# What the command-line tools need to reach this node (eng/local/rabbitmq-cli.sh).
declare -px HOME ERL_EPMD_PORT RABBITMQ_NODENAME RABBITMQ_NODE_PORT RABBITMQ_MNESIA_BASE RABBITMQ_MNESIA_DIR \
  RABBITMQ_LOG_BASE RABBITMQ_CONFIG_FILE RABBITMQ_CONF_ENV_FILE RABBITMQ_ADVANCED_CONFIG_FILE \
  RABBITMQ_ENABLED_PLUGINS_FILE RABBITMQ_PID_FILE > "$data/cli.env"

cd /
. "$here/supervise.sh"
# The node's own epmd lives as long as this script; a node started again registers with it anew.
"$epmd_bin" -port "$RABBIT_EPMD_PORT" -address 127.0.0.1 &
epmd=$!
trap 'kill -TERM "$epmd" 2>/dev/null || true' EXIT
supervise RabbitMQ TERM $(server_priority) "$server"
