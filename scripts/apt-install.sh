#!/usr/bin/env bash
# apt-get update and install for the ensure-*.sh scripts, quietly: apt's output (progress, debconf
# notes) is shown only when it fails. Arguments go to apt-get install, e.g. --no-install-recommends.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if apt-get update -qq >"$log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$log" 2>&1; then
    exit 0
fi
cat "$log" >&2
exit 1
