"""The mails, in the subscriber's language: confirmation, "already subscribed", the digest.

Each is a text part complete on its own and an HTML part (`lang` set, no images, no
tracking, links as they are), rendered from templates/mail/. Every mail after the
confirmation carries the manage and unsubscribe links, and the digest also
`List-Unsubscribe` with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import g, render_template, url_for
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from portal.digests import mail, tokens
from portal.i18n import absolute
from portal.models import Subscriber


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Render in `lang` (texts, dates, links), then give the page its own language back."""
    saved = g.get("lang")
    g.lang = lang
    try:
        with force_locale(lang):
            yield
    finally:
        g.lang = saved


def links(subscriber: Subscriber) -> dict[str, str]:
    """The subscriber's signed links, absolute, in their language."""
    token = tokens.make(subscriber, "manage")
    return {
        "manage": absolute(url_for("digests.manage", lang=subscriber.lang, token=token)),
        "unsubscribe": absolute(url_for("digests.unsubscribe", lang=subscriber.lang, token=token)),
    }


def _mail(subscriber: Subscriber, name: str, subject: str, headers=None, **context):
    context |= {"subscriber": subscriber, "subject": subject}
    text = render_template(f"mail/{name}.txt", **context)
    html = render_template(f"mail/{name}.html", **context)
    return mail.message(subscriber.email, subject, text, html, headers)


def confirmation(subscriber: Subscriber):
    """The double opt-in mail: a link valid 48 hours."""
    with in_language(subscriber.lang):
        token = tokens.make(subscriber, "confirm")
        url = absolute(url_for("digests.confirm", lang=subscriber.lang, token=token))
        return _mail(subscriber, "confirm", _("Confirm your email digest"), confirm_url=url)


def already_subscribed(subscriber: Subscriber):
    """Sent instead of a confirmation to an address already confirmed: its manage link."""
    with in_language(subscriber.lang):
        subject = _("You already receive our email digest")
        return _mail(subscriber, "subscribed", subject, **links(subscriber))


def digest(subscriber: Subscriber, items: list, period: str, changes: list = ()):
    """The digest of `items` (most important first), then `changes` (the week's "What
    changes, when"), with one-click unsubscribe headers."""
    with in_language(subscriber.lang):
        found = links(subscriber)
        headers = {
            "List-Unsubscribe": f"<{found['unsubscribe']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if subscriber.frequency == "daily":
            subject = ngettext(
                "Your daily digest: %(num)d update",
                "Your daily digest: %(num)d updates",
                len(items),
            )
        else:
            subject = ngettext(
                "Your weekly digest: %(num)d update",
                "Your weekly digest: %(num)d updates",
                len(items),
            )
        context = {"items": items, "period": period, "changes": changes}
        return _mail(subscriber, "digest", subject, headers, **context, **found)
