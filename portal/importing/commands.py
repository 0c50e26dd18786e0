"""`flask import-feed SOURCE --maker SLUG` and `flask import-feeds`."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from portal.extensions import db
from portal.i18n import languages
from portal.importing import lock
from portal.importing.feed_import import FeedError, import_feed
from portal.importing.fetch import is_url
from portal.models import Maker

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_HOLD_MINUTES = 30

_lang = click.option(
    "--lang", default="en", show_default=True, help="The language the feed is written in."
)
_timeout = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for a feed's server, and for the whole download.",
)


def _check_lang(lang: str) -> str:
    if lang not in languages():
        raise click.BadParameter(
            f"{lang!r} is not a site language ({', '.join(languages())}).", param_hint="--lang"
        )
    return lang


def _max_bytes() -> int:
    return current_app.config.get("FEED_MAX_BYTES", DEFAULT_MAX_BYTES)


@click.command("import-feed")
@click.argument("source")
@click.option("--maker", "maker_slug", required=True, help="The slug of the maker it is from.")
@_lang
@_timeout
@with_appcontext
def import_feed_command(source: str, maker_slug: str, lang: str, timeout: float) -> None:
    """Add every new item of an RSS or Atom feed (a URL or a file) as a draft update."""
    lang = _check_lang(lang)
    maker = db.session.scalar(select(Maker).where(Maker.slug == maker_slug))
    if maker is None:
        raise click.ClickException(f"There is no maker {maker_slug!r}.")
    click.echo(import_feed(maker, source, lang, timeout, _max_bytes()).summary())


@click.command("import-feeds")
@_lang
@_timeout
@click.option(
    "--hold-minutes",
    type=click.IntRange(min=1, max=24 * 60),
    default=DEFAULT_HOLD_MINUTES,
    show_default=True,
    help="How long the run holds its lock without renewing it (after each feed).",
)
@with_appcontext
def import_feeds_command(lang: str, timeout: float, hold_minutes: int) -> None:
    """Import the feed of every maker that has one; a failing feed does not stop the rest.
    Runs started while another holds the lock (on any host) skip."""
    lang = _check_lang(lang)
    makers = db.session.scalars(
        select(Maker).where(Maker.feed_url.is_not(None), Maker.feed_url != "").order_by(Maker.slug)
    ).all()
    if not makers:
        click.echo("No maker has a feed URL; add one on the maker's page in the editors' area.")
        return
    holder, hold = lock.holder_name(), timedelta(minutes=hold_minutes)
    if not lock.take(lock.IMPORT_FEEDS, holder, hold):
        other = lock.holding(lock.IMPORT_FEEDS)
        click.echo(
            f"Skipped: another import-feeds run ({other.holder}) holds the lock until "
            f"{other.expires_at:%Y-%m-%d %H:%M} UTC."
        )
        return
    failed = []
    try:
        for maker in makers:
            if not _import_one(maker, lang, timeout):
                failed.append(maker.slug)
            if not lock.take(lock.IMPORT_FEEDS, holder, hold):  # renewed, unless expired
                raise click.ClickException("The lock expired and another run took it; stopped.")
    finally:
        lock.release(lock.IMPORT_FEEDS, holder)
    if failed:
        raise click.ClickException(
            f"{len(failed)} of {len(makers)} feeds failed: {', '.join(failed)}."
        )


def _import_one(maker: Maker, lang: str, timeout: float) -> bool:
    """Import one maker's feed, saying how it went; False when it failed."""
    try:
        if not is_url(maker.feed_url):  # stored before the form checked it: no file
            raise FeedError(f"{maker.feed_url} is not an http or https address.")
        outcome = import_feed(maker, maker.feed_url, lang, timeout, _max_bytes())
    except FeedError as error:
        click.echo(f"{maker.slug}: failed: {error.message}", err=True)
        return False
    click.echo(f"{maker.slug}: {outcome.summary()}")
    return True
