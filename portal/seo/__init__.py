"""Metadata for search engines, browsers and link previews: sitemap, robots.txt, the favicon,
Open Graph, JSON-LD."""

from flask import Blueprint, Flask

bp = Blueprint("seo", __name__)

from portal.seo import article, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
