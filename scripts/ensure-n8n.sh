#!/bin/sh
# The end-to-end tests of the n8n package run in a real n8n server. n8n is a 2.9 GB install
# that must not enter the workspace lockfile, so it lives in .toolchain/n8n inside the clone.
# What works on machines that reach only the npm registry (see shared research on n8n):
# - n8n 2.41.1 exactly (newer patch releases pin packages the registry lacks);
# - linkedom 0.18.13 (0.18.15 needs a package the registry lacks);
# - --ignore-scripts (kafka and sqlite3 try to download prebuilt binaries), then sqlite3
#   rebuilt from source against the running Node's own headers.
# Prints the path of the n8n binary on its last line.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR="$ROOT/.toolchain/n8n"
N8N_VERSION=2.41.1
BIN="$DIR/node_modules/.bin/n8n"
STAMP="$DIR/.installed-$N8N_VERSION-node$(node -p 'process.versions.modules')"

if [ ! -f "$STAMP" ]; then
  echo "[sellerchat] installing n8n $N8N_VERSION into .toolchain/n8n for the end-to-end tests (a few minutes)" >&2
  mkdir -p "$DIR"
  cat > "$DIR/package.json" <<JSON
{ "name": "sellerchat-n8n-for-tests", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.13" } }
JSON
  (cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  # node-gyp must build against this Node's headers, not download them (no internet here).
  NODE_DIR=$(node -p 'require("path").resolve(process.execPath, "..", "..")')
  (cd "$DIR" && npm_config_nodedir="$NODE_DIR" npm rebuild sqlite3 --loglevel=error >&2)
  touch "$STAMP"
fi
echo "$BIN"
