"""Restoring a backup (docs/backup-format.md) into an empty database, all or nothing.

Ids are kept, so every reference (an update's maker, a revision's update, feedback's
update or maker) survives. Makers, tags and updates must pass the editors' own forms
(`forms.refusal`: web addresses, slugs, lengths, vocabularies), statuses and languages
must be known, and other strings must fit their columns. Rows go in through Core
inserts in one transaction; then PostgreSQL's id sequences are moved past the highest
id, the page cache's content version goes up and the full-text index is rebuilt, and
only then is it committed.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Table, insert, select, text
from sqlalchemy import update as sql_update
from sqlalchemy.exc import SQLAlchemyError

from portal import search
from portal.backup import desk, review
from portal.backup import subscribers as backup_subscribers
from portal.backup.export import FORMAT, READABLE, VERSION
from portal.calendar import backup as calendar_backup
from portal.editor.forms import REQUIRED, choices, maker_form, refusal, tag_form, update_form
from portal.extensions import db
from portal.i18n import languages
from portal.models import (
    Editor,
    Feedback,
    GlossaryTerm,
    Maker,
    MakerTranslation,
    Revision,
    SiteState,
    Subscriber,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
    update_tags,
)
from portal.translation import backup as translation_backup
from portal.vocab import STORED_STATUSES

# Rows a database holds only once someone has used it; any of them means "not empty".
CONTENT = (Maker, Tag, Update, Revision, Feedback, Editor, Subscriber, *calendar_backup.MODELS)
# Tables whose ids come from the backup, in the order they are filled (parents first).
WITH_IDS = (
    Editor,
    Maker,
    Tag,
    Update,
    Revision,
    Feedback,
    Subscriber,
    *desk.TABLES,
    *calendar_backup.MODELS,
    GlossaryTerm,
)
# An editor restored from a backup cannot log in until `create-editor NAME --reset`:
# this is no hash of any password (werkzeug's check_password_hash says no to it).
LOCKED = "!"


class BackupError(Exception):
    """The backup cannot be restored; the message says where and why."""


# --- reading and checking the document ----------------------------------------------


def load(raw: bytes) -> dict:
    """The parsed document after checking it is a backup in a version this code reads."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BackupError(f"The file is not UTF-8 text ({error.reason}).") from error
    except json.JSONDecodeError as error:
        raise BackupError(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BackupError(f'The file is not a portal backup (no "format": "{FORMAT}").')
    if doc.get("version") not in READABLE:
        raise BackupError(
            f"This is a version {doc.get('version')!r} backup; "
            f"this portal reads versions {', '.join(map(str, READABLE))}."
        )
    _Record(doc, "the backup", "backup")  # no unknown top-level key
    later = sorted(VERSION_2 & doc.keys()) if doc["version"] < 2 else []
    if later:
        raise BackupError(f"the backup: unknown key {later[0]!r} (not in version 1).")
    return doc


# The keys of every kind of object: a key not listed is refused, never silently dropped
# (docs/backup-format.md, "Version policy"); VERSION_2 below adds what came with version 2.
KEYS = {
    "backup": {
        "format",
        "version",
        "makers",
        "tags",
        "updates",
        "revisions",
        "feedback",
        "editors",
        "subscribers",
    },
    "makers": {"id", "slug", "name", "website", "feed_url", "descriptions"},
    "tags": {"id", "slug", "labels"},
    "updates": {
        "id",
        "maker_id",
        "type",
        "status",
        "published_at",
        "source_url",
        "source_guid",
        "audience",
        "level",
        "importance",
        "author",
        "created_at",
        "status_changed_at",
        "tag_ids",
        "translations",
    },
    "translations": {"slug", "title", "lede", "body", "impact", "takeaways", "updated_at"},
    "revisions": {
        "id",
        "update_id",
        "editor_id",
        "editor_name",
        "created_at",
        "changed",
        "snapshot",
    },
    "feedback": {
        "id",
        "created_at",
        "lang",
        "update_id",
        "maker_id",
        "useful",
        "message",
        "handled",
        "client_hash",
    },
    "editors": {"id", "username", "created_at", "last_login_at"},
    "subscribers": backup_subscribers.KEYS,
    **desk.KEYS,
    **calendar_backup.KEYS,
}
# Top-level lists that came with version 2: a version 1 file has none of them (so they
# are empty), and one that names them is refused.
VERSION_2 = {
    "subscribers",
    *desk.KEYS,
    review.TOP_LEVEL,
    *calendar_backup.TOP_KEYS,
    *translation_backup.KEYS,
}
KEYS["backup"] |= VERSION_2
for _kind, _keys in review.keys().items():  # version 2's additions to version 1's records
    KEYS[_kind] = KEYS[_kind] | _keys
KEYS.update(translation_backup.KEYS)


class _Record:
    """One object of the document, read field by field with its place for error messages."""

    def __init__(self, value, where: str, kind: str):
        if not isinstance(value, dict):
            raise BackupError(f"{where}: expected an object.")
        if unknown := sorted(set(value) - KEYS[kind]):
            raise BackupError(f"{where}: unknown key {unknown[0]!r} (not in version {VERSION}).")
        self.value, self.where = value, where

    def _get(self, key: str, kinds: tuple[type, ...], what: str, nullable: bool):
        if key not in self.value:
            raise BackupError(f"{self.where}: {key!r} is missing.")
        found = self.value[key]
        if found is None and nullable:
            return None
        if not isinstance(found, kinds) or (bool not in kinds and isinstance(found, bool)):
            raise BackupError(f"{self.where}.{key}: expected {what}.")
        return found

    def int(self, key: str, nullable: bool = False) -> int | None:
        return self._get(key, (int,), "a whole number", nullable)

    def str(self, key: str, nullable: bool = False, column=None) -> str | None:
        """A string; not longer than `column` (a model's attribute) when one is given."""
        found = self._get(key, (str,), "a string", nullable)
        limit = column.type.length if column is not None else None
        if found is not None and limit is not None and len(found) > limit:
            raise BackupError(f"{self.where}.{key}: longer than {limit} characters.")
        return found

    def one_of(self, key: str, known) -> str:
        found = self.str(key)
        if found not in known:
            raise BackupError(f"{self.where}.{key}: {found!r} is not one of {', '.join(known)}.")
        return found

    def check(self, make_form, values: dict, options: dict | None = None) -> None:
        """Refuse what the editors' form refuses, naming the field as the backup does."""
        if problem := refusal(make_form, values, options):
            name, message = problem
            raise BackupError(f"{self.where}.{_backup_key(name)}: {message}")

    def bool(self, key: str, nullable: bool = False) -> bool | None:
        return self._get(key, (bool,), "true or false", nullable)

    def time(self, key: str, nullable: bool = False) -> datetime | None:
        found = self._get(key, (str,), "an ISO 8601 UTC time", nullable)
        if found is None:
            return None
        try:
            if not found.endswith("Z"):
                raise ValueError
            return datetime.fromisoformat(found[:-1])
        except ValueError as error:
            raise BackupError(
                f"{self.where}.{key}: {found!r} is not an ISO 8601 UTC time "
                "(such as 2025-07-11T12:00:00Z)."
            ) from error

    def lines(self, key: str) -> str:
        items = self._get(key, (list,), "a list of strings", False)
        if not all(isinstance(item, str) for item in items):
            raise BackupError(f"{self.where}.{key}: expected a list of strings.")
        return "\n".join(items)

    def ids(self, key: str) -> list[int]:
        items = self._get(key, (list,), "a list of ids", False)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in items):
            raise BackupError(f"{self.where}.{key}: expected a list of ids.")
        return items

    def per_language(self, key: str) -> dict[str, object]:
        found = self._get(key, (dict,), "an object keyed by language", False)
        for lang in found:
            if lang not in languages():
                raise BackupError(
                    f"{self.where}.{key}: {lang!r} is not a language of this site "
                    f"({', '.join(languages())})."
                )
        return found


