#!/usr/bin/env bash
# Load test: the app under gunicorn (deploy/gunicorn.conf.py, 2 workers) driven by wrk, then
# nginx's micro-cache (deploy/nginx/) against nginx serving the same page as a file, then a
# worker killed with SIGKILL under load. `make load`; needs wrk, nginx, curl and openssl
# (Debian: apt-get install wrk nginx-light curl openssl) and a generated database
# (`make bench/data/portal-1000.db`, which `make load` does).
#
#   bench/load.sh                     SQLite: a copy of bench/data/portal-1000.db
#   BENCH_DATABASE_URL=postgresql+psycopg://user@127.0.0.1:5432/portal_bench bench/load.sh
#                                     also PostgreSQL: the same rows copied into that
#                                     (empty or earlier bench) database first
#
# Other settings: BENCH_DB (the SQLite file), LOAD_DURATION (10s), LOAD_CONNECTIONS (32),
# LOAD_PORT_BASE (58000: gunicorn on +10, nginx on +80..+82 and +90), LOAD_RESULTS (the
# Markdown file whose "Load" section is rewritten; bench/RESULTS.md).
#
# Exits non-zero when any measured run had a socket error or a response of 400 or more,
# when the killed worker cost more requests than there were connections or was not
# replaced, or when something did not start. Missed speed targets are reported, not fatal.
# Every process it starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
GUNICORN="$VENV/bin/gunicorn"
DB="${BENCH_DB:-$ROOT/bench/data/portal-1000.db}"
BASE="${LOAD_PORT_BASE:-58000}"
APP_PORT=$((BASE + 10))
SITE_PORT=$((BASE + 80))
STATIC_PORT=$((BASE + 90))
DURATION="${LOAD_DURATION:-10s}"
CONNECTIONS="${LOAD_CONNECTIONS:-32}"
THREADS=2
WORKERS=2
case "$DURATION" in
    *[!0-9]*s | s | *[!0-9s]*) echo "load.sh: LOAD_DURATION is seconds, like 10s" >&2; exit 1 ;;
esac
SECONDS_EACH="${DURATION%s}"
KILL_AFTER=$(((SECONDS_EACH + 2) / 3))
RESULTS="${LOAD_RESULTS:-$ROOT/bench/RESULTS.md}"
LUA="$ROOT/bench/wrk_report.lua"

die() { echo "load.sh: $*" >&2; exit 1; }
for tool in wrk nginx curl openssl; do
    command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install wrk nginx-light curl openssl)"
done
[ -x "$GUNICORN" ] || die "$GUNICORN is missing: run make install"
[ -f "$DB" ] || die "$DB is missing: run make bench/data/portal-1000.db (or make bench-data)"

for port in "$APP_PORT" "$SITE_PORT" $((SITE_PORT + 1)) $((SITE_PORT + 2)) "$STATIC_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is in use (another run?); choose others with LOAD_PORT_BASE"
    fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-load.XXXXXX")"
