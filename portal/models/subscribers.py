"""Email digest subscribers and the digests sent to them; an address is kept only to send them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.content import utcnow

FREQUENCIES = ("daily", "weekly")
SUBSCRIBER_STATUSES = ("pending", "active", "paused")


class Subscriber(db.Model):
    """One address, its language, how often and which updates (a canonical query string)."""

    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    lang: Mapped[str] = mapped_column(String(8))
    frequency: Mapped[str] = mapped_column(String(10), default="weekly")
    filters: Mapped[str] = mapped_column(String(2000), default="")
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Updates published up to this time have been in a digest (or predate the subscription).
    sent_until: Mapped[datetime | None] = mapped_column(default=None)
    # Refusals by the mail server in a row; the third pauses the address.
    failures: Mapped[int] = mapped_column(default=0)


class DigestSend(db.Model):
    """A digest claimed for one subscriber and period before its mail is sent: the unique key
    makes a rerun, or a second run at the same time, skip it (portal/digests/sending.py)."""

    __tablename__ = "digest_sends"
    __table_args__ = (UniqueConstraint("subscriber_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(16))  # 2025-07-11 (daily) or 2025-W28 (weekly)
    since: Mapped[datetime | None] = mapped_column(default=None)
    until: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="claimed")  # or "sent"
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
