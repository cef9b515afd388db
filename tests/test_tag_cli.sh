#!/bin/bash
# tests/test_tag_cli.sh -- the tagger's commands end to end: dots train on the
# toy corpus (tests/cases/tag_toy.tsv), dots eval's last line, dots tag with
# the built-in models in plain and JSON output, and the error messages for
# malformed corpora and broken model files. Seconds, no shared data needed.
set -euo pipefail
DOTS=${1:-${DOTS_BIN:?dots binary}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# training: reproducible bytes, and eval's last line is machine-readable
"$DOTS" train ner --train tests/cases/tag_toy.tsv -o "$tmp/a.model" --epochs 3 --beam 2 2>"$tmp/log"
"$DOTS" train ner --train tests/cases/tag_toy.tsv -o "$tmp/b.model" --epochs 3 --beam 2 2>>"$tmp/log"
cmp -s "$tmp/a.model" "$tmp/b.model" || fail "two training runs gave different models"
last=$("$DOTS" eval ner tests/cases/tag_toy.tsv --model "$tmp/a.model" | tail -1)
[[ $last =~ ^precision=1\.0000\ recall=1\.0000\ f1=1\.0000$ ]] || fail "eval ner last line: $last"
"$DOTS" train pos --train tests/cases/tag_toy.tsv -o "$tmp/p.model" --epochs 2 --no-clusters 2>>"$tmp/log"
last=$("$DOTS" eval pos tests/cases/tag_toy.tsv --model "$tmp/p.model" | tail -1)
[[ $last =~ ^accuracy=1\.0000$ ]] || fail "eval pos last line: $last"

# malformed corpus: exit 1, message names file and line
if "$DOTS" train ner --train tests/cases/tag_bad_columns.tsv -o "$tmp/x.model" 2>"$tmp/err"; then
    fail "a malformed corpus was accepted"
fi
grep -q "tag_bad_columns.tsv:5: expected 3 tab-separated columns" "$tmp/err" || fail "$(cat "$tmp/err")"
[ ! -e "$tmp/x.model" ] || fail "a failed training run left a model behind"

# broken model files are refused with the reason
head -c 1000 "$tmp/a.model" > "$tmp/short.model"
if "$DOTS" eval ner tests/cases/tag_toy.tsv --model "$tmp/short.model" 2>"$tmp/err"; then
    fail "a truncated model was accepted"
fi
grep -q "short.model: size mismatch.*truncated" "$tmp/err" || fail "$(cat "$tmp/err")"
cp "$tmp/a.model" "$tmp/flip.model"
printf '\x55' | dd of="$tmp/flip.model" bs=1 seek=500 conv=notrunc status=none
if "$DOTS" eval ner tests/cases/tag_toy.tsv --model "$tmp/flip.model" 2>"$tmp/err"; then
    fail "a corrupted model was accepted"
fi
grep -q "checksum mismatch" "$tmp/err" || fail "$(cat "$tmp/err")"

# dots tag with the built-in models (skipped in a build without models/)
printf 'Taliban fighters attacked a checkpoint in Kandahar on Sunday, said John Smith.\n' > "$tmp/t.txt"
if ! "$DOTS" tag "$tmp/t.txt" > "$tmp/out" 2>"$tmp/err"; then
    grep -q "no built-in" "$tmp/err" && { echo "skip: no built-in models"; exit 77; }
    fail "$(cat "$tmp/err")"
fi
grep -qP '^Kandahar\tNNP\tB-geo$' "$tmp/out" || fail "Kandahar: $(grep Kandahar "$tmp/out")"
grep -qP '^Sunday\tNNP\tB-tim$' "$tmp/out" || fail "Sunday: $(grep Sunday "$tmp/out")"
grep -qP '^Smith\tNNP\tI-per$' "$tmp/out" || fail "Smith: $(grep Smith "$tmp/out")"
"$DOTS" tag --json "$tmp/t.txt" > "$tmp/out.json"
grep -q '"type": "geo"' "$tmp/out.json" || fail "no geo entity in JSON"
grep -q '"text": "John Smith"' "$tmp/out.json" || fail "no John Smith entity in JSON"
echo ok
