"""The import desk: waiting feed items grouped into stories, and what an editor does with
a group: make a draft of it (every item a source, the primary first), add it to an
existing update as further sources, or dismiss it (undone by restoring it). Each moves the
group's items in one UPDATE that matches them only in their former state, so of two
editors acting on one group at once, the second gets `Gone` and changes nothing.

A group is named by its id (`DeskItem.group_id`, see grouping.py); its primary item is
the earliest published (then the first imported). Nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slugify import slugify
from sqlalchemy import or_, select
from sqlalchemy import update as sql_update

from portal.extensions import db
from portal.importing.grouping import regroup
from portal.models import DeskItem, Update, UpdateSource, UpdateTranslation
from portal.models.content import utcnow
from portal.models.desk import DISMISSED, USED, WAITING, sources

# What a feed cannot say (type, audience, level, importance): the editor sets the real
# values, helped by the suggestions on the form (suggestions.py).
DRAFT_DEFAULTS = {
    "type": "article",
    "audience": "everyone",
    "level": "intermediate",
    "importance": 3,
    "status": "draft",
}
MAX_SLUG = 120
NEVER = datetime.max


@dataclass(frozen=True)
class Group:
    id: int
    items: list[DeskItem]  # the primary first

    @property
    def primary(self) -> DeskItem:
        return self.items[0]

    @property
    def makers(self) -> list[str]:
        return list(dict.fromkeys(item.maker.name for item in self.items))

    @property
    def latest(self) -> datetime:
        return max((item.published_at or item.imported_at) for item in self.items)


def _ordered(items) -> list[DeskItem]:
    return sorted(items, key=lambda item: (item.published_at or NEVER, item.id))


def groups(state: str = WAITING) -> list[Group]:
    """The groups of items in `state`, the newest story first."""
    found: dict[int, list[DeskItem]] = {}
    for item in db.session.scalars(select(DeskItem).where(DeskItem.state == state)):
        found.setdefault(item.group_id or item.id, []).append(item)
    made = [Group(key, _ordered(items)) for key, items in found.items()]
    return sorted(made, key=lambda group: (group.latest, group.id), reverse=True)


def group(group_id: int, state: str = WAITING) -> Group | None:
    """The items of one group in `state`; None when it has none (used, dismissed, gone)."""
    items = db.session.scalars(
        select(DeskItem).where(DeskItem.group_id == group_id, DeskItem.state == state)
    ).all()
    return Group(group_id, _ordered(items)) if items else None


def free_slug(title: str, lang: str) -> str:
    """A slug no update has in `lang`: the title's, else with -2, -3, …"""
    base = slugify(title, max_length=MAX_SLUG, word_boundary=True) or "update"
    taken = set(
        db.session.scalars(
            select(UpdateTranslation.slug).where(
                UpdateTranslation.lang == lang,
                or_(UpdateTranslation.slug == base, UpdateTranslation.slug.like(f"{base}-%")),
            )
        )
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


class Gone(Exception):
    """Another editor handled the group first (its items are no longer where they were)."""


def _move(found: Group, state: str, **values) -> None:
    """Move every item of the group to `state` in one UPDATE that only matches items still
    in their former state; Gone when another editor moved any of them first."""
    ids = [item.id for item in found.items]
    moved = db.session.execute(
        sql_update(DeskItem)
        .where(DeskItem.id.in_(ids), DeskItem.state == found.items[0].state)
        .values(state=state, changed_at=utcnow(), **values)
    )
    if moved.rowcount != len(ids):
        raise Gone


def make_draft(found: Group) -> Update:
    """A draft of the group's story: the primary item's maker, title, summary and date;
    every item's link a source, the primary's first."""
    first = found.primary
    taken = db.session.scalar(
        select(Update.id).where(Update.maker_id == first.maker_id, Update.source_guid == first.guid)
    )
    update = Update(
        maker_id=first.maker_id,
        source_url=first.link,
        source_guid=None if taken else first.guid,
        published_at=first.published_at or utcnow(),
        author=first.author,
        translations=[
            UpdateTranslation(
                lang=first.lang,
                slug=free_slug(first.title, first.lang),
                title=first.title,
                lede=first.summary,
            )
        ],
        **DRAFT_DEFAULTS,
    )
    db.session.add(update)
    add_sources(update, [item.link for item in found.items])
    db.session.flush()
    _move(found, USED, update_id=update.id)
    return update


def add_sources(update: Update, links: list[str]) -> int:
    """Add the links an update does not have yet as further sources; how many were new."""
    have = set(sources(update)) if update.source_url else set()
    position = max((s.position for s in update.extra_sources), default=0)
    added = 0
    for link in dict.fromkeys(links):
        if link in have or link == update.source_url:
            continue
        position += 1
        update.extra_sources.append(UpdateSource(position=position, url=link))
        added += 1
    return added


def add_to_update(found: Group, update: Update) -> int:
    """Add the group's links to an existing update as further sources."""
    _move(found, USED, update_id=update.id)
    return add_sources(update, [item.link for item in found.items])


def dismiss(found: Group) -> None:
    _move(found, DISMISSED)


def restore(found: Group) -> None:
    """Put dismissed items back on the desk, grouped afresh with what waits there."""
    _move(found, WAITING)
    regroup()
