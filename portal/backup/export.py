"""Every maker, tag, update, revision, feedback message, editor and digest subscriber as one
JSON document.

The format is described in docs/backup-format.md. The same content always gives the same
bytes: records in id order, keys sorted, times in UTC as ISO 8601, no export timestamp;
so export → import into an empty database → export gives the same file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from sqlalchemy import select

from portal.backup import review
from portal.backup import subscribers as backup_subscribers
from portal.calendar import backup as calendar_backup
from portal.extensions import db
from portal.models import (
    Editor,
    Feedback,
    Maker,
    MakerTranslation,
    Revision,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
    update_tags,
)
from portal.translation import backup as translation_backup

FORMAT = "portal-backup"
VERSION = 2
# Versions the importer reads (a version 1 file lacks what came later: it is empty).
READABLE = (1, 2)


def time(value: datetime | None) -> str | None:
    """A stored (naive UTC) time as ISO 8601 with a Z; microseconds only when there are some."""
    return None if value is None else value.isoformat() + "Z"


def lines(text: str) -> list[str]:
    """Text kept one entry per line, exactly: "\\n".join() gives it back."""
    return text.split("\n") if text else []


def _rows(*columns, order_by):
    return db.session.execute(select(*columns).order_by(*order_by)).all()


def _by_owner(rows) -> dict[int, dict[str, object]]:
    """(owner id, lang, value) rows as {owner id: {lang: value}}."""
    found: dict[int, dict[str, object]] = defaultdict(dict)
    for owner, lang, value in rows:
        found[owner][lang] = value
    return found


def makers() -> list[dict]:
    M, T = Maker, MakerTranslation
    descriptions = _by_owner(_rows(T.maker_id, T.lang, T.description, order_by=[T.id]))
    return [
        {
            "id": m.id,
            "slug": m.slug,
            "name": m.name,
            "website": m.website,
            "feed_url": m.feed_url,
            "descriptions": descriptions.get(m.id, {}),
        }
        for m in _rows(M.id, M.slug, M.name, M.website, M.feed_url, order_by=[M.id])
    ]


def tags() -> list[dict]:
    T = TagTranslation
    labels = _by_owner(_rows(T.tag_id, T.lang, T.label, order_by=[T.id]))
    return [
        {"id": t.id, "slug": t.slug, "labels": labels.get(t.id, {})}
        for t in _rows(Tag.id, Tag.slug, order_by=[Tag.id])
    ]


def _texts() -> dict[int, dict[str, object]]:
    T = UpdateTranslation
    rows = _rows(
        T.update_id,
        T.lang,
        T.slug,
        T.title,
        T.lede,
        T.body,
        T.impact,
        T.takeaways_text,
        T.updated_at,
        order_by=[T.id],
    )
    return _by_owner(
        (
            r.update_id,
            r.lang,
            {
                "slug": r.slug,
                "title": r.title,
                "lede": r.lede,
                "body": r.body,
                "impact": r.impact,
                "takeaways": lines(r.takeaways_text),
                "updated_at": time(r.updated_at),
            },
        )
        for r in rows
    )


def updates() -> list[dict]:
    U = Update
    texts = _texts()
    tagged: dict[int, list[int]] = defaultdict(list)
    for update_id, tag_id in _rows(
        update_tags.c.update_id, update_tags.c.tag_id, order_by=[update_tags.c.tag_id]
    ):
        tagged[update_id].append(tag_id)
    rows = _rows(
        U.id,
        U.maker_id,
        U.type,
        U.status,
        U.published_at,
        U.source_url,
        U.source_guid,
        U.audience,
        U.level,
        U.importance,
        U.author,
        U.created_at,
        U.status_changed_at,
        order_by=[U.id],
    )
    return [
        {
            "id": u.id,
            "maker_id": u.maker_id,
            "type": u.type,
            "status": u.status,
            "published_at": time(u.published_at),
            "source_url": u.source_url,
            "source_guid": u.source_guid,
            "audience": u.audience,
            "level": u.level,
            "importance": u.importance,
            "author": u.author,
            "created_at": time(u.created_at),
            "status_changed_at": time(u.status_changed_at),
            "tag_ids": tagged.get(u.id, []),
            "translations": texts.get(u.id, {}),
        }
        for u in rows
    ]


def revisions() -> list[dict]:
    return [
        {
            "id": r.id,
            "update_id": r.update_id,
            "editor_id": r.editor_id,
            "editor_name": r.editor_name,
            "created_at": time(r.created_at),
            "changed": lines(r.changed),
            "snapshot": r.snapshot,
        }
        for r in db.session.scalars(select(Revision).order_by(Revision.id))
    ]


def feedback() -> list[dict]:
    return [
        {
            "id": f.id,
            "created_at": time(f.created_at),
            "lang": f.lang,
            "update_id": f.update_id,
            "maker_id": f.maker_id,
            "useful": f.useful,
            "message": f.message,
            "handled": f.handled,
            "client_hash": f.client_hash,
        }
        for f in db.session.scalars(select(Feedback).order_by(Feedback.id))
    ]


def editors() -> list[dict]:
    """Usernames and dates only: a password hash never leaves the database."""
    return [
        {
            "id": e.id,
            "username": e.username,
            "created_at": time(e.created_at),
            "last_login_at": time(e.last_login_at),
        }
        for e in db.session.scalars(select(Editor).order_by(Editor.id))
    ]


def document() -> dict:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "makers": makers(),
        "tags": tags(),
        "updates": updates(),
        "revisions": revisions(),
        "feedback": feedback(),
        "editors": editors(),
        "subscribers": backup_subscribers.export(db.session, time),
        **desk.export(),
        **calendar_backup.export(time),  # products and changes (version 2)
        **translation_backup.export(),
    }
    review.export(doc)  # version 2
    return doc


from portal.backup import desk  # noqa: E402 (it uses `time` above)


def dumps(doc: dict) -> bytes:
    """The document as UTF-8 JSON: sorted keys, two-space indent, a final newline."""
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
