"""`flask --app wsgi create-editor USERNAME [--role chief] [--password-stdin] [--reset]`."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from portal.editor.accounts import MIN_PASSWORD, end_sessions, find_editor, hash_password
from portal.extensions import db
from portal.models import Editor
from portal.models.editors import ROLES


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.command("create-editor")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from one line of stdin.")
@click.option("--reset", is_flag=True, help="Change the password of an existing editor.")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    help="editor (the default for a new one) or chief (publishes what others submit for "
    "review); with --reset, their new role.",
)
@with_appcontext
def create_editor_command(
    username: str, password_stdin: bool, reset: bool, role: str | None
) -> None:
    """Create an editor (or with --reset change their password and end their sessions)."""
    username = username.strip()
    if not username or len(username) > 80:
        raise click.UsageError("A username has 1 to 80 characters.")
    editor = find_editor(username)
    if editor and not reset:
        raise click.ClickException(
            f"Editor {username!r} exists; use --reset to change the password."
        )
    if not editor and reset:
        raise click.ClickException(f"There is no editor {username!r}.")
    password = _read_password(password_stdin)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"A password needs at least {MIN_PASSWORD} characters.")
    if editor is None:
        editor = Editor(username=username, password_hash="")
        db.session.add(editor)
    else:
        end_sessions(editor)
    editor.password_hash = hash_password(password)
    editor.role = role or editor.role or "editor"
    db.session.commit()
    done = "changed; every session ended" if reset else "set"
    click.echo(f"Password {done} for editor {username} ({editor.role}).", err=True)
