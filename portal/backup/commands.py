"""`flask export-json FILE` and `flask import-json FILE`."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.backup import export, restore

MAX_BYTES = 2 * 1024 * 1024 * 1024  # refuse to read a file bigger than this into memory


@click.command("export-json")
@click.argument("file", type=click.File("wb", atomic=True))
@with_appcontext
def export_json_command(file) -> None:
    """Write every maker, tag, update, revision, feedback message and editor as JSON."""
    doc = export.document()
    file.write(export.dumps(doc))
    click.echo(
        f"Exported {len(doc['makers'])} makers, {len(doc['tags'])} tags, "
        f"{len(doc['updates'])} updates, {len(doc['revisions'])} revisions, "
        f"{len(doc['feedback'])} feedback messages, {len(doc['editors'])} editors.",
        err=True,
    )


@click.command("import-json")
@click.argument("file", type=click.File("rb"))
@with_appcontext
def import_json_command(file) -> None:
    """Restore a backup written by export-json into an empty database."""
    raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise click.ClickException(f"The file is larger than {MAX_BYTES:,} bytes.")
    try:
        counts = restore.restore(restore.load(raw))
    except restore.BackupError as error:
        raise click.ClickException(f"Nothing was imported. {error}") from error
    click.echo(
        f"Imported {counts['makers']} makers, {counts['tags']} tags, "
        f"{counts['updates']} updates, {counts['revisions']} revisions, "
        f"{counts['feedback']} feedback messages, {counts['editors']} editors."
    )
    if counts["editors"]:
        click.echo(
            "Editors cannot log in until each sets a password: "
            "flask --app wsgi create-editor NAME --reset",
            err=True,
        )
