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
  requests, such as the editors' pages, cost no extra query); the key is the scheme, the
  host, the path, the query string and whether htmx asked for a fragment, by the same
  rule as the view (`portal.htmx.is_fragment_request`); `Accept-Encoding` picks a
  variant of the kept entry. One host's page is never served for another.

Kept responses carry a content-derived `ETag` (one per encoding: a page is compressed with
gzip or brotli once, when a reader first accepts that encoding, and kept beside the identity
body) and `Last-Modified` (when the content last changed, or when the newest scheduled update
went live); a matching `If-None-Match`, or without one an `If-Modified-Since` no older than
`Last-Modified`, gets a 304 (RFC 9110 §13.2.2). Every response of a `@cacheable` view says
`Cache-Control: public, max-age=…, stale-while-revalidate=…` (`CACHE_MAX_AGE`,
`CACHE_STALE_WHILE_REVALIDATE`) and `Vary: Accept-Encoding`, whether the cache is on or not.
The cache is per process and bounded in bytes (`PAGE_CACHE_BYTES`, 0 turns it off).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from itertools import chain
from typing import NamedTuple

from flask import Flask, current_app, request
from sqlalchemy import bindparam, event, select, update
from sqlalchemy.orm import Session
from werkzeug.http import http_date, parse_date
from werkzeug.wsgi import get_host

from portal import facets
from portal.extensions import db
from portal.htmx import is_fragment_request
from portal.http.compression import (
    MIN_SIZE,
    NEGOTIATED,
    add_vary,
    compress,
    compressible,
    drain,
    encoded_etag,
    negotiate,
)
from portal.models import content, products
from portal.models.desk import UpdateSource
from portal.models.state import SiteState
from portal.models.translation_status import FieldStatus

ENVIRON_FLAG = "portal.cacheable"
CONTENT_TYPES = (
    content.Maker,
    content.MakerTranslation,
    content.Tag,
    content.TagTranslation,
    content.Update,
    content.UpdateTranslation,
    UpdateSource,
    products.Product,
    products.ProductTranslation,
    products.Change,
    products.ChangeTranslation,
    FieldStatus,  # the readers' "machine-translated" note
)
VERSION_SQL = select(SiteState.content_version).where(SiteState.id == 1)
# Headers a 304 repeats (RFC 9110 §15.4.5), besides the ETag of the chosen representation.
KEPT_ON_304 = frozenset({"cache-control", "vary", "last-modified", "expires"})
ENTRY_OVERHEAD = 512  # bytes counted per kept response besides its bodies


class State(NamedTuple):
    """What a page rendered now depends on, read before the view reads content."""

    version: int
    expires: datetime | None  # when the next scheduled update goes live
    last_modified: datetime | None  # the newest change or go-live so far (naive UTC)


def _state_sql():
    """The statement of `read_state`, built once: its only parameter is the time (`now`)."""
    now = bindparam("now", type_=content.Update.published_at.type)
    published_at = content.Update.published_at
    upcoming = (
        select(published_at).where(published_at > now).order_by(published_at).limit(1)
    ).scalar_subquery()
    went_live = (
        select(published_at)
        .where(content.Update.status == "published", published_at <= now)
        .order_by(published_at.desc())
        .limit(1)
    ).scalar_subquery()
    changed = (SiteState.content_version, SiteState.content_changed_at)
    return select(*changed, upcoming, went_live).where(SiteState.id == 1)


STATE_SQL = _state_sql()


def read_state(connection) -> State | None:
    """The content version, the next go-live and the last change, in one statement."""
    row = connection.execute(STATE_SQL, {"now": content.utcnow()}).one_or_none()
    if row is None:
        return None
    version, changed, next_live, last_live = row
    moments = [moment for moment in (changed, last_live) if moment is not None]
    return State(version, next_live, max(moments) if moments else None)


@dataclass(slots=True)
class Variant:
    """One representation of a kept page: its body and the headers to send with it."""

    body: bytes
    etag: str
    headers: list[tuple[str, str]]
    headers_304: list[tuple[str, str]]


