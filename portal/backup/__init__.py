"""Backups: `export-json FILE` and `import-json FILE` (format: docs/backup-format.md).

Everything an editor or reader made goes into the file — makers, tags, updates with all
their translations, tag links and revisions, feedback, and the editors' usernames. Not
in it: password hashes (a restored editor sets a new password with
`create-editor NAME --reset`), failed logins (a 15-minute throttle), and the search
index and page-cache version, which the import rebuilds.
"""

from __future__ import annotations

from flask import Flask

from portal.backup import commands


def init_app(app: Flask) -> None:
    app.cli.add_command(commands.export_json_command)
    app.cli.add_command(commands.import_json_command)
