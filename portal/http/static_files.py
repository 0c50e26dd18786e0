"""Static files under content-hashed names, cached by browsers for a year.

At start-up every file under static/ is read and hashed: `css/site.css` is also served as
`css/site.<12 hex digits of its SHA-256>.css`, and `url_for('static', filename='css/site.css')`
writes the hashed name, so templates need no change and there is no build step. A hashed
URL names one exact content, so it is served `immutable` for a year; a new deploy with a
changed file has a new name. The plain name keeps working with a short lifetime.

Text files (CSS, JS, SVG, …) are kept in memory with their gzip and brotli versions, made
once at the best level on first demand. In production nginx can serve /static/ from disk
instead: strip the hash (`site.<hash>.css` → `site.css`), see the README.

With `FLASK_DEBUG` on, names are not hashed and files are read from disk on each request,
so an edited stylesheet shows at once.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, current_app, request

from portal.http.compression import MIN_SIZE, compress, compressible, negotiate

HASH_LENGTH = 12
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=60"


@dataclass(slots=True)
class StaticFile:
    name: str  # the plain name under static/, with forward slashes
    hashed: str
    digest: str
    mimetype: str
    mtime: float
    body: bytes
    variants: dict[str, bytes] = field(default_factory=dict)

    def encoded(self, encoding: str | None) -> tuple[bytes, str | None]:
        """The body in `encoding` if the client takes it and it pays, else the identity."""
        if encoding is None or not compressible(self.mimetype) or len(self.body) < MIN_SIZE:
            return self.body, None
        if encoding not in self.variants:
            self.variants[encoding] = compress(self.body, encoding, best=True)
        packed = self.variants[encoding]
        return (packed, encoding) if len(packed) < len(self.body) else (self.body, None)


def hashed_name(name: str, digest: str) -> str:
    """`css/site.css` → `css/site.<digest>.css` (a name without a suffix gets it at the end)."""
    folder, _, base = name.rpartition("/")
    stem, dot, suffix = base.rpartition(".")
    base = f"{stem}.{digest}.{suffix}" if dot and stem else f"{base}.{digest}"
    return f"{folder}/{base}" if folder else base


class StaticFiles:
    """The files under one folder, by plain and by hashed name."""

    def __init__(self, folder: Path):
        self.hashed: dict[str, str] = {}  # plain name → hashed name
        self.files: dict[str, StaticFile] = {}  # plain or hashed name → file
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            name = path.relative_to(folder).as_posix()
            body = path.read_bytes()
            digest = hashlib.sha256(body).hexdigest()[:HASH_LENGTH]
            mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
            found = StaticFile(
                name, hashed_name(name, digest), digest, mimetype, path.stat().st_mtime, body
            )
            self.hashed[name] = found.hashed
            self.files[name] = self.files[found.hashed] = found

    def url_defaults(self, endpoint: str, values: dict) -> None:
        """Let url_for('static', filename=...) write the hashed name."""
        if endpoint == "static" and (name := values.get("filename")) in self.hashed:
            values["filename"] = self.hashed[name]

    def serve(self, filename: str):
        """Send a static file from memory, compressed when the client takes it."""
        found = self.files.get(filename)
        if found is None:  # added since start-up: Flask's own view (a 404 if missing)
            return current_app.send_static_file(filename)
        accepted = request.headers.get("Accept-Encoding", "")
        body, encoding = found.encoded(negotiate(accepted))
        response = Response(body, mimetype=found.mimetype)
        if encoding:
            response.content_encoding = encoding
        if compressible(found.mimetype):
            response.vary.add("Accept-Encoding")
        response.set_etag(found.digest + (f"-{encoding}" if encoding else ""))
        response.last_modified = found.mtime
        response.headers["Cache-Control"] = IMMUTABLE if filename == found.hashed else SHORT
        return response.make_conditional(request)


def init_app(app: Flask) -> None:
    if app.debug or not app.static_folder:
        return
    files = StaticFiles(Path(app.static_folder))
    app.url_defaults(files.url_defaults)
    app.view_functions["static"] = files.serve
    app.extensions["static_files"] = files
