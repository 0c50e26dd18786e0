"""Reading published content: filters from the query string, listings, related items.

The site's one read layer of what a reader may see (`published()`, `is_public()`): the
reader's pages (portal/public/), the feeds, the sitemap, the feedback form's check of its
page and the editors' maker order all read through it, so they agree. The listing, maker
and tag pages and the feeds all go through `find_updates`: one
`Filters` holds what a reader chose (facets, dates, importance, sort, page, and a
full-text query searched by portal.search in the filters' language).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from portal import search, vocab
from portal.extensions import db
from portal.models import Maker, Tag, TagTranslation, Update, UpdateTranslation, update_tags
from portal.models.content import utcnow

# Makers A to Z whatever the database's collation (SQLite compares bytes, PostgreSQL
# follows its locale): lowercase first, then the id for names that differ only in case.
MAKER_ORDER = (func.lower(Maker.name), Maker.id)
MAX_VALUES = 50  # more repeated values than this is not a real reader
MAX_QUERY = 2000  # characters of a search query that are read
# Dates a reader may filter on: wide enough for any real update, narrow enough that a day
# more or less never leaves the range of dates that Python and both databases handle.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


@dataclass
class Filters:
    makers: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    notes: list[str] = field(default_factory=list)
    fixed: str | None = None  # the facet a maker or tag page pins
    q: str = ""  # full-text query, searched in `lang`
    importance: int | None = None  # at least this important (1–5)
    sort: str = "newest"  # or "important"; a search ranks by relevance unless told otherwise
    lang: str = "en"

    def chosen(self, facet: str) -> list[str]:
        return getattr(self, _FACET_FIELD[facet])

    @property
    def active(self) -> bool:
        return bool(
            self.makers
            or self.types
            or self.audiences
            or self.levels
            or self.tags
            or self.date_from
            or self.date_to
        )

    def query_string(self) -> str:
        """The canonical query string of these filters, the one spelling of one result set
        (one bookmark, one cache entry): empty and default values dropped, the facet the page
        pins left to its path, the names in one order and repeated values sorted."""
        pairs = [
            (name, value)
            for name in FACETS
            if name != self.fixed
            for value in sorted(self.chosen(name))
        ]
        default = Filters()
        for name, attr in _SCALARS.items():
            value = getattr(self, attr)
            if value and value != getattr(default, attr):
                pairs.append((name, str(value)))  # a date's str() is its ISO form
        return urlencode(pairs)


def _choose(args: MultiDict, name: str, allowed, notes: list[str]) -> list[str]:
    chosen: list[str] = []
    for value in args.getlist(name)[:MAX_VALUES]:
        value = value.strip()
        if not value:
            continue
        if value in allowed:
            if value not in chosen:
                chosen.append(value)
        else:
            notes.append(_l("Ignored an unknown value for “%(name)s”.", name=name))
    return chosen


def _day(args: MultiDict, name: str, notes: list[str]) -> date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        notes.append(_l("Ignored “%(name)s”: not a date like 2025-07-11.", name=name))
        return None
    if not FIRST_DAY <= day <= LAST_DAY:
        notes.append(
            _l(
                "Ignored “%(name)s”: not a date between %(first)s and %(last)s.",
                name=name,
                first=FIRST_DAY.isoformat(),
                last=LAST_DAY.isoformat(),
            )
        )
        return None
    return day


def parse_filters(args: MultiDict, lang: str = "en") -> Filters:
    """Read filters from a query string; unknown or malformed values are dropped with a note."""
    notes: list[str] = []
    filters = Filters(
        makers=_choose(args, "maker", _public_slugs(Maker, args.getlist("maker")), notes),
        types=_choose(args, "type", vocab.TYPES, notes),
        audiences=_choose(args, "audience", vocab.AUDIENCES, notes),
        levels=_choose(args, "level", vocab.LEVELS, notes),
        tags=_choose(args, "tag", _public_slugs(Tag, args.getlist("tag")), notes),
        date_from=_day(args, "from", notes),
        date_to=_day(args, "to", notes),
        notes=notes,
        q=" ".join(args.get("q", "").split())[:MAX_QUERY],
        lang=lang,
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.date_from, filters.date_to = filters.date_to, filters.date_from
        notes.append(_l("Swapped “from” and “to”: “from” was the later date."))
    if (raw := args.get("importance", "").strip()) in vocab.IMPORTANCE:
        filters.importance = int(raw)
    elif raw:
        notes.append(_l("Ignored an unknown value for “%(name)s”.", name="importance"))
    if (raw := args.get("sort", "").strip()) in vocab.SORTS:
        filters.sort = raw
    elif raw:
        notes.append(_l("Ignored an unknown value for “%(name)s”.", name="sort"))
    raw_page = args.get("page", "1").strip()
    if raw_page.isdigit() and 0 < int(raw_page) < 100_000:
        filters.page = int(raw_page)
    else:
        notes.append(_l("Ignored “page”: not a page number."))
    # Deduplicate notes while keeping their order.
    filters.notes = list(dict.fromkeys(str(n) for n in notes))
    return filters


def published() -> Select:
    """Updates a reader may see: published, and not scheduled for later."""
    return select(Update).where(Update.status == "published", Update.published_at <= utcnow())


def is_public(model: type[Maker] | type[Tag]):
    """The condition that a maker or tag has a published update: only then is it public
    (its page, feed, place in lists and filters); one that has only drafts stays unknown."""
    if model is Maker:  # one index seek per maker (maker_id, status, published_at)
        return published().where(Update.maker_id == Maker.id).exists()
    tagged = published().with_only_columns(update_tags.c.tag_id).select_from(Update)
    return Tag.id.in_(tagged.join(update_tags, update_tags.c.update_id == Update.id))


def public_with_slug(model: type[Maker] | type[Tag], slug: str) -> Select:
    """The public maker or tag with this slug (for `db.one_or_404`)."""
    return select(model).where(model.slug == slug, is_public(model))


def _public_slugs(model: type[Maker] | type[Tag], values: list[str]) -> set[str]:
    """Of the slugs a reader asked for, those of public makers or tags."""
    wanted = {value.strip() for value in values[:MAX_VALUES]} - {""}
    if not wanted:
        return set()
    return set(
        db.session.scalars(select(model.slug).where(model.slug.in_(wanted), is_public(model)))
    )


def _apply(query: Select, f: Filters) -> Select:
    if f.makers:
        query = query.where(Update.maker_id.in_(select(Maker.id).where(Maker.slug.in_(f.makers))))
    if f.types:
        query = query.where(Update.type.in_(f.types))
    if f.audiences:
        query = query.where(Update.audience.in_(f.audiences))
    if f.levels:
        query = query.where(Update.level.in_(f.levels))
    if f.tags:
        tagged = (
            select(update_tags.c.update_id)
            .join(Tag, Tag.id == update_tags.c.tag_id)
            .where(Tag.slug.in_(f.tags))
        )
        query = query.where(Update.id.in_(tagged))
    if f.q:
        found = search.matching(f.lang, f.q, ranked=False)
        if found is None:  # nothing searchable in the query: no results, not all of them
            return query.where(false())
        query = query.where(Update.id.in_(select(found.subquery().c.update_id)))
    if f.importance:
        query = query.where(Update.importance >= f.importance)
    if f.date_from:
        query = query.where(Update.published_at >= datetime.combine(f.date_from, time.min))
    if f.date_to:
        end = datetime.combine(f.date_to + timedelta(days=1), time.min)
        query = query.where(Update.published_at < end)
    return query


@dataclass
class Page:
    items: list[Update]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def find_updates(f: Filters, per_page: int = 20, by_date: bool = False) -> Page:
    """One page of published updates matching the filters, newest (or most relevant) first.

    `by_date` keeps the newest first even for a search or `sort=important` (feeds).
    """
    query = _apply(published(), replace(f, q=""))
    order = [Update.published_at.desc(), Update.id.desc()]
    if f.q:
        found = search.matching(f.lang, f.q)
        if found is None:  # nothing searchable in the query: no results, not all of them
            return Page(items=[], total=0, page=f.page, per_page=per_page)
        ranked = found.subquery()  # one full-text match that both filters and ranks
        query = query.join(ranked, ranked.c.update_id == Update.id)
        if f.sort != "important" and not by_date:
            order = [ranked.c.rank, *order]
    if f.sort == "important" and not by_date:
        order = [Update.importance.desc(), *order]
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if f.q:  # the snippets quote the body: load it with the page, not once per teaser
        query = query.options(selectinload(Update.translations).undefer(UpdateTranslation.body))
    items = db.session.scalars(
        query.order_by(*order).limit(per_page).offset((f.page - 1) * per_page)
    ).all()
    return Page(items=list(items), total=total, page=f.page, per_page=per_page)


def top_updates(limit: int = 6, recent: int = 30) -> list[Update]:
    """The most important of the most recent updates, most important first."""
    newest_first = (Update.published_at.desc(), Update.id.desc())
    latest = published().order_by(*newest_first).limit(recent).subquery()
    return list(
        db.session.scalars(
            select(Update)
            .join(latest, latest.c.id == Update.id)
            .order_by(Update.importance.desc(), Update.published_at.desc(), Update.id.desc())
            .limit(limit)
        )
    )


def newest_per_maker() -> list[Update]:
    """Each maker's newest published update, newest first."""
    # One index seek per maker (maker_id, status, published_at), not a scan of all updates.
    newest_id = (
        published()
        .with_only_columns(Update.id)
        .where(Update.maker_id == Maker.id)
        .order_by(Update.published_at.desc(), Update.id.desc())
        .limit(1)
        .correlate(Maker)
        .scalar_subquery()
    )
    ids = [i for i in db.session.scalars(select(newest_id).select_from(Maker)) if i is not None]
    if not ids:
        return []
    return list(
        db.session.scalars(
            select(Update)
            .where(Update.id.in_(ids))
            .order_by(Update.published_at.desc(), Update.id.desc())
        )
    )


