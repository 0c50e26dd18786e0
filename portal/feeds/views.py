"""The Atom feeds: the whole site, each maker, each tag, and any filter combination."""

from __future__ import annotations

from dataclasses import replace

from flask import Response, g, render_template, request, url_for
from flask_babel import gettext as _
from jinja2 import pass_context

from portal import facets, queries
from portal.extensions import db
from portal.feeds import bp, entries
from portal.http.pagecache import cacheable
from portal.i18n import absolute
from portal.models import Maker, Tag

FEED_SIZE = 50


def _feed(
    title: str, page_url: str, filters: queries.Filters, self_url: str | None = None
) -> Response:
    """The newest published updates matching `filters` as Atom 1.0; `self_url` is the
    feed's own address (its path without a query unless given)."""
    filters.page = 1
    ids = queries.find_updates(filters, per_page=FEED_SIZE, by_date=True, load=False).items
    rendered = entries.entries(facets.current(queries._version()), ids, g.lang)
    newest = max((updated for _, updated in rendered), default=entries.stamp(queries.utcnow()))
    self_url = absolute(self_url or request.path)
    body = render_template(
        "feeds/atom.xml",
        feed_id=self_url,
        title=f"{title} · {_('AI Makers Tracker')}",
        page_url=absolute(page_url),
        self_url=self_url,
        updated=newest,
        entries=[markup for markup, _ in rendered],
    )
    return Response(body, mimetype="application/atom+xml")


def _feed_query(filters: queries.Filters) -> str:
    """The canonical query of the feed of `filters`: a feed has no pages and is always
    newest first, so neither the page nor the order changes which feed it is."""
    return replace(filters, page=1, sort="newest").query_string()


@bp.app_template_global()
@pass_context
def listing_feed_url(context, maker: str | None = None, tag: str | None = None) -> str:
    """The feed of the listing being shown (its `filters`): its page's own feed, or the
    filtered feed, with the page's maker or tag among its filters, at its canonical address."""
    filters = context["filters"]
    if not _feed_query(filters):
        if maker:
            return url_for("feeds.maker", slug=maker)
        if tag:
            return url_for("feeds.tag", slug=tag)
    query = _feed_query(replace(filters, fixed=None))
    return url_for("feeds.filtered") + (f"?{query}" if query else "")


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
    query = f"?{_feed_query(filters)}".rstrip("?")
    page_url, self_url = url_for("public.updates") + query, url_for("feeds.filtered") + query
    return _feed(_("All updates"), page_url, filters, self_url)


@bp.route("/<lang>/makers/<slug>/feed.xml")
@cacheable
def maker(slug: str):
    """One maker's updates."""
    found = db.one_or_404(queries.public_with_slug(Maker, slug))
    filters = queries.Filters(makers=[found.slug], lang=g.lang)
    title = _("%(maker)s updates", maker=found.name)
    return _feed(title, url_for("public.maker", slug=slug), filters)


@bp.route("/<lang>/tags/<slug>/feed.xml")
@cacheable
def tag(slug: str):
    """The updates with one tag."""
    found = db.one_or_404(queries.public_with_slug(Tag, slug))
    filters = queries.Filters(tags=[found.slug], lang=g.lang)
    title = _("Updates tagged “%(tag)s”", tag=found.label())
    return _feed(title, url_for("public.tag", slug=slug), filters)
