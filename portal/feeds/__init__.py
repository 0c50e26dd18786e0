"""Atom feeds: the whole site, each maker, each tag, and any filter combination."""

from __future__ import annotations

from datetime import UTC

from flask import Blueprint, Response, abort, g, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal import queries
from portal.extensions import db
from portal.i18n import absolute, languages
from portal.models import Maker, Tag
from portal.pagecache import cacheable

bp = Blueprint("feeds", __name__)

FEED_SIZE = 50


def _feed(title: str, page_url: str, filters: queries.Filters) -> Response:
    """The newest published updates matching `filters` as Atom 1.0."""
    filters.page = 1
    items = queries.find_updates(filters, per_page=FEED_SIZE).items
    host = request.host.split(":")[0]
    entries = []
    for item in items:
        text = item.best_translation(g.lang, list(languages()))
        entries.append(
            {
                "id": f"tag:{host},2025:update-{item.id}",
                "item": item,
                "text": text,
                "link": absolute(url_for("public.update", lang=text.lang, slug=text.slug)),
                "published": _stamp(item.published_at),
                "updated": _stamp(max(item.published_at, text.updated_at)),
            }
        )
    newest = max((e["updated"] for e in entries), default=_stamp(queries.utcnow()))
    self_url = absolute(request.full_path.rstrip("?"))
    body = render_template(
        "feeds/atom.xml",
        feed_id=self_url,
        title=f"{title} · {_('AI Makers Tracker')}",
        page_url=absolute(page_url),
        self_url=self_url,
        updated=newest,
        entries=entries,
    )
    return Response(body, mimetype="application/atom+xml")


def _stamp(moment) -> str:
    """An RFC 3339 time in UTC (stored times are naive UTC)."""
    return moment.replace(tzinfo=UTC, microsecond=0).isoformat()


@bp.route("/<lang>/feed.xml")
@cacheable
def site():
    """Every published update."""
    return _feed(_("All updates"), url_for("public.updates"), queries.Filters(lang=g.lang))


@bp.route("/<lang>/updates/feed.xml")
@cacheable
def filtered():
    """The updates of one filter combination, with the listing's query parameters."""
    filters = queries.parse_filters(request.args, g.lang)
    return _feed(_("All updates"), url_for("public.updates", **request.args), filters)


@bp.route("/<lang>/makers/<slug>/feed.xml")
@cacheable
def maker(slug: str):
    """One maker's updates."""
    found = db.session.scalar(select(Maker).where(Maker.slug == slug)) or abort(404)
    filters = queries.Filters(makers=[found.slug], lang=g.lang)
    title = _("%(maker)s updates", maker=found.name)
    return _feed(title, url_for("public.maker", slug=slug), filters)


@bp.route("/<lang>/tags/<slug>/feed.xml")
@cacheable
def tag(slug: str):
    """The updates with one tag."""
    found = db.session.scalar(select(Tag).where(Tag.slug == slug)) or abort(404)
    filters = queries.Filters(tags=[found.slug], lang=g.lang)
    title = _("Updates tagged “%(tag)s”", tag=found.label(g.lang))
    return _feed(title, url_for("public.tag", slug=slug), filters)
