#!/bin/bash
# tests/test_segment.sh DOTS -- `dots segment --json` end to end. On the seed
# page: the counts an analyst can check by eye (17 comments, 16 with an
# author, one empty, three topics) and that every offset is a file offset. On
# the dev-eval documents: title = line 1, date = line 2, body after. On the
# examples: each format parses, and a bad JSON line is an error naming it.
set -eu
dots=${1:-${DOTS_BIN:-build/dots}}
shared=${DOTS_SHARED:-../shared}
seed=$shared/seed/lwj-iran-taliban.txt
[ -f "$seed" ] || { echo "skip: no seed at $seed"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$dots" segment --json "$seed" > "$tmp/seed.json"
"$dots" segment --json "$shared"/dev-eval/docs/*.txt > "$tmp/dev.json"
"$dots" segment --json examples/*.txt examples/*.html examples/*.jsonl > "$tmp/ex.json"
"$dots" segment "$seed" > "$tmp/listing.txt"

python3 - "$seed" "$tmp" <<'PY'
import json, sys
seed, tmp = sys.argv[1], sys.argv[2]
src = open(seed, 'rb').read()
lines = open(tmp + '/seed.json').read().splitlines()
assert len(lines) == 1, "one document per line"
d = json.loads(lines[0])
c = d['comments']
assert len(c) == 17, len(c)
assert sum(1 for x in c if x['author']) == 16
assert sum(1 for x in c if x['empty']) == 1 and c[2]['author'] == 'ulises' and c[2]['empty']
assert c[7]['author'] == '' and c[7]['text'].startswith('Hardly surprising')
assert d['topics'] == ['Islamic state', 'Al shabaab', 'Boko Haram'], d['topics']
assert d['title'] == 'Analysis: Iran has supported the Taliban\u2019s insurgency since late 2001'
assert d['date'] is None and d['format'] == 'text'
assert d['byline'].startswith('Thomas Joscelyn is a Senior Fellow')
for b in d['body'] + [x for x in c if not x['empty']]:
    assert src[b['start']:b['end']].decode() == b['text'], b
for line in open(tmp + '/dev.json'):
    d = json.loads(line)
    raw = open(d['file'], encoding='utf-8').read().split('\n')
    assert d['title'] == raw[0] and d['date'] == raw[1], d['file']
    assert len(d['body']) >= 2 and not d['comments'], d['file']
    fsrc = open(d['file'], 'rb').read()
    for b in d['body']:
        assert fsrc[b['start']:b['end']].decode() == b['text']
ex = [json.loads(l) for l in open(tmp + '/ex.json')]
assert {e['format'] for e in ex} == {'text', 'html', 'jsonl'}
assert all(e['title'] and e['date'] and e['body'] for e in ex), [e['name'] for e in ex]
assert sum(len(e['comments']) for e in ex) >= 10
PY
grep -q '^comment .*#3 \[ulises\] (empty)' "$tmp/listing.txt"

# a truncated JSON Lines file: the good record is printed, the error names line 2
printf '{"id":"a","text":"Iran armed them."}\n{"id":"b","text":"cut' > "$tmp/bad.jsonl"
if "$dots" segment --json "$tmp/bad.jsonl" > "$tmp/bad.out" 2> "$tmp/bad.err"; then
    echo "FAIL: a truncated JSON line must fail"; exit 1
fi
[ "$(wc -l < "$tmp/bad.out")" = 1 ] || { echo "FAIL: the good record is kept"; exit 1; }
grep -q "bad.jsonl: line 2" "$tmp/bad.err" || { echo "FAIL: error names the line"; exit 1; }
echo ok
