#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground, for local mode and for tests.
#   RABBIT_DATA        node folder (database, logs, config)
#   RABBIT_PORT        AMQP port on 127.0.0.1
#   RABBIT_DIST_PORT   Erlang distribution port
#   RABBIT_EPMD_PORT   port of this node's own epmd, so nodes never share one
#   RABBIT_USER, RABBIT_PASSWORD   the account the services use (created on first start)
# A node of a cluster on one machine (eng/local/rabbitmq-cluster.md) sets as well:
#   RABBIT_NODE_NAME   its name, such as crm2@127.0.0.2 (default crm@localhost)
#   RABBIT_ADDRESS     the loopback address it alone listens and connects from, such as 127.0.0.2
#   RABBIT_COOKIE      the Erlang cookie all the cluster's nodes share
#   RABBIT_EPMD_EXTERNAL=1   the cluster's one epmd (eng/local/epmd.sh) runs on RABBIT_EPMD_PORT
#   RABBIT_JOIN        the node to join (rabbitmqctl join_cluster) on its first start
# The node is started again when it exits on its own (eng/local/supervise.sh). TERM or INT stops
# the node and its epmd, so nothing is left running.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${RABBIT_DATA:?}" "${RABBIT_PORT:?}" "${RABBIT_DIST_PORT:?}" "${RABBIT_EPMD_PORT:?}" "${RABBIT_USER:?}" "${RABBIT_PASSWORD:?}"

server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "RabbitMQ not found: apt-get install rabbitmq-server" >&2; exit 1; }
epmd_bin=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n 1)

address=${RABBIT_ADDRESS:-127.0.0.1}
node_name=${RABBIT_NODE_NAME:-crm@localhost}
mkdir -p "$RABBIT_DATA/mnesia" "$RABBIT_DATA/log"
data=$(readlink -f "$RABBIT_DATA")
cat > "$data/rabbitmq.conf" <<CONF
listeners.tcp.default = $address:$RABBIT_PORT
default_user = $RABBIT_USER
default_pass = $RABBIT_PASSWORD
loopback_users = none
log.console = true
log.console.level = warning
log.file = false
CONF
echo "[]." > "$data/enabled_plugins"
if [ -n "${RABBIT_ADDRESS:-}" ]; then
  # The node's Erlang distribution listens on, and connects from, its own address alone, so that cutting
  # that address off (a test's network fault) cuts the node off from its peers and its clients.
  erlang_address="{${address//./,}}"
  cat > "$data/advanced.config" <<CONF
[{kernel, [{inet_dist_use_interface, $erlang_address}, {inet_dist_connect_options, [{ip, $erlang_address}]}]}].
CONF
  # A cluster on one machine: when a node is cut off, the minority pauses rather than going on alone; peers
  # notice a silent node within 11–19 s (net_ticktime 15 s rather than 60 s: the loopback has no slow links).
  printf '%s\n' "cluster_partition_handling = pause_minority" "net_ticktime = 15" >> "$data/rabbitmq.conf"
fi
if [ -n "${RABBIT_COOKIE:-}" ]; then
  ( umask 077; printf '%s' "$RABBIT_COOKIE" > "$data/.erlang.cookie" )
fi

export HOME="$data"
export RABBITMQ_MNESIA_BASE="$data/mnesia" RABBITMQ_LOG_BASE="$data/log"
export RABBITMQ_NODENAME="$node_name" RABBITMQ_NODE_IP_ADDRESS="$address"
# A name whose host has a dot (crm2@127.0.0.2) is a long name.
if [[ "${node_name#*@}" == *.* ]]; then export RABBITMQ_USE_LONGNAME=true; else export RABBITMQ_USE_LONGNAME=false; fi
export RABBITMQ_NODE_PORT="$RABBIT_PORT" RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" ERL_EPMD_PORT="$RABBIT_EPMD_PORT"
export RABBITMQ_CONFIG_FILE="$data/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$data/rabbitmq-env.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$data/advanced.config"
export RABBITMQ_PID_FILE="$data/rabbitmq.pid"
# One folder for the node's database, whatever its ports.
export RABBITMQ_MNESIA_DIR="$data/mnesia/node"
# What the command-line tools need to reach this node (eng/local/rabbitmq-cli.sh).
declare -px HOME ERL_EPMD_PORT RABBITMQ_NODENAME RABBITMQ_NODE_PORT RABBITMQ_MNESIA_BASE RABBITMQ_MNESIA_DIR \
  RABBITMQ_LOG_BASE RABBITMQ_CONFIG_FILE RABBITMQ_CONF_ENV_FILE RABBITMQ_ADVANCED_CONFIG_FILE \
  RABBITMQ_ENABLED_PLUGINS_FILE RABBITMQ_PID_FILE RABBITMQ_USE_LONGNAME > "$data/cli.env"

cd /
. "$here/supervise.sh"
if [ "${RABBIT_EPMD_EXTERNAL:-}" != 1 ]; then
  # The node's own epmd lives as long as this script; a node started again registers with it anew.
  "$epmd_bin" -port "$RABBIT_EPMD_PORT" -address 127.0.0.1 &
  epmd=$!
  trap 'kill -TERM "$epmd" 2>/dev/null || true' EXIT
fi
if [ -n "${RABBIT_JOIN:-}" ] && [ ! -e "$data/joined" ]; then
  # First start of a cluster's further node: once it runs, it joins the first node's cluster (its own empty
  # database is reset), then starts again as a member. It stays a member across restarts.
  "$here/rabbitmq-join.sh" "$data" "$RABBIT_JOIN" &
fi
supervise RabbitMQ TERM $(server_priority) "$server"
