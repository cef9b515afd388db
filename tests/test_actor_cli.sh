#!/bin/bash
# tests/test_actor_cli.sh DOTS -- the actor commands as a person uses them: dots
# match (one pair and a CSV of pairs), dots screen (bundled sample, list files,
# broken list files reported with file:line and exit status 1) and dots actors
# on a document written here (KB names only need no tagger model).
set -eu
dots=${1:-${DOTS_BIN:-build/dots}}
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# match: score, verdict and the pairing
out=$("$dots" match "BAGHBANI, Gholamreza" "Gholamreza Baghbani")
echo "$out" | grep -q "^1.000 match" || fail "match: $out"
echo "$out" | grep -q "baghbani=baghbani" || fail "match why: $out"
out=$("$dots" match "John Smith" "Gholamreza Baghbani")
echo "$out" | grep -q "no match" || fail "non-match: $out"
"$dots" match onlyone >/dev/null 2>&1 && fail "match with one name must fail"

# match --pairs: header optional, order kept, quoted commas
printf 'name1,name2\r\n"BAGHBANI, Gholamreza",Gholamreza Baghbani\nHizballah,Hezbollah\nJohn Smith,Jane Doe\n' >"$tmp/pairs.csv"
"$dots" match --pairs "$tmp/pairs.csv" >"$tmp/out.csv"
[ "$(sed -n 1p "$tmp/out.csv")" = "name1,name2,score,match" ] || fail "pairs header"
[ "$(sed -n 2p "$tmp/out.csv")" = '"BAGHBANI, Gholamreza",Gholamreza Baghbani,1.000,true' ] ||
    fail "pairs row 1: $(sed -n 2p "$tmp/out.csv")"
[ "$(sed -n 3p "$tmp/out.csv")" = "Hizballah,Hezbollah,1.000,true" ] || fail "pairs row 2"
[ "$(sed -n 4p "$tmp/out.csv" | cut -d, -f4)" = "false" ] || fail "pairs row 3"
[ "$(wc -l <"$tmp/out.csv")" = 4 ] || fail "pairs count"
printf 'a,b\n"unterminated,b\n' >"$tmp/bad.csv"
err=$("$dots" match --pairs "$tmp/bad.csv" 2>&1 >/dev/null) && fail "bad pairs must fail"
echo "$err" | grep -q "bad.csv:2:" || fail "bad pairs message: $err"

# screen: the bundled sample when no list is given
out=$("$dots" screen --name "Qassem Suleimani" 2>/dev/null)
echo "$out" | grep -q "OFAC-SDN 10481" || fail "sample screen: $out"
"$dots" screen --name "Qassem Suleimani" 2>&1 >/dev/null | grep -q "bundled sample" ||
    fail "sample notice"
out=$("$dots" screen --json --lists tests/cases/lists/good/sdn.csv tests/cases/lists/good/alt.csv \
      --name "Abu Talhah Rasheed")
echo "$out" | python3 -c "
import json,sys
d=json.loads(sys.stdin.readline())
assert d['hits'][0]['entry_id']=='101' and d['hits'][0]['list']=='OFAC-SDN', d
assert d['hits'][0]['matched_alias']=='RASHEED, Abu Talhah', d
" || fail "screen --json: $out"

# broken lists: file and line, status 1, nothing screened
err=$("$dots" screen --lists tests/cases/lists/missing_cols/sdn.csv --name X 2>&1) && fail "bad list must fail"
echo "$err" | grep -q "missing_cols/sdn.csv:3: 4 fields, expected 12" || fail "bad list message: $err"
err=$("$dots" screen --lists-dir "$tmp" --name X 2>&1) && fail "empty dir must fail"
echo "$err" | grep -q "no list files" || fail "empty dir message: $err"

# actors: a document of KB names (no tagger model needed for these)
printf 'Hizballah and the IRGC-QF\n\nThe U.S. Treasury said Iranian officials met Taliban envoys in Quetta.\n' >"$tmp/doc.txt"
out=$("$dots" actors --json "$tmp/doc.txt")
echo "$out" | python3 -c "
import json,sys
d=json.loads(sys.stdin.readline())
names={e['name']:e for e in d['entities']}
for n in ('Hezbollah','IRGC-QF','Treasury Department','Iran','Taliban','Quetta'):
    assert n in names, (n, sorted(names))
assert 'Hizballah' in names['Hezbollah']['aliases']
assert names['IRGC-QF']['parent']=='irgc'
src=open('$tmp/doc.txt','rb').read()
for e in d['entities']:
    for s,t in e['offsets']:
        assert src[s:t].decode() in e['aliases'], (e['name'], src[s:t])
" || fail "actors --json: $out"
out=$("$dots" screen "$tmp/doc.txt" 2>/dev/null)
echo "$out" | grep -q "OFAC-SDN 4697" || fail "screen doc: $out"
# lists in the store: load, show, a broken load changes nothing, screen reads them
db=$tmp/t.db
"$dots" lists load tests/cases/lists/good/sdn.csv tests/cases/lists/good/alt.csv \
    tests/cases/lists/un_good.xml --db "$db" | grep -q "stored 5 list entries" ||
    fail "lists load"
err=$("$dots" lists load tests/cases/lists/latin1/sdn.csv --db "$db" 2>&1) && fail "bad load must fail"
echo "$err" | grep -q "latin1/sdn.csv:2: invalid UTF-8" || fail "bad load message: $err"
out=$("$dots" lists show --db "$db")
echo "$out" | grep -q "OFAC-SDN *3 entries" && echo "$out" | grep -q "UN *2 entries" ||
    fail "lists show after a failed load: $out"
out=$("$dots" screen --db "$db" --name "Abdul Qadir Fixture" 2>&1)
echo "$out" | grep -q "TAi.900" || fail "screen from store: $out"
echo "$out" | grep -q "bundled sample" && fail "store lists must replace the sample"
echo ok
