"""Reading the public changes and products: those of published updates only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select
from werkzeug.datastructures import MultiDict

from portal import facets, queries, vocab
from portal.extensions import db
from portal.models import Change, Maker, Product, ProductTranslation, Update, change_products
from portal.models.content import utcnow

MONTHS_AHEAD = 12  # the calendar's default span, from today
RECENT = 12  # changes shown instead when nothing is upcoming
SOON_DAYS = 7  # the next days that stand out


def public_changes() -> Select:
    """Changes recorded on updates a reader may see."""
    return select(Change).where(_on_a_visible_update())


def _on_a_visible_update():
    """A change's update is visible: one primary-key seek per change, where `IN (the visible
    updates)` would first list every published update (100,000 rows before an empty table)."""
    return (
        queries.published()
        .with_only_columns(Update.id)
        .where(Update.id == Change.update_id)
        .exists()
    )


def public_products() -> Select:
    """Products concerned by a public change: only those have a page."""
    ids = select(change_products.c.product_id).where(
        change_products.c.change_id.in_(public_changes().with_only_columns(Change.id))
    )
    return select(Product).where(Product.id.in_(ids))


@dataclass
class CalendarFilters:
    makers: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    def span(self, today: date) -> tuple[date, date]:
        """The days shown: from today for 12 months unless the reader chose."""
        start = self.date_from or (today if not self.date_to else self.date_to - timedelta(366))
        end = self.date_to or queries._add_months(start, MONTHS_AHEAD + 1) - timedelta(days=1)
        return start, end

    def query_string(self) -> str:
        """The canonical query string (one address per selection)."""
        pairs = [
            (name, value)
            for name, values in (
                ("maker", self.makers),
                ("product", self.products),
                ("kind", self.kinds),
            )
            for value in sorted(values)
        ]
        pairs += [
            (n, d.isoformat()) for n, d in (("from", self.date_from), ("to", self.date_to)) if d
        ]
        return urlencode(pairs)


def parse_filters(args: MultiDict) -> CalendarFilters:
    """The calendar's filters from a query string; unknown values are dropped with a note."""
    notes: list[str] = []
    products = {p.slug: p for p in db.session.scalars(public_products())}
    filters = CalendarFilters(
        makers=queries._choose(args, "maker", {p.maker.slug for p in products.values()}, notes),
        products=queries._choose(args, "product", products, notes),
        kinds=queries._choose(args, "kind", vocab.CHANGE_KINDS, notes),
        date_from=queries._day(args, "from", notes),
        date_to=queries._day(args, "to", notes),
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.date_from, filters.date_to = filters.date_to, filters.date_from
        notes.append(_l("Swapped “from” and “to”: “from” was the later date."))
    filters.notes = list(dict.fromkeys(str(n) for n in notes))
    return filters


def _filtered(f: CalendarFilters) -> Select:
    query = public_changes()
    if f.kinds:
        query = query.where(Change.kind.in_(f.kinds))
    if f.makers or f.products:
        concerned = select(change_products.c.change_id).join(
            Product, Product.id == change_products.c.product_id
        )
        if f.makers:
            concerned = concerned.join(Maker, Maker.id == Product.maker_id).where(
                Maker.slug.in_(f.makers)
            )
        if f.products:
            concerned = concerned.where(Product.slug.in_(f.products))
        query = query.where(Change.id.in_(concerned))
    return query


def calendar(f: CalendarFilters, today: date) -> tuple[list[Change], bool]:
    """The changes in the filters' span, soonest first; when the reader chose no dates and
    none is upcoming, the most recent ones instead (newest first), and False."""
    start, end = f.span(today)
    order = (Change.effective_date, Change.effective_time, Change.id)
    found = list(
        db.session.scalars(
            _filtered(f).where(Change.effective_date.between(start, end)).order_by(*order)
        )
    )
    if found or f.dated:
        return found, True
    recent = _filtered(f).where(Change.effective_date < today)
    newest = (Change.effective_date.desc(), Change.id.desc())
    return list(db.session.scalars(recent.order_by(*newest).limit(RECENT))), False


def changes_between(first: date, last: date, makers: list[str] | None = None) -> list[Change]:
    """The public changes taking effect from `first` to `last` (days; a briefing's week),
    of the `makers`' products when given, soonest first."""
    query = _filtered(CalendarFilters(makers=makers or []))
    query = query.where(Change.effective_date.between(first, last))
    order = (Change.effective_date, Change.effective_time, Change.id)
    return list(db.session.scalars(query.order_by(*order)))


def all_changes(f: CalendarFilters) -> list[Change]:
    """Every public change of the filters (the .ics feed), whatever its date."""
    if f.dated:
        start, end = f.span(utcnow().date())
        return list(
            db.session.scalars(_filtered(f).where(Change.effective_date.between(start, end)))
        )
    return list(db.session.scalars(_filtered(f).order_by(Change.effective_date, Change.id)))


def options() -> dict[str, list[tuple[str, str]]]:
    """The filter form's choices: makers and products with a public change, and the kinds."""
    products = sorted(
        db.session.scalars(public_products()),
        key=lambda p: (p.maker.name.lower(), p.label().lower()),
    )
    makers = sorted(
        {p.maker.slug: p.maker.name for p in products}.items(), key=lambda m: m[1].lower()
    )
    return {
        "maker": makers,
        "product": [(p.slug, p.label()) for p in products],
        "kind": list(vocab.CHANGE_KINDS.items()),
    }


def products_by_maker() -> list[tuple[Maker, list[Product]]]:
    """Every public product, by maker A to Z."""
    groups: dict[int, tuple[Maker, list[Product]]] = {}
    for product in db.session.scalars(public_products()):
        groups.setdefault(product.maker_id, (product.maker, []))[1].append(product)
    ordered = sorted(groups.values(), key=lambda g: g[0].name.lower())
    return [(maker, sorted(items, key=lambda p: p.label().lower())) for maker, items in ordered]


def product_changes(product: Product) -> list[Change]:
    """A product's public changes, oldest first (its timeline)."""
    query = public_changes().where(Change.products.contains(product))
    return list(db.session.scalars(query.order_by(Change.effective_date, Change.id)))


def price_series(changes: list[Change]) -> list[tuple[tuple[str, str], list[Change]]]:
    """The price changes grouped by (unit, currency): one step chart each."""
    groups: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        if change.kind == "price" and change.new_price and change.currency:
            groups.setdefault((change.price_unit or "", change.currency), []).append(change)
    return list(groups.items())


def product_updates(changes: list[Change]) -> list[Update]:
    """The updates that record these changes, newest first, once each."""
    seen = {c.update.id: c.update for c in changes}
    return sorted(seen.values(), key=lambda u: (u.published_at, u.id), reverse=True)


def last_change() -> object:
    """When a public change was last edited (for .ics Last-Modified)."""
    return db.session.scalar(public_changes().with_only_columns(func.max(Change.updated_at)))


def sitemap_pages(everywhere, stamp) -> list:
    """The calendar, the products' list and every public product page, each in every
    language (`everywhere`: portal.seo.sitemap's URLs with alternates); none while no
    published update records a change."""
    if (last := last_change()) is None:
        return []
    found = everywhere("calendar.calendar", stamp(last)) + everywhere(
        "calendar.products", stamp(last)
    )
    newest = (
        select(Product.slug, func.max(Change.updated_at))
        .join(change_products, change_products.c.product_id == Product.id)
        .join(Change, Change.id == change_products.c.change_id)
        .where(_on_a_visible_update())
        .group_by(Product.slug)
        .order_by(Product.slug)
    )
    for slug, moment in db.session.execute(newest):
        found += everywhere("calendar.product", stamp(moment), slug=slug)
    return found


def product_count() -> int:
    return db.session.scalar(select(func.count(Product.id))) or 0


WORDS = re.compile(r"\w+")


def _words(value: str) -> str:
    return " ".join(WORDS.findall(value.casefold()))


def matching_products(q: str, limit: int = 5) -> list[Product]:
    """Public products whose name (in any language) the query names or starts, for a search:
    "o3 price" finds o3, "gemini" every Gemini. Only the products found are read."""
    asked = _words(q[:200])
    if not asked:
        return []
    index, named = _product_names()
    visible, spaced = index.visible(utcnow()), f" {asked} "
    found = [
        product_id
        for product_id, names, updates in named
        if any(name and (f" {name} " in spaced or name.startswith(asked)) for name in names)
        and any((p := index.position.get(u)) is not None and visible >> p & 1 for u in updates)
    ]
    if not found:
        return []
    products = db.session.scalars(select(Product).where(Product.id.in_(found)))
    return sorted(products, key=lambda p: p.label().lower())[:limit]


def _product_names() -> tuple[facets.Index, list[tuple[int, set[str], list[int]]]]:
    """The content index (portal.facets) and, kept with it, each product's names as words
    (its own and its translations') with the updates whose changes name it: read once per
    content version, which any edit of a product, change or update raises; whether one of
    those updates is visible yet is asked per request, so scheduling needs no edit."""
    index = facets.current(queries._version())
    if (kept := index.memo.get(("products", "names"))) is None:
        names = {
            product_id: {_words(name)}
            for product_id, name in db.session.execute(select(Product.id, Product.name))
        }
        translated = select(ProductTranslation.product_id, ProductTranslation.name)
        for product_id, name in db.session.execute(translated):
            if name:
                names[product_id].add(_words(name))
        updates: dict[int, list[int]] = {}
        links = select(change_products.c.product_id, Change.update_id).join(
            Change, Change.id == change_products.c.change_id
        )
        for product_id, update_id in db.session.execute(links):
            updates.setdefault(product_id, []).append(update_id)
        kept = [(p, words, updates[p]) for p, words in names.items() if p in updates]
        index.memo[("products", "names")] = kept
    return index, kept
