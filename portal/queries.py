"""Reading published content: filters from the query string, listings, related items.

The site's one read layer of what a reader may see (`published()`, `is_public()`): the
reader's pages (portal/public/), the feeds, the sitemap, the feedback form's check of its
page and the editors' maker order all read through it, so they agree. The listing, maker
and tag pages and the feeds all go through `find_updates`: one
`Filters` holds what a reader chose (facets, dates, importance, sort, page, and a
full-text query searched by portal.search in the filters' language).
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import islice
from urllib.parse import urlencode

from flask import g, has_request_context, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import Row, Select, bindparam, false, func, select, true
from sqlalchemy.orm import defaultload, selectinload, undefer
from werkzeug.datastructures import MultiDict

from portal import facets, vocab
from portal.extensions import db
from portal.http.pagecache import ENVIRON_FLAG
from portal.i18n import vocab_labels
from portal.models import Maker, Tag, TagTranslation, Update, UpdateTranslation, update_tags
from portal.models.content import utcnow
from portal.search import kept as kept_search

# Makers A to Z whatever the database's collation (SQLite compares bytes, PostgreSQL
# follows its locale): lowercase first, then the id for names that differ only in case.
MAKER_ORDER = (func.lower(Maker.name), Maker.id)
TAG_LIMIT = 12  # tags offered on a listing's form; the rest are on the page of all tags
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
        for name, attr in _SCALARS.items():
            value = getattr(self, attr)
            if value and value != _SCALAR_DEFAULTS[attr]:
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
    """The public maker or tag with this slug (for `db.one_or_404`). Whether it is public
    comes from the content index: `is_public` for a tag lists every published update's tags
    (337,000 rows at 100,000 updates) before it finds one."""
    index = facets.current(_version())
    facet = "maker" if model is Maker else "tag"
    public = index.facets[facet].get(slug, 0) & index.visible(utcnow())
    return select(model).where(model.slug == slug, true() if public else false())


def _public_slugs(model: type[Maker] | type[Tag], values: list[str]) -> set[str]:
    """Of the slugs a reader asked for, those of public makers or tags."""
    wanted = {value.strip() for value in values[:MAX_VALUES]} - {""}
    if not wanted:
        return set()
    makers, tags, _ = _public(facets.current(_version()), utcnow())
    return wanted & (makers if model is Maker else tags)


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


def _version() -> int | None:
    """The content version this request read before any content (portal.http.pagecache)."""
    state = request.environ.get(ENVIRON_FLAG) if has_request_context() else None
    return state.version if state else None


@dataclass
class Selection:
    """What the filters select, as bitsets of the content index (portal.facets): the
    conditions every count shares, the dates, and each chosen facet's values."""

    index: facets.Index
    common: int
    dates: int
    chosen: dict[str, int]
    ranks: dict[int, float]  # position → search rank (lower is better), when searching
    order: list[int]  # the positions of `ranks`, best first (rank, then newest)

    def matching(self, without: str | None = None, dated: bool = True) -> int:
        bits = self.common & self.dates if dated else self.common
        for facet, ones in self.chosen.items():
            if facet != without:
                bits &= ones
        return bits


def select_updates(f: Filters) -> Selection:
    """The filters as bitsets; one full-text match when searching (kept for the request)."""
    key = repr(replace(f, page=1, notes=[]))
    kept = g.get("selections", {})
    index = facets.current(_version())
    if (found := kept.get(key)) is not None and found.index is index:
        return found
    now = utcnow()
    common = index.visible(now)
    if f.importance:
        common &= index.at_least(f.importance)
    ranks: dict[int, float] = {}
    order: list[int] = []
    if f.q:
        ranks, found, order = _search(index, f.lang, f.q)
        common &= found
    start = datetime.combine(f.date_from, time.min) if f.date_from else None
    end = datetime.combine(f.date_to + timedelta(days=1), time.min) if f.date_to else None
    chosen = {facet: index.any_of(facet, f.chosen(facet)) for facet in FACETS if f.chosen(facet)}
    found = Selection(index, common, index.between(start, end), chosen, ranks, order)
    g.selections = {**kept, key: found}
    return found


