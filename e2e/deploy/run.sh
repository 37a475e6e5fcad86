#!/usr/bin/env bash
# The deployment check (npm run test:deploy): builds for production (unless DEPLOY_SKIP_BUILD=1,
# when CI built already), makes a self-signed certificate, and runs the check inside a network
# namespace with only loopback (e2e/deploy/stack.ts starts PostgreSQL, Redis, S3, the Khalti
# stand-in, two instances and nginx there). Needs root (unshare, and PostgreSQL run as postgres).
set -uo pipefail
cd "$(dirname "$0")/../.."
missing=""
for tool in nginx openssl redis-server setpriv chromium; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -n "$missing" ]; then echo "test:deploy: missing$missing (apt-get install -y nginx postgresql redis-server chromium)" >&2; exit 1; fi
if ! unshare -n true 2>/dev/null; then echo "test:deploy: cannot create a network namespace here (root and unshare needed)" >&2; exit 1; fi

if [ "${DEPLOY_SKIP_BUILD:-}" != 1 ]; then npm run build --silent || exit 1; fi
[ -f dist/server/main.js ] && [ -f dist/web/index.html ] || { echo "test:deploy: no production build in dist/" >&2; exit 1; }

dir=$(mktemp -d /tmp/tm-deploy-XXXXXX)
chmod 755 "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null || exit 1
export DEPLOY_DIR="$dir" NODE_EXTRA_CA_CERTS="$dir/tls.crt"

unshare -n -- bash -c 'ip link set lo up && exec npx playwright test -c playwright.deploy.config.ts "$@"' bash "$@"
status=$?

# Whatever a crashed run left behind, stopped by its pid (each one checked to be ours).
for pids in "$dir"/stack-*/pids; do
  [ -f "$pids" ] || continue
  while read -r pid; do
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE "$dir|dist/server/"; then
      echo "test:deploy: stopping leftover process $pid" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  done <"$pids"
done
if [ $status -ne 0 ]; then
  logs="${TEST_RESULTS_DIR:-test-results}/deploy-logs"
  mkdir -p "$logs" && for d in "$dir"/stack-*; do mkdir -p "$logs/${d##*/}" && cp "$d"/*.log "$logs/${d##*/}"/ 2>/dev/null; done
  echo "test:deploy: the logs of every process are in $logs" >&2
fi
rm -rf "$dir"
exit $status
