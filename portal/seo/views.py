"""/sitemap.xml (an index of /sitemap-N.xml parts beyond MAX_URLS) and /robots.txt."""

from __future__ import annotations

from flask import Response, abort, render_template, url_for

from portal.i18n import absolute, languages
from portal.pagecache import cacheable
from portal.seo import bp, sitemap


@bp.route("/sitemap.xml")
@cacheable
def sitemap_xml():
    """Every published page, or an index of the parts when there are too many for one file."""
    parts = sitemap.parts()
    if parts == 1:
        return _urlset(sitemap.urls(0, sitemap.max_urls()))
    links = [absolute(url_for("seo.sitemap_part", number=n)) for n in range(1, parts + 1)]
    return _xml(render_template("seo/sitemap_index.xml", parts=links))


@bp.route("/sitemap-<int:number>.xml")
@cacheable
def sitemap_part(number: int):
    """Part `number` (from 1) of a sitemap split into an index."""
    parts = sitemap.parts()
    if parts == 1 or not 1 <= number <= parts:
        abort(404)
    size = sitemap.max_urls()
    return _urlset(sitemap.urls((number - 1) * size, number * size))


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


def _urlset(urls: list[sitemap.Url]) -> Response:
    return _xml(render_template("seo/sitemap.xml", urls=urls))


def _xml(body: str) -> Response:
    return Response(body, mimetype="application/xml")
