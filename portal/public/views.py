"""Views for readers; each finds what to show in portal.queries and renders it."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from urllib.parse import parse_qsl

from flask import current_app, g, redirect, render_template, request, url_for

from portal import facets, queries
from portal.extensions import db
from portal.htmx import render_page_or_block
from portal.http.pagecache import cacheable
from portal.i18n import best_language, languages
from portal.models import Maker, Tag
from portal.public import bp, chart, pieces, update_parts


@bp.route("/")
def root():
    """Send the reader to their language's front page."""
    response = redirect(url_for("public.front", lang=best_language()), 302)
    # The one answer that depends on the reader's language header and switch cookie.
    response.vary.update(("Accept-Language", "Cookie"))
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/<lang>/")
@cacheable
def front():
    """Show the most important recent updates, the newest per maker, and the makers."""
    _addresses(lambda lang: url_for("public.front", lang=lang))
    return render_template(
        "public/front.html",
        top=queries.top_updates(),
        newest=queries.newest_per_maker(),
        makers=queries.makers_with_counts(),
    )


def _listing(template: str, **context):
    """Render a filtered listing (or its results for htmx); a page's maker or tag is fixed."""
    filters = queries.parse_filters(request.args, g.lang)
    if fixed_maker := context.get("maker"):
        filters.makers, filters.fixed = [fixed_maker.slug], "maker"
    if fixed_tag := context.get("tag"):
        filters.tags, filters.fixed = [fixed_tag.slug], "tag"
    # Kept teasers (pieces); a search result's teaser quotes its text around the words searched for.
    page = queries.find_updates(filters, current_app.config["UPDATES_PER_PAGE"], load=False)
    index = facets.current(queries._version())
    if filters.q:
        page.items = pieces.search_teasers(index, page.items, g.lang, filters.q)
    else:
        page.items = pieces.teasers(index, page.items, g.lang)
    options = queries.facet_options(g.lang, fixed=filters.fixed, chosen_tags=filters.tags)
    # The address bar shows the canonical address after a live filter or search; a later
    # page is "More updates", appended in place, which leaves the address alone.
    query = filters.query_string()  # the same in every language
    _addresses(lambda lang: _with_query(listing_path(lang), query))
    return render_page_or_block(
        template,
        "results",
        push_url=g.canonical if filters.page == 1 else None,
        filters=filters,
        page=page,
        facets=queries.facet_counts(filters, offered=options),
        activity=chart.bars(queries.activity(filters), month_url(filters)),
        facet_options=options,
        all_tags=(all_tags_url(filters), queries.tag_total()) if "tag" in options else None,
        **context,
    )


def _all_tags(**context):
    """Every tag of a listing, A to Z with its count, in a form that goes back to the
    listing with the other filters kept: a listing's own form offers only the most used."""
    filters = queries.parse_filters(request.args, g.lang)
    if fixed_maker := context.get("maker"):
        filters.makers, filters.fixed = [fixed_maker.slug], "maker"
    listing = LISTINGS[request.endpoint]
    query = replace(filters, page=1).query_string()
    _addresses(
        lambda lang: (
            url_for(request.endpoint, **dict(request.view_args or {}, lang=lang))
            + (f"?{query}" if query else "")
        )
    )
    return render_template(
        "public/all_tags.html",
        filters=filters,
        kept=parse_qsl(replace(filters, tags=[], page=1).query_string()),
        facets=queries.facet_counts(filters),
        options=queries.facet_options(g.lang)["tag"][1],
        action=url_for(listing, **dict(request.view_args or {})),
        **context,
    )


def _addresses(url_in: Callable[[str], str]) -> None:
    """Name this page's address in each language (the switcher, hreflang) and its canonical
    one: a page that reads no query, or a listing's filters in their canonical form, has one
    address however it was spelt."""
    g.alternates = {lang: url_in(lang) for lang in languages()}
    g.canonical = g.alternates[g.lang]


@bp.app_template_global()
def listing_url(filters: queries.Filters, **changes) -> str:
    """The canonical address of the listing being shown with `filters`, changed by `changes`
    (fields of `Filters`: page, date_from, date_to, lang …)."""
    lang = changes.pop("lang", filters.lang)  # the path's, never the query's
    query = (replace(filters, **changes) if changes else filters).query_string()
    return _with_query(listing_path(lang), query)


