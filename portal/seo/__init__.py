"""Metadata for search engines, browsers and link previews: sitemap, robots.txt, the favicon,
Open Graph, JSON-LD."""

from flask import Blueprint

bp = Blueprint("seo", __name__)

from portal.seo import article, views  # noqa: E402,F401
