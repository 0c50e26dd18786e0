"""The editors' forms (Flask-WTF: every one carries a CSRF token tied to the session)."""

from __future__ import annotations

import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import to_utc
from flask_wtf import FlaskForm
from slugify import slugify
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Length, Optional, ValidationError

from portal import rendering, vocab
from portal.calendar.editing import BLANK_ROWS
from portal.calendar.forms import change_row_class
from portal.i18n import language_name, languages
from portal.importing.fetch import Allowance, is_url
from portal.models.content import utcnow

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
YEARS = range(1900, 10_000)  # a time zone's offset keeps these within what datetime holds
ACTIONS = {
    "draft": _l("Save as draft"),
    "publish": _l("Publish now"),
    "schedule": _l("Schedule"),
    "review": _l("Submit for review"),
    "send_back": _l("Send back to the editor"),
}
IMPORTANCE = {
    1: _l("1 – minor"),
    2: _l("2"),
    3: _l("3 – notable"),
    4: _l("4 – important"),
    5: _l("5 – major"),
}
# What these buttons save is a draft: the checks before publishing do not stop them.
DRAFT_ACTIONS = ("draft", "send_back")
REQUIRED = _l("This field is required.")
WEB_ADDRESS = _l("Give a full web address, starting with https://.")
INTERNAL_ADDRESS = _l(
    "This is an address on an internal network; feeds are fetched from public addresses only."
)


def is_web_address(value: str | None) -> bool:
    return (value or "").strip().lower().startswith(("https://", "http://"))


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs or a mapping as WTForms choices."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return [SelectChoice(value, label) for value, label in items]


def _id(value) -> int:
    """A record id from a choice; the empty placeholder (or anything else) is 0."""
    return int(value) if str(value).isdigit() else 0


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED), Length(max=1000)])


class LogoutForm(FlaskForm):
    """Only the CSRF token: logging out is a POST from the editor's own page."""


class ActionForm(FlaskForm):
    """A button that changes something (mark handled, delete, restore): only the token."""


class RestoreForm(FlaskForm):
    """Restore an earlier revision: its content and fields, its status only when asked."""

    with_status = BooleanField(_l("Also restore its status"))


class TranslationForm(Form):
    """One language's text of an update; empty as a whole means "not in this language"."""

    title = StringField(_l("Title"), validators=[Length(max=300)])
    slug = StringField(_l("Slug (web address)"), validators=[Length(max=200)])
    lede = TextAreaField(_l("Lede"), validators=[Length(max=2000)])
    body = TextAreaField(_l("Body (Markdown)"), validators=[Length(max=rendering.MAX_BODY)])
    impact = TextAreaField(_l("Impact sentence"), validators=[Length(max=1000)])
    takeaways = TextAreaField(_l("Takeaways, one per line"), validators=[Length(max=5000)])

    TEXT_FIELDS = ("title", "slug", "lede", "body", "impact", "takeaways")

    def validate_body(self, field) -> None:
        """Only a body readers' pages can show: not nested too deeply (its length: above)."""
        if len(field.data or "") <= rendering.MAX_BODY and (why := rendering.refusal(field.data)):
            raise ValidationError(why)

    @property
    def present(self) -> bool:
        return any((self[name].data or "").strip() for name in self.TEXT_FIELDS)

    def clean(self) -> None:
        """Trim every field and derive the slug from the title when it is left empty."""
        for name in self.TEXT_FIELDS:
            self[name].data = (self[name].data or "").replace("\r\n", "\n").strip()
        if self.title.data and not self.slug.data:
            self.slug.data = slugify(self.title.data, max_length=120, word_boundary=True)


