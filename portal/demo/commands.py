"""`flask --app wsgi seed-demo`: the demo makers, tags and updates, added once."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.demo.seed import seed_demo


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Fill the database with the demo makers and updates (idempotent)."""
    click.echo(f"Added {seed_demo()} demo updates.")
