"""Every saved version of an update."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.content import utcnow


class Revision(db.Model):
    """One save of an update: who, when, which fields changed, and the whole state as JSON."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(
        ForeignKey("editors.id", ondelete="SET NULL"), default=None
    )
    editor_name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed: Mapped[str] = mapped_column(Text, default="")  # field names, one per line
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the update and its translations
    comment: Mapped[str] = mapped_column(
        Text, default="", server_default=text("''")
    )  # a review step's

    @property
    def changed_fields(self) -> list[str]:
        return [name for name in self.changed.splitlines() if name]
