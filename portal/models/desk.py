"""The import desk: feed items waiting for an editor, an update's further sources, and
the lock that keeps unattended imports from overlapping."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.content import Maker, Update, utcnow

WAITING, USED, DISMISSED = "waiting", "used", "dismissed"


class DeskItem(db.Model):
    """One item of a maker's feed. It waits on the desk until an editor makes a draft of
    it, adds it to an update (used) or dismisses it; only a waiting item follows edits in
    the feed, and an item once seen is never added again."""

    __tablename__ = "desk_items"
    __table_args__ = (
        Index("ix_desk_items_maker_guid", "maker_id", "guid", unique=True),
        Index("ix_desk_items_link", "link"),
        Index("ix_desk_items_state_group", "state", "group_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id", ondelete="CASCADE"))
    feed: Mapped[str] = mapped_column(String(1000), default="")  # where it was read
    guid: Mapped[str | None] = mapped_column(String(1000), default=None)
    link: Mapped[str] = mapped_column(String(1000))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    lang: Mapped[str] = mapped_column(String(8), default="en")
    published_at: Mapped[datetime | None] = mapped_column(default=None)
    state: Mapped[str] = mapped_column(String(20), default=WAITING)
    # Items about one story share a group: the smallest id among them (see grouping.py).
    group_id: Mapped[int | None] = mapped_column(Integer, default=None)
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("updates.id", ondelete="SET NULL"), default=None
    )
    # A hash of what the feed said: a change means the item was edited after import.
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    maker: Mapped[Maker] = relationship(lazy="joined")


class UpdateSource(db.Model):
    """A further source of an update; the primary one is `Update.source_url`."""

    __tablename__ = "update_sources"
    __table_args__ = (Index("ix_update_sources_update_position", "update_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str] = mapped_column(String(1000))


class JobLock(db.Model):
    """A named lock with an expiry, taken by one atomic UPDATE (see importing/lock.py)."""

    __tablename__ = "job_locks"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200), default="")
    expires_at: Mapped[datetime] = mapped_column()


Update.extra_sources = relationship(
    UpdateSource,
    order_by=UpdateSource.position,
    cascade="all, delete-orphan",
    lazy="selectin",
)


def sources(update: Update) -> list[str]:
    """Every source of an update, the primary first."""
    return [update.source_url] + [s.url for s in update.extra_sources if s.url != update.source_url]
