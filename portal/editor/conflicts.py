"""Two editors, one update: what differs between an outdated form and the saved update."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_datetime
from flask_babel import gettext as _

from portal import vocab
from portal.editor import queries
from portal.editor.forms import IMPORTANCE, UpdateFormBase
from portal.extensions import db
from portal.i18n import language_name
from portal.models import Maker

# Snapshot keys whose form field has another name.
FORM_FIELD = {"maker_id": "maker", "takeaways_text": "takeaways"}
LABELS = {
    "type": vocab.TYPES,
    "audience": vocab.AUDIENCES,
    "level": vocab.LEVELS,
    "importance": IMPORTANCE,
}


@dataclass
class Difference:
    label: str
    theirs: str  # saved now
    mine: str  # in the refused form
    changed_by_them: bool  # changed since the form was loaded


class Conflict(Exception):
    """The update was saved by someone else after the form was loaded; nothing was saved."""

    def __init__(self, version: str, by: str, at: datetime | None, found: list[Difference]):
        super().__init__(version)
        self.version, self.by, self.at, self.differences = version, by, at, found


def differences(
    form: UpdateFormBase, names: list[str], mine: dict, theirs: dict, by_them: set[str]
) -> list[Difference]:
    """The fields `names` where the form (`mine`) differs from the saved update (`theirs`,
    both snapshots), each marked when it is among those changed since the form was loaded."""
    return [
        Difference(_label(form, name), _value(name, theirs), _value(name, mine), name in by_them)
        for name in names
    ]


def _label(form: UpdateFormBase, name: str) -> str:
    if name == "status":
        return _("Status")
    if "." not in name:
        return str(form[FORM_FIELD.get(name, name)].label.text)
    lang, field = name.split(".")
    language = language_name(lang)
    if field in ("added", "removed"):
        label = _("Text")
    else:
        label = form.translations()[lang][FORM_FIELD.get(field, field)].label.text
    return _("%(field)s (%(language)s)", field=label, language=language)


def _value(name: str, state: dict) -> str:
    """A field's value in a snapshot, as an editor reads it."""
    if "." in name:
        lang, field = name.split(".")
        text = state["texts"].get(lang)
        if text is None:
            return _("No text in this language")
        return text["title" if field in ("added", "removed") else field]
    value = state[name]
    if name == "maker_id":
        maker = db.session.get(Maker, value)
        return maker.name if maker else str(value)
    if name == "tags":
        labels = {tag.id: tag.label() for tag in queries.tags()}
        return ", ".join(sorted(labels.get(i, str(i)) for i in value))
    if name == "status":
        when = datetime.fromisoformat(state["published_at"])
        return str(vocab.STATUSES[queries.status_at(value, when)])
    if name == "published_at":
        return format_datetime(datetime.fromisoformat(value), "short")
    return str(LABELS.get(name, {}).get(value, value))
