"""A feed's entries, rendered once and kept with the content index, as teasers are.

An entry (templates/feeds/_entry.xml) shows its update's maker, type, author, source,
dates and tags (their labels in the feed's language), and one of its texts: the one in
the feed's language, else the site's first language that has one, else any. Nothing else
of the request shows but the language and the site's address. A feed reads exactly those
values of its updates as plain rows (two queries, no ORM objects) and keeps each rendered
entry in the content index (portal.facets, `index.pieces`) under the update's id and those
values, the body by its digest: an entry is rendered again only when something it shows
has changed, by whatever means (even raw SQL), and an edit of one update leaves every
other entry kept. A patch of the index drops the changed updates' pieces; a rebuild
starts afresh (portal.public.pieces keeps teasers the same way).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import get_template_attribute, url_for
from markupsafe import Markup
from sqlalchemy import select

from portal import facets, vocab
from portal.extensions import db
from portal.i18n import absolute, languages, people
from portal.models import Maker, Tag, TagTranslation, Update, UpdateTranslation, update_tags
from portal.public.pieces import MAX_UPDATES

# The year in every entry's tag: URI (RFC 4151); changing it would make every entry new.
ID_YEAR = 2025

SHOWN = (
    select(
        Update.id,
        Update.type,
        Update.source_url,
        Update.author,
        Update.published_at,
        Maker.slug,
        Maker.name,
        UpdateTranslation.lang,
        UpdateTranslation.slug,
        UpdateTranslation.title,
        UpdateTranslation.lede,
        UpdateTranslation.body,
        UpdateTranslation.updated_at,
    )
    .join(Maker, Maker.id == Update.maker_id)
    .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
    .order_by(UpdateTranslation.id)
)
TAGS = (
    select(update_tags.c.update_id, Tag.slug, TagTranslation.lang, TagTranslation.label)
    .join(Tag, Tag.id == update_tags.c.tag_id)
    .outerjoin(TagTranslation, TagTranslation.tag_id == Tag.id)
)


@dataclass(frozen=True, slots=True)
class Text:
    """The text an entry shows (the template's `foreign` test reads its `lang`)."""

    lang: str
    slug: str
    title: str
    lede: str
    body: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """What one entry shows; `kept` is its key among the update's pieces."""

    update_id: int
    item_type: str
    source_url: str
    author: str
    published_at: datetime
    maker_slug: str
    maker_name: str
    text: Text
    tags: tuple[tuple[str, str], ...]

    @property
    def kept(self) -> tuple:
        digest = hashlib.blake2b(self.text.body.encode(), digest_size=16).digest()
        shown = (*(getattr(self.text, name) for name in Text.__slots__ if name != "body"), digest)
        fields = (self.item_type, self.source_url, self.author, self.published_at)
        return ("feed entry", *fields, self.maker_slug, self.maker_name, shown, self.tags)

    @property
    def updated(self) -> str:
        return stamp(max(self.published_at, self.text.updated_at))


def stamp(moment: datetime) -> str:
    """An RFC 3339 time in UTC (stored times are naive UTC)."""
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat()


def entries(index: facets.Index, ids: list[int], lang: str) -> list[tuple[Markup, str]]:
    """The rendered entries of these updates in their order, each with its `updated` time
    (an update no longer found, or without any text, is left out)."""
    found = _read(ids, lang)
    base = absolute("/")
    rendered = []
    for update_id in ids:
        if (entry := found.get(update_id)) is None:
            continue
        key = (lang, base, entry.kept)
        pieces = index.pieces.setdefault(update_id, {})
        if (markup := pieces.get(key)) is None:
            if len(index.pieces) > MAX_UPDATES:
                index.pieces.clear()
                index.pieces[update_id] = pieces
            markup = pieces[key] = _render(entry, base)
        rendered.append((markup, entry.updated))
    return rendered


def _read(ids: list[int], lang: str) -> dict[int, Entry]:
    """What the entries of these updates show, in `lang`, in two queries."""
    if not ids:
        return {}
    texts: dict[int, list[tuple]] = {}
    for update_id, *values in db.session.execute(SHOWN.where(Update.id.in_(ids))):
        texts.setdefault(update_id, []).append(tuple(values))
    labels: dict[int, dict[str, dict[str, str]]] = {}
    for update_id, slug, label_lang, label in db.session.execute(
        TAGS.where(update_tags.c.update_id.in_(ids))
    ):
        labels.setdefault(update_id, {}).setdefault(slug, {})[label_lang] = label
    found = {}
    for update_id, rows in texts.items():
        by_lang = {row[6]: row for row in reversed(rows)}  # the first of a language wins
        row = next((by_lang[code] for code in (lang, *languages()) if code in by_lang), rows[0])
        tags = labels.get(update_id, {})
        found[update_id] = Entry(
            update_id,
            *row[:6],
            Text(*row[6:]),
            tuple((slug, tags[slug].get(lang) or slug) for slug in sorted(tags)),
        )
    return found


def _render(entry: Entry, base: str) -> Markup:
    authority = urlsplit(base).hostname
    text = entry.text
    return Markup(
        get_template_attribute("feeds/_entry.xml", "entry")(
            {
                # Stable: the site's host, the update's id and the text's language, never a slug.
                "id": f"tag:{authority},{ID_YEAR}:update-{entry.update_id}/{text.lang}",
                "link": absolute(url_for("public.update", lang=text.lang, slug=text.slug)),
                "published": stamp(entry.published_at),
                "updated": entry.updated,
                "type": vocab.TYPES.get(entry.item_type, entry.item_type),
                "source_url": entry.source_url,
                "authors": people(entry.author) or [entry.maker_name],
                "maker_slug": entry.maker_slug,
                "maker_name": entry.maker_name,
                "item_type": entry.item_type,
                "tags": entry.tags,
                "text": text,
            }
        )
    )
