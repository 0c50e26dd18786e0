"""Per-field translation status.

An update's *source* language is the one it was first written in (its oldest text); every
field of its other languages records the source's text of that field when it was written
or checked (`FieldStatus`). A field is outdated once the source's field differs from that
record. A field counts as written against the current source when a save changes it, when
the editor ticks "translation checked", or when it is saved exactly as a machine translated
it (then from the language it was translated from, and marked machine-translated). A text
saved before this existed gets its record on its first save: the source as it was before.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from flask import g, has_request_context, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased
from werkzeug.datastructures import MultiDict

from portal.extensions import db
from portal.i18n import languages
from portal.models import FieldStatus, Update, UpdateTranslation

# Form field name -> UpdateTranslation attribute, in the form's order.
FIELDS = {
    "title": "title",
    "lede": "lede",
    "body": "body",
    "impact": "impact",
    "takeaways": "takeaways_text",
}
LABELS = {
    "title": _l("Title"),
    "lede": _l("Lede"),
    "body": _l("Body"),
    "impact": _l("Impact"),
    "takeaways": _l("Takeaways"),
}
CHECKED = "translation-checked"  # checkbox values "nl.title"
MACHINE = "machine-"  # hidden "machine-nl.title" = "en:<sha256 of the machine's text>"


def text_of(translation, field: str) -> str:
    return getattr(translation, FIELDS[field]) or ""


def digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").strip().encode()).hexdigest()


def source_lang(update: Update) -> str | None:
    """The language the update was first written in: its oldest text."""
    saved = [t for t in update.translations if t.id is not None]
    return min(saved, key=lambda t: t.id).lang if saved else None


@dataclass
class FieldState:
    lang: str
    field: str
    source_lang: str
    was: str  # the source's text when this field was last written or checked
    now: str  # the source's text today
    machine: bool

    @property
    def outdated(self) -> bool:
        return self.was != self.now

    def diff(self) -> list[tuple[str, str]]:
        """What changed in the source, word by word: ("equal"|"delete"|"insert", text)."""
        old, new = re.split(r"(\s+)", self.was), re.split(r"(\s+)", self.now)
        parts = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
            if op in ("equal", "delete", "replace"):
                parts.append(("equal" if op == "equal" else "delete", "".join(old[i1:i2])))
            if op in ("insert", "replace"):
                parts.append(("insert", "".join(new[j1:j2])))
        return [(op, text) for op, text in parts if text]


def _rows(update_id: int) -> dict[tuple[str, str], FieldStatus]:
    rows = db.session.scalars(select(FieldStatus).where(FieldStatus.update_id == update_id))
    return {(r.lang, r.field): r for r in rows}


def states(update: Update | None) -> dict[str, dict[str, FieldState]]:
    """Per language and field, what it was written against (fields with a record only)."""
    found: dict[str, dict[str, FieldState]] = defaultdict(dict)
    if update is None or update.id is None:
        return found
    texts = {t.lang: t for t in update.translations}
    for (lang, field), row in _rows(update.id).items():
        source = texts.get(row.source_lang)
        if source is None or lang not in texts or row.source_lang == lang:
            continue
        now = text_of(source, field)
        found[lang][field] = FieldState(
            lang, field, row.source_lang, row.source_text, now, row.machine
        )
    return found


def outdated(update: Update | None) -> dict[str, list[str]]:
    """Per language, its outdated fields in the form's order."""
    found = states(update)
    return {
        lang: [f for f in FIELDS if f in found[lang] and found[lang][f].outdated]
        for lang in found
        if any(s.outdated for s in found[lang].values())
    }


def machine_marks(lang: str) -> dict[str, str]:
    """The machine's drafts of `lang` the form carries (from a translation, or sent back
    with a form that was refused), so that saving them later still marks them."""
    found = g.get("translation", {}).get("marks")
    if found is None:
        found = request.form if has_request_context() and request.method == "POST" else {}
    prefix = f"{MACHINE}{lang}."
    return {k: v for k, v in found.items() if k.startswith(prefix) and k[len(prefix) :] in FIELDS}


