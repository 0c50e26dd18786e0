"""The weekly briefing: a week's updates, most important first, and its Atom feed."""

from flask import Blueprint, Flask

bp = Blueprint("briefing", __name__)

from portal.briefing import views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