def listing_path(lang: str) -> str:
    """The path of the listing being shown, in `lang`."""
    paths = g.setdefault("listing_paths", {})  # a page links its listing a dozen times
    if (path := paths.get(lang)) is None:
        endpoint = LISTINGS.get(request.endpoint, request.endpoint)
        path = url_for(endpoint, **dict(request.view_args or {}, lang=lang))
        paths[lang] = path
    return path


def _with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def month_url(filters: queries.Filters) -> Callable[[date, date], str]:
    """`listing_url(filters, date_from=start, date_to=end, page=1)` for many months (the
    activity chart), the rest of the address built once: the dates are the last fields of
    a canonical query (`Filters.query_string`), page 1 being left out."""
    rest = listing_url(filters, date_from=None, date_to=None, page=1)
    joint = "&" if "?" in rest else "?"
    return lambda start, end: f"{rest}{joint}from={start.isoformat()}&to={end.isoformat()}"


@bp.route("/<lang>/updates/")
@cacheable
def updates():
    """List all published updates, newest first, filtered by the query string."""
    return _listing("public/updates.html")


@bp.route("/<lang>/updates/<slug>/")
@cacheable
def update(slug: str):
    """Show one update in the requested language, or say it is not translated yet."""
    found = queries.visible_update(g.lang, slug)
    index = facets.current(queries._version())
    if found is None or (kept := update_parts.parts(index, found.id, slug)) is None:
        return _elsewhere(slug)
    g.alternates = dict(kept.addresses)
    more, others = queries.related(found.id, found.maker, found.published_at)
    teasers = update_parts.related_teasers(index, more + others, g.lang)
    return render_template(
        "public/update.html",
        parts=kept,
        more=[teasers[u] for u in more if u in teasers],
        others=[teasers[u] for u in others if u in teasers],
    )


def _elsewhere(slug: str):
    """The update exists under this slug in another language: redirect or explain."""
    item = db.first_or_404(queries.update_with_any_slug(slug))
    if own := item.translation():
        return redirect(url_for("public.update", slug=own.slug), 301)
    g.alternates = {
        t.lang: url_for("public.update", lang=t.lang, slug=t.slug) for t in item.translations
    }
    g.alternates[g.lang] = request.path
    existing = [t for t in item.translations if t.lang in languages()]
    return render_template("public/untranslated.html", item=item, existing=existing)


@bp.route("/<lang>/updates/tags/")
@cacheable
def updates_tags():
    """Every tag to filter all updates by."""
    return _all_tags()


@bp.route("/<lang>/makers/<slug>/tags/")
@cacheable
def maker_tags(slug: str):
    """Every tag to filter one maker's updates by."""
    return _all_tags(maker=db.one_or_404(queries.public_with_slug(Maker, slug)))


# The page of all tags of a listing → the listing.
LISTINGS = {"public.updates_tags": "public.updates", "public.maker_tags": "public.maker"}


@bp.app_template_global()
def all_tags_url(filters: queries.Filters) -> str:
    """The page of every tag for the listing being shown, with its filters."""
    endpoint = {listing: tags for tags, listing in LISTINGS.items()}[request.endpoint]
    query = replace(filters, page=1).query_string()
    path = url_for(endpoint, **dict(request.view_args or {}))
    return f"{path}?{query}" if query else path


@bp.route("/<lang>/makers/")
@cacheable
def makers():
    """List every maker with a published update, with their number."""
    _addresses(lambda lang: url_for("public.makers", lang=lang))
    return render_template("public/makers.html", makers=queries.makers_with_counts())


@bp.route("/<lang>/makers/<slug>/")
@cacheable
def maker(slug: str):
    """List one maker's updates, with the same filters as all updates (a 404 until one
    is published)."""
    found = db.one_or_404(queries.public_with_slug(Maker, slug))
    return _listing("public/maker.html", maker=found)


@bp.route("/<lang>/tags/<slug>/")
@cacheable
def tag(slug: str):
    """List the updates with one tag (a 404 until one is published)."""
    found = db.one_or_404(queries.public_with_slug(Tag, slug))
    return _listing("public/tag.html", tag=found)
