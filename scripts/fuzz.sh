#!/bin/sh
# scripts/fuzz.sh BUILD SECONDS -- run every libFuzzer target in BUILD for a
# bounded time, each from its seed corpus in fuzz/corpus/<name>/ if present.
set -eu
build=$1; secs=$2
for t in "$build"/fuzz_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    work=$(mktemp -d)
    seeds=fuzz/corpus/$name
    [ -d "$seeds" ] || seeds=""
    echo "fuzz: $name for ${secs}s"
    "$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
         -print_final_stats=0 "$work" $seeds >"$work.log" 2>&1 ||
        { tail -50 "$work.log"; echo "fuzz: $name FAILED"; exit 1; }
    tail -1 "$work.log"
    rm -rf "$work" "$work.log"
done
