"""Atom feeds: the whole site, each maker, each tag, and any filter combination."""

from flask import Blueprint, Flask

bp = Blueprint("feeds", __name__)

from portal.feeds import views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
