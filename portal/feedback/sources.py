"""The page a feedback form was sent from: found by id, never by a URL the client sent."""

from __future__ import annotations

from flask import abort, current_app, g, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from portal import queries
from portal.extensions import db
from portal.feedback.forms import Source
from portal.i18n import languages
from portal.models import Maker, Update

UNKNOWN_SOURCE = _l("We could not tell which page this feedback is about.")


def _id(form: MultiDict, name: str) -> int | None:
    raw = form.get(name, "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


def source_from(form: MultiDict) -> Source:
    """The published update or the public maker named by the form's hidden field; else a 400."""
    if (update_id := _id(form, "update")) is not None:
        found = db.session.scalar(queries.published().where(Update.id == update_id))
        return Source(update_id=found.id) if found else abort(400, UNKNOWN_SOURCE)
    if (maker_id := _id(form, "maker")) is not None:
        public = select(Maker.id).where(Maker.id == maker_id, queries.is_public(Maker))
        found = db.session.scalar(public)
        return Source(maker_id=found) if found else abort(400, UNKNOWN_SOURCE)
    abort(400, UNKNOWN_SOURCE)


def page_url(source: Source, **args) -> str:
    """The local URL of the update or maker page, in the reader's language."""
    if source.update_id is not None:
        update = db.session.get(Update, source.update_id)
        return url_for("public.update", slug=update.best_translation().slug, **args)
    maker = db.session.get(Maker, source.maker_id)
    return url_for("public.maker", slug=maker.slug, **args)


def render_page(source: Source):
    """Render the source page again, as if it had been requested, around the form's state."""
    path = page_url(source)
    adapter = current_app.create_url_adapter(request)
    rule, args = adapter.match(path, method="GET", return_rule=True)
    g.lang = args.pop("lang")
    g.alternates = {code: page_url(source, lang=code) for code in languages()}
    request.url_rule, request.view_args = rule, args
    return current_app.view_functions[rule.endpoint](**args)