def _backup_key(field: str) -> str:
    """A form field's name in the backup: description_nl → descriptions.nl, en.title →
    translations.en.title, maker → maker_id."""
    base, _, lang = field.rpartition("_")
    if base in ("description", "label"):
        return f"{base}s.{lang}"
    if "." in field:
        return f"translations.{field}"
    return {"maker": "maker_id", "tags": "tag_ids"}.get(field, field)


def _records(doc: dict, key: str):
    items = doc.get(key)
    if not isinstance(items, list):
        raise BackupError(f"{key!r}: expected a list.")
    return [_Record(item, f"{key}[{n}]", key) for n, item in enumerate(items)]


def _texts(record: _Record, key: str, where: str) -> dict[str, str]:
    texts = record.per_language(key)
    for lang, value in texts.items():
        if not isinstance(value, str):
            raise BackupError(f"{where}.{key}.{lang}: expected a string.")
    return texts


def rows(doc: dict) -> dict[Table, list[dict]]:
    """The rows of every table, checked; BackupError names the first problem."""
    out: dict[Table, list[dict]] = {}
    out[Editor.__table__] = [
        {
            "id": r.int("id"),
            "username": r.str("username", column=Editor.username),
            "password_hash": LOCKED,
            "created_at": r.time("created_at"),
            "last_login_at": r.time("last_login_at", nullable=True),
        }
        for r in _records(doc, "editors")
    ]
    makers, described = [], []
    for r in _records(doc, "makers"):
        maker = {
            "id": r.int("id"),
            "slug": r.str("slug"),
            "name": r.str("name"),
            "website": r.str("website"),
            "feed_url": r.str("feed_url", nullable=True),
        }
        texts = _texts(r, "descriptions", r.where)
        fields = {f"description_{lang}": value for lang, value in texts.items()}
        r.check(maker_form, maker | {"feed_url": maker["feed_url"] or ""} | fields)
        makers.append(maker)
        described += [
            {"maker_id": maker["id"], "lang": lang, "description": value}
            for lang, value in texts.items()
        ]
    out[Maker.__table__], out[MakerTranslation.__table__] = makers, described
    tags, labels = [], []
    for r in _records(doc, "tags"):
        tag = {"id": r.int("id"), "slug": r.str("slug")}
        texts = _texts(r, "labels", r.where)
        r.check(tag_form, tag | {f"label_{lang}": value for lang, value in texts.items()})
        tags.append(tag)
        labels += [
            {"tag_id": tag["id"], "lang": lang, "label": value} for lang, value in texts.items()
        ]
    out[Tag.__table__], out[TagTranslation.__table__] = tags, labels
    out.update(_update_rows(doc, [m["id"] for m in makers], [t["id"] for t in tags]))
    update_ids = {u["id"] for u in out[Update.__table__]}
    out.update(
        calendar_backup.rows(
            doc, _Record, _records, _texts, BackupError, {m["id"] for m in makers}, update_ids
        )
    )
    out[Revision.__table__] = [
        {
            "id": r.int("id"),
            "update_id": r.int("update_id"),
            "editor_id": r.int("editor_id", nullable=True),
            "editor_name": r.str("editor_name", column=Revision.editor_name),
            "created_at": r.time("created_at"),
            "changed": r.lines("changed"),
            "snapshot": r.str("snapshot"),
        }
        for r in _records(doc, "revisions")
    ]
    out[Feedback.__table__] = [
        {
            "id": r.int("id"),
            "created_at": r.time("created_at"),
            "lang": r.one_of("lang", languages()),
            "update_id": r.int("update_id", nullable=True),
            "maker_id": r.int("maker_id", nullable=True),
            "useful": r.bool("useful", nullable=True),
            "message": r.str("message"),
            "handled": r.bool("handled"),
            "client_hash": r.str("client_hash", column=Feedback.client_hash),
        }
        for r in _records(doc, "feedback")
    ]
    # Version 2: a version 1 file has no subscribers.
    subscribed = _records(doc, "subscribers") if "subscribers" in doc else []
    out[Subscriber.__table__] = backup_subscribers.rows(subscribed, languages())
    out.update(desk.rows(doc, _records, BackupError))
    review.restore_rows(doc, out, _records)
    out.update(translation_backup.rows(doc, _records))
    return out


