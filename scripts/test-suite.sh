#!/usr/bin/env bash
# The whole suite on both engines: SQLite, then PostgreSQL. Without TEST_DATABASE_URL /
# TEST_REDIS_URL it starts a throwaway PostgreSQL and Redis on free loopback ports and
# stops them when it ends, whether the suite passes, fails or is interrupted (Ctrl-C).
# Given URLs are used as they are. Called by `make test` after the system packages,
# the virtualenv, vnu-jar and the catalogs are in place.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=${PYTEST:-.venv/bin/pytest}
PYTEST_ARGS=(-n "${TEST_WORKERS:-2}" -p no:cacheprovider "$@")

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

SERVERS=""
PGBIN=""
stop_servers() {
    [ -n "$SERVERS" ] || return 0
    if [ -f "$SERVERS/pg/data/postmaster.pid" ]; then
        as_postgres "$PGBIN/pg_ctl" -D "$SERVERS/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ -f "$SERVERS/redis.pid" ]; then kill "$(cat "$SERVERS/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$SERVERS"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -z "${TEST_DATABASE_URL:-}" ] || [ -z "${TEST_REDIS_URL:-}" ]; then
    SERVERS=$(mktemp -d /tmp/portal-test.XXXXXX)
    chmod 755 "$SERVERS"
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PGBIN/initdb" ] || { echo "initdb is missing: run make test (it installs postgresql)" >&2; exit 1; }
    mkdir "$SERVERS/pg"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$SERVERS/pg"
    PG_PORT=$(free_port)
    as_postgres "$PGBIN/initdb" -D "$SERVERS/pg/data" -U postgres --auth=trust \
        -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$SERVERS/pg/data" -l "$SERVERS/pg/log" -w \
        -o "-p $PG_PORT -k $SERVERS/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/portal_test"
    echo "== make test: a throwaway PostgreSQL on 127.0.0.1:$PG_PORT =="
fi

if [ -z "${TEST_REDIS_URL:-}" ]; then
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$SERVERS/redis.pid" --dir "$SERVERS" \
        --logfile "$SERVERS/redis.log"
    for _ in $(seq 50); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    echo "== make test: a throwaway Redis on 127.0.0.1:$REDIS_PORT =="
fi

echo "== make test: the suite on SQLite =="
env -u TEST_DATABASE_URL "$PYTEST" "${PYTEST_ARGS[@]}"
echo "== make test: the suite on PostgreSQL =="
"$PYTEST" "${PYTEST_ARGS[@]}"
