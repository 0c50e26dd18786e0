"""The editors' area (`/<lang>/editor/…`): login, writing updates, makers and tags, feedback.

Everything here sits behind the login wall of `views/auth.py` and answers
`Cache-Control: private, no-store`; only this area writes the session cookie. The
signed preview of a draft (`views/preview.py`) is the one page outside the wall.
"""

from datetime import timedelta

from flask import Blueprint, Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # ids are INTEGER: no row has a larger one (PostgreSQL holds no larger)


class RowId(IntegerConverter):
    """`<id:name>`: a record id in a URL. A larger number matches no route, so it is a 404
    rather than an integer the database refuses."""

    def __init__(self, url_map, **kwargs):
        super().__init__(url_map, min=1, max=MAX_ID, **kwargs)


bp = Blueprint("editor", __name__, url_prefix="/<lang>/editor")
preview_bp = Blueprint("preview", __name__)

from portal.editor import commands, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.url_map.converters["id"] = RowId  # before the blueprint's rules are added
    app.permanent_session_lifetime = timedelta(hours=app.config["EDITOR_IDLE_HOURS"])
    app.register_blueprint(bp)
    app.register_blueprint(preview_bp)
    app.cli.add_command(commands.create_editor_command)
