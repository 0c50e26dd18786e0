"""Anonymous feedback from readers: what to cover next, and whether an update was useful."""

from flask import Blueprint, Flask

bp = Blueprint("feedback", __name__)

from portal.feedback import export, views  # noqa: E402


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["feedback_form"] = views.form_on_page
    app.cli.add_command(export.export_command)
