"""The sitemap's URLs: every published update in each language it exists in, maker and tag
pages, the listings; read as plain rows (not ORM objects), so 100,000 updates stay cheap.

URLs come in a fixed order (the listings, makers, tags, then updates by id and language), so
part N of a split sitemap is always the same slice: `urls(start, stop)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from flask import current_app, url_for
from sqlalchemy import func, select

from portal.extensions import db
from portal.i18n import absolute, default_language, languages
from portal.models import Maker, Tag, Update, UpdateTranslation, update_tags
from portal.queries import published

# URLs per sitemap file before /sitemap.xml becomes an index of parts (the protocol allows
# 50,000; smaller files are quicker to render and to re-fetch). SITEMAP_MAX_URLS overrides.
MAX_URLS = 10_000


@dataclass(slots=True)
class Url:
    loc: str
    lastmod: str | None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href)


def max_urls() -> int:
    return max(1, int(current_app.config.get("SITEMAP_MAX_URLS", MAX_URLS)))


def parts() -> int:
    """How many sitemap files the URLs need (1: /sitemap.xml is itself the list)."""
    return max(1, math.ceil(count() / max_urls()))


def count() -> int:
    texts = _texts().with_only_columns(func.count()).order_by(None)
    return len(_fixed()) + (db.session.scalar(texts) or 0)


def urls(start: int, stop: int) -> list[Url]:
    """The URLs numbered start ≤ n < stop in the sitemap's order."""
    fixed = _fixed()
    found = fixed[start:stop]
    if stop > len(fixed):
        offset = max(0, start - len(fixed))
        found += _update_urls(offset, stop - max(start, len(fixed)))
    return found


def _stamp(moment: datetime | None) -> str | None:
    """W3C datetime in UTC (stored times are naive UTC)."""
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat() if moment else None


def _everywhere(endpoint: str, lastmod: str | None, **values) -> list[Url]:
    """One URL per language for a page that exists in all of them, each naming the others."""
    hrefs = [(lang, absolute(url_for(endpoint, lang=lang, **values))) for lang in languages()]
    alternates = [*hrefs, ("x-default", dict(hrefs)[default_language()])]
    return [Url(href, lastmod, alternates) for _, href in hrefs]


def _fixed() -> list[Url]:
    """The listings, and every maker and tag page with at least one published update."""
    live = published().subquery()
    newest = _stamp(db.session.scalar(select(func.max(live.c.published_at))))
    found = _everywhere("public.front", newest) + _everywhere("public.updates", newest)
    found += _everywhere("public.makers", newest)
    makers = db.session.execute(
        select(Maker.slug, func.max(live.c.published_at))
        .join(live, live.c.maker_id == Maker.id)
        .group_by(Maker.slug)
        .order_by(Maker.slug)
    )
    for slug, moment in makers:
        found += _everywhere("public.maker", _stamp(moment), slug=slug)
    tags = db.session.execute(
        select(Tag.slug, func.max(live.c.published_at))
        .join(update_tags, update_tags.c.tag_id == Tag.id)
        .join(live, live.c.id == update_tags.c.update_id)
        .group_by(Tag.slug)
        .order_by(Tag.slug)
    )
    for slug, moment in tags:
        found += _everywhere("public.tag", _stamp(moment), slug=slug)
    return found


def _texts():
    """Every published update's text in a language the site is published in, as plain rows."""
    return (
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


def _update_urls(offset: int, limit: int) -> list[Url]:
    """Update pages number offset… of the updates' part, each with its translations."""
    rows = db.session.execute(_texts().offset(offset).limit(limit)).all()
    if not rows:
        return []
    # The translations of the first and last update may fall into the neighbouring parts.
    siblings: dict[int, dict[str, str]] = {}
    for update_id, lang, slug in db.session.execute(
        select(UpdateTranslation.update_id, UpdateTranslation.lang, UpdateTranslation.slug)
        .where(UpdateTranslation.update_id.between(rows[0][0], rows[-1][0]))
        .where(UpdateTranslation.lang.in_(list(languages())))
    ):
        siblings.setdefault(update_id, {})[lang] = slug
    href = _update_href()
    order = list(languages())
    found = []
    for update_id, lang, slug, updated_at, published_at in rows:
        texts = siblings[update_id]
        alternates = [(code, href(code, texts[code])) for code in order if code in texts]
        fallback = next(code for code in order if code in texts)
        alternates.append(("x-default", href(fallback, texts[fallback])))
        found.append(Url(href(lang, slug), _stamp(max(updated_at, published_at)), alternates))
    return found


def _update_href():
    """(lang, slug) → absolute URL of an update page; url_for once per language, not per row."""
    marker = "__slug__"
    patterns = {
        lang: absolute(url_for("public.update", lang=lang, slug=marker)) for lang in languages()
    }
    return lambda lang, slug: patterns[lang].replace(marker, quote(slug, safe=""))
