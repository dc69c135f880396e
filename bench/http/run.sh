#!/usr/bin/env bash
# Gateway overhead: the same authenticated read — SH01's first page of 20 customers — through the gateway,
# straight to the customer service's own listener, and through nginx in front of that listener. wrk, one
# thread and 16 connections each; a warm-up per path discarded, then rounds interleaved path by path, each
# round starting with the next path, so that no path is always measured on the warmest system.
# Prints a Markdown section body. bench/run http calls it with the system running:
#   bench/http/run.sh <gateway address> <work folder>
set -euo pipefail
gateway=$1 work=$2
rounds=${HTTP_ROUNDS:-3} seconds=${HTTP_SECONDS:-10} warmup=${HTTP_WARMUP:-30} connections=16
path="/api/customers?pageSize=20"

token=$(curl -fsS -X POST "$gateway/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"sh01.cm","password":"Store#2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

# The customer service's own address, not the orchestrator's proxy in front of it: from its process's environment.
service=$(pgrep -f '/services/Customers/bin/Release/[^ ]*/Crm.Customers$' | head -n 1)
[ -n "$service" ] || { echo "the customer service is not running (Release build)" >&2; exit 1; }
direct=$(tr '\0' '\n' < "/proc/$service/environ" | sed -n 's/^ASPNETCORE_URLS=//p' | cut -d';' -f1 | sed 's#/$##')
[ -n "$direct" ] || { echo "no ASPNETCORE_URLS in the customer service's environment" >&2; exit 1; }
upstream=${direct#http://}

# nginx as a plain reverse proxy with kept-alive upstream connections, one worker per core.
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  upstream customers { server $upstream; keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://customers;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && break; sleep 0.1; done

declare -A url=([gateway]="$gateway$path" [direct]="$direct$path" [nginx]="http://127.0.0.1:$nginx_port$path")
targets=(gateway direct nginx)

# One wrk run; its output and its own CPU seconds (user + system) go to files.
measure() { # name round length
  local out="$work/wrk-$1-$2.txt"
  local TIMEFORMAT='%U %S'
  { time wrk -t1 -c"$connections" -d"$3s" --latency -H "Authorization: Bearer $token" "${url[$1]}" > "$out"; } 2> "$out.cpu"
}
for target in "${targets[@]}"; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "${url[$target]}" || { echo "$target does not answer ${url[$target]}" >&2; exit 1; }
  measure "$target" warmup "$warmup"
done
for round in $(seq "$rounds"); do
  for i in 0 1 2; do target=${targets[$(( (round + i) % 3 ))]}; measure "$target" "$round" "$seconds"; done
done

python3 - "$work" "$rounds" "$seconds" "$warmup" "$connections" "${targets[@]}" <<'PY'
import re, statistics, sys
work, rounds, seconds, warmup, connections, targets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6:]
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
def run(target, r):
    text = open(f"{work}/wrk-{target}-{r}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {int(p): float(v) * unit[u] for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
    sock = sum(map(int, m.groups())) if (m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)) else 0
    user, system = map(float, open(f"{work}/wrk-{target}-{r}.txt.cpu").read().split())
    return rps, pct[50], pct[99], non2xx + sock, (user + system) / seconds
results = {t: [run(t, r) for r in range(1, rounds + 1)] for t in targets}
summary = {}
print(f"| the same authenticated read (`GET /api/customers?pageSize=20`, SH01), wrk 1 thread, {connections} connections | requests/s | p50 ms | p99 ms | errors | wrk CPU (cores) |")
print("|---|---:|---:|---:|---:|---:|")
names = {"gateway": "through the gateway", "direct": "straight to the customer service", "nginx": "nginx in front of the customer service"}
for t in targets:
    rs = results[t]
    rps = statistics.median(r[0] for r in rs)
    summary[t] = rps
    print(f"| {names[t]} | {rps:,.0f} | {statistics.median(r[1] for r in rs):.2f} | {statistics.median(r[2] for r in rs):.2f} | {sum(r[3] for r in rs)} | {statistics.mean(r[4] for r in rs):.2f} |")
print()
print(f"- Medians of {rounds} rounds of {seconds} s, each path once per round, the order turning each round; a {warmup} s warm-up per path discarded.")
print(f"- **gateway / nginx: {summary['gateway'] / summary['nginx']:.2f}×** requests/s (target ≥ 1.0×); gateway / direct: {summary['gateway'] / summary['direct']:.2f}×; nginx / direct: {summary['nginx'] / summary['direct']:.2f}×.")
print("- Per round, requests/s: " + "; ".join(f"{t} " + ", ".join(f"{r[0]:,.0f}" for r in results[t]) for t in targets) + ".")
PY