def _update_rows(doc: dict, maker_ids: list[int], tag_ids: list[int]) -> dict[Table, list[dict]]:
    updates, texts, links = [], [], []
    options = {
        "maker": choices((i, "") for i in maker_ids),
        "tags": choices((i, "") for i in tag_ids),
    }
    for r in _records(doc, "updates"):
        update = {
            "id": r.int("id"),
            "maker_id": r.int("maker_id"),
            "type": r.str("type"),
            "status": r.one_of("status", STORED_STATUSES),
            "published_at": r.time("published_at"),
            "source_url": r.str("source_url"),
            "source_guid": r.str("source_guid", nullable=True, column=Update.source_guid),
            "audience": r.str("audience"),
            "level": r.str("level"),
            "importance": r.int("importance"),
            "author": r.str("author"),
            "created_at": r.time("created_at"),
            "status_changed_at": r.time("status_changed_at", nullable=True),
        }
        tagged = r.ids("tag_ids")
        written = []
        for lang, value in r.per_language("translations").items():
            t = _Record(value, f"{r.where}.translations.{lang}", "translations")
            written.append(
                {
                    "update_id": update["id"],
                    "lang": lang,
                    "slug": t.str("slug"),
                    "title": t.str("title"),
                    "lede": t.str("lede"),
                    "body": t.str("body"),
                    "impact": t.str("impact"),
                    "takeaways": t.lines("takeaways"),
                    "updated_at": t.time("updated_at"),
                }
            )
            if not written[-1]["slug"]:  # the form would make one from the title
                raise BackupError(f"{t.where}.slug: {REQUIRED}")
        r.check(update_form, _as_typed(update, tagged, written), options)
        updates.append(update)
        texts += written
        links += [{"update_id": update["id"], "tag_id": tag_id} for tag_id in tagged]
    return {
        Update.__table__: updates,
        UpdateTranslation.__table__: texts,
        update_tags: links,
    }


