"""Makers and tags: create, rename per language, merge two tags."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.editor import bp, queries, taxonomy_changes
from portal.editor.forms import MergeTagsForm, choices, maker_form, tag_form
from portal.extensions import db
from portal.models import Maker, Tag

MAKER_TAKEN = _l("Another maker already uses this address.")
TAG_TAKEN = _l("Another tag already uses this address.")
MAKER_FIELDS, TAG_FIELDS = "editor/_maker_fields.html", "editor/_tag_fields.html"


def _saved(form, record, taken: Callable[[str], bool], refusal, save: Callable) -> bool:
    """Validate the form, refuse a slug another record has, save; True when it was saved."""
    if not form.validate_on_submit():
        return False
    if form.slug.data != getattr(record, "slug", None) and taken(form.slug.data):
        form.slug.errors.append(refusal)
        return False
    save(record, form)
    flash(_("Saved."))
    return True


def _edit(record, form, checks: tuple, back: str, heading: str, action: str, fields: str):
    """One maker's or tag's edit: saved and back to the list, or the form again."""
    if _saved(form, record, *checks):
        return redirect(url_for(back), 303)
    return _record_page(form, heading, action, fields)


def _record_page(form, heading: str, action: str, fields: str):
    """The edit page of one maker or tag: its form, with errors (and a 422) if any."""
    page = render_template(
        "editor/record_form.html", form=form, heading=heading, action=action, fields=fields
    )
    return page, 422 if request.method == "POST" else 200


@bp.get("/makers/")
def makers():
    """List the makers, with a form to add one."""
    return render_template("editor/makers.html", makers=queries.makers(), form=maker_form())


@bp.post("/makers/")
def create_maker():
    """Add a maker; the form again with its errors when something is wrong."""
    form = maker_form()
    if _saved(form, Maker(), queries.maker_slug_taken, MAKER_TAKEN, taxonomy_changes.save_maker):
        return redirect(url_for("editor.makers"), 303)
    return render_template("editor/makers.html", makers=queries.makers(), form=form), 422


@bp.route("/makers/<id:maker_id>/", methods=["GET", "POST"])
def edit_maker(maker_id: int):
    """Rename a maker and change its description in each language."""
    maker = db.get_or_404(Maker, maker_id)
    form = maker_form(data=taxonomy_changes.maker_data(maker))
    checks = (queries.maker_slug_taken, MAKER_TAKEN, taxonomy_changes.save_maker)
    action = url_for("editor.edit_maker", maker_id=maker.id)
    return _edit(maker, form, checks, "editor.makers", maker.name, action, MAKER_FIELDS)


def _tags_page(form=None, merge=None, status: int = 200):
    return render_template(
        "editor/tags.html",
        tags=queries.tags(),
        usage=queries.tag_usage(),
        form=form or tag_form(),
        merge=merge or _merge_form(),
    ), status


def _merge_form() -> MergeTagsForm:
    form = MergeTagsForm()
    tags = choices((t.id, f"{t.label()} ({t.slug})") for t in queries.tags())
    form.source.choices, form.target.choices = tags, list(tags)
    return form


@bp.get("/tags/")
def tags():
    """List the tags, with forms to add one and to merge two."""
    return _tags_page()


@bp.post("/tags/")
def create_tag():
    """Add a tag with a label per language."""
    form = tag_form()
    if _saved(form, Tag(), queries.tag_slug_taken, TAG_TAKEN, taxonomy_changes.save_tag):
        return redirect(url_for("editor.tags"), 303)
    return _tags_page(form=form, status=422)


@bp.route("/tags/<id:tag_id>/", methods=["GET", "POST"])
def edit_tag(tag_id: int):
    """Rename a tag in each language."""
    tag = db.get_or_404(Tag, tag_id)
    form = tag_form(data=taxonomy_changes.tag_data(tag))
    checks = (queries.tag_slug_taken, TAG_TAKEN, taxonomy_changes.save_tag)
    action = url_for("editor.edit_tag", tag_id=tag.id)
    return _edit(tag, form, checks, "editor.tags", tag.label(), action, TAG_FIELDS)


@bp.post("/tags/merge")
def merge_tags():
    """Move every update of one tag to another and remove the first."""
    form = _merge_form()
    if not form.validate_on_submit():
        return _tags_page(merge=form, status=422)
    source, target = db.session.get(Tag, form.source.data), db.session.get(Tag, form.target.data)
    taxonomy_changes.merge_tags(source, target)
    flash(_("The tags were merged."))
    return redirect(url_for("editor.tags"), 303)