def more_from_maker(update: Update, limit: int = 5) -> list[Update]:
    query = published().where(Update.maker_id == update.maker_id, Update.id != update.id)
    newest = query.order_by(Update.published_at.desc(), Update.id.desc())
    return list(db.session.scalars(newest.limit(limit)))


def from_other_makers(update: Update, limit: int = 4) -> list[Update]:
    """Recent updates of other makers, one per maker."""
    return [u for u in newest_per_maker() if u.maker_id != update.maker_id][:limit]


def makers_with_counts() -> list[tuple[Maker, int]]:
    counts = (
        published()
        .with_only_columns(Update.maker_id, func.count().label("n"))
        .group_by(Update.maker_id)
        .subquery()
    )
    # An inner join: a maker with nothing published is not public.
    rows = db.session.execute(
        select(Maker, counts.c.n).join(counts, counts.c.maker_id == Maker.id).order_by(*MAKER_ORDER)
    ).all()
    return [(maker, n) for maker, n in rows]


def update_by_slug(lang: str, slug: str) -> tuple[Update, UpdateTranslation] | None:
    """The published update whose text in `lang` has this slug."""
    found = db.session.execute(
        published()
        .add_columns(UpdateTranslation)
        .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
        .where(UpdateTranslation.lang == lang, UpdateTranslation.slug == slug)
    ).first()
    return (found[0], found[1]) if found else None


