#!/usr/bin/env bash
# Make sure Graphviz's `dot` is on PATH: install Debian's package when we are root, otherwise
# say exactly what to run.
set -euo pipefail
if command -v dot >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Graphviz (dot) is missing: installing Debian's graphviz package..."
    bash "$(dirname "$0")/apt-install.sh" graphviz && command -v dot >/dev/null && exit 0
fi
echo "Graphviz's 'dot' is not installed. Install it with:" >&2
echo "    sudo apt-get install graphviz      (Debian/Ubuntu)" >&2
echo "    brew install graphviz              (macOS)" >&2
exit 2
