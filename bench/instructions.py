"""Serve one URL through the WSGI app, N times after a warm-up; run under callgrind.

    valgrind --tool=callgrind python bench/instructions.py DB PATH QUERY HX N

`bench/run.py` runs it with N=0 and N=10 and divides the difference by ten, so start-up
and warm-up cancel out. The environ is built by hand: no test client in the count.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from portal import create_app

    database, path, query, hx, n = sys.argv[1:6]
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def request() -> None:
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
        if hx == "1":
            environ["HTTP_HX_REQUEST"] = "true"
        body = app(environ, start_response)
        b"".join(body)
        if hasattr(body, "close"):
            body.close()

    for _ in range(20):
        request()
    for _ in range(int(n)):
        request()
    if not all(s.startswith("200") for s in statuses):
        sys.exit(f"non-200 response: {statuses[-1]}")


if __name__ == "__main__":
    main()