def update_with_any_slug(slug: str) -> Select:
    """A published update with this slug in any language (for untranslated pages; for
    `db.first_or_404`)."""
    return (
        published()
        .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
        .where(UpdateTranslation.slug == slug)
        .limit(1)
    )


def facet_options(lang: str, fixed: str | None = None) -> dict[str, tuple[str, list]]:
    """Facet → (legend, [(value, label)]) for a filter form, without the page's fixed facet."""
    public_makers = select(Maker.slug, Maker.name).where(is_public(Maker)).order_by(*MAKER_ORDER)
    makers = [tuple(row) for row in db.session.execute(public_makers)]
    # Plain rows, not ORM objects: hundreds of tags are read for every listing.
    labels = (
        select(Tag.slug, func.coalesce(TagTranslation.label, Tag.slug))
        .outerjoin(
            TagTranslation, (TagTranslation.tag_id == Tag.id) & (TagTranslation.lang == lang)
        )
        .where(is_public(Tag))
    )
    tags = sorted(
        (tuple(row) for row in db.session.execute(labels)), key=lambda pair: pair[1].casefold()
    )
    options = {
        "maker": (_l("AI maker"), makers),
        "type": (_l("Type"), list(vocab.TYPES.items())),
        "audience": (_l("Audience"), list(vocab.AUDIENCES.items())),
        "level": (_l("Level"), list(vocab.LEVELS.items())),
        "tag": (_l("Tags"), tags),
    }
    options.pop(fixed, None)
    return options


