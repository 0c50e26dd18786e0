"""The site's "review before publishing" setting, changed by a chief."""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _

from portal.editor import bp, review
from portal.editor.forms import ActionForm


@bp.post("/review-setting")
def review_setting():
    """Turn review before publishing on or off (a chief only: 403 for an editor)."""
    if not g.editor.is_chief:
        abort(403)
    wanted = request.form.get("required")
    if not ActionForm().validate_on_submit() or wanted not in ("on", "off"):
        abort(400)
    review.set_required(wanted == "on")
    if wanted == "on":
        flash(_("Review before publishing is on: editors submit updates, a chief publishes them."))
    else:
        flash(_("Review before publishing is off: every editor publishes."))
    return redirect(url_for("editor.dashboard"), 303)
