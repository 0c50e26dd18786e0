"""Products (portal.calendar): list, create, rename per language, merge two."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from portal.calendar.editing import product_choices
from portal.editor import bp, queries
from portal.editor.forms import REQUIRED, MakerForm, _id, _with_languages, choices
from portal.extensions import db
from portal.i18n import languages
from portal.models import Change, Product, change_products

PRODUCT_TAKEN = _l("Another product already uses this address.")
FIELDS = "editor/_product_fields.html"


class ProductForm(FlaskForm):
    slug = StringField(
        _l("Slug (web address)"), validators=[DataRequired(REQUIRED), Length(max=80)]
    )
    name = StringField(_l("Name"), validators=[DataRequired(REQUIRED), Length(max=120)])
    maker = SelectField(_l("AI maker"), coerce=_id, validators=[DataRequired(REQUIRED)])

    validate_slug = MakerForm.validate_slug


class MergeProductsForm(FlaskForm):
    source = SelectField(_l("Merge this product"), coerce=_id)
    target = SelectField(_l("into this product"), coerce=_id)

    def validate_target(self, field) -> None:
        if field.data == self.source.data:
            raise ValidationError(_l("Choose two different products."))


def product_form(**kwargs) -> ProductForm:
    """A product: slug, name, maker, and a name (where it differs) and a description per
    language."""
    named = _with_languages(ProductForm, "name", _l("Name where it differs"), False, 120)
    form = _with_languages(named, "description", _l("Description"), False, 1000)(**kwargs)
    form.maker.choices = choices([("", "—")] + [(m.id, m.name) for m in queries.makers()])
    return form


def _merge_form() -> MergeProductsForm:
    form = MergeProductsForm()
    options = product_choices()
    form.source.choices, form.target.choices = options, list(options)
    return form


def _page(form=None, merge=None, status: int = 200):
    usage = dict(
        db.session.execute(
            select(change_products.c.product_id, func.count()).group_by(
                change_products.c.product_id
            )
        ).all()
    )
    products = db.session.scalars(select(Product).order_by(func.lower(Product.name))).all()
    return render_template(
        "editor/products.html",
        products=products,
        usage=usage,
        form=form or product_form(),
        merge=merge or _merge_form(),
    ), status


def _saved(form, product: Product) -> bool:
    """Validate, refuse a slug another product has, save; True when saved."""
    if not form.validate_on_submit():
        return False
    taken = db.session.scalar(select(Product.id).where(Product.slug == form.slug.data))
    if taken is not None and taken != product.id:
        form.slug.errors.append(PRODUCT_TAKEN)
        return False
    product.slug, product.name, product.maker_id = (
        form.slug.data,
        form.name.data.strip(),
        form.maker.data,
    )
    for lang in languages():
        text = product.translation_or_new(lang)
        text.name = (form[f"name_{lang}"].data or "").strip()
        text.description = (form[f"description_{lang}"].data or "").strip()
    db.session.add(product)
    db.session.commit()
    flash(_("Saved."))
    return True


@bp.get("/products/")
def products():
    """List the products, with forms to add one and to merge two."""
    return _page()


@bp.post("/products/")
def create_product():
    form = product_form()
    if _saved(form, Product()):
        return redirect(url_for("editor.products"), 303)
    return _page(form=form, status=422)


@bp.route("/products/<id:product_id>/", methods=["GET", "POST"])
def edit_product(product_id: int):
    """Rename a product, move it to another maker, change its texts per language."""
    product = db.get_or_404(Product, product_id)
    data = {"slug": product.slug, "name": product.name, "maker": product.maker_id}
    for lang in languages():
        text = product.translation(lang)
        data |= {
            f"name_{lang}": text.name if text else "",
            f"description_{lang}": product.description(lang),
        }
    form = product_form(data=data if request.method == "GET" else None)
    if _saved(form, product):
        return redirect(url_for("editor.products"), 303)
    page = render_template(
        "editor/record_form.html",
        form=form,
        heading=product.name,
        action=url_for("editor.edit_product", product_id=product.id),
        fields=FIELDS,
    )
    return page, 422 if request.method == "POST" else 200


@bp.post("/products/merge")
def merge_products():
    """Every change of one product concerns the other instead; the first is removed."""
    form = _merge_form()
    if not form.validate_on_submit():
        return _page(merge=form, status=422)
    source = db.session.get(Product, form.source.data)
    target = db.session.get(Product, form.target.data)
    for change in db.session.scalars(select(Change).where(Change.products.contains(source))):
        change.products = [p for p in change.products if p is not source]
        if target not in change.products:
            change.products.append(target)
    db.session.flush()
    db.session.delete(source)
    db.session.commit()
    flash(_("The products were merged."))
    return redirect(url_for("editor.products"), 303)
