"""Readers' anonymous feedback: messages and "was this useful" votes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.content import utcnow


class Feedback(db.Model):
    """A reader's anonymous message; the client is only a salted hash, never an IP."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(String(8))
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("updates.id", ondelete="SET NULL"), default=None
    )
    maker_id: Mapped[int | None] = mapped_column(
        ForeignKey("makers.id", ondelete="SET NULL"), default=None
    )
    useful: Mapped[bool | None] = mapped_column(Boolean, default=None)
    client_hash: Mapped[str] = mapped_column(String(64), default="")
    handled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
