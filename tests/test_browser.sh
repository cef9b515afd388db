#!/bin/bash
# tests/test_browser.sh DOTS -- the workbench in a real browser: start
# `dots serve` on a free loopback port against a temp database, add the
# fixtures (tests/cases/serve/ and the seed article from $DOTS_SHARED when
# present; not examples/, which change with the extractor) through the API, run
# tests/browser/workbench.mjs (playwright-core driving Debian's chromium), stop
# the server. Exit 77 (ctest: skipped) with a message when chromium, node or
# playwright-core is missing. Screenshots go to $DOTS_SCREENSHOTS when set
# (docs/screenshots is refreshed that way), else to $BUILD_DIR/screenshots.
set -u
DOTS=${1:-${DOTS_BIN:-build/dots}}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
here=$(cd "$(dirname "$0")/.." && pwd)

skip() { echo "SKIP test_browser: $*"; exit 77; }
[ -x "$CHROMIUM" ] || skip "no chromium at $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null || skip "node is not installed"
[ -d "$here/web/node_modules/playwright-core" ] || skip "playwright-core missing: run npm ci in web/"

tmp=$(mktemp -d /tmp/dots-browser-XXXXXX)
pid=
npid=
cleanup() {
    [ -n "$npid" ] && kill "$npid" 2>/dev/null
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP            # so that cleanup runs when ctest gives up on us

# The sample sanctions lists, when this build has them, so the actor view shows entries.
lists=0
"$DOTS" lists sample --db "$tmp/t.db" >/dev/null 2>&1 && lists=1

# timeout: even if this script is killed outright, the server does not outlive it long.
timeout 600 "$DOTS" serve --db "$tmp/t.db" --listen 127.0.0.1:0 --threads 2 \
    --ingest-timeout 60 >"$tmp/serve.out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    grep -q 'listening on' "$tmp/serve.out" && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.out"; echo "dots serve did not start"; exit 1; }
    sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.out" | head -1)
[ -n "$url" ] || { cat "$tmp/serve.out"; echo "no URL from dots serve"; exit 1; }
token=$(cat "$tmp/t.db.token")

docs=()
[ -f "${DOTS_SHARED:-$here/../shared}/seed/lwj-iran-taliban.txt" ] &&
    docs+=("${DOTS_SHARED:-$here/../shared}/seed/lwj-iran-taliban.txt")
docs+=("$here"/tests/cases/serve/*.txt)
timeout 120 node "$here/tests/browser/ingest.mjs" "$url" "$token" "${docs[@]}" ||
    { echo "ingest through the API failed or took over 120 s"; exit 1; }

# In the background with wait, so that a TERM from ctest is handled at once.
DOTS_URL=$url DOTS_TOKEN=$token DOTS_LISTS=$lists SHOTS=${DOTS_SCREENSHOTS:-${BUILD_DIR:-$tmp}/screenshots} \
    timeout 120 node "$here/tests/browser/workbench.mjs" &
npid=$!
wait "$npid"
rc=$?
npid=
kill "$pid" && wait "$pid" 2>/dev/null
pid=
# Under -DDOTS_SANITIZE=ON the server reports leaks and UB on its way out.
if grep -qE 'Sanitizer|runtime error' "$tmp/serve.out"; then
    cat "$tmp/serve.out"
    echo "dots serve: sanitizer report above"
    rc=1
fi
exit $rc
