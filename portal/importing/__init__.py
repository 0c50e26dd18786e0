"""Importing makers' announcements: `import-feed SOURCE --maker SLUG` and `import-feeds`.

Each new item of a maker's RSS or Atom feed waits on the import desk in the editors' area
(`feed_import.py`), grouped with the other makers' items about the same story
(`grouping.py`); an editor makes a draft of a group, adds it to an update as further
sources, or dismisses it (`desk.py`); a draft from the desk gets suggestions
(`suggestions.py`). Fetching is bounded in time and size, and reaches public addresses
only unless FEED_FETCH_ALLOW says otherwise (`fetch.py`). `import-feeds` runs once at a
time across hosts (`lock.py`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask

from portal.importing import commands
from portal.models.desk import sources


def source_label(url: str) -> str:
    """A source's link text: its host and path, without `www.` or a final slash."""
    parts = urlsplit(url)
    return (parts.netloc.removeprefix("www.") + parts.path.rstrip("/")) or url


def init_app(app: Flask) -> None:
    app.config.setdefault("FEED_MAX_BYTES", commands.DEFAULT_MAX_BYTES)
    app.cli.add_command(commands.import_feed_command)
    app.cli.add_command(commands.import_feeds_command)
    app.jinja_env.globals["update_sources"] = sources
    app.jinja_env.filters["source_label"] = source_label
