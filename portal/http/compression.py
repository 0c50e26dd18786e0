"""gzip and brotli for every text response whose client accepts them (`Accept-Encoding`).

Three users share the helpers here: the page cache keeps a compressed copy of each kept
page per encoding (compressed once, on first demand), the static files keep theirs, and
the `Compressor` middleware compresses what neither of them kept (the editors' pages
excepted, see below) on the way out.

A compressed response is a different representation of the resource (RFC 9110 §8.8.3):
its strong `ETag` gets the encoding as a suffix (`"abc-br"`), and every compressible
response says `Vary: Accept-Encoding`.

Responses marked `private` or `no-store` (the editors' area) are not compressed: they
carry CSRF tokens, and compressing secrets next to text a visitor can choose is what
the BREACH attack measures.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache

import brotli
from flask import Flask
from werkzeug.http import parse_accept_header

NEGOTIATED = "portal.encoding_negotiated"  # environ key: the page cache chose the encoding
ENCODINGS = ("br", "gzip")  # in order of preference at equal quality
MIN_SIZE = 500  # smaller bodies gain less than the header costs
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/plain",
        "text/css",
        "text/xml",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/ld+json",
        "application/xml",
        "application/atom+xml",
        "application/rss+xml",
        "application/manifest+json",
        "image/svg+xml",
    }
)


def drain(app_iter: Iterable[bytes]) -> bytes:
    """The whole body of a WSGI response, closing its iterable as WSGI requires."""
    try:
        return b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()


@lru_cache(maxsize=256)  # a handful of distinct browser headers; parsing each is cheap once
def negotiate(accept_encoding: str) -> str | None:
    """The best encoding the client accepts ("br", "gzip"), or None for the identity."""
    if not accept_encoding:
        return None
    accepted = parse_accept_header(accept_encoding)
    best, best_quality = None, 0.0
    for coding in ENCODINGS:
        quality = accepted.quality(coding)
        if quality > best_quality:
            best, best_quality = coding, quality
    return best


def compress(body: bytes, encoding: str, best: bool = False) -> bytes:
    """`body` in `encoding`; `best` spends more time once for files served a long time."""
    if encoding == "br":
        return brotli.compress(body, quality=11 if best else 5)
    return gzip.compress(body, compresslevel=9 if best else 6, mtime=0)


def compressible(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in COMPRESSIBLE


def encoded_etag(etag: str, encoding: str | None) -> str:
    """The validator of the `encoding` representation: `"abc"` → `"abc-br"`."""
    if not encoding or not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{encoding}"'


def add_vary(headers: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    """`headers` with `name` in its Vary field (a new list; the given one is not changed)."""
    for index, (key, value) in enumerate(headers):
        if key.lower() == "vary":
            tokens = {token.strip().lower() for token in value.split(",")}
            if name.lower() in tokens or "*" in tokens:
                return headers
            changed = list(headers)
            changed[index] = (key, f"{value}, {name}")
            return changed
    return [*headers, ("Vary", name)]


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    name = name.lower()
    return next((value for key, value in headers if key.lower() == name), None)


class Compressor:
    """WSGI middleware: compress text responses that nothing compressed before."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response):
        captured: list = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers, exc_info]
            return start_response(status, headers, exc_info) if exc_info else _no_write

        app_iter = self.wsgi_app(environ, capture)
        status, headers, exc_info = captured
        if exc_info:
            return app_iter
        if environ.get(NEGOTIATED):  # a page cache hit, already in the client's encoding
            start_response(status, headers)
            return app_iter
        if not self._candidate(status, headers):
            start_response(status, headers)
            return app_iter
        headers = add_vary(headers, "Accept-Encoding")
        encoding = negotiate(environ.get("HTTP_ACCEPT_ENCODING", ""))
        if encoding is None or environ.get("REQUEST_METHOD") == "HEAD":
            start_response(status, headers)
            return app_iter
        body = drain(app_iter)
        if len(body) >= MIN_SIZE and len(packed := compress(body, encoding)) < len(body):
            body = packed
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers += [("Content-Encoding", encoding), ("Content-Length", str(len(body)))]
            if etag := _header(headers, "ETag"):
                headers = [(k, v) for k, v in headers if k.lower() != "etag"]
                headers.append(("ETag", encoded_etag(etag, encoding)))
        start_response(status, headers)
        return [body]

    @staticmethod
    def _candidate(status: str, headers: list[tuple[str, str]]) -> bool:
        """A text body that is not encoded yet, and not private (see the module docstring)."""
        if status[:3] in ("204", "304") or status[0] == "1":
            return False
        if _header(headers, "Content-Encoding"):
            return False
        if not compressible(_header(headers, "Content-Type") or ""):
            return False
        cache_control = (_header(headers, "Cache-Control") or "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-transform"))


def _no_write(data: bytes) -> None:
    raise RuntimeError("the portal's WSGI layers do not support write()")


def init_app(app: Flask) -> None:
    app.wsgi_app = Compressor(app.wsgi_app)
