"""An update's changes in the editors' update form: rows in, checked, saved with the update
(all or nothing: `writing.save` rolls everything back when a row is refused)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from slugify import slugify
from sqlalchemy import func, select
from wtforms import SelectChoice

from portal.calendar.forms import problems
from portal.extensions import db
from portal.i18n import languages
from portal.models import Change, Maker, Product, Update

BLANK_ROWS = 2  # empty change rows the form offers (each save offers two more)
REFUSED = _l("A change could not be saved; see the changes below.")
UNKNOWN = _l("This change no longer exists; reload the form.")
OTHER_MAKER = _l("A product with this name belongs to another maker.")


def rows_data(update: Update) -> list[dict]:
    """The form's rows for an update's changes, then the blank ones."""
    rows = [
        {
            "id": str(c.id),
            "kind": c.kind,
            "products": [p.id for p in c.products],
            "effective_date": c.effective_date,
            "effective_time": c.effective_time,
            "time_zone": c.time_zone or "",
            "old_price": c.old_price,
            "new_price": c.new_price,
            "price_unit": c.price_unit or "",
            "currency": c.currency or "",
            **{f"description_{t.lang}": t.description for t in c.translations},
        }
        for c in update.changes
    ]
    return rows + [{} for _ in range(BLANK_ROWS)]


def product_choices() -> list[SelectChoice]:
    """Every product as "Maker: name", by maker then name."""
    rows = db.session.execute(
        select(Product.id, Maker.name, Product.name)
        .join(Maker, Maker.id == Product.maker_id)
        .order_by(func.lower(Maker.name), func.lower(Product.name))
    )
    return [SelectChoice(pid, f"{maker}: {name}") for pid, maker, name in rows]


def set_choices(form) -> None:
    options = product_choices()
    for entry in form.changes:
        entry.form.products.choices = options


def _new_product(row, update: Update, made: dict[str, Product]) -> Product | None:
    """The product named in the row's "new product" field, made for the update's maker (or
    that maker's product of the same slug); None, with an error, when another maker's."""
    name = row.new_product.data.strip()
    slug = slugify(name, max_length=80, word_boundary=True) or "product"
    found = made.get(slug) or db.session.scalar(select(Product).where(Product.slug == slug))
    if found is None:  # made once, however many rows name it
        found = made[slug] = Product(slug=slug, name=name, maker_id=update.maker_id)
    if found.maker_id != update.maker_id:
        row.new_product.errors = [*row.new_product.errors, OTHER_MAKER]
        return None
    return found


def apply(form, update: Update) -> bool:
    """Write the form's change rows onto `update`; False (with errors on the rows and the
    form) when any is refused: the caller then saves nothing."""
    existing = {str(c.id): c for c in update.changes}
    made: dict[str, Product] = {}
    ok = True
    for entry in form.changes:
        row = entry.form
        if row.blank:
            continue
        change = existing.get(row.id.data) if row.id.data else None
        if row.id.data and change is None:
            row.kind.errors = [*row.kind.errors, UNKNOWN]
            ok = False
            continue
        if row.remove.data:
            if change is not None:
                change.products = []
                update.changes.remove(change)
            continue
        if change is None:
            change = Change()
            update.changes.append(change)
        products = list(
            db.session.scalars(select(Product).where(Product.id.in_(row.products.data or [])))
        )
        if row.new_product.data and row.new_product.data.strip():
            new = _new_product(row, update, made)
            ok = ok and new is not None
            products += [new] if new is not None and new not in products else []
        timed = row.effective_time.data
        change.kind = row.kind.data or ""
        change.effective_date = row.effective_date.data
        change.effective_time = timed
        change.time_zone = (row.time_zone.data or "").strip() or None if timed else None
        change.old_price, change.new_price = row.old_price.data, row.new_price.data
        change.price_unit = row.price_unit.data or None
        change.currency = row.currency.data or None
        change.products = products
        for lang in languages():
            change.translation_or_new(lang).description = (
                row[f"description_{lang}"].data or ""
            ).strip()
        if found := problems(change):
            row.kind.errors = [*row.kind.errors, *found]
            ok = False
    if not ok:
        form.form_errors.append(REFUSED)
    return ok