PIDS=()
cleanup() {
    local status=$? pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -eq 0 ]; then
        rm -rf "$WORK"
    else
        echo "load.sh: logs and configuration kept in $WORK" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget() {  # drop a stopped process from the clean-up list
    local keep=() pid
    for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || keep+=("$pid"); done
    PIDS=("${keep[@]}")
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU time (user + system, in clock ticks) of the server being measured: the process
# SERVER_PID (gunicorn's or nginx's master), its live children (the workers), and the
# children it has reaped (a worker replaced meanwhile: the master's cutime and cstime).
HZ="$(getconf CLK_TCK)"
SERVER_PID=""
cpu_ticks() {
    local total=0 pid fields
    [ -n "$SERVER_PID" ] || { echo 0; return; }
    # Fields 14-17 of /proc/PID/stat; the command name (field 2) has no spaces here.
    fields="$(cut -d' ' -f14-17 "/proc/$SERVER_PID/stat" 2>/dev/null)" || { echo 0; return; }
    total=$((${fields// / + }))
    for pid in $(pgrep -P "$SERVER_PID"); do
        fields="$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null)" || continue
        total=$((total + ${fields% *} + ${fields#* }))
    done
    echo "$total"
}

wait_for() {  # URL: until it answers 200, 30 s at most
    for _ in $(seq 150); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
        sleep 0.2
    done
    return 1
}

# ---- the pages: chosen from the database like bench/run.py does ----------------------------
"$PY" - "$DB" >"$WORK/paths" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
slugs = [r[0] for r in con.execute(
    "SELECT t.slug FROM update_translations t JOIN updates u ON u.id = t.update_id "
    "WHERE t.lang = 'en' AND u.status = 'published' ORDER BY (t.id * 7919) % 100003 LIMIT 20")]
makers = [r[0] for r in con.execute("SELECT slug FROM makers ORDER BY id")]
print("UPDATE_PATHS='" + " ".join(f"/en/updates/{s}/" for s in slugs) + "'")
print("LISTING_PATHS='" + " ".join(f"/en/updates/?maker={m}&level=expert" for m in makers) + "'")
print("FRAGMENT_PATHS='" + " ".join(f"/en/updates/?maker={m}&type=article" for m in makers) + "'")
print("FEED_PATHS='/en/feed.xml /nl/feed.xml'")
EOF
# shellcheck disable=SC1091
. "$WORK/paths"
read -r FIRST_UPDATE _ <<<"$UPDATE_PATHS"

# ---- measuring ----------------------------------------------------------------------------
ROWS="$WORK/rows.md"
FAILURES=()
# measure NAME URL PATHS HX [TARGET-CHECK]: one wrk run; sets R_rps, R_p99_ms, ...; adds a row
# to the results table. TARGET-CHECK is "RPS P99" (the least requests/s, the most p99 in ms).
measure() {
    local name="$1" url="$2" paths="$3" hx="$4" target="${5:-}" load line verdict=""
    local ticks
    load="$(loadavg)"
    ticks="$(cpu_ticks)"
    WRK_PATHS="$paths" WRK_HX="$hx" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
        -s "$LUA" "$url" >"$WORK/wrk.out" 2>&1 || true
    ticks=$(($(cpu_ticks) - ticks))
    line="$(grep '^RESULT ' "$WORK/wrk.out")" || { cat "$WORK/wrk.out" >&2; die "wrk failed: $name"; }
    parse "$line"
    R_cpu_us="$(awk -v t="$ticks" -v hz="$HZ" -v n="$R_requests" 'BEGIN { printf "%.0f", n ? t * 1e6 / hz / n : 0 }')"
    if [ -n "$target" ]; then
        read -r min_rps max_p99 <<<"$target"
        verdict="≥ $min_rps req/s, p99 ≤ $max_p99 ms: "
        if awk -v r="$R_rps" -v p="$R_p99_ms" -v mr="$min_rps" -v mp="$max_p99" \
            'BEGIN { exit !(r >= mr && p <= mp) }'; then
            verdict+="met"
        else
            verdict+="**missed**"
        fi
    fi
    printf '%-58s %7.0f req/s  p50 %6.2f ms  p99 %7.2f ms  CPU %4d µs/req  socket errors %d%s  status>=400 %d  (load %s) %s\n' \
        "$name" "$R_rps" "$R_p50_ms" "$R_p99_ms" "$R_cpu_us" "$R_errors" "$(breakdown)" "$R_status" "$load" "$verdict"
    printf '| %s | %s | %.0f | %.2f ms | %.2f ms | %d µs | %d | %d | %s |\n' \
        "$name" "$load" "$R_rps" "$R_p50_ms" "$R_p99_ms" "$R_cpu_us" "$R_errors" "$R_status" "$verdict" >>"$ROWS"
}
breakdown() {
    [ "$R_errors" -eq 0 ] || echo " (connect $R_connect, read $R_read, write $R_write, timeout $R_timeout)"
}
# parse LINE: the RESULT line of bench/wrk_report.lua (numbers only) into R_requests, R_rps...
parse() {
    eval "$(sed 's/^RESULT //; s/\([a-z0-9_]*\)=/R_\1=/g' <<<"$1")"
    R_errors=$((R_connect + R_read + R_write + R_timeout))
}
# check NAME: a measured run must have no socket error and no status of 400 or more.
check() {
    if [ "$R_errors" -ne 0 ] || [ "$R_status" -ne 0 ]; then
        FAILURES+=("$1: $R_errors socket errors, $R_status responses >= 400")
    fi
}
# warm URL PATHS HX: fill every worker's page cache (and compile its templates); not recorded.
# 3 s of the same load, again until a round has no socket error (a cold worker on a busy
# machine can take longer than wrk's 2 s timeout for its first pages), 5 rounds at most.
warm() {
    local round line
    for round in 1 2 3 4 5; do
        line="$(WRK_PATHS="$2" WRK_HX="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$LUA" "$1" 2>&1 \
            | grep '^RESULT ')" || true
        case "$line" in *" connect=0 read=0 write=0 timeout=0 "*) return 0 ;; esac
    done
    echo "load.sh: warning: warm-up of $1 still had socket errors after 5 rounds" >&2
}

# ---- gunicorn ------------------------------------------------------------------------------
GPID=""
# start_gunicorn NAME DATABASE_URL WORKER_CLASS
start_gunicorn() {
    (
        cd "$ROOT"
        export DATABASE_URL="$2" PORTAL_WORKER_CLASS="$3" WEB_CONCURRENCY="$WORKERS"
        export PORTAL_BIND="127.0.0.1:$APP_PORT" PORTAL_ENV=production TRUSTED_PROXIES=1
        export SECRET_KEY="load-test-$$" RATELIMIT_STORAGE_URI="memory://"
        export SITE_URL="https://portal.example.org"  # the same page whichever port asks
        export EXTRA_HOSTS="127.0.0.1"  # asked as 127.0.0.1:PORT, directly and through nginx
        exec "$GUNICORN" -c deploy/gunicorn.conf.py wsgi:app
    ) >"$WORK/gunicorn-$1.log" 2>&1 &
    GPID=$!
    PIDS+=("$GPID")
    SERVER_PID="$GPID"
    wait_for "http://127.0.0.1:$APP_PORT$FIRST_UPDATE" && kill -0 "$GPID" 2>/dev/null || {
        cat "$WORK/gunicorn-$1.log" >&2
        die "gunicorn ($1) did not start"
    }
}
stop_gunicorn() {
    kill -TERM "$GPID"
    wait "$GPID" 2>/dev/null || true
    forget "$GPID"
    GPID=""
}

APP="http://127.0.0.1:$APP_PORT"
# app_runs ENGINE: the four pages straight from gunicorn (gthread, the configuration's default).
app_runs() {
    local engine="$1"
    warm "$APP" "$UPDATE_PATHS" 0
    measure "$engine: update page (20 pages in turn)" "$APP" "$UPDATE_PATHS" 0 "1000 100"
    check "$engine update page"
    warm "$APP" "$LISTING_PATHS" 0
    measure "$engine: filtered listing (?maker=…&level=expert)" "$APP" "$LISTING_PATHS" 0
    check "$engine filtered listing"
    warm "$APP" "$FRAGMENT_PATHS" 1
    measure "$engine: filter fragment (HX-Request, ?maker=…&type=article)" "$APP" "$FRAGMENT_PATHS" 1
    check "$engine filter fragment"
    warm "$APP" "$FEED_PATHS" 0
    measure "$engine: Atom feed (/en/feed.xml, /nl/feed.xml)" "$APP" "$FEED_PATHS" 0
    check "$engine feed"
}

echo "== load.sh: $(nproc) cores, load average $(loadavg), wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
START_LOAD="$(loadavg)"
STARTED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# SQLite: a copy of the bench database, brought to the current schema.
cp "$DB" "$WORK/portal.db"
SQLITE_URL="sqlite:///$WORK/portal.db"
(cd "$ROOT" && DATABASE_URL="$SQLITE_URL" SECRET_KEY=x "$VENV/bin/flask" --app wsgi db upgrade) \
    >"$WORK/upgrade.log" 2>&1 || { cat "$WORK/upgrade.log" >&2; die "migrations failed"; }

echo "-- SQLite, gunicorn gthread, $WORKERS workers"
start_gunicorn sqlite "$SQLITE_URL" gthread
app_runs SQLite

# ---- nginx: the micro-cache against the same page as a static file, in the same run --------
echo "-- nginx micro-cache (deploy/nginx/) vs nginx static file"
NGINX_CONF="$("$PY" "$ROOT/bench/nginx_conf.py" "$WORK/nginx" --app "127.0.0.1:$APP_PORT" \
    --site-port "$SITE_PORT" --static-port "$STATIC_PORT" --check)" || die "nginx configuration failed"
nginx -p "$WORK/nginx" -c "$NGINX_CONF" -g 'daemon off;' 2>>"$WORK/nginx/logs/error.log" &
NPID=$!
PIDS+=("$NPID")
SITE="http://127.0.0.1:$SITE_PORT"
wait_for "$SITE$FIRST_UPDATE" || { cat "$WORK/nginx/logs/error.log" >&2; die "nginx did not answer"; }
# The page as the app serves it (no Accept-Encoding, like wrk), saved as a file for nginx.
curl -s -o "$WORK/nginx/static-page/page.html" "$APP$FIRST_UPDATE"
curl -s -o /dev/null "$SITE$FIRST_UPDATE"
CACHE_STATUS="$(curl -s -o /dev/null -D - "$SITE$FIRST_UPDATE" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }')"
case "$CACHE_STATUS" in
    HIT | STALE | UPDATING | REVALIDATED) ;;
    *) die "nginx did not keep the page (X-Cache-Status: ${CACHE_STATUS:-none})" ;;
esac
cmp -s "$WORK/nginx/static-page/page.html" <(curl -s "$SITE$FIRST_UPDATE") \
    || echo "load.sh: warning: nginx's copy of the page differs from the app's" >&2
PAGE_BYTES="$(wc -c <"$WORK/nginx/static-page/page.html")"

# Two rounds, alternating, so that other work on the machine weighs on both alike; the
# better round of each counts.
SERVER_PID="$NPID"
CACHED_RPS=0
STATIC_RPS=0
for round in 1 2; do
    warm "$SITE" "$FIRST_UPDATE" 0
    measure "nginx micro-cache: update page (round $round)" "$SITE" "$FIRST_UPDATE" 0
    check "nginx micro-cache"
    CACHED_RPS="$(awk -v a="$CACHED_RPS" -v b="$R_rps" 'BEGIN { print (b > a ? b : a) }')"
    warm "http://127.0.0.1:$STATIC_PORT" /page.html 0
    measure "nginx static file: the same page, $PAGE_BYTES bytes (round $round)" \
        "http://127.0.0.1:$STATIC_PORT" /page.html 0
    check "nginx static file"
    STATIC_RPS="$(awk -v a="$STATIC_RPS" -v b="$R_rps" 'BEGIN { print (b > a ? b : a) }')"
done
RATIO="$(awk -v c="$CACHED_RPS" -v s="$STATIC_RPS" 'BEGIN { printf "%.1f", 100 * c / s }')"
if awk -v r="$RATIO" 'BEGIN { exit !(r >= 70) }'; then RATIO_VERDICT=met; else RATIO_VERDICT="**missed**"; fi
echo "micro-cache / static file: $RATIO % (target ≥ 70 %: $RATIO_VERDICT)"
kill -TERM "$NPID"
wait "$NPID" 2>/dev/null || true
forget "$NPID"
SERVER_PID="$GPID"

# ---- a worker killed with SIGKILL under load --------------------------------------------------
echo "-- SIGKILL of one gunicorn worker under load"
KILL_LOAD="$(loadavg)"
BEFORE="$(pgrep -P "$GPID" | sort | tr '\n' ' ')"
WRK_PATHS="$UPDATE_PATHS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$LUA" "$APP" \
    >"$WORK/wrk-kill.out" 2>&1 &
WRK_PID=$!
PIDS+=("$WRK_PID")
sleep "$KILL_AFTER"
VICTIM="$(pgrep -P "$GPID" | head -n 1)"
kill -KILL "$VICTIM"
wait "$WRK_PID" || true
forget "$WRK_PID"
sleep 1
AFTER="$(pgrep -P "$GPID" | sort | tr '\n' ' ')"
line="$(grep '^RESULT ' "$WORK/wrk-kill.out")" || { cat "$WORK/wrk-kill.out" >&2; die "wrk failed"; }
parse "$line"
# Lost: a connection broken under a request (read, write, connect) or an error status. A
# timeout (no answer within wrk's 2 s) is an answer that came late: shown, not counted.
KILL_ERRORS=$((R_connect + R_read + R_write + R_status))
N_AFTER="$(wc -w <<<"$AFTER")"
RESPAWNED=no
if [ "$N_AFTER" -eq "$WORKERS" ] && ! grep -qw "$VICTIM" <<<"$AFTER"; then RESPAWNED=yes; fi
echo "workers before: $BEFORE; killed $VICTIM; after: $AFTER (replaced: $RESPAWNED)"
printf 'requests %d, lost %d (read %d, write %d, connect %d, status>=400 %d), later than 2 s %d, connections %d\n' \
    "$R_requests" "$KILL_ERRORS" "$R_read" "$R_write" "$R_connect" "$R_status" "$R_timeout" "$CONNECTIONS"
grep -E "SIGKILL|Booting worker" "$WORK/gunicorn-sqlite.log" | tail -n 2 || true
[ "$KILL_ERRORS" -le "$CONNECTIONS" ] \
    || FAILURES+=("SIGKILL: $KILL_ERRORS requests lost, more than the $CONNECTIONS in flight")
[ "$RESPAWNED" = yes ] || FAILURES+=("SIGKILL: the killed worker was not replaced")
K_requests="$R_requests" K_read="$R_read" K_write="$R_write" K_connect="$R_connect"
K_status="$R_status" K_timeout="$R_timeout" K_rps="$R_rps"
stop_gunicorn

# ---- sync workers, for the choice of worker class --------------------------------------------
echo "-- SQLite, gunicorn sync, $WORKERS workers (for comparison)"
start_gunicorn sqlite-sync "$SQLITE_URL" sync
warm "$APP" "$UPDATE_PATHS" 0
measure "SQLite, sync workers: update page" "$APP" "$UPDATE_PATHS" 0

stop_gunicorn

# ---- PostgreSQL, when configured -------------------------------------------------------------
PG_NOTE="not measured: set BENCH_DATABASE_URL to a PostgreSQL database to include it"
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
    echo "-- PostgreSQL: copying the bench rows into it"
    (cd "$ROOT" && "$PY" bench/copy_database.py "$WORK/portal.db" "$BENCH_DATABASE_URL") \
        || die "could not load the bench data into BENCH_DATABASE_URL"
    start_gunicorn postgresql "$BENCH_DATABASE_URL" gthread
    app_runs PostgreSQL
    stop_gunicorn
    PG_NOTE="measured above (the same rows as the SQLite file, copied by bench/copy_database.py)"
fi

# ---- bench/RESULTS.md --------------------------------------------------------------------------
SECTION="$WORK/section.md"
{
    echo "## Load: gunicorn and nginx under wrk (\`bench/load.sh\`)"
    echo
    echo "Written by \`make load\` (\`bench/load.sh\`); the rest of this file by \`make bench\`."
    echo
    echo "- date: $STARTED; machine: \`nproc\` = $(nproc), $(uname -m), $(uname -r);" \
        "load average (1, 5, 15 min) at the start: $START_LOAD"
    echo "- $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $(nginx -v 2>&1 | sed 's/.*: //'), $("$GUNICORN" --version)"
    echo "- database: \`$(basename "$DB")\` (SQLite, WAL); PostgreSQL: $PG_NOTE"
    echo "- gunicorn: \`deploy/gunicorn.conf.py\`, $WORKERS workers (gthread, 4 threads, unless" \
        "the row says sync), no access log; the page cache on (every hit reads the content" \
        "version from the database); wrk and the server share the machine's cores"
    echo "- every run: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\` after a warm-up (3 s of" \
        "the same load, repeated until it has no socket error); the load average is the one" \
        "just before the run"
    echo "- CPU: user and system time of the server's processes (gunicorn's or nginx's master" \
        "and workers) during the run, per request: less noisy than requests/s on a busy machine"
    echo
    echo "| run | load average | requests/s | p50 | p99 | CPU | socket errors | status ≥ 400 | target |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    cat "$ROWS"
    echo
    echo "nginx micro-cache at **$RATIO %** of nginx serving the same page as a static file" \
        "(better round of each: $(printf '%.0f' "$CACHED_RPS") and $(printf '%.0f' "$STATIC_RPS")" \
        "requests/s; target ≥ 70 %: $RATIO_VERDICT)."
    echo
    echo "SIGKILL: during a $DURATION run against gunicorn at $CONNECTIONS connections (load" \
        "$KILL_LOAD), one of the $WORKERS workers was killed with \`kill -9\` after $KILL_AFTER s:" \
        "$K_requests requests at $(printf '%.0f' "$K_rps")/s, **$KILL_ERRORS lost**" \
        "(connection broken under the request: read $K_read, write $K_write, connect $K_connect;" \
        "status ≥ 400: $K_status) against $CONNECTIONS connections in flight, and $K_timeout" \
        "answered later than wrk's 2 s timeout; the worker was replaced: $RESPAWNED" \
        "(gunicorn's log: \`$(grep -E "Booting worker" "$WORK/gunicorn-sqlite.log" | tail -n 1 | cut -d' ' -f4-)\`)."
    if [ "${#FAILURES[@]}" -gt 0 ]; then
        echo
        echo "**Failures:** $(IFS=';'; echo "${FAILURES[*]}")"
    fi
} >"$SECTION"
"$PY" - "$RESULTS" "$SECTION" <<'EOF'
import re, sys
from pathlib import Path
results, section = Path(sys.argv[1]), Path(sys.argv[2]).read_text()
BEGIN, END = "<!-- bench/load.sh: begin -->", "<!-- bench/load.sh: end -->"
block = f"{BEGIN}\n{section}{END}\n"
text = results.read_text() if results.exists() else ""
if BEGIN in text and END in text:
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END) + "\n?", lambda m: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + block if text else block
results.write_text(text)
EOF
echo "== written into $RESULTS"

if [ "${#FAILURES[@]}" -gt 0 ]; then
    printf 'FAILED: %s\n' "${FAILURES[@]}" >&2
    exit 1
fi
