"""Products and changes in the backup file (version 2; docs/backup-format.md): exported
beside the rest, and checked by the editors' own rules (`forms.problems`) on import. A
version 1 file has neither key: it restores with no products and no changes."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal, InvalidOperation

from sqlalchemy import Table, select

from portal.calendar.forms import MAX_PRICE, problems
from portal.editor.forms import SLUG
from portal.extensions import db
from portal.models import (
    Change,
    ChangeTranslation,
    Product,
    ProductTranslation,
    change_products,
)

TOP_KEYS = {"products", "changes"}
KEYS = {
    "products": {"id", "maker_id", "slug", "name", "names", "descriptions"},
    "changes": {
        "id",
        "update_id",
        "kind",
        "effective_date",
        "effective_time",
        "time_zone",
        "old_price",
        "new_price",
        "price_unit",
        "currency",
        "product_ids",
        "descriptions",
        "created_at",
        "updated_at",
    },
}
MODELS = (Product, Change)  # their ids come from the backup
TABLES = (
    Product.__table__,
    ProductTranslation.__table__,
    Change.__table__,
    ChangeTranslation.__table__,
    change_products,
)


def _price(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def export(time_of) -> dict:
    """The document's `products` and `changes` (`time_of`: the backup's time format)."""
    products = db.session.scalars(select(Product).order_by(Product.id))
    changes = db.session.scalars(select(Change).order_by(Change.id))
    return {
        "products": [
            {
                "id": p.id,
                "maker_id": p.maker_id,
                "slug": p.slug,
                "name": p.name,
                "names": {t.lang: t.name for t in p.translations if t.name},
                "descriptions": {t.lang: t.description for t in p.translations},
            }
            for p in products
        ],
        "changes": [
            {
                "id": c.id,
                "update_id": c.update_id,
                "kind": c.kind,
                "effective_date": c.effective_date.isoformat(),
                "effective_time": c.effective_time.isoformat() if c.effective_time else None,
                "time_zone": c.time_zone,
                "old_price": _price(c.old_price),
                "new_price": _price(c.new_price),
                "price_unit": c.price_unit,
                "currency": c.currency,
                "product_ids": sorted(p.id for p in c.products),
                "descriptions": {t.lang: t.description for t in c.translations},
                "created_at": time_of(c.created_at),
                "updated_at": time_of(c.updated_at),
            }
            for c in changes
        ],
    }


def rows(doc: dict, record, records, texts, error, maker_ids, update_ids) -> dict[Table, list]:
    """The rows of the product and change tables, checked; `record`, `records`, `texts` and
    `error` are portal.backup.restore's readers and its BackupError."""
    out: dict[Table, list] = {table: [] for table in TABLES}
    transient: dict[int, Product] = {}
    for r in records(doc, "products") if "products" in doc else []:
        product = {
            "id": r.int("id"),
            "maker_id": r.int("maker_id"),
            "slug": r.str("slug", column=Product.slug),
            "name": r.str("name", column=Product.name),
        }
        if product["maker_id"] not in maker_ids:
            raise error(f"{r.where}.maker_id: no maker has id {product['maker_id']}.")
        if not SLUG.match(product["slug"]) or not product["name"].strip():
            raise error(f"{r.where}: a slug like gpt-4-1 and a name are needed.")
        names, descriptions = texts(r, "names", r.where), texts(r, "descriptions", r.where)
        out[Product.__table__].append(product)
        out[ProductTranslation.__table__] += [
            {
                "product_id": product["id"],
                "lang": lang,
                "name": names.get(lang, "")[:120],
                "description": descriptions.get(lang, ""),
            }
            for lang in sorted(set(names) | set(descriptions))
        ]
        transient[product["id"]] = Product(name=product["name"])
    for r in records(doc, "changes") if "changes" in doc else []:
        change = _change(r, error)
        if change["update_id"] not in update_ids:
            raise error(f"{r.where}.update_id: no update has id {change['update_id']}.")
        product_ids = r.ids("product_ids")
        if unknown := [i for i in product_ids if i not in transient]:
            raise error(f"{r.where}.product_ids: no product has id {unknown[0]}.")
        checked = Change(
            **{k: v for k, v in change.items() if k not in ("id", "update_id")},
            products=[transient[i] for i in product_ids],
        )
        if found := problems(checked):
            raise error(f"{r.where}: {found[0]}")
        out[Change.__table__].append(change)
        out[ChangeTranslation.__table__] += [
            {"change_id": change["id"], "lang": lang, "description": text}
            for lang, text in texts(r, "descriptions", r.where).items()
        ]
        out[change_products] += [{"change_id": change["id"], "product_id": i} for i in product_ids]
    for product in transient.values():  # nothing of the check is kept
        product.changes = []
    return out


def _change(r, error) -> dict:
    def parsed(key: str, parse, nullable: bool = False):
        value = r.str(key, nullable=nullable)
        try:
            return None if value is None else parse(value)
        except (ValueError, InvalidOperation) as cause:
            raise error(f"{r.where}.{key}: {value!r} cannot be read.") from cause

    return {
        "id": r.int("id"),
        "update_id": r.int("update_id"),
        "kind": r.str("kind", column=Change.kind),
        "effective_date": parsed("effective_date", date.fromisoformat),
        "effective_time": parsed("effective_time", time.fromisoformat, nullable=True),
        "time_zone": r.str("time_zone", nullable=True, column=Change.time_zone),
        "old_price": parsed("old_price", _decimal, nullable=True),
        "new_price": parsed("new_price", _decimal, nullable=True),
        "price_unit": r.str("price_unit", nullable=True, column=Change.price_unit),
        "currency": r.str("currency", nullable=True, column=Change.currency),
        "created_at": r.time("created_at"),
        "updated_at": r.time("updated_at"),
    }


def _decimal(text: str) -> Decimal:
    """A price as the column holds it: finite, below 10^8."""
    value = Decimal(text)
    if not value.is_finite() or abs(value) >= MAX_PRICE:
        raise ValueError(text)
    return value