SEARCHES_KEPT = 8  # full-text results kept per content version


def _search(index: facets.Index, lang: str, q: str) -> tuple[dict[int, float], int, list[int]]:
    """Position → rank, the bitset of the updates whose `lang` text matches `q`, and their
    positions best first. The last few are kept with the index, since a reader changes
    filters more often than words; the matches behind them outlive edits (portal.search.
    kept: after an edit only the changed texts are matched again)."""
    key = ("search", lang, q)
    if (kept := index.memo.get(key)) is None:
        by_update = kept_search.matches(index, lang, q)
        ranks = {index.position[u]: r for u, r in by_update.items() if u in index.position}
        best_first = sorted(sorted(ranks), key=ranks.__getitem__)  # stable: ties newest first
        kept = (ranks, facets.bitset(ranks), best_first)
        searches = [k for k in index.memo if k[0] == "search"]
        for old in searches[: max(0, len(searches) - SEARCHES_KEPT + 1)]:
            index.memo.pop(old, None)
        index.memo[key] = kept
    return kept


def find_updates(f: Filters, per_page: int = 20, by_date: bool = False, load: bool = True) -> Page:
    """One page of published updates matching the filters, newest (or most relevant) first.

    `by_date` keeps the newest first even for a search or `sort=important` (feeds); without
    `load`, the page's items are the updates' ids.
    """
    selection = select_updates(f)
    index, bits = selection.index, selection.matching()
    skip = (f.page - 1) * per_page
    if f.q and f.sort != "important" and not by_date:
        ranks = selection.ranks
        if bits.bit_count() * 8 < len(ranks):  # few of the matches pass the filters
            ranked = ((ranks[p], p) for p in facets.positions(bits))
            positions = [p for _, p in heapq.nsmallest(skip + per_page, ranked)[skip:]]
        else:  # many do: the first of them in rank order
            found = bits.to_bytes((index.size + 7) // 8, "little")
            passing = (p for p in selection.order if found[p >> 3] >> (p & 7) & 1)
            positions = list(islice(passing, skip, skip + per_page))
    elif f.sort == "important" and not by_date:
        positions = []
        for weight in sorted(index.importance, reverse=True):
            group = bits & index.importance[weight]
            positions += facets.first_positions(group, skip, per_page - len(positions))
            skip = max(0, skip - group.bit_count())
    else:
        positions = facets.first_positions(bits, skip, per_page)
    ids = [index.ids[p] for p in positions]
    if not load:
        return Page(items=ids, total=bits.bit_count(), page=f.page, per_page=per_page)
    query = select(Update).where(Update.id.in_(ids))
    if f.q:  # the snippets quote the body: load it with the page, not once per teaser
        query = query.options(selectinload(Update.translations).undefer(UpdateTranslation.body))
    loaded = {u.id: u for u in db.session.scalars(query)} if ids else {}
    items = [loaded[i] for i in ids if i in loaded]
    return Page(items=items, total=bits.bit_count(), page=f.page, per_page=per_page)


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


def related(
    update_id: int, maker: str, published_at: datetime, more: int = 5, others: int = 4
) -> tuple[list[int], list[int]]:
    """The ids of the `more` newest other updates of the update's maker (its slug), and of
    the newest update of each of `others` other makers (newest first), from the content
    index."""
    index = facets.current(_version())
    visible = index.visible(utcnow())
    own = index.facets["maker"].get(maker, 0) & visible
    if (position := index.find(update_id, published_at)) is not None:
        own &= ~(1 << position)
    newest = sorted(
        (bits & -bits).bit_length() - 1
        for slug, ones in index.facets["maker"].items()
        if slug != maker and (bits := ones & visible)
    )
    lists = facets.first_positions(own, 0, more), newest[:others]
    return [index.ids[p] for p in lists[0]], [index.ids[p] for p in lists[1]]


def makers_with_counts() -> list[tuple[Maker, int]]:
    """Every public maker with its number of visible updates, counted in the content index
    (a GROUP BY walked every published update: 300 ms at 100,000)."""
    index = facets.current(_version())
    visible = index.visible(utcnow())
    makers = index.facets["maker"].items()
    counts = {slug: n for slug, bits in makers if (n := (bits & visible).bit_count())}
    if not counts:
        return []
    rows = db.session.scalars(select(Maker).where(Maker.slug.in_(counts)).order_by(*MAKER_ORDER))
    return [(maker, counts[maker.slug]) for maker in rows]


def update_by_slug(lang: str, slug: str) -> tuple[Update, UpdateTranslation] | None:
    """The published update whose text in `lang` has this slug, with its body (the page
    shows it) and without its maker's descriptions (it does not: read if ever asked)."""
    with_slug = _text_with_slug(UpdateTranslation.lang == lang, UpdateTranslation.slug == slug)
    found = db.session.execute(
        published()
        .add_columns(UpdateTranslation)
        .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
        .where(Update.id == with_slug)
        .where(UpdateTranslation.lang == lang, UpdateTranslation.slug == slug)
        .options(undefer(UpdateTranslation.body))
        .options(defaultload(Update.maker).lazyload(Maker.translations))
    ).first()
    return (found[0], found[1]) if found else None


def _text_with_slug(*conditions):
    """The update id of the text found by these conditions on its (unique) language and
    slug, as a scalar subquery to compare `Update.id` with: SQLite then finds the text by
    its slug and the update by its id, where a join lets it walk every published update
    first (about 400 ms at 100,000 updates without ANALYZE's statistics)."""
    return select(UpdateTranslation.update_id).where(*conditions).scalar_subquery()


# Built once: the update page runs it on every request (portal.public.update_parts).
VISIBLE_UPDATE = (
    select(Update.id, Maker.slug.label("maker"), Update.published_at)
    .join(Maker, Maker.id == Update.maker_id)
    .where(
        Update.id
        == _text_with_slug(
            UpdateTranslation.lang == bindparam("lang"), UpdateTranslation.slug == bindparam("slug")
        )
    )
    .where(Update.status == "published", Update.published_at <= bindparam("now"))
)


def visible_update(lang: str, slug: str) -> Row | None:
    """The id, maker (slug) and publication time of the visible update whose text in `lang`
    has this slug, as a plain row (the update page's parts are kept: portal.public)."""
    found = db.session.connection().execute(
        VISIBLE_UPDATE, {"now": utcnow(), "lang": lang, "slug": slug}
    )
    return found.first()


def update_with_any_slug(slug: str) -> Select:
    """A published update with this slug in any language (for untranslated pages; for
    `db.first_or_404`)."""
    texts = select(UpdateTranslation.update_id).where(UpdateTranslation.slug == slug)
    return published().where(Update.id.in_(texts)).limit(1)


def facet_options(
    lang: str, fixed: str | None = None, chosen_tags: list[str] | None = None
) -> dict[str, tuple[str, list]]:
    """Facet → (legend, [(value, label)]) for a filter form, without the page's fixed facet.

    With `chosen_tags`, only the `TAG_LIMIT` most used tags and the chosen ones,
    most used first: the page stays light with hundreds of tags (the rest are on the page
    of all tags, `public.listing_tags`). Without, every public tag A to Z."""
    index, now = facets.current(_version()), utcnow()
    if (labels := index.memo.get(("labels", lang))) is None:
        everyone = select(Maker.slug, Maker.name).order_by(*MAKER_ORDER)
        # Plain rows, not ORM objects: hundreds of tags are read for every listing.
        tags = select(Tag.slug, func.coalesce(TagTranslation.label, Tag.slug)).outerjoin(
            TagTranslation, (TagTranslation.tag_id == Tag.id) & (TagTranslation.lang == lang)
        )
        labels = index.memo[("labels", lang)] = (
            [tuple(row) for row in db.session.execute(everyone)],
            sorted((tuple(row) for row in db.session.execute(tags)), key=lambda p: p[1].casefold()),
        )
    key = ("options", lang, index.newer_than(now))  # see _public
    if (public := index.memo.get(key)) is None:
        makers, tags, used = _public(index, now)
        tag_rows = [row for row in labels[1] if row[0] in tags]
        public = index.memo[key] = (
            [row for row in labels[0] if row[0] in makers],
            tag_rows,  # A to Z
            sorted(tag_rows, key=lambda row: -used[row[0]]),  # most used first
        )
    maker_rows, tag_rows, by_use = public
    if chosen_tags is not None and len(tag_rows) > TAG_LIMIT:
        tag_rows = by_use[:TAG_LIMIT] + [row for row in by_use[TAG_LIMIT:] if row[0] in chosen_tags]
    legends = dict(vocab_labels("FACET_NAMES", lang))
    options = {
        "maker": (legends["maker"], maker_rows),
        "type": (legends["type"], vocab_labels("TYPES", lang)),
        "audience": (legends["audience"], vocab_labels("AUDIENCES", lang)),
        "level": (legends["level"], vocab_labels("LEVELS", lang)),
        "tag": (legends["tag"], tag_rows),
    }
    options.pop(fixed, None)
    return options


def tag_total() -> int:
    """How many tags are public."""
    index, now = facets.current(_version()), utcnow()
    return len(_public(index, now)[1])


def _public(index: facets.Index, now: datetime) -> tuple[set[str], set[str], dict[str, int]]:
    """The public makers and tags (with a visible update) and each public tag's visible
    updates. What is visible changes with the content version (a new index) or when a
    scheduled update goes live (the first visible position moves): kept per both."""
    key = ("public", index.newer_than(now))
    if (found := index.memo.get(key)) is None:
        visible = index.visible(now)
        tags = index.facets["tag"]
        used = {slug: n for slug, bits in tags.items() if (n := (bits & visible).bit_count())}
        found = index.memo[key] = (index.public("maker", now), set(used), used)
    return found


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
_SCALAR_DEFAULTS = {attr: getattr(Filters(), attr) for attr in _SCALARS.values()}


def facet_counts(f: Filters, offered: dict | None = None) -> dict[str, dict[str, int]]:
    """For every filter option, how many updates it gives with the *other* filters applied
    (an option without any is left out). With `offered` (facet → (legend, [(value, label)]),
    as `facet_options` gives), only the options a form offers are counted."""
    selection = select_updates(f)
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        values = selection.index.facets[facet]
        if offered is not None:
            shown = offered.get(facet, (None, ()))[1]
            values = {value: values[value] for value, _ in shown if value in values}
        others = selection.matching(without=facet)
        counts[facet] = {
            value: n for value, ones in values.items() if (n := (others & ones).bit_count())
        }
    return counts


@dataclass
class Month:
    start: date
    end: date
    count: int


def activity(f: Filters, months: int = 12) -> list[Month]:
    """Updates per month for the filters (dates aside), over the 12 months up to the newest one."""
    selection = select_updates(f)
    undated = selection.matching(dated=False)
    newest = selection.index.dates[(undated & -undated).bit_length() - 1] if undated else None
    last = (newest or utcnow()).date().replace(day=1)
    starts = [_add_months(last, -back) for back in range(months - 1, -1, -1)]
    return [
        Month(
            start,
            _add_months(start, 1) - timedelta(days=1),
            (
                undated
                & selection.index.between(
                    datetime.combine(start, time.min),
                    datetime.combine(_add_months(start, 1), time.min),
                )
            ).bit_count(),
        )
        for start in starts
    ]


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)
