"""Per-field translation status and the translators' glossary (portal/translation/)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class FieldStatus(db.Model):
    """What one field of an update's text in `lang` was written (or checked) against: the
    text of the same field in `source_lang` at that time. The field is outdated when that
    source text has changed since. `machine`: saved exactly as a machine translated it."""

    __tablename__ = "translation_fields"

    # Rows of a language whose text is removed are removed by the next save's record().
    update_id: Mapped[int] = mapped_column(
        ForeignKey("updates.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(8))
    source_text: Mapped[str] = mapped_column(Text, default="")
    machine: Mapped[bool] = mapped_column(default=False)


class GlossaryTerm(db.Model):
    """A term and how it is written in another language; an empty `target` means the term
    is never translated (a maker's or product's name)."""

    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(200))
    target_lang: Mapped[str] = mapped_column(String(8), default="")
    target: Mapped[str] = mapped_column(String(200), default="")
