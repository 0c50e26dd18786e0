"""The import desk in a backup (version 2): an update's further sources, and the desk's
items (so that a dismissed or used item stays known after a restore). A version 1 file
has neither: both are empty then."""

from __future__ import annotations

from sqlalchemy import select

from portal.backup.export import time
from portal.extensions import db
from portal.importing.fetch import is_url
from portal.models import DeskItem, UpdateSource
from portal.models.desk import DISMISSED, USED, WAITING

KEYS = {
    "update_sources": {"id", "update_id", "position", "url"},
    "desk_items": {
        "id",
        "maker_id",
        "feed",
        "guid",
        "link",
        "title",
        "summary",
        "author",
        "lang",
        "published_at",
        "state",
        "group_id",
        "update_id",
        "content_hash",
        "imported_at",
        "changed_at",
    },
}
TABLES = (UpdateSource, DeskItem)  # after updates, in this order
_DESK_TIMES = ("published_at", "imported_at", "changed_at")


def export() -> dict[str, list[dict]]:
    sources = [
        {"id": s.id, "update_id": s.update_id, "position": s.position, "url": s.url}
        for s in db.session.scalars(select(UpdateSource).order_by(UpdateSource.id))
    ]
    items = [
        {name: getattr(d, name) for name in KEYS["desk_items"] - set(_DESK_TIMES)}
        | {name: time(getattr(d, name)) for name in _DESK_TIMES}
        for d in db.session.scalars(select(DeskItem).order_by(DeskItem.id))
    ]
    return {"update_sources": sources, "desk_items": items}


def rows(doc: dict, records, error) -> dict:
    """The rows of both tables from `doc`, checked with restore's `records`; `error` is
    the exception to raise."""

    def found(key: str):
        return records(doc, key) if key in doc else []  # version 1: none

    def web(record, key: str, column) -> str:
        value = record.str(key, column=column)
        if not is_url(value):
            raise error(f"{record.where}.{key}: not an http or https address.")
        return value

    sources = [
        {
            "id": r.int("id"),
            "update_id": r.int("update_id"),
            "position": r.int("position"),
            "url": web(r, "url", UpdateSource.url),
        }
        for r in found("update_sources")
    ]
    D = DeskItem
    items = [
        {
            "id": r.int("id"),
            "maker_id": r.int("maker_id"),
            "feed": r.str("feed", column=D.feed),
            "guid": r.str("guid", nullable=True, column=D.guid),
            "link": web(r, "link", D.link),
            "title": r.str("title", column=D.title),
            "summary": r.str("summary"),
            "author": r.str("author", column=D.author),
            "lang": r.str("lang", column=D.lang),
            "published_at": r.time("published_at", nullable=True),
            "state": r.one_of("state", (WAITING, USED, DISMISSED)),
            "group_id": r.int("group_id", nullable=True),
            "update_id": r.int("update_id", nullable=True),
            "content_hash": r.str("content_hash", column=D.content_hash),
            "imported_at": r.time("imported_at"),
            "changed_at": r.time("changed_at"),
        }
        for r in found("desk_items")
    ]
    return {UpdateSource.__table__: sources, DeskItem.__table__: items}
