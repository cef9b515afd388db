#!/bin/bash
# tests/pg_ingest.sh -- ingest into PostgreSQL (run by ctest as test_ingest_pg,
# with the server of the pg fixture in DOTS_PG_URL; cmake/store.cmake):
# idempotent parallel ingest, kill -9 mid-run then re-run reaching the counts
# of a clean run, and the dev-eval import answering the same as on SQLite.
set -eu
bin=${1:-$DOTS_BIN}
url=${DOTS_PG_URL:?DOTS_PG_URL not set}
shared=${DOTS_SHARED:-../shared}
tmp=$(mktemp -d)
pid=0
trap '[ "$pid" -gt 0 ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
wipe() { psql -q "$url" -c "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public" > /dev/null; }
count() { psql -At "$url" -c "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM segments) || ' ' || (SELECT count(*) FROM claims) || ' ' || (SELECT count(*) FROM actors)"; }

mkdir -p "$tmp/in"
n=600
for i in $(seq 1 $n); do
    printf 'Report %d. Iran sent weapons to the Taliban in %d, officials said.\n\nThe Taliban denied it.\n' \
        "$i" $((2000 + i % 20)) > "$tmp/in/doc$i.txt"
done
only=""
echo "Iran met Qatar." > "$tmp/probe.txt"
"$bin" ingest "$tmp/probe.txt" --db "$tmp/probe.db" > /dev/null 2>&1 || only="--parse-only"

wipe
"$bin" ingest "$tmp/in" $only --db "$url" -j 2 > "$tmp/out1"
grep -q "($n new, 0 unchanged, 0 failed)" "$tmp/out1" || fail "clean run: $(cat "$tmp/out1")"
"$bin" ingest "$tmp/in" $only --db "$url" -j 2 > "$tmp/out2"
grep -q "(0 new, $n unchanged, 0 failed)" "$tmp/out2" || fail "re-run: $(cat "$tmp/out2")"
clean=$(count)

wipe
"$bin" ingest "$tmp/in" $only --db "$url" -j 2 > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    sleep 0.02
    got=$(psql -At "$url" -c "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    [ "${got:-0}" -ge 20 ] && break
done
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
pid=0
echo "after kill -9: $(count) (documents segments claims actors)"
"$bin" ingest "$tmp/in" $only --db "$url" -j 2 > /dev/null
[ "$(count)" = "$clean" ] || fail "after kill and re-run: $(count), clean run: $clean"

if [ -d "$shared/dev-eval/gold" ]; then
    wipe
    out=$("$bin" import "$shared"/dev-eval/gold/*.json --db "$url")
    [ "$out" = "imported 8 documents with 138 new claims" ] || fail "import: $out"
    "$bin" path Iran Houthis --db "$url" | grep -q "^#1 Iran - " || fail "path on PostgreSQL"
fi
wipe
echo "pg_ingest: ok"
