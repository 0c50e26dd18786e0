"""A whole-response cache for public pages that never serves content older than the database.

Every public page is the same for every reader of a URL (no cookie, nothing per visitor),
so a rendered page can be kept and served again. It stays correct because:

- every content change (ORM flush touching a maker, tag or update) raises
  `site_state.content_version` in the same transaction (`_bump_on_flush`), and each
  cached response remembers the version it was rendered at; a hit reads the current
  version from the database first (one indexed row), so an edit made by any worker or
  host is visible on the very next request;
- a page also expires when the next scheduled update goes live (the earliest future
  `published_at`), so scheduling needs no cron job and no edit;
- only GET responses of views marked with `@cacheable`, with status 200 and no cookie,
  are kept (the decorator reads the version and expiry before the view runs, so other
  requests, such as the editors' pages, cost no extra query); the key is the path, the
  query string and whether htmx asked for a fragment (the only request header public
  pages vary on).

Kept responses carry a content-derived `ETag`; a matching `If-None-Match` gets a 304.
The cache is per process and bounded in bytes (`PAGE_CACHE_BYTES`, 0 turns it off).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from itertools import chain

from flask import Flask, current_app, request
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import content
from portal.models.state import SiteState

ENVIRON_FLAG = "portal.cacheable"
CONTENT_TYPES = (
    content.Maker,
    content.MakerTranslation,
    content.Tag,
    content.TagTranslation,
    content.Update,
    content.UpdateTranslation,
)
VERSION_SQL = select(SiteState.content_version).where(SiteState.id == 1)


@dataclass(frozen=True, slots=True)
class Entry:
    version: int
    expires: datetime | None
    status: str
    headers: list[tuple[str, str]]
    etag: str
    body: bytes


def cacheable(view: Callable) -> Callable:
    """Mark a view's response as the same for every reader of its URL."""

    @wraps(view)
    def marked(*args, **kwargs):
        # Read the version before the view reads content: an edit in between makes the kept
        # page stale at once instead of keeping old content under a new version.
        if (cache := current_app.extensions.get("page_cache")) is not None:
            request.environ[ENVIRON_FLAG] = cache.state(with_expiry=True)
        return view(*args, **kwargs)

    return marked


def _key(environ: dict) -> tuple[str, str, bool]:
    fragment = (
        "HTTP_HX_REQUEST" in environ
        and "HTTP_HX_HISTORY_RESTORE_REQUEST" not in environ
        and "HTTP_HX_BOOSTED" not in environ
    )
    return environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""), fragment


class PageCache:
    """WSGI middleware around the Flask app; see the module docstring."""

    def __init__(self, app: Flask, max_bytes: int):
        self.app = app
        self.wsgi_app = app.wsgi_app
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            with self.app.app_context():
                self._engine = db.engine
        return self._engine

    def state(self, with_expiry: bool) -> tuple[int, datetime | None] | None:
        """The current content version, and when the next scheduled update goes live."""
        try:
            with self.engine.connect() as conn:
                version = conn.execute(VERSION_SQL).scalar()
                if version is None or not with_expiry:
                    return (version, None) if version is not None else None
                upcoming = conn.execute(
                    select(content.Update.published_at)
                    .where(content.Update.published_at > content.utcnow())
                    .order_by(content.Update.published_at)
                    .limit(1)
                ).scalar()
                return version, upcoming
        except Exception:  # no database or no table: serve uncached; the app says what is wrong
            return None

    def __call__(self, environ: dict, start_response):
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO", "").startswith(
            "/static/"
        ):
            return self.wsgi_app(environ, start_response)
        key = _key(environ)
        entry = self.entries.get(key)
        if entry is not None:
            state = self.state(with_expiry=False)
            if state is not None and state[0] == entry.version and self._fresh(entry):
                with self.lock:
                    if key in self.entries:
                        self.entries.move_to_end(key)
                return self._serve(entry, environ, start_response)
        return self._render_and_keep(key, environ, start_response)

    @staticmethod
    def _fresh(entry: Entry) -> bool:
        return entry.expires is None or content.utcnow() < entry.expires

    @staticmethod
    def _serve(entry: Entry, environ: dict, start_response) -> Iterable[bytes]:
        asked = environ.get("HTTP_IF_NONE_MATCH", "")
        if asked and (asked == "*" or entry.etag in (tag.strip() for tag in asked.split(","))):
            start_response(
                "304 Not Modified",
                [(k, v) for k, v in entry.headers if k in ("ETag", "Vary", "Cache-Control")],
            )
            return []
        start_response(entry.status, entry.headers)
        return [entry.body]

    def _render_and_keep(self, key, environ, start_response):
        """Let the app answer; keep the answer if a @cacheable view gave it (with its state)."""
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return lambda data: None  # write() is never used by Flask

        app_iter = self.wsgi_app(environ, capture)
        state = environ.get(ENVIRON_FLAG)
        keep = (
            state is not None
            and captured.get("status", "").startswith("200")
            and not any(k.lower() == "set-cookie" for k, _ in captured["headers"])
        )
        if not keep:
            start_response(captured["status"], captured["headers"])
            return app_iter
        try:
            body = b"".join(app_iter)
        finally:
            if hasattr(app_iter, "close"):
                app_iter.close()
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "etag"]
        headers.append(("ETag", etag))
        entry = Entry(state[0], state[1], captured["status"], headers, etag, body)
        self._keep(key, entry)
        return self._serve(entry, environ, start_response)

    def _keep(self, key, entry: Entry) -> None:
        cost = len(entry.body) + 512
        if cost > self.max_bytes:
            return
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= len(old.body) + 512
            self.entries[key] = entry
            self.size += cost
            while self.size > self.max_bytes:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped.body) + 512


def _bump_on_flush(session: Session, flush_context) -> None:
    """Raise the content version in the same transaction as any change to content."""
    touched = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(obj, CONTENT_TYPES) for obj in touched):
        session.connection().execute(
            update(SiteState.__table__)
            .where(SiteState.id == 1)
            .values(content_version=SiteState.content_version + 1)
        )


def init_app(app: Flask) -> None:
    if not event.contains(Session, "after_flush", _bump_on_flush):
        event.listen(Session, "after_flush", _bump_on_flush)
    if app.config.get("PAGE_CACHE_BYTES", 0) > 0:
        cache = PageCache(app, app.config["PAGE_CACHE_BYTES"])
        app.wsgi_app = cache
        app.extensions["page_cache"] = cache
