#!/bin/bash
# tests/test_segment.sh DOTS -- `dots segment --json` on the seed page: the
# counts an analyst can check by eye (17 comments, 16 with an author, one
# empty, three topics), and on every dev-eval document: title, ISO date, body.
set -eu
dots=${1:-${DOTS_BIN:-build/dots}}
shared=${DOTS_SHARED:-../shared}
fail() { echo "FAIL: $*"; exit 1; }
count() { python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print($1)"; }

seed=$shared/seed/lwj-iran-taliban.txt
[ -f "$seed" ] || { echo "skip: no seed at $seed"; exit 0; }
out=$("$dots" segment --json "$seed")
[ "$(echo "$out" | wc -l)" = 1 ] || fail "one document per line"
[ "$(echo "$out" | count 'len(d["comments"])')" = 17 ] || fail "17 comments"
[ "$(echo "$out" | count 'sum(1 for c in d["comments"] if c["author"])')" = 16 ] || fail "16 authors"
[ "$(echo "$out" | count 'sum(1 for c in d["comments"] if c["empty"])')" = 1 ] || fail "1 empty"
[ "$(echo "$out" | count 'd["comments"][2]["author"]')" = ulises ] || fail "empty comment is ulises"
[ "$(echo "$out" | count 'd["topics"]')" = "['Islamic state', 'Al shabaab', 'Boko Haram']" ] ||
    fail "3 topics"
[ "$(echo "$out" | count 'd["title"]')" = \
  "Analysis: Iran has supported the Taliban’s insurgency since late 2001" ] || fail title
# offsets are file offsets: the text at [start,end) of the file is the paragraph
echo "$out" | python3 -c "
import json,sys
d=json.loads(sys.stdin.readline()); src=open('$seed','rb').read()
for b in d['body']+[c for c in d['comments'] if not c['empty']]:
    assert src[b['start']:b['end']].decode()==b['text'], b
" || fail "offsets"

for f in "$shared"/dev-eval/docs/*.txt; do
    out=$("$dots" segment --json "$f")
    want_title=$(sed -n 1p "$f"); want_date=$(sed -n 2p "$f")
    [ "$(echo "$out" | count 'd["title"]')" = "$want_title" ] || fail "$f title"
    [ "$(echo "$out" | count 'd["date"]')" = "$want_date" ] || fail "$f date"
    [ "$(echo "$out" | count 'len(d["body"]) > 1')" = True ] || fail "$f body"
    [ "$(echo "$out" | count 'len(d["comments"])')" = 0 ] || fail "$f has no comments"
done
echo "ok"
