"""`send-digests` (from a timer or cron) and `subscribers export|delete EMAIL` (data owner)."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from portal.digests import mail, sending, subscriptions
from portal.extensions import db
from portal.models import DigestSend, Subscriber


@click.command("send-digests")
@click.option("--dry-run", is_flag=True, help="Say what would be sent; send and change nothing.")
@with_appcontext
def send_digests_command(dry_run: bool) -> None:
    """Send every subscriber the updates published since their last digest that match their
    filters, in their language; delete addresses unconfirmed after 48 hours."""
    if not mail.enabled() or not current_app.config["MAIL_FROM"]:
        raise click.ClickException("Set SMTP_URL and MAIL_FROM to send digests.")
    base = current_app.config["SITE_URL"] or "http://localhost"
    with current_app.test_request_context(base_url=base):
        deleted = 0 if dry_run else subscriptions.delete_unconfirmed()

        def progress(ids):
            with click.progressbar(ids, label="Digests", file=sys.stderr) as bar:
                yield from bar

        try:
            report = sending.send_digests(dry_run, progress)
        except mail.MailError as error:
            raise click.ClickException(str(error)) from error
    parts = [f"{n} {what}" for what, n in sorted(report.items())]
    parts.append(f"{deleted} unconfirmed deleted")
    click.echo(", ".join(parts))


@click.group("subscribers")
def subscribers_command() -> None:
    """What the site keeps of one digest subscriber."""


def _find(email: str) -> Subscriber:
    found = db.session.scalar(select(Subscriber).where(Subscriber.email == email.strip()))
    if found is None:
        raise click.ClickException(f"No subscriber {email!r}.")
    return found


@subscribers_command.command("export")
@click.argument("email")
@with_appcontext
def export(email: str) -> None:
    """Print everything kept about EMAIL as JSON."""
    found = _find(email)
    sends = db.session.scalars(
        select(DigestSend).where(DigestSend.subscriber_id == found.id).order_by(DigestSend.id)
    )
    record = {
        column: getattr(found, column)
        for column in ("email", "lang", "frequency", "filters", "status", "failures")
    } | {
        column: _time(getattr(found, column))
        for column in ("created_at", "confirmed_at", "sent_until")
    }
    record["digests"] = [
        {"period": s.period, "status": s.status, "sent_at": _time(s.sent_at)} for s in sends
    ]
    click.echo(json.dumps(record, indent=2, ensure_ascii=False))


@subscribers_command.command("delete")
@click.argument("email")
@with_appcontext
def delete(email: str) -> None:
    """Delete EMAIL and the record of its digests."""
    subscriptions.unsubscribe(_find(email))
    click.echo(f"Deleted {email}.")


def _time(value) -> str | None:
    return value.isoformat() + "Z" if value else None
