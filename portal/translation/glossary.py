"""The editors' glossary: term pairs (used both ways) and never-translate terms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from portal.editor.forms import REQUIRED, choices
from portal.extensions import db
from portal.i18n import language_name, languages
from portal.models import GlossaryTerm


class GlossaryForm(FlaskForm):
    source = StringField(_l("Term"), validators=[DataRequired(REQUIRED), Length(max=200)])
    source_lang = SelectField(_l("Language of the term"))
    target = StringField(
        _l("Translation"),
        description=_l("Leave empty for a name that is never translated."),
        validators=[Length(max=200)],
    )
    target_lang = SelectField(_l("Language of the translation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        langs = choices((code, language_name(code)) for code in languages())
        self.source_lang.choices = langs
        self.target_lang.choices = langs
        if not self.is_submitted() and len(codes := list(languages())) > 1:
            self.target_lang.data = codes[1]

    def validate_source(self, field) -> None:
        field.data = " ".join((field.data or "").split())
        if not field.data:
            raise ValidationError(REQUIRED)

    def validate_target_lang(self, field) -> None:
        self.target.data = " ".join((self.target.data or "").split())
        if self.target.data and field.data == self.source_lang.data:
            raise ValidationError(_l("Choose two different languages."))


def entries() -> list[GlossaryTerm]:
    return list(
        db.session.scalars(select(GlossaryTerm).order_by(GlossaryTerm.source, GlossaryTerm.id))
    )


def terms(source: str, target: str) -> tuple[list[str], dict[str, str]]:
    """For translating `source` into `target`: the terms kept as written, and term pairs."""
    keep, pairs = [], {}
    for entry in entries():
        if not entry.target:
            keep.append(entry.source)
        elif (entry.source_lang, entry.target_lang) == (source, target):
            pairs[entry.source] = entry.target
        elif (entry.target_lang, entry.source_lang) == (source, target):
            pairs[entry.target] = entry.source
    return keep, pairs


def add(form: GlossaryForm) -> None:
    db.session.add(
        GlossaryTerm(
            source=form.source.data,
            source_lang=form.source_lang.data,
            target=form.target.data,
            target_lang=form.target_lang.data if form.target.data else "",
        )
    )
    db.session.commit()
