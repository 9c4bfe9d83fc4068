#!/usr/bin/env bash
# The browser tests drive Debian's chromium headless; install it when we are root, otherwise
# say what to run (the browser tests then skip).
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing: installing Debian's chromium package for the browser tests..."
    bash "$(dirname "$0")/apt-install.sh" chromium && exit 0
fi
echo "note: chromium is not installed; browser tests will be skipped. Install it with:" >&2
echo "    sudo apt-get install chromium" >&2
exit 0