@dataclass(slots=True)
class Entry:
    version: int
    expires: datetime | None
    status: str
    headers: list[tuple[str, str]]  # without ETag, Content-Length, Content-Encoding
    etag: str
    last_modified: int | None  # seconds since the epoch, for If-Modified-Since
    body: bytes
    compressible: bool
    variants: dict[str | None, Variant] = field(default_factory=dict)

    def variant(self, encoding: str | None) -> tuple[Variant, int]:
        """The representation in `encoding` (made now if new) and how many bytes it added."""
        if (found := self.variants.get(encoding)) is not None:
            return found, 0
        body, etag, headers = self.body, self.etag, list(self.headers)
        if encoding is not None:
            packed = compress(self.body, encoding) if len(self.body) >= MIN_SIZE else self.body
            if len(packed) < len(self.body):
                body, etag = packed, encoded_etag(self.etag, encoding)
                headers.append(("Content-Encoding", encoding))
            elif (plain := self.variants.get(None)) is not None:
                self.variants[encoding] = plain  # compression does not pay: share identity
                return plain, 0
        headers += [("Content-Length", str(len(body))), ("ETag", etag)]
        not_modified = [(k, v) for k, v in headers if k.lower() in KEPT_ON_304]
        made = Variant(body, etag, headers, [*not_modified, ("ETag", etag)])
        self.variants[encoding] = made
        return made, (len(body) if body is not self.body else 0)


def cacheable(view: Callable) -> Callable:
    """Mark a view's response as the same for every reader of its URL."""

    @wraps(view)
    def marked(*args, **kwargs):
        # Read the state before the view reads content: an edit in between makes the kept
        # page stale at once instead of keeping old content under a new version.
        request.environ[ENVIRON_FLAG] = _state()
        return view(*args, **kwargs)

    return marked


def _state() -> State | None:
    """`read_state` on the request's own session, whose connection the view then reads
    content with: no second connection (a pool checkout, a transaction and its rollback)
    for one statement."""
    try:
        return read_state(db.session.connection())
    except Exception:  # no database or no table: serve uncached; the app says what is wrong
        db.session.rollback()
        return None


def _key(environ: dict) -> tuple[str, str, str, str, bool]:
    """What a kept response is for: the address asked (scheme and host too, since links
    may be built from them), and whether it is the htmx fragment or the page."""
    return (
        environ.get("wsgi.url_scheme", ""),
        get_host(environ),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        is_fragment_request(environ),
    )


