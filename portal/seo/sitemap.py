"""The sitemap's URLs: the listings, every maker and tag page with a published update, and
every published update in each language it exists in; read as plain rows, not ORM objects.

Beyond MAX_URLS the sitemap is split. The listings, makers and tags fill "pages" parts; the
updates are cut by id into fixed ranges of MAX_URLS // languages updates, so a part never
holds more than MAX_URLS URLs, an update keeps its part for life (only the newest part
changes as updates are published) and every part is read with one range query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from flask import current_app, url_for
from sqlalchemy import exists, func, select

from portal.calendar import queries as calendar_queries
from portal.extensions import db
from portal.i18n import absolute, default_language, languages
from portal.models import Maker, Tag, Update, UpdateTranslation, update_tags
from portal.queries import published

# URLs per sitemap file before /sitemap.xml becomes an index of parts (the protocol allows
# 50,000; smaller files are quicker to render and to re-fetch). SITEMAP_MAX_URLS overrides.
MAX_URLS = 10_000
LISTINGS = ("public.front", "public.updates", "public.makers")


@dataclass(slots=True)
class Url:
    loc: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, href), shared between languages


def max_urls() -> int:
    return max(1, int(current_app.config.get("SITEMAP_MAX_URLS", MAX_URLS)))


def updates_per_part() -> int:
    """Updates per part: each has at most one page per language."""
    return max(1, max_urls() // len(languages()))


def fits_one_file() -> bool:
    """Whether everything fits in one file, counting every maker and tag (cheap, and only
    ever splits a little early): a page per language each, plus the listings and the texts."""
    live = db.session.scalar(published().with_only_columns(func.count()).order_by(None)) or 0
    makers = db.session.scalar(select(func.count(Maker.id))) or 0
    tags = db.session.scalar(select(func.count(Tag.id))) or 0
    products = calendar_queries.product_count() + 2  # and the calendar and products' list
    return (len(LISTINGS) + makers + tags + products + live) * len(languages()) <= max_urls()


def pages_parts(pages: list[Url]) -> int:
    return math.ceil(len(pages) / max_urls())


def update_parts() -> list[int]:
    """The numbers (from 1) of the update id ranges that hold a published update."""
    return [n for n in range(1, _last_part() + 1) if _published_within(n)]


def has_updates(number: int) -> bool:
    """Whether id range `number` exists and holds a published update."""
    return 1 <= number <= _last_part() and _published_within(number)


def _last_part() -> int:
    last = db.session.scalar(select(func.max(Update.id))) or 0
    return math.ceil(last / updates_per_part())


def _published_within(number: int) -> bool:
    within = published().where(Update.id.between(*_id_range(number, updates_per_part())))
    return bool(db.session.scalar(select(exists(within))))


def _id_range(number: int, per: int) -> tuple[int, int]:
    return (number - 1) * per + 1, number * per


def _stamp(moment: datetime | None) -> str | None:
    """W3C datetime in UTC (stored times are naive UTC)."""
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat() if moment else None


def _everywhere(endpoint: str, lastmod: str | None, **values) -> list[Url]:
    """One URL per language for a page that exists in all of them, each naming the others."""
    hrefs = [(lang, absolute(url_for(endpoint, lang=lang, **values))) for lang in languages()]
    alternates = [*hrefs, ("x-default", dict(hrefs)[default_language()])]
    return [Url(href, lastmod, tuple(alternates)) for _, href in hrefs]


def pages() -> list[Url]:
    """The listings, and every maker and tag page with at least one published update."""
    newest = published().with_only_columns(Update.published_at)
    newest = newest.order_by(Update.published_at.desc()).limit(1)
    lastmod = _stamp(db.session.scalar(newest))
    found = [url for endpoint in LISTINGS for url in _everywhere(endpoint, lastmod)]
    # One index seek per maker and per tag for its newest update, not a scan of all updates.
    by_maker = newest.where(Update.maker_id == Maker.id).correlate(Maker).scalar_subquery()
    for slug, moment in db.session.execute(select(Maker.slug, by_maker).order_by(Maker.slug)):
        if moment:
            found += _everywhere("public.maker", _stamp(moment), slug=slug)
    by_tag = (
        newest.join(update_tags, update_tags.c.update_id == Update.id)
        .where(update_tags.c.tag_id == Tag.id)
        .correlate(Tag)
        .scalar_subquery()
    )
    for slug, moment in db.session.execute(select(Tag.slug, by_tag).order_by(Tag.slug)):
        if moment:
            found += _everywhere("public.tag", _stamp(moment), slug=slug)
    return found + calendar_queries.sitemap_pages(_everywhere, _stamp)


def update_urls(number: int | None = None) -> list[Url]:
    """The pages of the published updates in id range `number`, or of all of them."""
    query = (
        published()
        .with_only_columns(
            UpdateTranslation.update_id,
            UpdateTranslation.lang,
            UpdateTranslation.slug,
            UpdateTranslation.updated_at,
            Update.published_at,
        )
        .select_from(Update)
        .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
        .where(UpdateTranslation.lang.in_(list(languages())))
        .order_by(UpdateTranslation.update_id, UpdateTranslation.lang)
    )
    if number is not None:
        query = query.where(Update.id.between(*_id_range(number, updates_per_part())))
    rows = db.session.execute(query).all()
    href = _update_href()
    order = list(languages())
    # All texts of an update are in the same part and share one list of alternates.
    alternates: dict[int, tuple[tuple[str, str], ...]] = {}
    texts: dict[int, dict[str, str]] = {}
    for update_id, lang, slug, *_ in rows:
        texts.setdefault(update_id, {})[lang] = href(lang, slug)
    for update_id, mine in texts.items():
        fallback = next(code for code in order if code in mine)
        alternates[update_id] = (
            *((code, mine[code]) for code in order if code in mine),
            ("x-default", mine[fallback]),
        )
    return [
        Url(texts[update_id][lang], _stamp(max(updated_at, published_at)), alternates[update_id])
        for update_id, lang, _slug, updated_at, published_at in rows
    ]


def _update_href():
    """(lang, slug) → absolute URL of an update page; url_for once per language, not per row."""
    marker = "__slug__"
    patterns = {
        lang: absolute(url_for("public.update", lang=lang, slug=marker)) for lang in languages()
    }
    return lambda lang, slug: patterns[lang].replace(marker, quote(slug, safe=""))
