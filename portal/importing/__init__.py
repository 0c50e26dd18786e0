"""Importing makers' announcements: `import-feed SOURCE --maker SLUG` and `import-feeds`.

Each new item of a maker's RSS or Atom feed becomes a draft update for the editors to
finish and publish (see `feed_import.py`); fetching is bounded in time and size, and
reaches public addresses only unless FEED_FETCH_ALLOW says otherwise (`fetch.py`).
"""

from __future__ import annotations

from flask import Flask

from portal.importing import commands


def init_app(app: Flask) -> None:
    app.config.setdefault("FEED_MAX_BYTES", commands.DEFAULT_MAX_BYTES)
    app.cli.add_command(commands.import_feed_command)
    app.cli.add_command(commands.import_feeds_command)
