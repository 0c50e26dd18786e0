"""Makers, tags and updates, each with per-language text."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.attributes import NEVER_SET, NO_VALUE

from portal.extensions import db
from portal.models.translated import Translated

WORDS_PER_MINUTE = 200


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


update_tags = Table(
    "update_tags",
    db.metadata,
    Column("update_id", ForeignKey("updates.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Maker(Translated, db.Model):
    __tablename__ = "makers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    website: Mapped[str] = mapped_column(String(500), default="")
    # The maker's own RSS or Atom feed, read by `flask import-feeds` into draft updates.
    feed_url: Mapped[str | None] = mapped_column(String(1000), default=None)
    translations: Mapped[list[MakerTranslation]] = relationship(
        back_populates="maker", cascade="all, delete-orphan", lazy="selectin"
    )
    updates: Mapped[list[Update]] = relationship(back_populates="maker")

    def description(self, lang: str | None = None) -> str:
        """The description in `lang` (default: the page's language); empty when none."""
        text = self.translation(lang)
        return text.description if text else ""


class MakerTranslation(db.Model):
    __tablename__ = "maker_translations"
    __table_args__ = (UniqueConstraint("maker_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text, default="")
    maker: Mapped[Maker] = relationship(back_populates="translations")


class Tag(Translated, db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    translations: Mapped[list[TagTranslation]] = relationship(
        back_populates="tag", cascade="all, delete-orphan", lazy="selectin"
    )

    def label(self, lang: str | None = None) -> str:
        """The label in `lang` (default: the page's language); the slug when none."""
        text = self.translation(lang)
        return text.label if text else self.slug


class TagTranslation(db.Model):
    __tablename__ = "tag_translations"
    __table_args__ = (UniqueConstraint("tag_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(120))
    tag: Mapped[Tag] = relationship(back_populates="translations")


class Update(Translated, db.Model):
    """One thing a maker published: an article, release, video, paper, podcast."""

    __tablename__ = "updates"
    __table_args__ = (
        Index("ix_updates_status_published_at", "status", "published_at"),
        Index("ix_updates_maker_status_published_at", "maker_id", "status", "published_at"),
        # An item imported from a maker's feed is known by its id there (RSS guid, Atom id).
        Index("ix_updates_maker_source_guid", "maker_id", "source_guid", unique=True),
        Index("ix_updates_source_url", "source_url"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    source_url: Mapped[str] = mapped_column(String(1000))
    # The id of the feed item this update was imported from; None when written by hand.
    source_guid: Mapped[str | None] = mapped_column(String(1000), default=None)
    published_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="published", index=True)
    audience: Mapped[str] = mapped_column(String(20), index=True)
    level: Mapped[str] = mapped_column(String(20), index=True)
    importance: Mapped[int] = mapped_column(Integer, default=3)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set whenever the status changes (see _status_changed): preview links issued before die.
    status_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    # A chief's comment when sending it back from review; cleared when submitted again.
    review_comment: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))

    maker: Mapped[Maker] = relationship(back_populates="updates", lazy="joined")
    translations: Mapped[list[UpdateTranslation]] = relationship(
        back_populates="update", cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=update_tags, lazy="selectin")


class UpdateTranslation(db.Model):
    __tablename__ = "update_translations"
    __table_args__ = (
        UniqueConstraint("update_id", "lang"),
        UniqueConstraint("lang", "slug"),
        # The sitemap reads every text's address and date by update id range from this
        # index alone, never from the rows (which hold the bodies).
        Index("ix_update_translations_addresses", "update_id", "lang", "slug", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    slug: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    lede: Mapped[str] = mapped_column(Text, default="")
    # Deferred: teasers and listings never need the body; the update page loads it.
    body: Mapped[str] = mapped_column(Text, default="", deferred=True)
    impact: Mapped[str] = mapped_column(Text, default="")
    takeaways_text: Mapped[str] = mapped_column("takeaways", Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    update: Mapped[Update] = relationship(back_populates="translations")

    @property
    def takeaways(self) -> list[str]:
        return [line.strip() for line in self.takeaways_text.splitlines() if line.strip()]

    @takeaways.setter
    def takeaways(self, items: list[str]) -> None:
        self.takeaways_text = "\n".join(item.strip() for item in items if item.strip())

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the body at 200 words a minute, at least one."""
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))


@event.listens_for(Update.status, "set", active_history=True)
def _status_changed(target: Update, value, oldvalue, initiator) -> None:
    """A real change of status, not the first value of a new update."""
    if oldvalue not in (NO_VALUE, NEVER_SET) and value != oldvalue:
        target.status_changed_at = utcnow()
