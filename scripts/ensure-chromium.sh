#!/bin/sh
# The page tests drive Debian's Chromium through playwright-core (a test tool's own browser
# download cannot work on machines that reach only the npm registry and Debian's packages).
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[sellerchat] installing Debian's chromium for the page tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
else
  echo "[sellerchat] /usr/bin/chromium is missing and this user cannot apt-get it: install Debian's chromium package" >&2
  exit 1
fi
