#!/bin/sh
# scripts/install-deps.sh -- install every Debian package dots needs to build,
# test and run. Idempotent: packages already present are left alone, and apt is
# only asked when something is missing. Works as root or through sudo.
set -eu

PKGS="build-essential cmake pkg-config clang libclang-rt-dev
libsqlite3-dev sqlite3 libpq-dev postgresql
libmicrohttpd-dev libjansson-dev libgumbo-dev libutf8proc-dev
libxml2-dev libxml2-utils libcmocka-dev iso-codes
python3 python3-networkx chromium wrk"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done

# Node.js and npm may come from elsewhere than Debian (a newer node ships its own npm).
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "install-deps: installing$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Front-end assets and the browser-test driver come from npm, pinned in web/package.json.
if [ -f web/package.json ] && [ ! -d web/node_modules/cytoscape ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
               npm install --no-audit --no-fund --loglevel=error)
fi
exit 0