class UpdateFormBase(FlaskForm):
    """Shared fields; `update_form()` adds one TranslationForm per site language."""

    maker = SelectField(_l("AI maker"), coerce=_id, validators=[DataRequired(REQUIRED)])
    type = SelectField(_l("Type"), choices=choices(vocab.TYPES))
    audience = SelectField(_l("Audience"), choices=choices(vocab.AUDIENCES))
    level = SelectField(_l("Level"), choices=choices(vocab.LEVELS))
    importance = SelectField(_l("Importance"), coerce=int, choices=choices(IMPORTANCE), default=3)
    tags = SelectMultipleField(_l("Tags"), coerce=int, validate_choice=True)
    source_url = StringField(
        _l("Source URL"),
        render_kw={"inputmode": "url", "autocomplete": "url"},
        validators=[
            DataRequired(REQUIRED),
            # any scheme with a host here; publishing needs http(s) (validate_source_url)
            URL(schemes=None, message=WEB_ADDRESS),
            Length(max=1000),
        ],
    )
    author = StringField(_l("Author"), validators=[Length(max=200)])
    published_at = DateTimeLocalField(
        _l("Published time"),
        format=DATETIME_FORMAT,
        validators=[Optional()],
        render_kw={"step": 60},
    )
    # The view narrows the choices to the buttons this editor may press (editor/review.py).
    action = SelectField(choices=choices(ACTIONS), default="draft", validate_choice=False)
    review_comment = TextAreaField(
        _l("Comment for the editor"),
        description=_l("What should change before it can be published."),
        validators=[Length(max=2000)],
    )
    # The update's newest revision id when the form was loaded; a save refuses another.
    version = HiddenField()

    def translations(self) -> dict[str, TranslationForm]:
        return {lang: self[lang].form for lang in languages()}

    def validate_action(self, field) -> None:
        if field.data not in [choice.value for choice in field.choices]:
            raise ValidationError(
                _l(
                    "This button is not available for this update: while review before "
                    "publishing is on, only a chief publishes, schedules or sends back."
                )
            )

    def validate_review_comment(self, field) -> None:
        field.data = (field.data or "").replace("\r\n", "\n").strip()
        if self.action.data == "send_back" and not field.data:
            raise ValidationError(_l("Say what should change before it can be published."))

    def validate_published_at(self, field) -> None:
        if field.data and field.data.year not in YEARS:
            raise ValidationError(_l("Choose a time between the years 1900 and 9999."))

    def validate_source_url(self, field) -> None:
        """A draft may keep another scheme's address (the checks before publishing flag
        it); whatever goes out to readers is a web address."""
        if self.action.data not in DRAFT_ACTIONS and not is_web_address(field.data):
            raise ValidationError(WEB_ADDRESS)

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then: one language at least, titles and slugs, a future schedule."""
        for text in self.translations().values():
            text.clean()
        ok = super().validate(extra_validators)
        present = {lang: t for lang, t in self.translations().items() if t.present}
        if not present:
            first = next(iter(self.translations().values()))
            first.title.errors.append(_l("Write a title in at least one language."))
            ok = False
        for text in present.values():
            if not text.title.data:
                text.title.errors.append(_l("A title is needed for a language you write in."))
                ok = False
            elif not SLUG.match(text.slug.data):
                text.slug.errors.append(
                    _l("Use only lowercase letters, digits and single hyphens.")
                )
                ok = False
        if self.action.data == "schedule" and not self.published_at.errors:
            when = self.published_utc()
            if when is None:
                self.published_at.errors.append(_l("Choose the time to publish at."))
                ok = False
            elif when <= utcnow():
                self.published_at.errors.append(_l("A scheduled time must be in the future."))
                ok = False
        return ok

    def published_utc(self):
        """The published time as naive UTC (the form shows the site's time zone); None when
        not given (or out of range: the form is refused then)."""
        when = self.published_at.data
        return to_utc(when) if when and when.year in YEARS else None


def update_form(**kwargs) -> UpdateFormBase:
    """The update form with a TranslationForm for every site language."""
    fields = {lang: FormField(TranslationForm, label=language_name(lang)) for lang in languages()}
    # What changes when (portal.calendar): the update's dated changes, a row each.
    fields["changes"] = FieldList(FormField(change_row_class()), min_entries=BLANK_ROWS)
    form_class = type("UpdateForm", (UpdateFormBase,), fields)
    return form_class(**kwargs)


class PreviewForm(FlaskForm):
    """The body being written (field `<lang>-body`, named by `preview`), sent by htmx."""


class MakerForm(FlaskForm):
    slug = StringField(
        _l("Slug (web address)"), validators=[DataRequired(REQUIRED), Length(max=80)]
    )
    name = StringField(_l("Name"), validators=[DataRequired(REQUIRED), Length(max=120)])
    website = StringField(
        _l("Website"),
        validators=[
            Optional(),
            URL(message=WEB_ADDRESS),
            Length(max=500),
        ],
        render_kw={"inputmode": "url"},
    )
    feed_url = StringField(
        _l("Feed (RSS or Atom)"),
        description=_l(
            "Every new item in it goes on the import desk when the import-feeds command runs."
        ),
        validators=[
            Optional(),
            URL(message=WEB_ADDRESS),
            Length(max=1000),
        ],
        render_kw={"inputmode": "url"},
    )

    def validate_website(self, field) -> None:
        if field.data and not is_url(field.data):  # URL() lets javascript:// through
            raise ValidationError(WEB_ADDRESS)

    def validate_feed_url(self, field) -> None:
        field.data = (field.data or "").strip()
        if field.data and not is_url(field.data):
            raise ValidationError(WEB_ADDRESS)
        if Allowance.parse(current_app.config["FEED_FETCH_ALLOW"]).refuses_url(field.data):
            raise ValidationError(INTERNAL_ADDRESS)  # a name is checked when fetched

    def validate_slug(self, field) -> None:
        field.data = (field.data or "").strip()
        if not SLUG.match(field.data):
            raise ValidationError(_l("Use only lowercase letters, digits and single hyphens."))


class TagForm(FlaskForm):
    slug = StringField(
        _l("Slug (web address)"), validators=[DataRequired(REQUIRED), Length(max=80)]
    )

    validate_slug = MakerForm.validate_slug


class MergeTagsForm(FlaskForm):
    source = SelectField(_l("Merge this tag"), coerce=int)
    target = SelectField(_l("into this tag"), coerce=int)

    def validate_target(self, field) -> None:
        if field.data == self.source.data:
            raise ValidationError(_l("Choose two different tags."))


def _with_languages(base: type, name: str, label, required: bool, max_length: int):
    """A subclass of `base` with a text field per site language (`<name>_<lang>`); when
    `required`, in the site's first language (a language added later may lack it)."""
    first = next(iter(languages()))
    kind = StringField if max_length <= 200 else TextAreaField
    fields = {
        f"{name}_{lang}": kind(
            _l("%(field)s (%(language)s)", field=label, language=language_name(lang)),
            validators=[
                DataRequired(REQUIRED) if required and lang == first else Optional(),
                Length(max=max_length),
            ],
        )
        for lang in languages()
    }
    return type(base.__name__, (base,), fields)


def maker_form(**kwargs) -> MakerForm:
    """A maker: slug, name, website and a description per language."""
    return _with_languages(MakerForm, "description", _l("Description"), False, 2000)(**kwargs)


def tag_form(**kwargs) -> TagForm:
    """A tag: slug and a label per language."""
    return _with_languages(TagForm, "label", _l("Label"), True, 120)(**kwargs)


def refusal(make_form, values: dict, choices: dict | None = None) -> tuple[str, str] | None:
    """The first field an editors' form refuses when `values` are sent in it, and why.

    `make_form` is a form class or factory (`maker_form`); `choices` fills select fields.
    The field is named as in `form.errors`: `slug`, `en.title` for a subform. The backup
    import checks every restored record with it, so both refuse the same things.
    """
    form = make_form(formdata=MultiDict(values), meta={"csrf": False})
    for name, options in (choices or {}).items():
        form[name].choices = options
    if form.validate():
        return None
    name, errors = next(iter(form.errors.items()))
    if isinstance(errors, dict):  # a subform (FormField): its first field
        inner, errors = next(iter(errors.items()))
        name = f"{name}.{inner}"
    return name, str(errors[0])
