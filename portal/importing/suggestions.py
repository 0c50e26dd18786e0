"""Suggestions on a draft made from the import desk, never filled in by themselves.

Tags whose name (slug or label in any language) appears as words in a title or lede (of
the draft or of the desk items it was made from);
tags, type, audience and level of the published updates whose titles are most like the
draft's (rapidfuzz); the reading time of each body. The form shows each with a button
that applies it (`accept`), re-rendering the form without saving anything."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from flask import abort, request
from flask_babel import lazy_gettext as _l
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy import exists, select

from portal import vocab
from portal.extensions import db
from portal.importing.grouping import title_words
from portal.models import DeskItem, Tag, Update, UpdateTranslation
from portal.models.content import WORDS_PER_MINUTE

SIMILAR = 60  # token_set_ratio of normalised titles for a past update to count as similar
NEIGHBOURS = 5
CANDIDATES = 5000  # the newest published titles compared
FIELDS = {"type": vocab.TYPES, "audience": vocab.AUDIENCES, "level": vocab.LEVELS}
FROM_WORDS = _l("its name is in the text")
FROM_SIMILAR = _l("similar updates have it")


@dataclass(frozen=True)
class Suggestion:
    field: str  # tag, type, audience, level
    value: str
    label: str
    reason: str

    @property
    def key(self) -> str:
        return f"{self.field}:{self.value}"


@dataclass(frozen=True)
class Suggestions:
    items: list[Suggestion]
    reading: dict[str, int]  # language: minutes
    similar: list[Update]


def from_desk(update: Update | None) -> bool:
    """Whether the update is a draft made from (or added to by) the import desk."""
    if update is None or update.status != "draft":
        return False
    return bool(db.session.scalar(select(exists().where(DeskItem.update_id == update.id))))


def titles(statuses=("published",)) -> list[tuple[int, str]]:
    """(update id, title) of the newest updates in `statuses`, every language's title."""
    return db.session.execute(
        select(UpdateTranslation.update_id, UpdateTranslation.title)
        .join(Update)
        .where(Update.status.in_(statuses))
        .order_by(Update.published_at.desc())
        .limit(CANDIDATES)
    ).all()


def similar_updates(title: str, rows: list, exclude: int | None = None) -> list[Update]:
    """The updates among `rows` (from `titles`) whose titles are most like `title`."""
    found = process.extract(
        title,
        {n: row[1] for n, row in enumerate(rows) if row[0] != exclude},
        scorer=fuzz.token_set_ratio,
        processor=title_words,
        score_cutoff=SIMILAR,
        limit=NEIGHBOURS * 4,
    )
    ids = list(dict.fromkeys(rows[n][0] for _, _, n in found))[:NEIGHBOURS]
    return [db.session.get(Update, i) for i in ids]


def _named_tags(text: str, tags: list[Tag]) -> list[Tag]:
    padded = f" {default_process(text)} "
    found = []
    for tag in tags:
        names = {tag.slug.replace("-", " ")} | {t.label for t in tag.translations}
        if any(f" {default_process(name)} " in padded for name in names if name.strip()):
            found.append(tag)
    return found


def suggest(form, update: Update) -> Suggestions:
    """What the draft could have, from its text as in `form` and similar past updates."""
    texts = [t for t in form.translations().values() if t.present]
    items = db.session.execute(
        select(DeskItem.title, DeskItem.summary).where(DeskItem.update_id == update.id)
    ).all()
    words = " ".join(
        f"{title} {lede}" for title, lede in [*items, *((t.title.data, t.lede.data) for t in texts)]
    )
    title = texts[0].title.data if texts else ""
    similar = similar_updates(title, titles(), exclude=update.id) if title else []
    chosen = set(form.tags.data or [])
    tags = {tag.id: tag for tag in db.session.scalars(select(Tag))}
    items, offered = [], set()
    for tag in _named_tags(words, list(tags.values())):
        items.append(Suggestion("tag", str(tag.id), tag.label(), str(FROM_WORDS)))
        offered.add(tag.id)
    counted = Counter(tag.id for past in similar for tag in past.tags)
    for tag_id, _ in counted.most_common():
        if tag_id not in offered:
            items.append(Suggestion("tag", str(tag_id), tags[tag_id].label(), str(FROM_SIMILAR)))
            offered.add(tag_id)
    items = [s for s in items if int(s.value) not in chosen]
    for name, labels in FIELDS.items():
        common = Counter(getattr(past, name) for past in similar).most_common(1)
        if common and common[0][0] != form[name].data and common[0][0] in labels:
            items.append(
                Suggestion(name, common[0][0], str(labels[common[0][0]]), str(FROM_SIMILAR))
            )
    reading = {
        lang: max(1, math.ceil(len((t.body.data or "").split()) / WORDS_PER_MINUTE))
        for lang, t in form.translations().items()
        if t.present
    }
    return Suggestions(items, reading, similar)


def accept(form) -> bool:
    """Apply the suggestion whose button was pressed (`accept=field:value`) to the form;
    False when none was. A value the form cannot take is a 400."""
    key = request.form.get("accept")
    if key is None:
        return False
    name, _, value = key.partition(":")
    tag_ids = {str(choice.value) for choice in form.tags.choices or []}
    if name == "tag" and value in tag_ids:
        form.tags.data = list(dict.fromkeys([*(form.tags.data or []), int(value)]))
    elif name in FIELDS and value in FIELDS[name]:
        form[name].data = value
    else:
        abort(400)
    return True
