"""The editors' translation routes: machine-translation drafts in the update form, the
translation status matrix and the glossary (on the editor blueprint, behind its wall)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from portal.editor import bp
from portal.editor.forms import ActionForm, update_form
from portal.editor.views import updates as update_views
from portal.extensions import db
from portal.i18n import languages
from portal.models import GlossaryTerm, Update
from portal.translation import glossary, machine, status

PER_PAGE = 50
SOURCE_REFUSED = _l("Nothing was translated: correct the fields marked below first.")


def _translate(update: Update | None):
    """The update form as sent, with the chosen language's fields machine-translated."""
    if not machine.configured():
        abort(404)
    source, _sep, rest = request.form.get("translate", "").partition(":")
    target, _sep, one = rest.partition(":")
    if source not in languages() or target not in languages() or source == target:
        abort(400)
    if one and one not in status.FIELDS:
        abort(400)
    form = update_form()
    update_views._choices(form, update)
    if not ActionForm().validate_on_submit():
        abort(400)
    given, wanted = form[source].form, form[target].form
    for text in (given, wanted):  # a field left out of the request is empty
        for name in text.TEXT_FIELDS:
            text[name].data = text[name].data or ""
    stale = status.outdated(update).get(target, [])
    names = [one] if one else [f for f in status.FIELDS if not wanted[f].data or f in stale]
    todo = {f: given[f].data for f in names if given[f].data.strip()}
    marks = {k: v for k, v in request.form.items() if k.startswith(status.MACHINE)}
    labels = [str(wanted[f].label.text) for f in todo]
    result = {"lang": target, "source": source, "fields": labels, "problem": None}
    code = 200
    try:
        if not given.validate():  # too long or nested too deeply: not sent anywhere
            result["problem"], code = SOURCE_REFUSED, 422
            drafts = {}
        else:
            terms = glossary.terms(source, target)
            drafts = machine.translate(todo, source, target, terms) if todo else {}
    except machine.MachineError as error:
        result["problem"], code = error.message, 503
    else:
        for name, text in drafts.items():
            wanted[name].data = text
            marks[f"{status.MACHINE}{target}.{name}"] = f"{source}:{status.digest(text)}"
    g.translation = {"result": result, "marks": marks}
    page, _status = update_views._form_page(form, update)
    return page, code


@bp.post("/updates/new/translate")
def translate_new():
    """Machine-translate fields of a new update's form (nothing is saved)."""
    return _translate(None)


@bp.post("/updates/<id:update_id>/translate")
def translate_update(update_id: int):
    """Machine-translate fields of an update's form (nothing is saved until Save)."""
    return _translate(db.get_or_404(Update, update_id))


@bp.get("/translations/")
def translations():
    """Updates × languages: complete, outdated (which fields) or missing; filterable."""
    lang = request.args.get("lang", "")
    state = request.args.get("state", "")
    base = select(Update).where(Update.status != "deleted")
    chosen = base
    if lang in languages() and state in status.STATES:
        chosen = base.where(status.has_state(state, lang))
    page = update_views._page_number()
    total = db.session.scalar(select(func.count()).select_from(chosen.subquery())) or 0
    items = db.session.scalars(
        chosen.order_by(Update.published_at.desc(), Update.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    present = {(t.update_id, t.lang) for item in items for t in item.translations}
    return render_template(
        "translation/matrix.html",
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PER_PAGE)),
        chosen={"lang": lang, "state": state},
        totals=status.totals(base),
        present=present,
        outdated=status.outdated_fields(item.id for item in items),
        field_labels=status.LABELS,
        state_names=status.STATE_NAMES,
    )


@bp.route("/glossary/", methods=["GET", "POST"])
def glossary_page():
    """The glossary: every term, and a form to add one."""
    form = glossary.GlossaryForm()
    if form.validate_on_submit():
        glossary.add(form)
        flash(_("Saved."))
        return redirect(url_for("editor.glossary_page"), 303)
    page = render_template(
        "translation/glossary.html", form=form, entries=glossary.entries(), action=ActionForm()
    )
    return page, 422 if request.method == "POST" else 200


@bp.post("/glossary/<id:term_id>/delete")
def delete_term(term_id: int):
    term = db.get_or_404(GlossaryTerm, term_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    db.session.delete(term)
    db.session.commit()
    flash(_("The term was removed from the glossary."))
    return redirect(url_for("editor.glossary_page"), 303)
