# Sourced by the local server scripts: keeps one server process running.
#   supervise NAME SIGNAL COMMAND...
# Runs COMMAND and starts it again whenever it exits on its own (a crash, a kill -9, an immediate
# shutdown from outside), waiting 1 s, then twice as long after each quick failure, at most 30 s;
# a run of a minute or more starts the wait at 1 s again. TERM or INT to this script sends SIGNAL to
# the server, waits for it to finish and returns, so a stopped resource leaves nothing running.

# The servers run before the services on the CPU where that can be set (as root): on a small machine a
# restarting broker otherwise waits for cores behind services that are only waiting for it (a RabbitMQ
# node took 45 s instead of 9 s to take connections again under load).
server_priority() { if [ "$(id -u)" = 0 ]; then echo nice -n -10; fi; }

supervise_log() { printf '%s supervise: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

supervise() {
  local name=$1 signal=$2
  shift 2
  supervise_stopping=0 supervise_child= supervise_pause=
  trap 'supervise_stopping=1
        [ -n "$supervise_child" ] && kill -"'"$signal"'" "$supervise_child" 2>/dev/null
        [ -n "$supervise_pause" ] && kill "$supervise_pause" 2>/dev/null
        true' TERM INT
  local delay=1 started status
  while :; do
    started=$SECONDS
    "$@" &
    supervise_child=$!
    status=0
    # wait returns early when a trapped signal arrives; wait again until the server has finished.
    wait "$supervise_child" || status=$?
    while kill -0 "$supervise_child" 2>/dev/null; do wait "$supervise_child" || status=$?; done
    supervise_child=
    [ "$supervise_stopping" = 1 ] && return 0

    (( SECONDS - started >= 60 )) && delay=1
    supervise_log "$name exited (status $status); starting it again in $delay s"
    sleep "$delay" &
    supervise_pause=$!
    wait "$supervise_pause" || true
    supervise_pause=
    [ "$supervise_stopping" = 1 ] && return 0
    delay=$(( delay * 2 > 30 ? 30 : delay * 2 ))
  done
}