def _as_typed(update: dict, tag_ids: list[int], texts: list[dict]) -> dict:
    """An update's values as an editor would send them in the update form."""
    fields = {name: str(update[name]) for name in ("type", "audience", "level", "importance")}
    fields |= {"source_url": update["source_url"], "author": update["author"]}
    fields["action"] = "publish" if update["status"] == "published" else "draft"
    fields |= {"maker": str(update["maker_id"]), "tags": [str(i) for i in tag_ids]}
    for written in texts:
        for name in ("slug", "title", "lede", "body", "impact", "takeaways"):
            fields[f"{written['lang']}-{name}"] = written[name]
    return fields


# --- writing ------------------------------------------------------------------------


def is_empty() -> bool:
    return all(db.session.scalar(select(model.id).limit(1)) is None for model in CONTENT)


def _advance_sequences() -> None:
    """PostgreSQL hands out ids from sequences that explicit ids do not move: move them."""
    conn = db.session.connection()
    if conn.dialect.name != "postgresql":
        return
    for model in WITH_IDS:
        name = model.__tablename__
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {name}"
            )
        )


ORDER = (
    Editor.__table__,
    Maker.__table__,
    MakerTranslation.__table__,
    Tag.__table__,
    TagTranslation.__table__,
    Update.__table__,
    UpdateTranslation.__table__,
    update_tags,
    *calendar_backup.TABLES,
    Revision.__table__,
    Feedback.__table__,
    Subscriber.__table__,
    *(model.__table__ for model in desk.TABLES),
    *translation_backup.TABLES,
)


def restore(doc: dict) -> dict[str, int]:
    """Fill an empty database from a checked document; how many rows of each kind."""
    if not is_empty():
        raise BackupError(
            "The database already holds content; a backup is restored only into an empty "
            "database (run `flask --app wsgi db upgrade` on a new one)."
        )
    tables = rows(doc)
    try:
        for table in ORDER:
            if tables[table]:
                db.session.execute(insert(table), tables[table])
        _advance_sequences()
        db.session.execute(
            sql_update(SiteState)
            .where(SiteState.id == 1)
            .values(content_version=SiteState.content_version + 1)
        )
        review.restore_setting(doc)
        search.rebuild()  # fills the full-text index: Core inserts fire no ORM events
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        cause = getattr(error, "orig", None) or error
        raise BackupError(f"The backup does not fit the database: {cause}.") from error
    except BaseException:
        db.session.rollback()
        raise
    return {table.name: len(tables[table]) for table in ORDER}
