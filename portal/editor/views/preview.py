"""The draft preview (`/<lang>/preview/<token>/`): the one editors' page outside the login
wall, for whoever holds a link from preview_links.py."""

from __future__ import annotations

from flask import abort, g, render_template, url_for

from portal.editor import preview_bp
from portal.editor.preview_links import draft_for
from portal.i18n import languages


@preview_bp.get("/<lang>/preview/<token>/")
def show(token: str):
    """Show a draft as readers will see it, to whoever holds a valid link."""
    update = draft_for(token)
    if update is None:
        abort(404)
    g.alternates = {lang: url_for("preview.show", lang=lang, token=token) for lang in languages()}
    return render_template("editor/preview.html", item=update, text=update.best_translation())


@preview_bp.after_request
def no_store(response):
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
