"""Serve URLs through the WSGI app after a warm-up; run under callgrind.

    valgrind --tool=callgrind python bench/instructions.py DB PATH QUERY HX N
    valgrind --tool=callgrind python bench/instructions.py DB @KIND - - N

The first form serves one URL 20 times, then N more times: a warm request of a URL already
served. The second is issue 13's measure, the first request of its URL in a warm process:
20 other URLs of the same KIND are served first, then N URLs never served before, each
once. KIND is `update` (update pages), `listing` (`/en/updates/?maker=…`), `fragment`
(`?maker=…&type=article` as htmx asks for it) or `search` (`/nl/updates/?q=model&maker=…
&audience=…&level=…`); the warm-up uses other makers, types, audiences and levels.

`bench/run.py` runs either with N=0 and N=10 and divides the difference by ten, so start-up
and warm-up cancel out. The environ is built by hand: no test client in the count.
"""

from __future__ import annotations

import io
import itertools
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WARMUP = 20
AUDIENCES = ("developers", "business", "researchers", "everyone")
LEVELS = ("beginner", "intermediate", "expert")
OTHER_TYPES = ("release", "paper", "video", "podcast")


def first_requests(database: str, kind: str, n: int) -> tuple[list, list]:
    """(warm-up, counted) lists of (path, query, htmx) for `kind`: no URL in both."""
    con = sqlite3.connect(database)
    makers = [r[0] for r in con.execute("SELECT slug FROM makers ORDER BY id")]
    if kind == "update":
        slugs = [
            r[0]
            for r in con.execute(
                "SELECT t.slug FROM update_translations t JOIN updates u ON u.id = t.update_id "
                "WHERE t.lang = 'en' AND u.status = 'published' ORDER BY t.id LIMIT ?",
                (WARMUP + n,),
            )
        ]
        urls = [(f"/en/updates/{slug}/", "", False) for slug in slugs]
        return urls[:WARMUP], urls[WARMUP:]
    if kind == "listing":
        warm = [(m, t) for m, t in itertools.product(makers, OTHER_TYPES)][:WARMUP]
        warm = [("/en/updates/", f"maker={m}&type={t}", False) for m, t in warm]
        return warm, [("/en/updates/", f"maker={m}", False) for m in makers[:n]]
    if kind == "fragment":
        warm = [(m, t) for m, t in itertools.product(makers, OTHER_TYPES)][:WARMUP]
        warm = [("/en/updates/", f"maker={m}&type={t}", True) for m, t in warm]
        return warm, [("/en/updates/", f"maker={m}&type=article", True) for m in makers[:n]]
    if kind == "search":
        combos = [
            ("/nl/updates/", f"q=model&maker={m}&audience={a}&level={lvl}", False)
            for m, a, lvl in itertools.product(makers, AUDIENCES, LEVELS)
        ]
        return combos[1 : WARMUP + 1], combos[WARMUP + 1 : WARMUP + 1 + n]
    raise SystemExit(f"unknown kind {kind!r}")


def main() -> None:
    from portal import create_app

    database, path, query, hx, n = sys.argv[1:6]
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def request(path: str, query: str, hx: bool) -> None:
        environ = {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "localhost",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        if hx:
            environ["HTTP_HX_REQUEST"] = "true"
        body = app(environ, start_response)
        b"".join(body)
        if hasattr(body, "close"):
            body.close()

    if path.startswith("@"):
        warm, counted = first_requests(database, path[1:], int(n))
        if len(counted) < int(n):
            sys.exit(f"only {len(counted)} URLs of {path} to count")
    else:
        warm, counted = [(path, query, hx == "1")] * WARMUP, [(path, query, hx == "1")] * int(n)
    for url in warm + counted:
        request(*url)
    if not all(s.startswith("200") for s in statuses):
        sys.exit(f"non-200 response: {statuses[-1]}")


if __name__ == "__main__":
    main()
