"""The sign-up and manage forms, validated by hand like feedback's: no session, no cookie."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from email_validator import EmailNotValidError, validate_email
from flask import g
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from portal import queries, vocab
from portal.briefing.queries import briefing_filters
from portal.i18n import languages
from portal.models.subscribers import FREQUENCIES

FREQUENCY_LABELS = {"daily": _l("Daily"), "weekly": _l("Weekly")}
MAX_EMAIL = 320
MAX_FILTERS = 2000  # characters of the canonical query string (the column's size)


def canonical_filters(args: MultiDict, lang: str) -> str:
    """The listing filters in `args` as a digest keeps them: canonical, without dates or page."""
    return briefing_filters(queries.parse_filters(args, lang)).query_string()


def stored_filters(raw: str, lang: str) -> queries.Filters:
    """A subscriber's kept filters, read as the listings read theirs."""
    return queries.parse_filters(MultiDict(parse_qsl(raw)), lang)


@dataclass
class DigestForm:
    """An address (sign-up only), a language, a frequency and the listing's filters."""

    email: str = ""
    lang: str = "en"
    frequency: str = "weekly"
    filters: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_post(cls, form: MultiDict, page_lang: str, with_email: bool = True):
        found = cls(
            email=" ".join(form.get("email", "").split())[: MAX_EMAIL + 1] if with_email else "",
            lang=form.get("language", page_lang),
            frequency=form.get("frequency", "weekly"),
        )
        found.filters = (
            canonical_filters(MultiDict(parse_qsl(form.get("filters", ""))), page_lang)
            if "filters" in form
            else canonical_filters(form, page_lang)
        )
        if with_email:
            found.check_email()
        if len(found.filters) > MAX_FILTERS:
            found.errors["filters"] = str(
                _l("These filters are too long to keep. Please choose fewer.")
            )
        if found.lang not in languages():
            found.errors["language"] = str(_l("Please choose a language."))
        if found.frequency not in FREQUENCIES:
            found.errors["frequency"] = str(_l("Please choose daily or weekly."))
        return found

    def check_email(self) -> None:
        if not self.email:
            self.errors["email"] = str(_l("Please give your email address."))
            return
        try:
            found = validate_email(self.email, check_deliverability=False)
        except EmailNotValidError:
            self.errors["email"] = str(_l("This is not an email address like name@example.org."))
            return
        if len(found.normalized) > MAX_EMAIL:
            self.errors["email"] = str(_l("This email address is too long."))
        self.email = found.normalized


def filter_labels(raw: str, lang: str) -> list[str]:
    """A subscriber's or form's filters in words, for the reader: maker names, labels, words."""
    filters = stored_filters(raw, lang)
    options = queries.facet_options(lang)
    labels = []
    for facet in queries.FACETS:
        names = dict(options[facet][1])
        labels += [str(names.get(value, value)) for value in filters.chosen(facet)]
    if filters.importance:
        labels.append(str(vocab.IMPORTANCE[str(filters.importance)]))
    if filters.q:
        labels.append(f"“{filters.q}”")
    return labels


def labels_on_page(raw: str) -> list[str]:
    return filter_labels(raw, g.lang)
