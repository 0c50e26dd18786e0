"""Putting the items of a maker's RSS or Atom feed on the import desk, all or nothing.

An item is known by its id (RSS `guid`, Atom `id`) at its maker or by its link. A new
item waits on the desk (`DeskItem`) for an editor; a waiting item the feed has changed
since is brought up to date; an item an editor used or dismissed never comes back, nor
one whose link some update already has as a source or that an update was imported from
before the desk (`Update.source_guid`). Then the waiting items are grouped into stories
(`grouping.py`). Drafts are made from the desk (`desk.py`).
"""

from __future__ import annotations

import hashlib
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
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db
from portal.importing.fetch import Fetched, FetchError, fetch
from portal.importing.grouping import regroup
from portal.models import DeskItem, Maker, Update, UpdateSource
from portal.models.content import utcnow
from portal.models.desk import WAITING

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
    changed: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        """One line: "12 new on the desk, 38 already known, 1 changed, 1 skipped: no link"."""
        parts = [f"{self.new} new on the desk", f"{self.known} already known"]
        if self.changed:
            parts.append(f"{self.changed} changed")
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


# --- putting items on the desk -------------------------------------------------------


def content_hash(item: Item) -> str:
    """What the feed says about an item; a different hash means it was edited there."""
    when = item.published_at.isoformat() if item.published_at else ""
    text = "\n".join((item.link, item.title, item.lede, item.author, when))
    return hashlib.sha256(text.encode()).hexdigest()


def _known(maker: Maker, items: list[Item]) -> tuple[dict, dict, set]:
    """The desk items among `items` (by guid of this maker, by link of any maker), and the
    links and guids updates already have."""
    guids = {item.guid for item in items if item.guid}
    links = {item.link for item in items if not item.skip}
    by_guid = {
        d.guid: d
        for d in db.session.scalars(
            select(DeskItem).where(DeskItem.maker_id == maker.id, DeskItem.guid.in_(guids))
        )
    }
    by_link = {
        d.link: d for d in db.session.scalars(select(DeskItem).where(DeskItem.link.in_(links)))
    }
    sourced = set(db.session.scalars(select(Update.source_url).where(Update.source_url.in_(links))))
    sourced |= set(db.session.scalars(select(UpdateSource.url).where(UpdateSource.url.in_(links))))
    imported = select(Update.source_guid).where(
        Update.maker_id == maker.id, Update.source_guid.in_(guids)
    )
    sourced |= set(db.session.scalars(imported))
    return by_guid, by_link, sourced


def _desk_item(maker: Maker, item: Item, lang: str, feed: str) -> DeskItem:
    return DeskItem(maker=maker, feed=feed[:MAX_URL], lang=lang, **_fields(item))


def _fields(item: Item) -> dict:
    return {
        "guid": item.guid,
        "link": item.link,
        "title": item.title,
        "summary": item.lede,
        "author": item.author,
        "published_at": item.published_at,
        "content_hash": content_hash(item),
    }


def store(
    maker: Maker, items: list[Item], lang: str, progress: Iterable[Item], feed: str = ""
) -> Outcome:
    """Put every new item on the desk and bring waiting ones up to date with the feed (in
    the session, not committed); used and dismissed items stay as they are."""
    outcome = Outcome()
    by_guid, by_link, sourced = _known(maker, items)
    this_run: set[DeskItem] = set()
    for item in progress:
        if item.skip:
            outcome.skipped[item.skip] += 1
            continue
        seen = (item.guid and by_guid.get(item.guid)) or by_link.get(item.link)
        if seen is None and (item.link in sourced or item.guid in sourced):
            outcome.known += 1
        elif seen is None:
            seen = _desk_item(maker, item, lang, feed)
            db.session.add(seen)
            outcome.new += 1
        elif seen in this_run:  # the feed's own duplicate: the first one counts
            outcome.known += 1
        elif seen.state == WAITING and seen.content_hash != content_hash(item):
            for name, value in _fields(item).items():
                setattr(seen, name, value)
            seen.changed_at = utcnow()
            outcome.changed += 1
        else:
            outcome.known += 1
        if seen is not None:
            this_run.add(seen)
            by_link[item.link] = seen
            if item.guid:
                by_guid[item.guid] = seen
    return outcome


def import_feed(maker: Maker, source: str, lang: str, timeout: float, max_bytes: int) -> Outcome:
    """Read the feed and commit its new items to the desk, regrouped; on any error nothing
    is changed."""
    items = read_items(source, timeout, max_bytes)
    try:
        with click.progressbar(
            items, label=f"Importing {maker.slug}", file=sys.stderr, show_pos=True
        ) as progress:
            outcome = store(maker, items, lang, progress, source)
        db.session.flush()
        regroup()
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        cause = getattr(error, "orig", None) or error
        raise FeedError(f"Nothing was imported: the database refused it ({cause}).") from error
    except BaseException:
        db.session.rollback()
        raise
    return outcome
