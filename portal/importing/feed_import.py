"""Turning the items of a maker's RSS or Atom feed into draft updates, all or nothing.

An item is already known when an update has its link as source URL (any maker) or its
id (RSS `guid`, Atom `id`) as `source_guid` for the same maker; the feed's own
duplicates count as known too. New items become drafts: never shown to readers until
an editor publishes them. Defaults for what a feed cannot say (type, audience, level,
importance) are the module constants below; the editor sets the real values.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import click
import feedparser
import nh3
from flask import current_app
from slugify import slugify
from sqlalchemy import or_, select
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db
from portal.importing.fetch import Fetched, FetchError, fetch
from portal.models import Maker, Update, UpdateTranslation
from portal.models.content import utcnow

DRAFT_DEFAULTS = {
    "type": "article",
    "audience": "everyone",
    "level": "intermediate",
    "importance": 3,
    "status": "draft",
}
# The lengths the database and the editors' form accept.
MAX_TITLE, MAX_LEDE, MAX_SLUG, MAX_URL, MAX_AUTHOR = 300, 2000, 120, 1000, 200
_SPACE = re.compile(r"\s+")


class FeedError(click.ClickException):
    """The feed could not be imported; nothing was changed."""


@dataclass(frozen=True)
class Item:
    """What a draft is made of, read from one feed entry; `skip` says why it cannot be."""

    guid: str | None
    link: str
    title: str
    lede: str
    published_at: datetime | None
    author: str
    skip: str = ""


@dataclass
class Outcome:
    new: int = 0
    known: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        """One line: "12 new drafts, 38 already known, 1 skipped: no link"."""
        parts = [
            f"{self.new} new draft{'s' if self.new != 1 else ''}",
            f"{self.known} already known",
        ]
        if total := sum(self.skipped.values()):
            if len(self.skipped) == 1:
                reasons = next(iter(self.skipped))
            else:
                reasons = ", ".join(f"{why} ({n})" for why, n in sorted(self.skipped.items()))
            parts.append(f"{total} skipped: {reasons}")
        return ", ".join(parts)


# --- reading a feed -----------------------------------------------------------------


def plain_text(value: str | None) -> str:
    """HTML as the plain text a reader would see, on one line: tags out, entities decoded."""
    stripped = nh3.clean(value or "", tags=set(), strip_comments=True)
    return _SPACE.sub(" ", html.unescape(stripped)).strip()


def _shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis when it is longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "…"


def _text(entry, name: str) -> str:
    """A text field of an entry: HTML stripped unless the feed says it is plain text."""
    value = entry.get(name) or ""
    kind = (entry.get(f"{name}_detail") or {}).get("type", "text/html")
    if "html" in kind:
        return plain_text(value)
    return _SPACE.sub(" ", value).strip()


def _date(entry) -> datetime | None:
    """The item's publication time (else its update time) in UTC, without a zone."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6])  # feedparser gives UTC
    except ValueError:  # a leap second, or a year out of range: the editor sets the time
        return None


def item_of(entry) -> Item:
    link = (entry.get("link") or "").strip()
    guid = (entry.get("id") or "").strip() or None
    title = _shorten(_text(entry, "title"), MAX_TITLE)
    summary = entry.get("summary") or next(
        (c.get("value") for c in entry.get("content") or [] if c.get("value")), ""
    )
    skip = ""
    if not link.lower().startswith(("http://", "https://")):
        skip = "no link"
    elif len(link) > MAX_URL:
        skip = "link too long"
    elif not title:
        skip = "no title"
    return Item(
        guid=guid if guid and len(guid) <= MAX_URL else None,
        link=link,
        title=title,
        lede=_shorten(plain_text(summary), MAX_LEDE),
        published_at=_date(entry),
        author=_shorten(_text(entry, "author"), MAX_AUTHOR),
        skip=skip,
    )


def read_items(source: str, timeout: float, max_bytes: int) -> list[Item]:
    """Every item of the feed at `source`; FeedError when it cannot be read or parsed."""
    try:
        fetched = fetch(source, timeout, max_bytes, current_app.config["FEED_FETCH_ALLOW"])
    except FetchError as error:
        raise FeedError(str(error)) from error
    return parse(fetched, source)


def parse(fetched: Fetched, source: str) -> list[Item]:
    parsed = feedparser.parse(fetched.body, response_headers=fetched.headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise FeedError(f"{source} is not a readable RSS or Atom feed{detail}.")
    return [item_of(entry) for entry in parsed.entries]


# --- storing drafts -----------------------------------------------------------------


def _known(maker: Maker, items: list[Item]) -> tuple[set[str], set[str]]:
    """The guids (of this maker) and source URLs among `items` that updates already have."""
    guids = {item.guid for item in items if item.guid}
    links = {item.link for item in items if not item.skip}
    known_guids = set(
        db.session.scalars(
            select(Update.source_guid).where(
                Update.maker_id == maker.id, Update.source_guid.in_(guids)
            )
        )
    )
    urls = select(Update.source_url).where(Update.source_url.in_(links))
    known_links = set(db.session.scalars(urls))
    return known_guids, known_links


class _Slugs:
    """Free slugs in one language: `title`, else `title-2`, `title-3`, …"""

    def __init__(self, lang: str):
        self.lang = lang
        self.taken: set[str] = set()

    def free(self, title: str) -> str:
        base = slugify(title, max_length=MAX_SLUG, word_boundary=True) or "update"
        if base not in self.taken:
            self.taken |= set(
                db.session.scalars(
                    select(UpdateTranslation.slug).where(
                        UpdateTranslation.lang == self.lang,
                        or_(
                            UpdateTranslation.slug == base,
                            UpdateTranslation.slug.like(f"{base}-%"),
                        ),
                    )
                )
            )
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


def _draft(maker: Maker, item: Item, lang: str, slug: str) -> Update:
    return Update(
        maker=maker,
        source_url=item.link,
        source_guid=item.guid,
        published_at=item.published_at or utcnow(),
        author=item.author,
        translations=[UpdateTranslation(lang=lang, slug=slug, title=item.title, lede=item.lede)],
        **DRAFT_DEFAULTS,
    )


def store(maker: Maker, items: list[Item], lang: str, progress: Iterable[Item]) -> Outcome:
    """Add a draft for every new item (in the session, not committed) and count them."""
    outcome = Outcome()
    known_guids, known_links = _known(maker, items)
    slugs = _Slugs(lang)
    for item in progress:
        if item.skip:
            outcome.skipped[item.skip] += 1
        elif item.link in known_links or (item.guid and item.guid in known_guids):
            outcome.known += 1
        else:
            db.session.add(_draft(maker, item, lang, slugs.free(item.title)))
            outcome.new += 1
        known_links.add(item.link)
        if item.guid:
            known_guids.add(item.guid)
    return outcome


def import_feed(maker: Maker, source: str, lang: str, timeout: float, max_bytes: int) -> Outcome:
    """Read the feed and commit its new items as drafts; on any error nothing is changed."""
    items = read_items(source, timeout, max_bytes)
    try:
        with click.progressbar(
            items, label=f"Importing {maker.slug}", file=sys.stderr, show_pos=True
        ) as progress:
            outcome = store(maker, items, lang, progress)
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        cause = getattr(error, "orig", None) or error
        raise FeedError(f"Nothing was imported: the database refused it ({cause}).") from error
    except BaseException:
        db.session.rollback()
        raise
    return outcome
