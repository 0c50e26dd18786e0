"""Products of makers and the dated changes to them that an update records (issue 14)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Numeric,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from portal.extensions import db
from portal.models.content import Maker, Update, utcnow
from portal.models.translated import Translated

change_products = Table(
    "change_products",
    db.metadata,
    Column("change_id", ForeignKey("changes.id", ondelete="CASCADE"), primary_key=True),
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
)


class Product(Translated, db.Model):
    """A model or product of a maker ("GPT-4.1", "Le Chat")."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    maker: Mapped[Maker] = relationship(lazy="joined")
    translations: Mapped[list[ProductTranslation]] = relationship(
        back_populates="product", cascade="all, delete-orphan", lazy="selectin"
    )
    changes: Mapped[list[Change]] = relationship(
        secondary=change_products, back_populates="products"
    )

    def label(self, lang: str | None = None) -> str:
        """The name in `lang` where it differs, else the product's name."""
        text = self.translation(lang)
        return (text.name if text else "") or self.name

    def description(self, lang: str | None = None) -> str:
        text = self.translation(lang)
        return text.description if text else ""


class ProductTranslation(db.Model):
    __tablename__ = "product_translations"
    __table_args__ = (UniqueConstraint("product_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120), default="")  # empty: the product's name
    description: Mapped[str] = mapped_column(Text, default="")
    product: Mapped[Product] = relationship(back_populates="translations")


class Change(Translated, db.Model):
    """What changes when: one dated change (`vocab.CHANGE_KINDS`) recorded on an update."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[date] = mapped_column(Date, index=True)
    # A time of day, in `time_zone` (an IANA name), when the maker gave one.
    effective_time: Mapped[time | None] = mapped_column(Time, default=None)
    time_zone: Mapped[str | None] = mapped_column(String(64), default=None)
    old_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 6), default=None)
    new_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 6), default=None)
    price_unit: Mapped[str | None] = mapped_column(String(30), default=None)
    currency: Mapped[str | None] = mapped_column(String(3), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    update: Mapped[Update] = relationship(
        lazy="joined",
        backref=backref(
            "changes",
            cascade="all, delete-orphan",
            lazy="selectin",
            order_by="(Change.effective_date, Change.id)",
        ),
    )
    products: Mapped[list[Product]] = relationship(
        secondary=change_products, back_populates="changes", lazy="selectin"
    )
    translations: Mapped[list[ChangeTranslation]] = relationship(
        back_populates="change", cascade="all, delete-orphan", lazy="selectin"
    )

    def description(self, lang: str | None = None) -> str:
        text = self.best_translation(lang)
        return text.description if text else ""


class ChangeTranslation(db.Model):
    __tablename__ = "change_translations"
    __table_args__ = (UniqueConstraint("change_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("changes.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text, default="")
    change: Mapped[Change] = relationship(back_populates="translations")
