"""Rendered teasers kept per update and language, so that pages assemble ready-made parts.

A teaser (templates/macros/cards.html) shows its update's maker name, type, date and texts
(language, slug, title, lede) in the page's language, nothing else of the request. A page
reads exactly those columns of its teasers' updates as plain rows (one query, no ORM
objects) and keeps each rendered teaser with the content index (portal.facets) under the
update's id, the language and those values: a teaser is rendered again only when what it
shows has changed, by whatever means (even raw SQL), and an edit of one update leaves every
other teaser kept. A patch of the index drops the changed updates' teasers; a rebuild
starts afresh. Search results quote the body around the words searched for and are
rendered each time.
"""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup
from sqlalchemy import bindparam, select
from sqlalchemy.orm import defaultload, lazyload

from portal import facets
from portal.extensions import db
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
# Built once, the ids bound per call: SQLAlchemy then finds its compiled form without
# building and hashing a new statement for every page.
SHOWN_BY_ID = SHOWN.where(Update.id.in_(bindparam("ids", expanding=True)))


def teasers(index: facets.Index, ids: list[int], lang: str) -> list[Markup]:
    """The teasers of these updates in `lang`, in their order (an update no longer found is
    left out)."""
    found = teasers_by_id(index, ids, lang)
    return [found[update_id] for update_id in ids if update_id in found]


def teasers_by_id(index: facets.Index, ids: list[int], lang: str) -> dict[int, Markup]:
    """The teasers of these updates in `lang` by update id, read in one query (an update no
    longer found has none)."""
    if not ids:
        return {}
    shown: dict[int, list[tuple]] = {}
    for update_id, *values in db.session.execute(SHOWN_BY_ID, {"ids": ids}):
        shown.setdefault(update_id, []).append(tuple(values))
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
