"""The demo site: tags, makers and updates in `content.toml`, loaded by `seed-demo`."""

from flask import Flask

from portal.demo import commands


def init_app(app: Flask) -> None:
    app.cli.add_command(commands.seed_demo_command)
