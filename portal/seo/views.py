"""/sitemap.xml (an index of parts beyond sitemap.MAX_URLS), /robots.txt and /favicon.ico."""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, url_for

from portal.http.pagecache import cacheable
from portal.i18n import absolute, languages
from portal.seo import bp, sitemap

FAVICON_MAX_AGE = 24 * 3600


@bp.route("/sitemap.xml")
@cacheable
def sitemap_xml():
    """Every published page, or an index of the parts when there are too many for one file."""
    pages = sitemap.pages()
    if sitemap.fits_one_file():
        return _urlset(sitemap.lines(pages) + sitemap.update_lines())
    parts = [
        url_for("seo.sitemap_pages", number=n) for n in range(1, sitemap.pages_parts(pages) + 1)
    ]
    parts += [url_for("seo.sitemap_updates", number=n) for n in sitemap.update_parts()]
    return _xml(render_template("seo/sitemap_index.xml", parts=[absolute(p) for p in parts]))


@bp.route("/sitemap-pages-<int:number>.xml")
@cacheable
def sitemap_pages(number: int):
    """Part `number` of the listings, makers and tags of a split sitemap."""
    pages = sitemap.pages()
    if sitemap.fits_one_file() or not 1 <= number <= sitemap.pages_parts(pages):
        abort(404)
    size = sitemap.max_urls()
    return _urlset(sitemap.lines(pages[(number - 1) * size : number * size]))


@bp.route("/sitemap-updates-<int:number>.xml")
@cacheable
def sitemap_updates(number: int):
    """The updates of id range `number` of a split sitemap."""
    if sitemap.fits_one_file() or not sitemap.has_updates(number):
        abort(404)
    return _urlset(sitemap.update_lines(number))


@bp.route("/robots.txt")
@cacheable
def robots_txt():
    """Where crawlers may go, and where the sitemap is."""
    body = render_template(
        "seo/robots.txt",
        private=[
            path
            for lang in languages()
            for path in (
                url_for("editor.dashboard", lang=lang),
                url_for("feedback.send", lang=lang),
            )
        ],
        sitemap=absolute(url_for("seo.sitemap_xml")),
    )
    return Response(body, mimetype="text/plain")


@bp.route("/favicon.ico")
def favicon():
    """The site's icon for browsers that ask for /favicon.ico (a feed, an image, a browser that
    skips the pages' icon link): static/favicon.svg, as the static files serve it (ETag,
    compression), cached for a day."""
    response = current_app.view_functions["static"](filename="favicon.svg")
    response.cache_control.max_age = FAVICON_MAX_AGE
    return response


def _urlset(lines: list[str]) -> Response:
    """A <urlset> (sitemaps.org 0.9) with hreflang alternates, written here rather than by a
    template: a part has thousands of URLs (portal.seo.sitemap writes their lines)."""
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    )
    return _xml("\n".join([head, *lines, "</urlset>\n"]))


def _xml(body: str) -> Response:
    return Response(body, mimetype="application/xml")
