"""Email digests without an account: sign-up with double opt-in, signed manage and
unsubscribe links, and `send-digests`; hidden while no mail server is configured."""

from flask import Blueprint, Flask

bp = Blueprint("digests", __name__)

from portal.digests import commands, forms, mail, queries, views  # noqa: E402


def init_app(app: Flask) -> None:
    # The sign-up is limited by the `limiter` that portal.feedback binds to the app.
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        digests_enabled=mail.enabled,
        digest_form=views.form_on_page,
        subscriber_counts=queries.counts,
        digest_filter_labels=forms.labels_on_page,
        digest_frequencies=forms.FREQUENCY_LABELS,
        digest_url=views.sign_up_url,
    )
    app.cli.add_command(commands.send_digests_command)
    app.cli.add_command(commands.subscribers_command)
