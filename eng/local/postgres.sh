#!/usr/bin/env bash
# Runs a private PostgreSQL server in the foreground, for local mode and for tests.
#   PG_DATA      cluster folder (created and initialised on first start)
#   PG_PORT      TCP port on 127.0.0.1 (no Unix socket is opened)
#   PG_PASSWORD  password of the "postgres" user, set when the cluster is created
# PostgreSQL refuses to run as root, so the server runs as the "postgres" system user that
# Debian's package creates. If that user cannot reach PG_DATA (say the checkout sits under a
# private folder such as /root), the cluster lives under /var/lib/postgresql/crm and PG_DATA
# becomes a link to it. The server is started again when it exits on its own (a crash, kill -9,
# pg_ctl stop -m immediate; eng/local/supervise.sh). TERM or INT asks for a fast shutdown.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${PG_DATA:?}" "${PG_PORT:?}" "${PG_PASSWORD:?}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

if [ ! -e "$PG_DATA" ]; then
  mkdir -p "$PG_DATA"
  chown postgres:postgres "$PG_DATA"
  chmod 700 "$PG_DATA"
  if ! as_postgres test -w "$PG_DATA"; then
    real="/var/lib/postgresql/crm/$(printf '%s' "$PG_DATA" | sha1sum | cut -c1-16)"
    rm -rf "$real" && mkdir -p "$real" && chown -R postgres:postgres /var/lib/postgresql/crm && chmod 700 "$real"
    rmdir "$PG_DATA" && ln -s "$real" "$PG_DATA"
  fi
fi
data=$(readlink -f "$PG_DATA")

if [ ! -s "$data/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$PG_PASSWORD" > "$pwfile"
  chown postgres "$pwfile"
  as_postgres "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

cd /
. "$here/supervise.sh"
# INT is PostgreSQL's fast shutdown: open transactions roll back, committed ones are on disk.
supervise PostgreSQL INT $(server_priority) setpriv --reuid=postgres --regid=postgres --init-groups -- "$bin/postgres" -D "$data" -p "$PG_PORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=300 \
  -c fsync=on -c synchronous_commit=on -c log_min_messages=warning
