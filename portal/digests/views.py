"""Sign up for a digest, confirm it, change it, end it: pages that set no cookie."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.exceptions import Forbidden, HTTPException, NotFound, ServiceUnavailable

from portal import queries
from portal.briefing.queries import briefing_filters
from portal.digests import bp, mail, subscriptions, tokens
from portal.digests.forms import DigestForm, canonical_filters, stored_filters
from portal.errors import render_error
from portal.extensions import limiter
from portal.feedback.views import _retry_after, same_site
from portal.http.pagecache import cacheable


@bp.before_request
def only_with_mail():
    """No mail server configured: the feature is hidden (404), never broken."""
    if not mail.enabled():
        abort(404)


@bp.after_request
def private(response):
    """Pages with a signed link or an address in them are never kept by a shared cache."""
    if request.endpoint != "digests.subscribe":
        response.headers["Cache-Control"] = "private, no-store"
    return response


def form_on_page(filters: queries.Filters | None = None) -> DigestForm:
    """The sign-up form a page shows: the one just posted, else one with the page's filters."""
    return g.get("digest_form") or DigestForm(
        lang=g.lang, filters=filters.query_string() if filters else ""
    )


def sign_up_url(filters: queries.Filters) -> str:
    """The sign-up page for a listing's filters, its own maker or tag among them."""
    query = briefing_filters(replace(filters, fixed=None)).query_string()
    return url_for("digests.subscribe") + (f"?{query}" if query else "")


def subscribe_limit() -> str:
    return current_app.config["SUBSCRIBE_RATE_LIMIT"]


@bp.route("/<lang>/digests/")
@cacheable
def subscribe():
    """The sign-up page, for "email me this" from a filtered listing."""
    g.digest_form = DigestForm(lang=g.lang, filters=canonical_filters(request.args, g.lang))
    return render_template("digests/subscribe.html")


@bp.post("/<lang>/digests/")
@limiter.limit(subscribe_limit, exempt_when=lambda: not same_site())
def sign_up():
    """Send a confirmation mail (or a note to a confirmed address); the answer is the same."""
    if not same_site():
        raise Forbidden()
    form = DigestForm.from_post(request.form, g.lang)
    if not request.form.get("website") and not form.errors:  # the honeypot stays empty
        try:
            subscriptions.subscribe(form)
        except mail.MailError as error:
            raise ServiceUnavailable() from error
    elif form.errors:
        g.digest_form = form
        return render_template("digests/subscribe.html"), 422
    return redirect(url_for("digests.sent"), 303)


@bp.route("/<lang>/digests/sent/")
def sent():
    """Check your inbox (said whether or not the address was known)."""
    return render_template("digests/message.html", title=_("Check your inbox"), kind="sent")


def _subscriber(token: str, purpose: str):
    if (found := tokens.subscriber_for(token, purpose)) is None:
        raise NotFound(_("This link is not valid any more. Subscribe again from the briefing."))
    return found


@bp.route("/<lang>/digests/confirm/<token>/", methods=["GET", "POST"])
def confirm(token: str):
    """A button that confirms (mail scanners follow links, they do not press buttons)."""
    subscriber = _subscriber(token, "confirm")
    if request.method == "GET":
        return render_template(
            "digests/message.html", title=_("Confirm your subscription"), kind="confirm"
        )
    if not same_site():
        raise Forbidden()
    subscriptions.confirm(subscriber)
    manage_token = tokens.make(subscriber, "manage")
    return redirect(url_for("digests.manage", token=manage_token, done="confirmed"), 303)


@bp.route("/<lang>/digests/manage/<token>/", methods=["GET", "POST"])
def manage(token: str):
    """Change the language, frequency and filters of a subscription."""
    subscriber = _subscriber(token, "manage")
    form = DigestForm(
        lang=subscriber.lang, frequency=subscriber.frequency, filters=subscriber.filters
    )
    if request.method == "POST":
        if not same_site():
            raise Forbidden()
        form = DigestForm.from_post(request.form, g.lang, with_email=False)
        if not form.errors:
            subscriptions.change(subscriber, form)
            return redirect(url_for("digests.manage", token=token, done="saved"), 303)
    return render_template(
        "digests/manage.html",
        subscriber=subscriber,
        form=form,
        filters=stored_filters(form.filters, g.lang),
        options=queries.facet_options(g.lang),
        token=token,
    ), 422 if form.errors else 200


@bp.route("/<lang>/digests/unsubscribe/<token>/", methods=["GET", "POST"])
def unsubscribe(token: str):
    """One POST ends it (RFC 8058: mail programs post from anywhere); a GET asks first."""
    if request.method == "GET":
        _subscriber(token, "manage")
        return render_template("digests/message.html", title=_("Unsubscribe"), kind="unsubscribe")
    if (found := tokens.subscriber_for(token, "manage")) is not None:
        subscriptions.unsubscribe(found)
    return render_template("digests/message.html", title=_("You are unsubscribed"), kind="done")


@bp.errorhandler(403)
@bp.errorhandler(404)
@bp.errorhandler(429)
@bp.errorhandler(503)
def refused(error: HTTPException):
    """Say why, in the reader's language."""
    texts = {
        403: _("You can only subscribe from the pages of this site."),
        429: _("You have tried this a lot. Please wait a while and try again."),
        503: _(
            "We could not send you a mail just now. Please try again later; nothing was stored."
        ),
    }
    text = texts.get(error.code)
    if error.code == 404 and error.description != NotFound.description:
        text = error.description
    response = render_error(error, text=text)
    if error.code == 429:
        response.headers["Retry-After"] = str(_retry_after())
    return response