def not_modified(environ: dict, etag: str, last_modified: int | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match (weak comparison) decides; else If-Modified-Since."""
    asked = environ.get("HTTP_IF_NONE_MATCH")
    if asked is not None:
        if asked.strip() == "*":
            return True
        return any(tag.strip().removeprefix("W/") == etag for tag in asked.split(","))
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since and last_modified is not None and (when := parse_date(since)) is not None:
        return last_modified <= when.timestamp()
    return False


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

    def version(self) -> int | None:
        """The current content version: the one read a hit costs.

        Read in autocommit mode: one statement needs no transaction, so a database server
        is spared the BEGIN and the ROLLBACK around it (one round trip per hit instead of
        two, plus the pool's pre-ping).
        """
        try:
            with self.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
                return conn.execute(VERSION_SQL).scalar()
        except Exception:  # no database or no table: serve uncached; the app says what is wrong
            return None

    def __call__(self, environ: dict, start_response):
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO", "").startswith(
            "/static/"
        ):
            return self.wsgi_app(environ, start_response)
        key = _key(environ)
        entry = self.entries.get(key)
        if entry is not None and self.version() == entry.version and self._fresh(entry):
            with self.lock:
                if key in self.entries:
                    self.entries.move_to_end(key)
            return self._serve(key, entry, environ, start_response)
        return self._render_and_keep(key, environ, start_response)

    @staticmethod
    def _fresh(entry: Entry) -> bool:
        return entry.expires is None or content.utcnow() < entry.expires

    def _serve(self, key, entry: Entry, environ: dict, start_response) -> Iterable[bytes]:
        encoding = (
            negotiate(environ.get("HTTP_ACCEPT_ENCODING", "")) if entry.compressible else None
        )
        variant, added = entry.variant(encoding)
        if added:
            self._grow(key, entry, added)
        environ[NEGOTIATED] = True
        if not_modified(environ, variant.etag, entry.last_modified):
            start_response("304 Not Modified", variant.headers_304)
            return []
        start_response(entry.status, variant.headers)
        return [variant.body]

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
        body = drain(app_iter)
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        dropped = {"etag", "content-length", "content-encoding"}
        headers = [(k, v) for k, v in captured["headers"] if k.lower() not in dropped]
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if is_text := compressible(content_type):
            headers = add_vary(headers, "Accept-Encoding")
        last_modified = state.last_modified.replace(tzinfo=UTC) if state.last_modified else None
        entry = Entry(
            state.version,
            state.expires,
            captured["status"],
            headers,
            etag,
            int(last_modified.timestamp()) if last_modified else None,  # HTTP dates: seconds
            body,
            is_text,
        )
        self._keep(key, entry)
        return self._serve(key, entry, environ, start_response)

    @staticmethod
    def _cost(entry: Entry) -> int:
        extra = sum(len(v.body) for e, v in entry.variants.items() if v.body is not entry.body)
        return len(entry.body) + extra + ENTRY_OVERHEAD

    def _keep(self, key, entry: Entry) -> None:
        cost = self._cost(entry)
        if cost > self.max_bytes:
            return
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= self._cost(old)
            self.entries[key] = entry
            self.size += cost
            self._shrink()

    def _grow(self, key, entry: Entry, added: int) -> None:
        """Count a new compressed variant of a kept page against the budget."""
        with self.lock:
            if self.entries.get(key) is entry:
                self.size += added
                self._shrink()

    def _shrink(self) -> None:
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= self._cost(dropped)


def public_headers(response):
    """A @cacheable view's answer may be kept by any cache, briefly; see the module docstring."""
    if ENVIRON_FLAG not in request.environ or not (
        response.status_code == 200 or 300 <= response.status_code < 400
    ):
        return response
    config = current_app.config
    response.headers["Cache-Control"] = (
        f"public, max-age={config['CACHE_MAX_AGE']}, "
        f"stale-while-revalidate={config['CACHE_STALE_WHILE_REVALIDATE']}"
    )
    if response.status_code != 200:
        return response
    if compressible(response.content_type or ""):
        response.vary.add("Accept-Encoding")
    state = request.environ[ENVIRON_FLAG]
    if state is not None and state.last_modified is not None:
        response.headers["Last-Modified"] = http_date(state.last_modified.replace(tzinfo=UTC))
        if "page_cache" not in current_app.extensions:
            # Without the page cache nobody else answers If-Modified-Since.
            response.make_conditional(request)
    return response


def _bump_on_flush(session: Session, flush_context) -> None:
    """Raise the content version, and stamp the time, in the same transaction as any change
    to content."""
    touched = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(obj, CONTENT_TYPES) for obj in touched):
        session.connection().execute(
            update(SiteState.__table__)
            .where(SiteState.id == 1)
            .values(
                content_version=SiteState.content_version + 1,
                content_changed_at=content.utcnow().replace(microsecond=0),
            )
        )
        facets.record(session)  # which updates changed, for the content index


def init_app(app: Flask) -> None:
    app.after_request(public_headers)
    if not event.contains(Session, "after_flush", _bump_on_flush):
        event.listen(Session, "after_flush", _bump_on_flush)
    if app.config.get("PAGE_CACHE_BYTES", 0) > 0:
        cache = PageCache(app, app.config["PAGE_CACHE_BYTES"])
        app.wsgi_app = cache
        app.extensions["page_cache"] = cache
