"""Checks before publishing: what an editor should look at before an update goes out.

Warnings (a long impact sentence, not three takeaways, a short body, links whose text
says nothing, a missing language) are shown in the form; errors (an image without alt
text, a source that is not a web address) also block publishing, scheduling and
submitting for review, while saving a draft still works. Each check names its language,
or none for the shared fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _nl

from portal import rendering
from portal.editor.forms import is_web_address
from portal.i18n import languages

MAX_IMPACT = 200  # characters
TAKEAWAYS = 3
MIN_WORDS = 80
# Link texts that say nothing about where a link leads (compared lowercased, trimmed).
EMPTY_LINK_TEXTS = {
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this link",
    "klik hier",
    "hier",
    "lees meer",
    "meer",
    "deze link",
}
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Check:
    level: str  # "error" (blocks publishing) or "warning"
    lang: str | None  # the language it is about; None for the shared fields
    message: str


class _Body(HTMLParser):
    """The links (their text) and images (their alt text) of a rendered body."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self._link: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            self._link = []
        elif tag == "img":
            self.images.append((dict(attrs).get("alt") or "").strip())
            if self._link is not None:
                self._link.append(self.images[-1])

    def handle_endtag(self, tag) -> None:
        if tag == "a" and self._link is not None:
            self.links.append(" ".join("".join(self._link).split()))
            self._link = None

    def handle_data(self, data) -> None:
        if self._link is not None:
            self._link.append(data)


def _says_nothing(text: str) -> bool:
    plain = text.strip().rstrip(".:!…").casefold()
    return not plain or plain in EMPTY_LINK_TEXTS or bool(BARE_URL.match(plain))


def _body_checks(lang: str, body: str) -> list[Check]:
    if len(body) > rendering.MAX_BODY:  # the form refuses it anyway
        return []
    found = []
    words = len(rendering.plain_text(body).split())
    if words < MIN_WORDS:
        found.append(
            Check(
                "warning",
                lang,
                _nl(
                    "The body has %(num)d word; aim for 80 at least.",
                    "The body has %(num)d words; aim for 80 at least.",
                    words,
                ),
            )
        )
    parsed = _Body()
    parsed.feed(rendering._html(body))
    parsed.close()
    for text in parsed.links:
        if _says_nothing(text):
            why = _l("A link’s text says nothing about where it leads: “%(text)s”.", text=text)
            found.append(Check("warning", lang, why))
    if not all(parsed.images):
        found.append(Check("error", lang, _l("An image has no alt text; describe what it shows.")))
    return found


def _text_checks(lang: str, text) -> list[Check]:
    found = []
    impact = text.impact.data or ""
    if len(impact) > MAX_IMPACT:
        why = _l("The impact sentence has %(num)d characters; keep it to 200.", num=len(impact))
        found.append(Check("warning", lang, why))
    takeaways = [line for line in (text.takeaways.data or "").splitlines() if line.strip()]
    if len(takeaways) != TAKEAWAYS:
        why = _nl(
            "There is %(num)d takeaway; give exactly three.",
            "There are %(num)d takeaways; give exactly three.",
            len(takeaways),
        )
        found.append(Check("warning", lang, why))
    return found + _body_checks(lang, text.body.data or "")


def checks(form) -> list[Check]:
    """Every check of an update form as typed: the shared fields', then each language's."""
    found = []
    if form.source_url.data and not is_web_address(form.source_url.data):
        found.append(
            Check("error", None, _l("The source URL must start with https:// or http://."))
        )
    for lang, text in form.translations().items():
        if lang not in languages():
            continue
        if not text.present:
            found.append(Check("warning", lang, _l("There is no text in this language.")))
            continue
        found += _text_checks(lang, text)
    return found


def blocking(found: list[Check]) -> bool:
    return any(check.level == "error" for check in found)
