"""Editors who write, and the failed logins their login throttle counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.content import utcnow


class Editor(db.Model):
    __tablename__ = "editors"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    # Carried by the session cookie; logout and a password reset raise it, ending every
    # session issued before (portal/editor/views/auth.py).
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # "editor" or "chief" (ROLES): with review on, only a chief publishes (editor/review.py).
    role: Mapped[str] = mapped_column(String(20), default="editor", server_default="editor")

    @property
    def is_chief(self) -> bool:
        return self.role == "chief"


ROLES = ("editor", "chief")


class LoginFailure(db.Model):
    """A failed login, counted per key: a hashed client and username pair, client or
    username (portal/editor/accounts.py), never a raw address or name."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(default=utcnow)
