#!/bin/sh
# bench/bench_ingest.sh -- ingest rate of generated news-like documents.
#   bench/bench_ingest.sh [DOTS_BIN] [N] [DB]
# Writes N (default 10,000) documents of ~1.5 KB -- sentences about states,
# armed groups and officials in the claim vocabulary, written for this
# benchmark -- then times `dots ingest` into a fresh database on one core
# (taskset, -j 1) and with -j 2, and prints documents/s and peak memory.
# DB defaults to a SQLite file in the temp dir; a postgresql:// URL is used
# as given (its tables are dropped between runs).
# A build without trained models cannot run the pipeline; then the figures
# are for --parse-only (parsing and storing only) and say so.
set -eu
bin=${1:-build/dots}
n=${2:-10000}
db=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "$db" ] || db="$tmp/ingest.db"

python3 - "$tmp/in" "$n" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
states = ["Iran", "Pakistan", "Afghanistan", "Qatar", "Russia", "the United States", "China",
          "Saudi Arabia", "India", "Turkey"]
groups = ["the Taliban", "al Qaeda", "the Haqqani Network", "Islamic State", "Lashkar-e-Taiba",
          "the Quds Force", "Hezbollah", "al Shabaab"]
people = ["Mullah Akhtar Mansour", "Sirajuddin Haqqani", "Ayman al Zawahiri", "Abdul Ghani Baradar",
          "Qassem Soleimani", "Hibatullah Akhundzada", "Zalmay Khalilzad", "Gholamreza Baghbani"]
cities = ["Kabul", "Kandahar", "Quetta", "Zahedan", "Doha", "Peshawar", "Herat", "Mashhad"]
verbs = [("supplied weapons to", 0), ("provided funding to", 0), ("trained fighters of", 0),
         ("gave safe haven to", 0), ("met with envoys of", 0), ("launched attacks on", 0),
         ("designated", 1), ("detained members of", 0), ("released prisoners of", 0)]
srcs = ["officials said", "according to a United Nations report", "the Treasury Department said",
        "a spokesman told reporters", "local elders said"]
os.makedirs(out, exist_ok=True)
for i in range(n):
    r = random.Random(i)
    lines = ["Report %d from %s" % (i, r.choice(cities)), "",
             "%d-%02d-%02d" % (2010 + i % 12, 1 + i % 12, 1 + i % 28), ""]
    for _ in range(12):
        a = r.choice(states + groups + people)
        b = r.choice(states + groups)
        v, _ = r.choice(verbs)
        lines.append("%s %s %s in %d, %s." % (a[0].upper() + a[1:], v, b, 2001 + r.randrange(20),
                                              r.choice(srcs)))
    with open(os.path.join(out, "report-%05d.txt" % i), "w") as f:
        f.write("\n".join(lines) + "\n")
PY
bytes=$(cat "$tmp"/in/* | wc -c)
only=""
echo "Iran met Qatar." > "$tmp/probe.txt"
if ! "$bin" ingest "$tmp/probe.txt" --db "$tmp/probe.db" >/dev/null 2>&1; then
    only="--parse-only"
    echo "bench_ingest: no models in this build: timing --parse-only"
fi
echo "bench_ingest: $n documents, $((bytes / 1024)) KB of text"

wipe() {
    case $db in
    postgres*) psql -q "$db" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" 2>/dev/null ||
                   echo "bench_ingest: cannot wipe $db (psql?)" ;;
    *) rm -f "$db" "$db-wal" "$db-shm" ;;
    esac
}

for j in 1 2; do
    wipe
    pin=""
    [ "$j" = 1 ] && command -v taskset >/dev/null && pin="taskset -c 0"
    /usr/bin/time -f "%e %M" -o "$tmp/time" $pin "$bin" ingest "$tmp/in" $only --db "$db" -j $j \
        > "$tmp/out"
    read -r secs kb < "$tmp/time"
    python3 -c "import sys; s=float(sys.argv[1]); print('ingest -j %s: %d docs in %.1f s = %.0f docs/s, peak %.0f MB'
                % (sys.argv[2], int(sys.argv[3]), s, int(sys.argv[3]) / s, int(sys.argv[4]) / 1024))" \
        "$secs" "$j" "$n" "$kb"
    sed 's/^/  /' "$tmp/out"
done
case $db in postgres*) ;; *) echo "database size: $(du -k "$db" | cut -f1) KB" ;; esac