def record(update: Update, before: dict | None, marks: MultiDict | None = None) -> None:
    """Bring the update's field records up to date after a save (before: its snapshot)."""
    if marks is None:
        marks = request.form if has_request_context() else MultiDict()
    checked = set(marks.getlist(CHECKED))
    old_texts = (before or {}).get("texts", {})
    texts = {t.lang: t for t in update.translations}
    source = source_lang(update)
    rows = _rows(update.id)
    for (lang, _field), row in rows.items():
        if lang not in texts:  # that language's text was removed
            db.session.delete(row)
    for lang, text in texts.items():
        for field, column in FIELDS.items():
            value, row = text_of(text, field), rows.get((lang, field))
            old = old_texts.get(lang)
            changed = old is None or old[column] != value
            machine_from, _, machine_hash = marks.get(f"{MACHINE}{lang}.{field}", "").partition(":")
            if machine_from in texts and machine_from != lang and machine_hash == digest(value):
                against, machine = machine_from, True
            elif changed or f"{lang}.{field}" in checked:
                against, machine = (source if source != lang else None), False
            elif row is None and source not in (None, lang) and source in old_texts:
                # Saved before per-field status existed: written against the source as it was.
                _put(update.id, lang, field, source, old_texts[source][column], False, None)
                continue
            else:
                continue
            if against is None:
                if row is not None:
                    db.session.delete(row)
                continue
            _put(update.id, lang, field, against, text_of(texts[against], field), machine, row)


def _put(update_id, lang, field, source_lang, source_text, machine, row) -> None:
    if row is None:
        row = FieldStatus(update_id=update_id, lang=lang, field=field)
        db.session.add(row)
    row.source_lang, row.source_text, row.machine = source_lang, source_text, machine


def machine_translated(translation: UpdateTranslation) -> bool:
    """Whether any field of this text is still exactly as a machine translated it."""
    return bool(
        db.session.scalar(
            select(func.count()).where(
                FieldStatus.update_id == translation.update_id,
                FieldStatus.lang == translation.lang,
                FieldStatus.machine.is_(True),
            )
        )
    )


# --- the dashboard's matrix ----------------------------------------------------------


def outdated_query():
    """(update_id, lang, field) of every outdated field, in SQL."""
    source, target = aliased(UpdateTranslation), aliased(UpdateTranslation)
    current = case(
        {field: getattr(source, column) for field, column in FIELDS.items()},
        value=FieldStatus.field,
    )
    return (
        select(FieldStatus.update_id, FieldStatus.lang, FieldStatus.field)
        .join(
            source,
            (source.update_id == FieldStatus.update_id) & (source.lang == FieldStatus.source_lang),
        )
        .join(
            target,
            (target.update_id == FieldStatus.update_id) & (target.lang == FieldStatus.lang),
        )
        .where(FieldStatus.source_lang != FieldStatus.lang, FieldStatus.source_text != current)
    )


def outdated_fields(update_ids) -> dict[tuple[int, str], list[str]]:
    """(update id, lang) -> its outdated fields, for these updates."""
    ids = list(update_ids)
    found: dict[tuple[int, str], list[str]] = defaultdict(list)
    if not ids:
        return found
    query = outdated_query().where(FieldStatus.update_id.in_(ids))
    for update_id, lang, field in db.session.execute(query):
        found[(update_id, lang)].append(field)
    for key, fields in found.items():
        found[key] = [f for f in FIELDS if f in fields]
    return found


def has_state(state: str, lang: str):
    """A condition on Update: its text in `lang` is missing, outdated or complete."""
    present = Update.id.in_(
        select(UpdateTranslation.update_id).where(UpdateTranslation.lang == lang)
    )
    stale = outdated_query().subquery()
    old = Update.id.in_(select(stale.c.update_id).where(stale.c.lang == lang))
    return {"missing": ~present, "outdated": old, "complete": present & ~old}[state]


STATES = ("complete", "outdated", "missing")
STATE_NAMES = {"complete": _l("complete"), "outdated": _l("outdated"), "missing": _l("missing")}


def totals(base) -> dict[str, dict[str, int]]:
    """Per language, how many of the updates `base` selects are complete, outdated, missing."""
    counted = {}
    for lang in languages():
        counted[lang] = {
            state: db.session.scalar(
                select(func.count()).select_from(base.where(has_state(state, lang)).subquery())
            )
            or 0
            for state in STATES
        }
    return counted
