"""`flask import-feed SOURCE --maker SLUG` and `flask import-feeds`."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from portal.extensions import db
from portal.i18n import languages
from portal.importing.feed_import import FeedError, import_feed
from portal.importing.fetch import is_url
from portal.models import Maker

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

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
@with_appcontext
def import_feeds_command(lang: str, timeout: float) -> None:
    """Import the feed of every maker that has one; a failing feed does not stop the rest."""
    lang = _check_lang(lang)
    makers = db.session.scalars(
        select(Maker).where(Maker.feed_url.is_not(None), Maker.feed_url != "").order_by(Maker.slug)
    ).all()
    if not makers:
        click.echo("No maker has a feed URL; add one on the maker's page in the editors' area.")
        return
    failed = []
    for maker in makers:
        try:
            if not is_url(maker.feed_url):  # stored before the form checked it: no file
                raise FeedError(f"{maker.feed_url} is not an http or https address.")
            outcome = import_feed(maker, maker.feed_url, lang, timeout, _max_bytes())
        except FeedError as error:
            click.echo(f"{maker.slug}: failed: {error.message}", err=True)
            failed.append(maker.slug)
        else:
            click.echo(f"{maker.slug}: {outcome.summary()}")
    if failed:
        raise click.ClickException(
            f"{len(failed)} of {len(makers)} feeds failed: {', '.join(failed)}."
        )
