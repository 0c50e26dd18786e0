"""`flask search-reindex`: rebuild the full-text index with the current text rules."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.search.index import rebuild


@click.command("search-reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the full-text search index from all update translations."""
    click.echo(f"Indexed {rebuild()} translations.")
