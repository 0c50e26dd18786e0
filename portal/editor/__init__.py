"""The editors' area (`/<lang>/editor/…`): login, writing updates, makers and tags, feedback.

Everything here sits behind the login wall of `views/auth.py` and answers
`Cache-Control: private, no-store`; only this area writes the session cookie. The
signed preview of a draft (`views/preview.py`) is the one page outside the wall.
"""

from datetime import timedelta

from flask import Blueprint, Flask

bp = Blueprint("editor", __name__, url_prefix="/<lang>/editor")
preview_bp = Blueprint("preview", __name__)

from portal.editor import commands, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    app.permanent_session_lifetime = timedelta(hours=app.config["EDITOR_IDLE_HOURS"])
    app.register_blueprint(bp)
    app.register_blueprint(preview_bp)
    app.cli.add_command(commands.create_editor_command)
