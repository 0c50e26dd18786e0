"""Rendered teasers kept per update and language, so that pages assemble ready-made parts.

A teaser (templates/macros/cards.html) shows its update's maker name, type, date and texts
(language, slug, title, lede) in the page's language, nothing else of the request. A page
reads exactly those columns of its teasers' updates as plain rows (one query, no ORM
objects) and keeps each rendered teaser with the content index (portal.facets) under the
update's id, the language and those values: a teaser is rendered again only when what it
shows has changed, by whatever means (even raw SQL), and an edit of one update leaves every
other teaser kept. A patch of the index drops the changed updates' teasers; a rebuild
starts afresh.

A search result (`search_teasers`) is its update's kept teaser with the lede paragraph
replaced by the `<mark>`ed snippet of the searched text (portal.search.snippet), the only
part that depends on the query. Its rows add the texts the snippet quotes from (lede, body,
impact, takeaways) in the page's language only, and the plain text a reader sees of them
(the Markdown body rendered and reduced, what the index holds too, as a search.Quotable
that notes where each query's first match starts) is kept beside the teaser under those
raw values, so it is made again only when one of them changes; the snippet is cut per
request.
"""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup
from sqlalchemy import Select, bindparam, case, select
from sqlalchemy.orm import defaultload, lazyload

from portal import facets, search
from portal.extensions import db
from portal.i18n import languages
from portal.models import Maker, Update, UpdateTranslation

# What a teaser does not show of its update, so not read: tags, sources, dated changes, the
# maker's descriptions.
NOT_SHOWN = (lazyload(Update.tags), lazyload(Update.extra_sources), lazyload(Update.changes))
NOT_SHOWN += (defaultload(Update.maker).lazyload(Maker.translations),)
MAX_UPDATES = 20_000  # updates with kept teasers per index; beyond, they start afresh
SHOWN = select(Update.id, Maker.name, Update.type, Update.published_at, UpdateTranslation.id)
SHOWN = SHOWN.add_columns(UpdateTranslation.lang, UpdateTranslation.slug)
SHOWN = SHOWN.add_columns(UpdateTranslation.title, UpdateTranslation.lede)
SHOWN = SHOWN.join(Maker, Maker.id == Update.maker_id).outerjoin(
    UpdateTranslation, UpdateTranslation.update_id == Update.id
)
# A search result also quotes the rest of its text (search.searched_body), read with the
# shown columns in one query, for the text in the language given as `quoted` only.
QUOTED = (UpdateTranslation.body, UpdateTranslation.impact, UpdateTranslation.takeaways_text)
_QUOTED_LANG = UpdateTranslation.lang == bindparam("quoted")
SEARCHED = SHOWN.add_columns(*(case((_QUOTED_LANG, column)) for column in QUOTED))
# Each read's statement is built once, its ids bound per request (an expanding parameter):
# no new expression and cache key for every page.
_IDS = Update.id.in_(bindparam("ids", expanding=True))
SHOWN_BY_ID, SEARCHED_BY_ID = SHOWN.where(_IDS), SEARCHED.where(_IDS)
LEDE = Markup('<p class="lede">')  # escaped texts never hold "<": found once, in the lede
SNIPPET = Markup('<p class="lede snippet">')


def teasers(index: facets.Index, ids: list[int], lang: str) -> list[Markup]:
    """The teasers of these updates in `lang`, in their order (an update no longer found is
    left out)."""
    found = teasers_by_id(index, ids, lang)
    return [found[update_id] for update_id in ids if update_id in found]


def teasers_by_id(index: facets.Index, ids: list[int], lang: str) -> dict[int, Markup]:
    """The teasers of these updates in `lang` by update id, read in one query (an update no
    longer found has none)."""
    return _teasers(index, _rows(SHOWN_BY_ID, ids), lang)


def search_teasers(index: facets.Index, ids: list[int], lang: str, q: str) -> list[Markup]:
    """The teasers of these search results in `lang`, in their order, each with the snippet
    of its text around the words of `q` instead of its lede; read in one query."""
    rows = _rows(SEARCHED_BY_ID, ids, quoted=lang)
    shown = {u: [row[: -len(QUOTED)] for row in found] for u, found in rows.items()}
    kept = _teasers(index, shown, lang)
    results = []
    for update_id in ids:
        if (teaser := kept.get(update_id)) is None:
            continue
        if (row := _best(rows[update_id], lang))[4] != lang:  # its text in `lang` went since
            row = _best(_rows(SEARCHED_BY_ID, [update_id], quoted=row[4])[update_id], row[4])
        quoted = search.excerpt(_searched_text(index, update_id, row), q)
        lede = teaser.index(LEDE)
        lede_end = teaser.index("</p>", lede)
        results.append(Markup(f"{teaser[:lede]}{SNIPPET}{quoted}{teaser[lede_end:]}"))
    return results


def _rows(query: Select, ids: list[int], **params) -> dict[int, list[tuple]]:
    """Update id → the rows of its texts (one a language), without the id; `query` is one
    of the statements above, taking the ids as `ids`."""
    found: dict[int, list[tuple]] = {}
    if ids:
        for update_id, *values in db.session.execute(query, {"ids": ids, **params}):
            found.setdefault(update_id, []).append(tuple(values))
    return found


def _teasers(index: facets.Index, shown: dict[int, list[tuple]], lang: str) -> dict[int, Markup]:
    """The kept teaser of each update whose shown values these are, rendered if missing."""
    keys = {update_id: (lang, *sorted(rows)) for update_id, rows in shown.items()}
    found = {u: kept for u, key in keys.items() if (kept := index.pieces.get(u, {}).get(key))}
    if missing := [update_id for update_id in keys if update_id not in found]:
        teaser = get_template_attribute("macros/cards.html", "teaser")
        if len(index.pieces) > MAX_UPDATES:
            index.pieces.clear()
        query = select(Update).where(Update.id.in_(missing)).options(*NOT_SHOWN)
        for item in db.session.scalars(query):
            found[item.id] = Markup(teaser(item))
            index.pieces.setdefault(item.id, {})[keys[item.id]] = found[item.id]
    return found


def _best(rows: list[tuple], lang: str) -> tuple:
    """The row of the text a teaser shows (Update.best_translation): in `lang`, else in the
    site's first language that has one, else the first."""
    by_lang = {row[4]: row for row in rows}
    return next((by_lang[code] for code in (lang, *languages()) if code in by_lang), rows[0])


def _searched_text(index: facets.Index, update_id: int, row: tuple) -> search.Quotable:
    """The plain text a snippet quotes from, kept under the raw values it is made of."""
    # row: maker, type, published_at, id, lang, slug, title, lede, body, impact, takeaways
    key = ("searched", row[3], row[4], row[7], *row[-len(QUOTED) :])  # id, lang, lede, …
    kept = index.pieces.setdefault(update_id, {})
    if (text := kept.get(key)) is None:
        text = kept[key] = search.quotable(search.searched_body(*key[3:]), row[4])
    return text
