"""Rendered teasers kept per update, so that pages assemble ready-made parts.

A teaser (templates/macros/cards.html) depends on its update, its texts, its maker's name
and the page's language, nothing else of the request. It is kept with the content index
(portal.facets) under the update's id, the version that last changed it and the language:
an edit of one update re-renders only that update's teasers, and a change that rebuilds the
index (a maker's name, a restore) starts afresh. A piece is kept only by a request that read
a content version at least as new as the update's last change, so a request that started
before an edit never keeps the old text under the new version. Search results quote the
body around the words searched for and are rendered each time.
"""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import lazyload

from portal import facets, queries
from portal.extensions import db
from portal.models import Update

MAX_UPDATES = 20_000  # updates with kept pieces per index; beyond, they start afresh


def teasers(index: facets.Index, ids: list[int], lang: str) -> list[Markup]:
    """The teasers of these updates in `lang`, in their order (an update no longer found is
    left out)."""
    version = queries._version()
    found: dict[int, Markup] = {}
    for update_id in ids:
        kept = index.pieces.get(update_id, {}).get((index.stamp(update_id), "teaser", lang))
        if kept is not None:
            found[update_id] = kept
    if missing := [update_id for update_id in ids if update_id not in found]:
        teaser = get_template_attribute("macros/cards.html", "teaser")
        if len(index.pieces) > MAX_UPDATES:
            index.pieces.clear()
        query = select(Update).where(Update.id.in_(missing)).options(lazyload(Update.tags))
        for item in db.session.scalars(query):  # a teaser shows no tags
            found[item.id] = piece = Markup(teaser(item))
            stamp = index.stamp(item.id)
            if version is not None and stamp is not None and version >= stamp:
                index.pieces.setdefault(item.id, {})[(stamp, "teaser", lang)] = piece
    return [found[update_id] for update_id in ids if update_id in found]
