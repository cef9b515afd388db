#!/bin/sh
# scripts/pg-test-server.sh -- a throw-away PostgreSQL server for tests and
# benchmarks.
#   pg-test-server.sh start DIR   initdb into DIR/data, listen on a free loopback
#                                 port (socket in DIR), print the URL and write it
#                                 to DIR/url
#   pg-test-server.sh stop DIR    stop it and remove DIR
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user (or `nobody`) in a directory that user owns. Trust
# authentication on loopback only; the data dies with DIR. C locale, so that
# text ranges (actor name prefixes) compare bytewise as in SQLite.
set -eu
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")
[ -x "$bindir/pg_ctl" ] || { echo "pg-test-server: no PostgreSQL server binaries found" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        user=postgres
        id "$user" >/dev/null 2>&1 || user=nobody
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

case $cmd in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/url" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        cat "$dir/url"; exit 0
    fi
    rm -rf "$dir/data"
    if [ "$(id -u)" -eq 0 ]; then
        user=postgres; id "$user" >/dev/null 2>&1 || user=nobody
        chown "$user" "$dir"
    fi
    # a free port: ask the kernel for one
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres --locale=C -E UTF8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql://postgres@127.0.0.1:$port/postgres"
    echo "$url" > "$dir/url"
    echo "$url"
    ;;
stop)
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