# Each facet: the Filters field it narrows, and the column (plus joins) it counts by.
FACETS = ("maker", "type", "audience", "level", "tag")
_FACET_FIELD = {
    "maker": "makers",
    "type": "types",
    "audience": "audiences",
    "level": "levels",
    "tag": "tags",
}
# The single-valued parameters, in their canonical order after the facets.
_SCALARS = {
    "q": "q",
    "importance": "importance",
    "sort": "sort",
    "from": "date_from",
    "to": "date_to",
    "page": "page",
}


def facet_counts(f: Filters) -> dict[str, dict[str, int]]:
    """For every filter option, how many updates it gives with the *other* filters applied."""
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        others = replace(f, **{_FACET_FIELD[facet]: []})
        matching = _apply(published(), others).with_only_columns(Update.id).subquery()
        if facet == "maker":
            query = (
                select(Maker.slug, func.count())
                .join(Update, Update.maker_id == Maker.id)
                .where(Update.id.in_(select(matching.c.id)))
                .group_by(Maker.slug)
            )
        elif facet == "tag":
            query = (
                select(Tag.slug, func.count())
                .join(update_tags, update_tags.c.tag_id == Tag.id)
                .where(update_tags.c.update_id.in_(select(matching.c.id)))
                .group_by(Tag.slug)
            )
        else:
            column = getattr(Update, facet)
            query = (
                select(column, func.count())
                .where(Update.id.in_(select(matching.c.id)))
                .group_by(column)
            )
        counts[facet] = {value: n for value, n in db.session.execute(query)}
    return counts


@dataclass
class Month:
    start: date
    end: date
    count: int


def _month_key(column):
    if db.engine.dialect.name == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def activity(f: Filters, months: int = 12) -> list[Month]:
    """Updates per month for the filters (dates aside), over the 12 months up to the newest one."""
    undated = replace(f, date_from=None, date_to=None)
    matching = _apply(published(), undated)
    newest = db.session.scalar(
        matching.with_only_columns(func.max(Update.published_at)).order_by(None)
    )
    last = (newest or utcnow()).date().replace(day=1)
    starts = [_add_months(last, -back) for back in range(months - 1, -1, -1)]
    since = datetime.combine(starts[0], time.min)
    key = _month_key(Update.published_at)
    counts = dict(
        db.session.execute(
            matching.where(Update.published_at >= since)
            .with_only_columns(key, func.count())
            .group_by(key)
            .order_by(None)
        ).all()
    )
    return [
        Month(
            start, _add_months(start, 1) - timedelta(days=1), counts.get(start.strftime("%Y-%m"), 0)
        )
        for start in starts
    ]


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)
