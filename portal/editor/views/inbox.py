"""The feedback inbox: readers' messages newest first, marked handled, exported as CSV."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal import vocab
from portal.editor import bp, queries
from portal.editor.forms import ActionForm
from portal.extensions import db
from portal.feedback.export import rows, to_csv
from portal.models import Feedback


@bp.get("/feedback/")
def inbox():
    """Feedback newest first, unhandled by default, each linked to its update or maker."""
    state = request.args.get("state", "unhandled")
    state = state if state in vocab.FEEDBACK_STATES else "unhandled"
    items = queries.feedback_inbox(state)
    return render_template(
        "editor/inbox.html",
        items=items,
        state=state,
        updates=queries.updates_by_id(item.update_id for item in items),
        makers=queries.makers_by_id(item.maker_id for item in items),
        form=ActionForm(),
    )


@bp.post("/feedback/<id:feedback_id>/handled")
def toggle_handled(feedback_id: int):
    """Mark a message handled (or unhandled again)."""
    item = db.get_or_404(Feedback, feedback_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    item.handled = not item.handled
    db.session.commit()
    flash(_("Marked as handled.") if item.handled else _("Marked as not handled."))
    return redirect(url_for("editor.inbox", state=request.args.get("state", "unhandled")), 303)


@bp.get("/feedback/export.csv")
def export_csv():
    """All feedback as a CSV file that Excel opens as UTF-8."""
    response = make_response(to_csv(rows()))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = "attachment; filename=feedback.csv"
    return response
