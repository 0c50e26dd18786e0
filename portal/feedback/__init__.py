"""Anonymous feedback from readers: what to cover next, and whether an update was useful."""

from flask import Blueprint, Flask

from portal.extensions import limiter

bp = Blueprint("feedback", __name__)

from portal.feedback import commands, views  # noqa: E402


def init_app(app: Flask) -> None:
    limiter.init_app(app)  # the feedback form is the one limited view
    app.register_blueprint(bp)
    app.jinja_env.globals["feedback_form"] = views.form_on_page
    app.cli.add_command(commands.export_command)
