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
from markupsafe import escape
from sqlalchemy import exists, func, select

from portal import facets, queries
from portal.calendar import queries as calendar_queries
from portal.extensions import db
from portal.i18n import absolute, default_language, languages
from portal.models import Maker, Tag, Update, UpdateTranslation
from portal.queries import published

# URLs per sitemap file before /sitemap.xml becomes an index of parts (the protocol allows
# 50,000; smaller files are quicker to render and to re-fetch: a part of 2,000 renders in
# tens of milliseconds, and at 100,000 updates the index names about 150). SITEMAP_MAX_URLS
# overrides.
MAX_URLS = 2_000
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
    live = len(_visible_ids())
    makers = db.session.scalar(select(func.count(Maker.id))) or 0
    tags = db.session.scalar(select(func.count(Tag.id))) or 0
    products = calendar_queries.product_count() + 2  # and the calendar and products' list
    return (len(LISTINGS) + makers + tags + products + live) * len(languages()) <= max_urls()


def pages_parts(pages: list[Url]) -> int:
    return math.ceil(len(pages) / max_urls())


def update_parts() -> list[int]:
    """The numbers (from 1) of the update id ranges that hold a published update."""
    per = updates_per_part()
    return sorted({(update_id - 1) // per + 1 for update_id in _visible_ids()})


def _visible_ids() -> list[int]:
    """The ids of the published updates a reader may see, from the content index (kept per
    content version, portal.facets) rather than a walk of every update in the database."""
    index = facets.current(queries._version())
    return index.ids[index.newer_than(queries.utcnow()) :]


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


def _everywhere_by_slug(endpoint: str):
    """`_everywhere` for the pages of one endpoint that differ by slug (makers, tags): its
    address built once per language, not once per page and language."""
    marker = "__slug__"
    patterns = [(lang, absolute(url_for(endpoint, lang=lang, slug=marker))) for lang in languages()]
    default = dict(patterns)[default_language()]

    def urls(lastmod: str | None, slug: str) -> list[Url]:
        quoted = quote(slug, safe="")
        hrefs = [(lang, pattern.replace(marker, quoted)) for lang, pattern in patterns]
        alternates = (*hrefs, ("x-default", default.replace(marker, quoted)))
        return [Url(href, lastmod, alternates) for _, href in hrefs]

    return urls


def pages() -> list[Url]:
    """The listings, and every maker and tag page with at least one published update, each
    dated by its newest: read from the content index (kept per content version,
    portal.facets), where the newest visible update of a maker or tag is the lowest bit of
    its bitset among the visible ones, instead of one database seek per maker and tag."""
    index = facets.current(queries._version())
    visible = index.visible(queries.utcnow())
    first = (visible & -visible).bit_length() - 1
    lastmod = _stamp(index.dates[first]) if visible else None
    found = [url for endpoint in LISTINGS for url in _everywhere(endpoint, lastmod)]
    for facet, endpoint in (("maker", "public.maker"), ("tag", "public.tag")):
        urls = _everywhere_by_slug(endpoint)
        for slug, bits in sorted(index.facets[facet].items()):
            if bits := bits & visible:
                found += urls(_stamp(index.dates[(bits & -bits).bit_length() - 1]), slug)
    return found + calendar_queries.sitemap_pages(_everywhere, _stamp)


def update_lines(number: int | None = None) -> list[str]:
    """The <url> lines (see `lines`) of the published updates in id range `number`, or of
    all of them, written straight from the rows: an update's texts share one alternates
    block, and every address comes from one pattern per language, escaped once (a quoted
    slug has nothing to escape)."""
    # The texts' addresses come from one index (ix_update_translations_addresses) alone;
    # which updates are visible, and when each was published, from the content index.
    query = select(
        UpdateTranslation.update_id,
        UpdateTranslation.lang,
        UpdateTranslation.slug,
        UpdateTranslation.updated_at,
    ).order_by(UpdateTranslation.update_id, UpdateTranslation.lang)
    if number is not None:
        query = query.where(
            UpdateTranslation.update_id.between(*_id_range(number, updates_per_part()))
        )
    index = facets.current(queries._version())
    position, first = index.position, index.newer_than(queries.utcnow())
    shown = languages()
    texts: dict[int, list[tuple]] = {}
    for update_id, lang, slug, updated_at in db.session.execute(query):
        if lang in shown and position.get(update_id, -1) >= first:
            published_at = index.dates[position[update_id]]
            texts.setdefault(update_id, []).append((lang, slug, updated_at, published_at))
    marker = "__slug__"
    patterns = {
        lang: str(escape(absolute(url_for("public.update", lang=lang, slug=marker))))
        for lang in languages()
    }
    order = list(languages())
    found = []
    for mine in texts.values():
        hrefs = {
            lang: patterns[lang].replace(marker, quote(slug, safe="")) for lang, slug, *_ in mine
        }
        fallback = next(code for code in order if code in hrefs)
        links = "".join(
            [
                *(
                    f'<xhtml:link rel="alternate" hreflang="{code}" href="{hrefs[code]}"/>'
                    for code in order
                    if code in hrefs
                ),
                f'<xhtml:link rel="alternate" hreflang="x-default" href="{hrefs[fallback]}"/>',
            ]
        )
        for lang, _slug, updated_at, published_at in mine:
            lastmod = _stamp(max(updated_at, published_at))
            found.append(f"<url><loc>{hrefs[lang]}</loc><lastmod>{lastmod}</lastmod>{links}</url>")
    return found


def lines(urls: list[Url]) -> list[str]:
    """A <url> line per URL, with its hreflang alternates (rendered once per shared block)."""
    blocks: dict[int, str] = {}
    found = []
    for url in urls:
        if (links := blocks.get(id(url.alternates))) is None:
            links = blocks[id(url.alternates)] = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(href)}"/>'
                for lang, href in url.alternates
            )
        lastmod = f"<lastmod>{url.lastmod}</lastmod>" if url.lastmod else ""
        found.append(f"<url><loc>{escape(url.loc)}</loc>{lastmod}{links}</url>")
    return found
