#!/bin/bash
# tests/test_query.sh -- the query commands end to end on real documents: the
# dev-eval texts and their gold claims imported into a fresh database, then
# show, path, timeline, search, stats, export, actor merge/split and review,
# with the analyst's decisions checked to survive re-importing changed texts.
set -eu
bin=${1:-$DOTS_BIN}
shared=${DOTS_SHARED:-../shared}
[ -d "$shared/dev-eval/gold" ] || { echo "test_query: no $shared/dev-eval, skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
db="$tmp/q.db"
cp -r "$shared/dev-eval/gold" "$shared/dev-eval/docs" "$tmp/"
py() { python3 -c "import json, sys; o = json.load(sys.stdin); $1"; }

out=$("$bin" import "$tmp"/gold/*.json --db "$db")
[ "$out" = "imported 8 documents with 138 new claims" ] || fail "import: $out"
out=$("$bin" import "$tmp"/gold/*.json --db "$db")
[ "$out" = "imported 8 documents with 0 new claims" ] || fail "re-import: $out"
"$bin" stats --json --db "$db" | py 'assert o["documents"] == 8 and o["claims"] == 138, o'

# show: aliases, counts, grouped claims with evidence and sources
"$bin" show Iranian --json --db "$db" | py '
assert o["actor"]["name"] == "Iran", o["actor"]
assert "Iranian" in o["aliases"]
assert o["counts"]["claims_out"] == 11 and o["counts"]["documents"] == 3, o["counts"]
sup = [g for g in o["out"] if g["predicate"] == "supports"][0]
assert sup["count"] == 9 and all(c["evidence"]["sentence"] for c in sup["claims"])
src = [c for g in o["in"] for c in g["claims"] if c["source"]]
assert src and src[0]["source"] == "Treasury Department", src'
"$bin" show Iran --db "$db" | grep -q "^claims by this actor:" || fail "show text"
if "$bin" show "Nobody Atall" --db "$db" 2> "$tmp/err"; then fail "unknown actor accepted"; fi
grep -q "no actor 'Nobody Atall'" "$tmp/err" || fail "unknown actor message: $(cat "$tmp/err")"

# path: ranked, directed edges with claims; filters apply
"$bin" path Iran Houthis --json --db "$db" | py '
ps = o["paths"]
assert ps and ps[0]["nodes"][0]["name"] == "Iran" and ps[-1]["nodes"][-1]["name"] == "Houthis"
for p in ps:
    assert len(p["edges"]) == p["hops"] == len(p["nodes"]) - 1
    for e in p["edges"]:
        assert e["direction"] in ("forward", "backward", "both") and e["claims"]
        assert all(c["evidence"]["sentence"] for c in e["claims"])
sup = [p["support"] for p in ps]
assert sup == sorted(sup, reverse=True), sup'
"$bin" path Iran Houthis --predicate supports,funds --json --db "$db" | py '
for p in o["paths"]:
    for e in p["edges"]:
        assert all(c["predicate"] in ("supports", "funds") for c in e["claims"]), e'
"$bin" path Iran Houthis --max-hops 1 --json --db "$db" | py 'assert o["paths"] == [], o["paths"]'
"$bin" path Iran Houthis --db "$db" | grep -q "^#1 Iran - " || fail "path text"

# timeline: dated claims in order; --with keeps the pair
"$bin" timeline Iran --json --db "$db" | py '
t = [c["time"] for c in o["claims"]]
assert t and t == sorted(t) and all(t), t'
"$bin" timeline Iran --with Hamas --json --db "$db" | py '
assert o["claims"] and all({c["subject"]["name"], c["object"]["name"]} == {"Iran", "Hamas"}
                           for c in o["claims"])'

# search: actor prefixes (aliases too) and full text
"$bin" search hizb --json --db "$db" | py '
assert "Hezbollah" in [a["name"] for a in o["actors"]], o["actors"]'
"$bin" search smuggling network --json --db "$db" | py '
assert [d["name"] for d in o["documents"]][:1] == ["kuna-houthi-network.txt"], o["documents"]'

# exports that other tools read
"$bin" export --format graphml -o "$tmp/g.graphml" --db "$db"
"$bin" export --format gexf -o "$tmp/g.gexf" --db "$db"
if command -v xmllint > /dev/null; then xmllint --noout "$tmp/g.graphml" "$tmp/g.gexf"; fi
"$bin" export --format ftm --db "$db" > "$tmp/g.ftm"
python3 - "$tmp/g.ftm" <<'PY'
import json, sys
ents = [json.loads(l) for l in open(sys.argv[1])]
schemas = {e["schema"] for e in ents}
assert {"Person", "Organization", "PublicBody", "Membership", "UnknownLink"} <= schemas, schemas
ids = {e["id"] for e in ents}
for e in ents:
    if e["schema"] == "Membership":
        assert e["properties"]["member"][0] in ids and e["properties"]["organization"][0] in ids
PY
if "$bin" export --format pdf --db "$db" 2> /dev/null; then fail "unknown format accepted"; fi

# analyst decisions survive re-import of changed texts
"$bin" actor merge "IRGC-QF" "Islamic Revolutionary Guard Corps" --db "$db" > /dev/null
"$bin" actor split Iran Iranian --db "$db" > /dev/null
id=$("$bin" show Hamas --json --db "$db" | py '
print([c["id"] for g in o["in"] for c in g["claims"] if c["subject"]["name"] == "Iran"][0])')
"$bin" review "$id" reject --note "test" --db "$db" > /dev/null
if "$bin" review "$id" maybe --db "$db" 2> /dev/null; then fail "bad review action accepted"; fi
check() {
    "$bin" show "Islamic Revolutionary Guard Corps" --json --db "$db" | py '
assert o["actor"]["name"] == "IRGC-QF", o["actor"]'
    "$bin" show Iranian --json --db "$db" | py 'assert o["actor"]["name"] == "Iranian", o["actor"]'
    "$bin" show Iran --json --db "$db" | py 'assert "Iranian" not in o["aliases"], o["aliases"]'
    n=$("$bin" timeline Iran --with Hamas --json --db "$db" | py 'print(len(o["claims"]))')
    [ "$n" = 0 ] || fail "rejected claim is back ($n)"
}
check
for f in "$tmp"/docs/*.txt; do printf '\nAppended for the test.\n' >> "$f"; done
out=$("$bin" import "$tmp"/gold/*.json --db "$db")
[ "$out" = "imported 8 documents with 138 new claims" ] || fail "changed import: $out"
"$bin" stats --json --db "$db" | py 'assert o["claims"] == 138 and o["reviews"] == 1, o'
check
echo "test_query: ok"
