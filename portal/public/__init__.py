"""The reader's side: front page, listings, update pages, makers and tags."""

from flask import Blueprint, Flask

bp = Blueprint("public", __name__)

from portal.public import chart, form, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
