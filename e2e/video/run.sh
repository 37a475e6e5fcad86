#!/usr/bin/env bash
# The video suite in a network namespace with only loopback: every ICE candidate, and so every
# byte of media, stays on 127.0.0.1 (MACHINE-NOTES). Needs root for `unshare -n`.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "${E2E_VIDEO:-}" = skip ]; then
  echo "test:video: skipped (E2E_VIDEO=skip)"
  exit 0
fi
if ! unshare -n true 2>/dev/null; then
  echo "test:video: cannot create a network namespace here (it needs root and unshare): the video suite did not run" >&2
  exit 1
fi
command -v turnserver >/dev/null || echo "test:video: coturn (turnserver) is not installed: the relay-only test is skipped" >&2
exec unshare -n -- bash -c 'ip link set lo up && exec npx playwright test -c playwright.video.config.ts "$@"' bash "$@"
