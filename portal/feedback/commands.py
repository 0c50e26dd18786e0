"""`flask --app wsgi feedback-export FILE`: every feedback row as CSV for a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from portal.feedback.export import rows, to_csv


@click.command("feedback-export")
@click.argument("target", type=click.Path(dir_okay=False, allow_dash=True))
@with_appcontext
def export_command(target: str) -> None:
    """Write all feedback as CSV to TARGET (a file, or - for standard output)."""
    table = rows()
    if target == "-":
        click.echo(to_csv(table), nl=False)  # bytes: written as they are
    else:
        Path(target).write_bytes(to_csv(table))
        click.echo(f"Wrote {len(table) - 1} feedback rows to {target}.", err=True)
