"""Version 2 of the backup: review before publishing (portal/editor/review.py).

Editors' roles, the comment an update was sent back with, each revision's comment and
the site's setting. A version 1 file lacks them: editors, no comments, review off."""

from __future__ import annotations

from sqlalchemy import Table, select
from sqlalchemy import update as sql_update

from portal.extensions import db
from portal.models import Editor, Revision, SiteState, Update
from portal.models.editors import ROLES

# Per kind of record (restore.KEYS): its key, the column, the default of a version 1 file.
FIELDS = {
    "editors": ("role", Editor, "editor"),
    "updates": ("review_comment", Update, ""),
    "revisions": ("comment", Revision, ""),
}
TOP_LEVEL = "review_required"


def keys() -> dict[str, set[str]]:
    """The keys this module adds to each kind of record, and to the top level."""
    return {kind: {key} for kind, (key, _model, _default) in FIELDS.items()} | {
        "backup": {TOP_LEVEL}
    }


def export(doc: dict) -> None:
    """Add the keys to a document made by `export.document()`."""
    for kind, (key, model, _default) in FIELDS.items():
        values = dict(db.session.execute(select(model.id, getattr(model, key))).all())
        for record in doc[kind]:
            record[key] = values[record["id"]]
    doc[TOP_LEVEL] = bool(db.session.scalar(select(SiteState.review_required)))


def restore_rows(doc: dict, tables: dict[Table, list[dict]], records) -> None:
    """Put the keys (or their defaults) into the rows `restore.rows()` made from `doc`;
    `records(doc, kind)` reads a list of the document as restore's checked records."""
    for kind, (key, model, default) in FIELDS.items():
        for row, record in zip(tables[model.__table__], records(doc, kind), strict=True):
            if key not in record.value:
                row[key] = default
            elif kind == "editors":
                row[key] = record.one_of(key, ROLES)
            else:
                row[key] = record.str(key)
    if not isinstance(doc.get(TOP_LEVEL, False), bool):
        from portal.backup.restore import BackupError

        raise BackupError(f"{TOP_LEVEL}: expected true or false.")


def restore_setting(doc: dict) -> None:
    required = doc.get(TOP_LEVEL, False)
    db.session.execute(
        sql_update(SiteState).where(SiteState.id == 1).values(review_required=required)
    )
