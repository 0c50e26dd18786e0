"""An update page's metadata for link previews and search engines: Open Graph, JSON-LD."""

from __future__ import annotations

import json
from datetime import UTC

from babel.core import LOCALE_ALIASES
from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup

from portal.i18n import absolute, people
from portal.models import Update, UpdateTranslation
from portal.models.desk import sources
from portal.seo import bp

# Characters that could end a <script> data block or start markup, as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _stamp(moment) -> str:
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat()


@bp.app_template_global()
def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form of a language code: nl → nl_NL, en → en_US."""
    return LOCALE_ALIASES.get(lang, lang)


@bp.app_template_global()
def article_times(item: Update, text: UpdateTranslation) -> tuple[str, str]:
    """When the update was published and when this text last changed (RFC 3339, UTC)."""
    return _stamp(item.published_at), _stamp(max(item.published_at, text.updated_at))


@bp.app_template_global()
def news_article_ld(item: Update, text: UpdateTranslation) -> Markup:
    """A schema.org NewsArticle as JSON, safe inside <script type="application/ld+json">."""
    url = absolute(url_for("public.update", lang=text.lang, slug=text.slug))
    published, modified = article_times(item, text)
    maker = {"@type": "Organization", "name": item.maker.name}
    if item.maker.website:
        maker["url"] = item.maker.website
    # The author field lists names; none, or the maker's own name, means the maker wrote it.
    names = [] if item.author == item.maker.name else people(item.author)
    authors = [{"@type": "Person", "name": name} for name in names] or [maker]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text.title,
        "description": text.lede,
        "datePublished": published,
        "dateModified": modified,
        "author": authors[0] if len(authors) == 1 else authors,
        "publisher": {
            "@type": "Organization",
            "name": _("AI Makers Tracker"),
            "url": absolute(url_for("public.front", lang=text.lang)),
        },
        "inLanguage": text.lang,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "isBasedOn": based_on if len(based_on := sources(item)) > 1 else item.source_url,
        "about": maker,
        "keywords": [tag.label(text.lang) for tag in sorted(item.tags, key=lambda t: t.slug)],
    }
    return Markup(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))
