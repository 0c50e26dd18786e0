"""What changes when (issue 14): the calendar of changes recorded on updates, its .ics
feed, and the products' pages; editors' products in `portal.editor`."""

from flask import Blueprint, Flask

bp = Blueprint("calendar", __name__)

from portal.calendar import views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
