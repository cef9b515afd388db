#!/bin/sh
# scripts/demo.sh BUILD -- the main job, on the bundled examples/ only (it needs
# nothing from ../shared): each stage of dots in turn, then the workbench.
#   DEMO_DB       database to build (default demo.db, recreated each run)
#   DEMO_LISTEN   address for the workbench (default 127.0.0.1:8080)
#   DEMO_NO_SERVE set to 1 to stop after the report instead of serving
set -eu
build=${1:-build}
dots=$build/dots
db=${DEMO_DB:-demo.db}
listen=${DEMO_LISTEN:-127.0.0.1:8080}
first=examples/treasury-hezbollah-network.txt

section() { printf '\n==== %s\n$ %s\n' "$1" "$2"; }

rm -f "$db" "$db-wal" "$db-shm"

section "1. Pages: parts of a scraped page, with byte offsets" "dots segment $first"
"$dots" segment "$first"

section "2. Tags: part of speech and named entities (first sentences)" "dots tag $first"
"$dots" tag "$first" | head -40

section "3. Actors of every example, and their sanctions-list matches" \
        "dots lists sample --db $db && dots screen examples/* --db $db"
"$dots" lists sample --db "$db"
"$dots" screen examples/* --db "$db"

section "4. Claims: who does what to whom, when, according to whom" "dots extract examples/*"
"$dots" extract examples/*

section "5. The stored network" "dots ingest examples --db $db && dots stats --db $db"
"$dots" ingest examples --db "$db"
"$dots" stats --db "$db"

section "6. An actor" "dots show Iran --db $db"
"$dots" show Iran --db "$db"

section "7. Evidence paths between two actors" "dots path Iran Hezbollah --db $db"
"$dots" path Iran Hezbollah --db "$db"

section "8. A timeline" "dots timeline Iran --db $db"
"$dots" timeline Iran --db "$db"

[ "${DEMO_NO_SERVE:-0}" = 1 ] && exit 0
section "9. The workbench" "dots serve --db $db --listen $listen"
echo "open http://$listen/ in a browser (Ctrl-C stops the server)"
exec "$dots" serve --db "$db" --listen "$listen"
