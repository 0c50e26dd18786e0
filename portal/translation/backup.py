"""The backup's version 2 keys of the translation workflow: per-field status and the
glossary (docs/backup-format.md). A version 1 file has neither: both restore empty."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import languages
from portal.models import FieldStatus, GlossaryTerm
from portal.translation.status import FIELDS

KEYS = {
    "translation_fields": {"update_id", "lang", "field", "source_lang", "source_text", "machine"},
    "glossary": {"id", "source_lang", "source", "target_lang", "target"},
}
TABLES = (FieldStatus.__table__, GlossaryTerm.__table__)


def export() -> dict[str, list[dict]]:
    F, G = FieldStatus, GlossaryTerm
    fields = db.session.scalars(select(F).order_by(F.update_id, F.lang, F.field))
    return {
        "translation_fields": [
            {name: getattr(r, name) for name in sorted(KEYS["translation_fields"])} for r in fields
        ],
        "glossary": [
            {name: getattr(g, name) for name in sorted(KEYS["glossary"])}
            for g in db.session.scalars(select(G).order_by(G.id))
        ],
    }


def _listed(doc: dict, key: str, records):
    return records({key: doc.get(key, [])}, key)  # absent (version 1): none


def rows(doc: dict, records) -> dict:
    """The checked rows of both tables; `records(doc, key)` reads a list of objects."""
    langs = list(languages())
    fields = [
        {
            "update_id": r.int("update_id"),
            "lang": r.one_of("lang", langs),
            "field": r.one_of("field", list(FIELDS)),
            "source_lang": r.one_of("source_lang", langs),
            "source_text": r.str("source_text"),
            "machine": r.bool("machine"),
        }
        for r in records(
            {"translation_fields": doc.get("translation_fields", [])}, "translation_fields"
        )
    ]
    terms = [
        {
            "id": r.int("id"),
            "source_lang": r.one_of("source_lang", langs),
            "source": r.str("source", column=GlossaryTerm.source),
            "target_lang": r.one_of("target_lang", ["", *langs]),
            "target": r.str("target", column=GlossaryTerm.target),
        }
        for r in _listed(doc, "glossary", records)
    ]
    return {FieldStatus.__table__: fields, GlossaryTerm.__table__: terms}
