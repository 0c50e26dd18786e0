"""Writing: the dashboard, the update form in every language, history, delete and undelete."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.calendar import editing as calendar_editing
from portal.editor import bp, checks, preview_links, queries, review, writing
from portal.editor.conflicts import Conflict
from portal.editor.forms import (
    ACTIONS,
    DRAFT_ACTIONS,
    ActionForm,
    PreviewForm,
    RestoreForm,
    choices,
    update_form,
)
from portal.extensions import db
from portal.i18n import languages
from portal.importing import suggestions
from portal.models import Update
from portal.rendering import preview as preview_markdown
from portal.rendering import refusal


def _page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1


@bp.get("/")
def dashboard():
    """List the updates with their status and language coverage, filtered by the query
    (deleted ones only in their own view)."""
    chosen = {name: request.args.get(name, "") for name in ("status", "maker", "missing")}
    items, total = queries.dashboard_updates(page=_page_number(), **chosen)
    return render_template(
        "editor/dashboard.html",
        items=items,
        total=total,
        chosen=chosen,
        makers=queries.makers(),
        unhandled=queries.unhandled_feedback(),
        status_of=queries.status_of,
        coverage=queries.coverage,
        form=ActionForm(),
        review_on=review.required(),
        waiting=review.waiting(g.editor),
    )


def _choices(form, update: Update | None) -> None:
    form.maker.choices = choices([("", "—")] + [(m.id, m.name) for m in queries.makers()])
    form.tags.choices = choices((t.id, t.label()) for t in queries.tags())
    form.action.choices = choices((a, ACTIONS[a]) for a in review.actions(g.editor, update))
    calendar_editing.set_choices(form)


def _pair() -> list[str]:
    """The languages whose texts the form shows side by side: both of two, else the pair
    chosen in the query (`?pair=nl&pair=de`), by default the first two."""
    if len(languages()) <= 2:
        return list(languages())
    chosen = [code for code in request.args.getlist("pair") if code in languages()]
    return list(dict.fromkeys([*chosen, *languages()]))[:2]


def _saved(update: Update):
    """After a save: the form again, with the same languages side by side."""
    pair = _pair() if len(languages()) > 2 else []
    return redirect(url_for("editor.edit_update", update_id=update.id, pair=pair), 303)


def _form_page(form, update: Update | None, status: int = 200, conflict: Conflict | None = None):
    pair = _pair()
    folded = [code for code in languages() if code not in pair]  # below, folded away
    found = checks.checks(form)
    return render_template(
        "editor/update_form.html",
        form=form,
        update=update,
        status=update and queries.status_of(update),
        langs=pair + folded,
        folded=folded,
        conflict=conflict,
        suggested=suggestions.suggest(form, update) if suggestions.from_desk(update) else None,
        checks=found,
        blocked=request.method == "POST" and _blocked(form, found),
        review_on=review.required(),
    ), status


def _blocked(form, found=None) -> bool:
    """True when the button pressed would take the update out while a check has an error."""
    if form.action.data in DRAFT_ACTIONS:
        return False
    return checks.blocking(checks.checks(form) if found is None else found)


@bp.route("/updates/new", methods=["GET", "POST"])
def new_update():
    """Write a new update; save it as a draft, publish it or schedule it."""
    form = update_form()
    _choices(form, None)
    if form.validate_on_submit() and not _blocked(form):
        update = writing.save(form, None, g.editor)
        if update is not None:
            flash(_("Saved."))
            return _saved(update)
    return _form_page(form, None, 422 if request.method == "POST" else 200)


@bp.route("/updates/<id:update_id>/", methods=["GET", "POST"])
def edit_update(update_id: int):
    """Change an update; every save keeps a revision, and a save from a form loaded before
    someone else's save is refused (409) with both versions shown."""
    update = db.get_or_404(Update, update_id)
    form = update_form(data=writing.form_data(update) if request.method == "GET" else None)
    _choices(form, update)
    conflict = None
    if request.method == "POST" and suggestions.accept(form):  # re-shown, nothing saved
        return _form_page(form, update)
    if form.validate_on_submit() and not _blocked(form):
        try:
            if writing.save(form, update, g.editor) is not None:
                flash(_("Saved."))
                return _saved(update)
        except Conflict as found:
            conflict, form.version.data = found, found.version  # saving again overrides it
        update = db.get_or_404(Update, update_id)
    status = 409 if conflict else 422 if request.method == "POST" else 200
    return _form_page(form, update, status, conflict)


@bp.post("/preview-body")
def preview_body():
    """The Markdown body as readers will see it (htmx, while the editor types)."""
    code = request.form.get("preview", "")
    if not PreviewForm().validate_on_submit() or code not in languages():
        return _("The preview could not be made."), 422
    body = request.form.get(f"{code}-body", "").replace("\r\n", "\n")
    status = 422 if refusal(body) else 200  # too long or too deep: says why, unrendered
    return render_template("editor/_preview.html", html=preview_markdown(body)), status


@bp.route("/updates/<id:update_id>/delete", methods=["GET", "POST"])
def delete_update(update_id: int):
    """Ask for confirmation, then take the update off the site (undoable: see undelete)."""
    update = db.get_or_404(Update, update_id)
    form = ActionForm()
    if form.validate_on_submit():
        writing.set_deleted(update, True, g.editor)
        flash(_("The update was deleted. It can be restored from the deleted updates."))
        return redirect(url_for("editor.dashboard"), 303)
    return render_template("editor/delete.html", update=update, form=form)


@bp.post("/updates/<id:update_id>/undelete")
def undelete(update_id: int):
    """Bring a deleted update back as a draft, with its texts and revisions."""
    update = db.get_or_404(Update, update_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if update.status == "deleted":
        writing.set_deleted(update, False, g.editor)
        flash(_("The update is back, as a draft."))
    return redirect(url_for("editor.edit_update", update_id=update.id), 303)


@bp.get("/updates/<id:update_id>/history")
def history(update_id: int):
    """Every saved version of an update, newest first, each restorable."""
    update = db.get_or_404(Update, update_id)
    return render_template(
        "editor/history.html",
        update=update,
        revisions=queries.revisions(update.id),
        revision_status=writing.revision_status,
        steps=review.STEP_LABELS,
        form=RestoreForm(),
    )


@bp.post("/updates/<id:update_id>/history/<id:revision_id>/restore")
def restore(update_id: int, revision_id: int):
    """Make the update's content as in an earlier revision; its status too when asked."""
    update = db.get_or_404(Update, update_id)
    revision = db.one_or_404(queries.revision(update.id, revision_id))
    form = RestoreForm()
    if not form.validate_on_submit():
        abort(400)
    then, _when = writing.revision_status(revision)
    if (
        form.with_status.data
        and then in ("published", "scheduled")
        and not review.may_publish(g.editor)
    ):
        flash(_("While review before publishing is on, only a chief can restore a public status."))
    elif writing.restore(update, revision, g.editor, with_status=form.with_status.data):
        flash(_("The earlier version is back."))
    else:
        flash(_("That version uses an address another update has now; it was not restored."))
    return redirect(url_for("editor.edit_update", update_id=update.id), 303)


@bp.post("/updates/<id:update_id>/preview-link")
def preview_link(update_id: int):
    """A signed link, valid seven days, that lets anyone read this draft."""
    update = db.get_or_404(Update, update_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if update.status != "draft":
        flash(_("Only a draft has a preview link; this update is public."))
        return redirect(url_for("editor.edit_update", update_id=update.id), 303)
    return render_template(
        "editor/preview_link.html", update=update, link=preview_links.link(update)
    )
