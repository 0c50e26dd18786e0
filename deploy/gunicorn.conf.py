"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Every value can be changed from the environment, so one file serves a laptop, one host
and several hosts behind nginx (`deploy/nginx/portal.conf`):

    PORTAL_BIND           where to listen (default 127.0.0.1:8000; "unix:/run/portal.sock")
    WEB_CONCURRENCY       worker processes (default: the number of CPU cores)
    PORTAL_THREADS        threads per worker (default 4)
    PORTAL_WORKER_CLASS   gthread (default) or sync
    PORTAL_KEEPALIVE      seconds an idle keep-alive connection stays open (default 20)
    PORTAL_ACCESS_LOG     file for the access log, "-" for standard output (default: none;
                          nginx in front keeps the access log)
    PORTAL_LOG_LEVEL      gunicorn's error log level (default info)
    FORWARDED_ALLOW_IPS   proxies whose X-Forwarded-Proto is believed (default 127.0.0.1,::1)

Why these values (measured with wrk on the 2-core machine; `bench/load.sh` repeats the
gthread / sync comparison and writes its figures into bench/RESULTS.md):

- gthread, not sync. A public page is usually served from the page cache in about half
  a millisecond, so the cost of a request is mostly the connection. sync workers close
  the connection after every response and serve one request at a time; gthread keeps
  connections alive (to nginx's upstream keepalive pool, or to a client) and overlaps
  one request's database or network wait with another's work. Update page, 2 workers,
  wrk -c32, on the shared 2-core machine (load average about 2.6): gthread 2,640
  requests/s (p99 59 ms), sync 1,210 (p99 68 ms); under heavier load sync fell further
  behind, with p99 above a second.
- One worker per core. Cache hits are CPU-bound under the GIL, so more processes than
  cores only add context switches, and each process has its own page cache (more
  processes: more renders after every edit, more memory). Threads, not processes, cover
  the time spent waiting for PostgreSQL. Same test, gthread with 4 threads: 2 workers
  2,690 requests/s, 3 workers 2,310, 5 workers 1,640.
- max_requests with jitter restarts each worker after 90,000-110,000 requests, at
  different moments, which bounds slow memory growth without all workers restarting at
  once. Not fewer: a restarted worker starts with an empty page cache and renders every
  page again (tens of milliseconds each instead of half of one); in a load test at
  50,000 the restarts showed as a p99 of a second.
- preload_app: the app is imported once in the master and forked, so workers start in
  milliseconds (after a crash or a max_requests restart, too) and share the imported
  code's memory. A database connection must never cross a fork (two processes on one
  socket or one SQLite handle), so post_fork throws away the forked copy of every
  engine's pool without closing its connections (they belong to the master); each
  worker opens its own on first use. The catch: code changes need a full restart
  (SIGHUP re-forks the already imported code), not a reload.
"""

from __future__ import annotations

import os
import sys

_cores = os.cpu_count() or 1

bind = [os.environ.get("PORTAL_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", _cores))
worker_class = os.environ.get("PORTAL_WORKER_CLASS", "gthread")
threads = int(os.environ.get("PORTAL_THREADS", "4"))
# Longer than nginx's upstream keepalive_timeout (15 s in deploy/nginx/portal.conf), so the
# proxy, not gunicorn, closes idle upstream connections and never reuses a closing one.
keepalive = int(os.environ.get("PORTAL_KEEPALIVE", "20"))

# A request running longer than this is stuck: its worker is killed and replaced.
timeout = 30
# On SIGTERM or SIGHUP, workers finish what they are serving for up to this long.
graceful_timeout = 30
max_requests = 100000
max_requests_jitter = 10000
preload_app = True
# The heartbeat file on tmpfs: a slow disk must not make the master kill healthy workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Only these addresses may say, through X-Forwarded-Proto, that the request came over
# HTTPS. The app's own ProxyFix (TRUSTED_PROXIES) handles X-Forwarded-For.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 25+ opens a control socket in the home folder by default; several instances on
# one host would fight over it. Off unless asked for.
control_socket_disable = True

# Access log without the client's address (no %(h)s, no X-Forwarded-For): readers are not
# tracked (DESIGN.md), and nginx in front logs without it too. %(M)s is the time in ms.
accesslog = os.environ.get("PORTAL_ACCESS_LOG") or None
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("PORTAL_LOG_LEVEL", "info")


def post_fork(server, worker):
    """Drop the database connections a worker inherited from the master (see above)."""
    module = sys.modules.get("wsgi")  # imported in the master only when preloading
    if module is None:
        return
    from portal.extensions import db

    app = module.app
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
