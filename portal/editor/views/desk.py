"""The import desk: feed items grouped into stories; per group a draft, more sources for
an existing update, or dismissal (undone from the dismissed items)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from portal.editor import MAX_ID, bp, writing
from portal.editor.forms import ActionForm
from portal.extensions import db
from portal.importing import desk
from portal.importing.suggestions import similar_updates, titles
from portal.models import Update
from portal.models.desk import DISMISSED, WAITING

VIEWS = {WAITING, DISMISSED}


class AddForm(FlaskForm):
    """Add a group to an existing update: its number (a list offers the most alike)."""

    update = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=MAX_ID)])


def _group_or_404(group_id: int, state: str = WAITING) -> desk.Group:
    found = desk.group(group_id, state)
    if found is None:
        abort(404)
    return found


@bp.get("/desk/")
def desk_page():
    """The waiting groups, newest story first (or the dismissed ones, to restore)."""
    view = request.args.get("view", WAITING)
    view = view if view in VIEWS else WAITING
    groups = desk.groups(view)
    candidates = {}
    if view == WAITING and groups:
        rows = titles(("draft", "published"))
        candidates = {group.id: similar_updates(group.primary.title, rows) for group in groups}
    return render_template(
        "editor/desk.html",
        groups=groups,
        view=view,
        candidates=candidates,
        form=ActionForm(),
    )


def _check(form: FlaskForm) -> None:
    if not form.validate_on_submit():
        abort(400)


@bp.errorhandler(desk.Gone)
def _gone(error):
    """Another editor handled the group first: nothing of this request is kept."""
    db.session.rollback()
    flash(_("Another editor handled this story first; nothing was changed."))
    return redirect(url_for("editor.desk_page"), 303)


@bp.post("/desk/<id:group_id>/draft")
def desk_draft(group_id: int):
    """A draft of the group's story, every item a source; then its form, with suggestions."""
    _check(ActionForm())
    update = desk.make_draft(_group_or_404(group_id))
    writing.record(update, None, g.editor, note="from the import desk")
    db.session.commit()
    flash(_("A draft was made from the desk. Check the suggestions below the form."))
    return redirect(url_for("editor.edit_update", update_id=update.id), 303)


@bp.post("/desk/<id:group_id>/add")
def desk_add(group_id: int):
    """Add the group's links to an existing update as further sources."""
    found = _group_or_404(group_id)
    _check(form := AddForm())
    update = db.get_or_404(Update, form.update.data)
    if update.status == "deleted":
        abort(404)
    before = writing.snapshot(update)
    added = desk.add_to_update(found, update)
    writing.record(update, before, g.editor, note=f"{added} sources from the import desk")
    db.session.commit()
    flash(_("The items were added to the update as sources."))
    return redirect(url_for("editor.edit_update", update_id=update.id), 303)


@bp.post("/desk/<id:group_id>/dismiss")
def desk_dismiss(group_id: int):
    """Take the group off the desk; a later import never brings it back."""
    found = _group_or_404(group_id)
    _check(ActionForm())
    desk.dismiss(found)
    db.session.commit()
    return redirect(url_for("editor.desk_page", dismissed=group_id), 303)


@bp.post("/desk/<id:group_id>/restore")
def desk_restore(group_id: int):
    """Put a dismissed group back on the desk."""
    found = _group_or_404(group_id, DISMISSED)
    _check(ActionForm())
    desk.restore(found)
    db.session.commit()
    flash(_("The items are back on the desk."))
    return redirect(url_for("editor.desk_page"), 303)
