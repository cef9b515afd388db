#!/bin/bash
# bench/api.sh [BUILD] [DB] -- load test of the JSON API with wrk: requests/s
# and p50/p99 latency for actor and path queries (and search, network) at 64
# connections, 10 s per run, against `dots serve` on loopback.
# DB defaults to $BUILD/bench-api.db; when it does not exist it is generated
# with $BUILD/bench_store (the store module's generator) if that is built.
# Env: CONNS (64), SECS (10), THREADS (server worker threads, 4),
#      PAIRS ("from:to ..." actor pairs for the path runs; default: pairs of
#      the 40 actors picked, kept when the path query answers 200).
# Prints one line per endpoint and fails when any request errored or was not 2xx.
set -eu
build=${1:-build}
db=${2:-$build/bench-api.db}
conns=${CONNS:-64}
secs=${SECS:-10}
threads=${THREADS:-4}
here=$(cd "$(dirname "$0")/.." && pwd)

command -v wrk >/dev/null || { echo "bench/api.sh: wrk is not installed (apt-get install wrk)"; exit 1; }
if [ ! -e "$db" ]; then
    [ -x "$build/bench_store" ] || { echo "bench/api.sh: $db missing and no $build/bench_store to make it"; exit 1; }
    echo "generating $db with $build/bench_store ..."
    "$build/bench_store" --db "$db" --keep --queries 10   # 1,000,000 claims, 100,000 actors
fi

tmp=$(mktemp -d /tmp/dots-bench-api-XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$build/dots" serve --db "$db" --listen 127.0.0.1:0 --threads "$threads" \
    --token-file "$tmp/token" >"$tmp/serve.out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    grep -q 'listening on' "$tmp/serve.out" && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.out"; exit 1; }
    sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.out" | head -1)
stats=$(node -e 'fetch(process.argv[1] + "/api/stats").then((r) => r.text()).then((t) => console.log(t.trim()))' "$url" || true)
echo "store: $db"
echo "stats: $stats"

# Actors to query: 40 ids spread over the store (ids are 1..actors), kept when
# /api/actors/ID answers 200; path pairs are consecutive picks that answer 200.
node - "$url" >"$tmp/urls" <<'JS'
const u = process.argv[2];
(async () => {
  const st = await (await fetch(u + '/api/stats')).json();
  const n = Math.max(1, st.actors || 1);
  const ids = [];
  for (let i = 0; ids.length < 40 && i < 400; i++) {
    const id = 1 + ((i * 7919) % n);
    if (ids.includes(id)) continue;
    if ((await fetch(`${u}/api/actors/${id}`)).status === 200) ids.push(id);
    if (ids.length >= n) break;
  }
  const out = [];
  for (const id of ids) out.push(`actor /api/actors/${id}`, `network /api/network?actor=${id}&depth=1`);
  for (let i = 0; i + 1 < ids.length; i++) {
    const p = `/api/path?from=${ids[i]}&to=${ids[(i * 7 + 3) % ids.length]}&hops=3&k=5`;
    if (ids[i] !== ids[(i * 7 + 3) % ids.length] && (await fetch(u + p)).status === 200) out.push(`path ${p}`);
  }
  for (const q of ['ir', 'ta', 'al', 'un', 'ha', 'ma']) out.push(`search /api/search?q=${q}&limit=10`);
  console.log(out.join('\n'));
})();
JS
mapfile -t actor_paths < <(awk '$1 == "actor" {print $2}' "$tmp/urls")
mapfile -t net_paths < <(awk '$1 == "network" {print $2}' "$tmp/urls")
mapfile -t path_paths < <(awk '$1 == "path" {print $2}' "$tmp/urls")
mapfile -t search_paths < <(awk '$1 == "search" {print $2}' "$tmp/urls")
[ ${#actor_paths[@]} -gt 0 ] || { echo "bench/api.sh: no actors found in $db"; exit 1; }
if [ -n "${PAIRS:-}" ]; then
    enc() { node -e 'console.log(encodeURIComponent(process.argv[1]))' "$1"; }
    path_paths=()
    for p in $PAIRS; do path_paths+=("/api/path?from=$(enc "${p%%:*}")&to=$(enc "${p#*:}")&hops=3&k=5"); done
fi

cat >"$tmp/rotate.lua" <<'LUA'
-- one of the given paths at random per request
local paths = {}
init = function(args) for _, a in ipairs(args) do paths[#paths + 1] = a end end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA

run() {   # name, paths...
    local name=$1; shift
    local out
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$tmp/rotate.lua" "$url" -- "$@")
    local rps p50 p99 errs non2xx
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errs=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    printf '%-8s %10s req/s  p50 %8s  p99 %8s  errors %s  non-2xx %s  (%d distinct URLs)\n' \
        "$name" "$rps" "$p50" "$p99" "${errs:-0}" "${non2xx:-0}" "$#"
    [ "${errs:-0}" = 0 ] && [ "${non2xx:-0}" = 0 ] || { echo "$out"; bad=1; }
}

bad=0
echo "wrk: $conns connections, ${secs}s per run, server threads $threads, $(nproc) cores"
run actor "${actor_paths[@]}"
[ ${#path_paths[@]} -gt 0 ] && run path "${path_paths[@]}"
run network "${net_paths[@]}"
run search "${search_paths[@]}"
ru=$(ps -o rss= -p "$pid" | tr -d ' ')
echo "server RSS after the runs: $((ru / 1024)) MB"
exit $bad
