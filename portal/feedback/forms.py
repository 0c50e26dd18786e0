"""The two feedback forms, validated by hand: no CSRF token, no session, no cookie."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import abort
from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from portal.models import Feedback

MIN_LENGTH, MAX_LENGTH = 3, 2000
# C0 and C1 control characters except tab and newline (carriage returns are normalised away).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
USEFUL = {"yes": True, "no": False}


def clean_text(raw: str) -> str:
    """The message as typed, minus control characters and surrounding white space."""
    return CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()


@dataclass
class Source:
    """Where the form was sent from: an update or a maker page (ids, from hidden fields)."""

    update_id: int | None = None
    maker_id: int | None = None


@dataclass
class MessageForm:
    """'Help shape what we cover next': one free-text message."""

    source: Source
    message: str = ""
    sent: bool = False
    errors: list[str] = field(default_factory=list)
    kind = "message"
    min_length, max_length = MIN_LENGTH, MAX_LENGTH

    @classmethod
    def from_post(cls, form: MultiDict, source: Source) -> MessageForm:
        return cls(source, clean_text(form.get("message", "")))

    def validate(self) -> bool:
        """Fill `errors` with what the reader must change; True when there is nothing."""
        size = len(self.message)
        if not size:
            self.errors = [_l("Please write your message.")]
        elif size < MIN_LENGTH:
            self.errors = [_l("Please write at least %(min)d characters.", min=MIN_LENGTH)]
        elif size > MAX_LENGTH:
            self.errors = [
                _l(
                    "Please keep it to %(max)s characters; this is %(size)s.",
                    max=format_number(MAX_LENGTH),
                    size=format_number(size),
                )
            ]
        return not self.errors

    def to_feedback(self, lang: str, client: str) -> Feedback:
        return Feedback(
            message=self.message,
            lang=lang,
            update_id=self.source.update_id,
            maker_id=self.source.maker_id,
            client_hash=client,
        )


@dataclass
class UsefulForm:
    """'Was this useful? Yes / No' under an update: one click, no text."""

    source: Source
    useful: bool | None = None
    sent: bool = False
    errors: list[str] = field(default_factory=list)
    kind = "useful"

    @classmethod
    def from_post(cls, form: MultiDict, source: Source) -> UsefulForm:
        return cls(source, USEFUL.get(form.get("useful", "")))

    def validate(self) -> bool:
        if self.useful is None:
            self.errors = [_l("Please choose yes or no.")]
        return not self.errors

    def to_feedback(self, lang: str, client: str) -> Feedback:
        return Feedback(
            lang=lang, update_id=self.source.update_id, useful=self.useful, client_hash=client
        )


def form_for(form: MultiDict, source: Source) -> MessageForm | UsefulForm:
    """A vote when the post carries `useful` (only under an update), else a message."""
    if "useful" not in form:
        return MessageForm.from_post(form, source)
    if source.update_id is None:
        abort(400, _l("Only an update can be rated."))
    return UsefulForm.from_post(form, source)
