#!/bin/bash
# tests/test_ingest.sh -- dots ingest end to end on generated documents:
# idempotent re-runs, folders and stdin, readers during a running ingest, and
# kill -9 in the middle of a parallel ingest: the database must stay
# consistent and a re-run must reach exactly the counts of a clean run.
set -eu
bin=${1:-$DOTS_BIN}
tmp=$(mktemp -d)
trap '[ "$pid" -gt 0 ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
pid=0
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tmp/in/a" "$tmp/in/b"
n=800
for i in $(seq 1 $n); do
    if [ $((i % 2)) = 0 ]; then d=a; else d=b; fi
    printf 'Report %d. Iran sent weapons to the Taliban in %d, officials in Kabul said.\n\nThe Taliban denied it on day %d. Pakistan met Taliban envoys.\n' \
        "$i" $((2000 + i % 20)) "$i" > "$tmp/in/$d/doc$i.txt"
done
# same base name in two folders: two documents
echo "Only in a." > "$tmp/in/a/same.txt"
echo "Only in b." > "$tmp/in/b/same.txt"
total=$((n + 2))

# The full pipeline when this build has its models, else documents only.
only=""
echo "Iran met Qatar." > "$tmp/probe.txt"
if ! "$bin" ingest "$tmp/probe.txt" --db "$tmp/probe.db" > /dev/null 2> "$tmp/probe.err"; then
    grep -q "model" "$tmp/probe.err" || fail "probe: $(cat "$tmp/probe.err")"
    echo "test_ingest: no models in this build, ingesting with --parse-only"
    only="--parse-only"
fi

stats() { "$bin" stats --json --db "$1" | grep -v '"backend"'; }

"$bin" ingest "$tmp/in" $only --db "$tmp/clean.db" > "$tmp/out1"
grep -q "($total new, 0 unchanged, 0 failed)" "$tmp/out1" || fail "clean run: $(cat "$tmp/out1")"
"$bin" ingest "$tmp/in" $only --db "$tmp/clean.db" > "$tmp/out2"
grep -q "(0 new, $total unchanged, 0 failed)" "$tmp/out2" || fail "re-run: $(cat "$tmp/out2")"
stats "$tmp/clean.db" > "$tmp/clean.stats"
grep -q "\"documents\": $total" "$tmp/clean.stats" || fail "documents: $(cat "$tmp/clean.stats")"

# kill -9 while 2 workers write; readers keep working meanwhile
"$bin" ingest "$tmp/in" $only --db "$tmp/k.db" -j 2 > /dev/null 2>&1 &
pid=$!
# kill as soon as some documents are in (not by a fixed delay: machines differ)
for _ in $(seq 1 200); do
    sleep 0.02
    got=$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    [ "${got:-0}" -ge 20 ] && break
done
"$bin" stats --db "$tmp/k.db" > /dev/null || fail "reader blocked or failed during ingest"
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
pid=0
[ "$(sqlite3 "$tmp/k.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check"
echo "after kill -9: $(sqlite3 "$tmp/k.db" "SELECT count(*) FROM documents") of $total documents stored"
# every stored document is whole: no claims or segments without their document
orphans=$(sqlite3 "$tmp/k.db" "SELECT (SELECT count(*) FROM segments WHERE doc_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM documents))")
[ "$orphans" = 0 ] || fail "$orphans orphan rows after kill"
"$bin" ingest "$tmp/in" $only --db "$tmp/k.db" -j 2 > "$tmp/out3"
stats "$tmp/k.db" > "$tmp/k.stats"
diff "$tmp/clean.stats" "$tmp/k.stats" || fail "counts after kill and re-run differ from a clean run"
[ "$(sqlite3 "$tmp/k.db" 'PRAGMA journal_mode')" = wal ] || fail "not in WAL mode"

# stdin, and a changed document replaces the old one
printf 'Qatar hosted talks with the Taliban.\n' | "$bin" ingest - $only --db "$tmp/clean.db" > "$tmp/out4"
grep -q "(1 new" "$tmp/out4" || fail "stdin: $(cat "$tmp/out4")"
echo "Changed text for doc1." > "$tmp/in/b/doc1.txt"
"$bin" ingest "$tmp/in" $only --db "$tmp/clean.db" > "$tmp/out5"
grep -q "(1 new, $((total - 1)) unchanged" "$tmp/out5" || fail "changed doc: $(cat "$tmp/out5")"
[ "$(sqlite3 "$tmp/clean.db" "SELECT count(*) FROM documents WHERE name = 'b/doc1.txt' OR name = 'doc1.txt'")" = 1 ] ||
    fail "changed document duplicated"

# errors name the path and fail the command
if "$bin" ingest "$tmp/nope" --db "$tmp/clean.db" 2> "$tmp/err"; then fail "missing path accepted"; fi
grep -q "nope" "$tmp/err" || fail "error does not name the path"
echo "test_ingest: ok"
