"""POST /<lang>/feedback: store a reader's message or vote, then thank them."""

from __future__ import annotations

import math
import time

from flask import current_app, g, redirect, render_template, request
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import BadRequest, Forbidden, HTTPException

from portal.clients import client_hash
from portal.errors import render_error
from portal.extensions import db, htmx, limiter
from portal.feedback import bp
from portal.feedback.forms import MessageForm, Source, UsefulForm, form_for
from portal.feedback.sources import page_url, render_page, source_from
from portal.htmx import vary_on_htmx, wants_fragment

FORMS = {"message": MessageForm, "useful": UsefulForm}
# ?feedback=… on the page after a plain (no-JavaScript) post: the thank-you comes from the URL.
THANKED = {"message": "sent", "useful": "voted"}
ANCHORS = {"message": "feedback", "useful": "useful"}
# The htmx target of each form (HX-Target) → where a refusal is shown, next to the form.
PROBLEM_SLOTS = {"feedback-form": "#feedback-form-problem", "useful": "#useful-problem"}
REFUSALS = {
    403: _l("Feedback can only be sent from the pages of this site."),
    413: _l("That is far too much text: feedback can be at most 2,000 characters."),
}


def same_site() -> bool:
    """The post comes from our own pages (Sec-Fetch-Site, else Origin); old clients send neither."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own = {request.host_url.rstrip("/"), current_app.config.get("SITE_URL") or ""}
    return origin in own - {""}


def feedback_limit() -> str:
    return current_app.config["FEEDBACK_RATE_LIMIT"]


@bp.post("/<lang>/feedback")
@limiter.limit(feedback_limit, exempt_when=lambda: not same_site())
def send():
    """Store the reader's message or vote and thank them; show the form again if it is wrong."""
    if not same_site():
        raise Forbidden()
    form = form_for(request.form, source_from(request.form))
    if request.form.get("website"):  # the honeypot: thank the bot, store nothing
        form.sent = True
    elif form.validate():
        db.session.add(form.to_feedback(g.lang, client_hash()))
        db.session.commit()
        form.sent = True
    if wants_fragment():
        return _fragment(form)
    if form.sent:
        url = page_url(form.source, feedback=THANKED[form.kind], _anchor=ANCHORS[form.kind])
        return redirect(url, 303)
    g.feedback_form = form
    return render_page(form.source), 422


def _fragment(form: MessageForm | UsefulForm):
    """The form's own partial, as the page includes it: thanked, or with its errors (422)."""
    body = render_template(f"feedback/_{form.kind}.html", form=form)
    return vary_on_htmx(current_app.make_response((body, 200 if form.sent else 422)))


def form_on_page(kind: str, update=None, maker=None) -> MessageForm | UsefulForm:
    """The form a page shows: the one just posted, else a fresh one, thanked after a 303."""
    posted = g.get("feedback_form")
    if posted is not None and posted.kind == kind:
        return posted
    source = Source(update_id=update and update.id, maker_id=None if update else maker.id)
    return FORMS[kind](source, sent=request.args.get("feedback") == THANKED[kind])


def _retry_after() -> int:
    """Seconds until the breached limit lets this client send again."""
    limit = limiter.current_limit
    return max(1, math.ceil(limit.window[0] - time.time())) if limit else 60


@bp.errorhandler(BadRequest)
@bp.errorhandler(Forbidden)
@bp.errorhandler(413)
@bp.errorhandler(429)
def refused(error: HTTPException):
    """Say why the feedback was refused: the error page, or for htmx a note by the form."""
    text = REFUSALS.get(error.code)
    if error.code == 400 and error.description != BadRequest.description:
        text = error.description
    wait = _retry_after() if error.code == 429 else None
    if wait:
        when = format_timedelta(wait, add_direction=True)
        text = _("You have sent a lot of feedback. Please try again %(when)s.", when=when)
    response = render_error(error, text=text)
    if wait:
        response.headers["Retry-After"] = str(wait)
    if wants_fragment() and (slot := PROBLEM_SLOTS.get(htmx.target or "")):
        response.headers["HX-Retarget"] = slot
        response.headers["HX-Reswap"] = "innerHTML"
    return response
