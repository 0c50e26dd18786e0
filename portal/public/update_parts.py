"""An update page's own parts, rendered once per update and language and kept.

Most of an update page shows the update and nothing of the request: the head's title,
description, alternates, canonical address and Open Graph / JSON-LD, the back link, the
article, its changes box, the headings and links that name its maker, the default feedback
section. `templates/public/_update_parts.html` renders each of them (one macro per part);
they are kept with the content index (portal.facets), in `index.pieces[update_id]` beside
the update's teasers, under the language and the site's address (links are absolute).
A request then reads one plain row to find the visible update (`queries.visible_update`:
visibility is decided each time, so a scheduled update shows when it goes live), takes the
related updates from the index and their teasers kept beside their own parts
(`related_teasers`), and assembles the page from its frame and the kept parts.

A kept part is never stale because every content change names the updates whose pages it
changes (`facets.record`: an update, its texts, tags, sources, changes, products and
machine-translation notes; an edit of a maker or a tag's slug, or a deletion of a maker,
tag or product, rebuilds the index), and the next request's index drops those updates'
pieces (a patch) or starts with none (a rebuild, as after a backup restore). A patched
index has its own pieces, copied from the old one without the changed updates', so a part
rendered from rows read before an edit can only land in the index it was read for.
At most MAX_PAGES pages' parts are kept per index (memory: ~12 KB a page).

The feedback section is kept only in its default state: a page after a post (its form,
or `?feedback=` thanking the reader) renders it afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, get_template_attribute, request, url_for
from markupsafe import Markup

from portal import facets, queries
from portal.i18n import absolute, languages
from portal.models import Update
from portal.public import pieces

TEMPLATE = "public/_update_parts.html"
MAX_PAGES = 5_000  # pages whose parts are kept per index (~12 KB each), beyond: afresh
KEPT = ("title", "description", "alternates", "canonical", "meta", "top")
KEPT += ("more_heading", "more_links")


@dataclass(frozen=True)
class Parts:
    """The rendered parts of one update page; `addresses`: the page in each language."""

    title: Markup
    description: Markup
    alternates: Markup
    canonical: Markup
    meta: Markup
    top: Markup
    more_heading: Markup
    more_links: Markup
    feedback: Markup
    addresses: dict[str, str]


def parts(index: facets.Index, update_id: int, slug: str) -> Parts | None:
    """The parts of this visible update's page in the page's language (`slug`: its text's),
    kept or rendered now; None if it is gone since the caller found it."""
    kept = index.pieces.get(update_id, {})
    key = ("page", g.lang, absolute(""), request.script_root)
    default_feedback = "feedback" not in request.args and g.get("feedback_form") is None
    if (found := kept.get(key)) is not None and default_feedback:
        return found
    loaded = queries.update_by_slug(g.lang, slug)
    if loaded is None or loaded[0].id != update_id:
        return None
    found = render(*loaded, slug)
    if default_feedback:
        _keep(index, update_id, key, found)
    return found


def _keep(index: facets.Index, update_id: int, key: tuple, found: Parts) -> None:
    """Keep a page's parts, at most MAX_PAGES pages' per index: beyond, they start afresh
    (the teasers stay). Counted once per index, then as pages are kept."""
    count = index.memo.get("kept pages")
    if count is None:
        count = sum(k[0] == "page" for kept in list(index.pieces.values()) for k in list(kept))
    if count >= MAX_PAGES:
        for kept in list(index.pieces.values()):
            for k in [k for k in list(kept) if k[0] == "page"]:
                kept.pop(k, None)
        count = 0
    index.pieces.setdefault(update_id, {})[key] = found
    index.memo["kept pages"] = count + 1


def render(item: Update, text, slug: str) -> Parts:
    """Render every part of `item`'s page in `text`'s language."""
    rendered = {name: Markup(get_template_attribute(TEMPLATE, name)(item, text)) for name in KEPT}
    # Languages without a translation lead to the page that says so, never to a dead end.
    addresses = {lang: url_for("public.update", lang=lang, slug=slug) for lang in languages()}
    addresses |= {
        t.lang: url_for("public.update", lang=t.lang, slug=t.slug) for t in item.translations
    }
    feedback = Markup(get_template_attribute(TEMPLATE, "feedback")(item, text))
    return Parts(**rendered, feedback=feedback, addresses=addresses)


def related_teasers(index: facets.Index, ids: list[int], lang: str) -> dict[int, Markup]:
    """The teasers of these updates (visible in `index`) by id, kept with the index alone:
    every edit of what a teaser shows names its update (`facets.record`; a maker's name
    rebuilds), so the next index drops it, and no rows need be read to check. Those not
    kept yet come from portal.public.pieces."""
    key = ("teaser", lang, request.script_root)
    found = {u: kept for u in ids if (kept := index.pieces.get(u, {}).get(key)) is not None}
    if missing := [u for u in ids if u not in found]:
        for update_id, teaser in pieces.teasers_by_id(index, missing, lang).items():
            found[update_id] = index.pieces.setdefault(update_id, {})[key] = teaser
    return found
