"""The rules every change must keep before it is saved (issue 14); each broken rule is a
translated message, and a save with any of them saves nothing."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    Form,
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import Length, Optional, ValidationError

from portal import vocab
from portal.i18n import language_name, languages
from portal.models import Change
from portal.queries import FIRST_DAY, LAST_DAY


def _choices(options: dict) -> list[SelectChoice]:
    """An empty choice, then `options`."""
    return [SelectChoice("", "—")] + [
        SelectChoice(value, label) for value, label in options.items()
    ]


def _id(value) -> int:
    return int(value) if str(value).isdigit() else 0


def problems(change: Change) -> list[str]:
    """What is wrong with `change`, as messages for the editor; empty when it may be saved."""
    found = []
    if change.kind not in vocab.CHANGE_KINDS:
        found.append(_l("Choose what kind of change this is."))
    if change.effective_date is None:
        found.append(_l("Every change needs the date it takes effect."))
    if not change.products:
        found.append(_l("Choose at least one product the change concerns."))
    if change.time_zone and change.time_zone not in available_timezones():
        found.append(_l("Give the time zone as a name like Europe/Amsterdam."))
    prices = [p for p in (change.old_price, change.new_price) if p is not None]
    if any(p <= 0 for p in prices):
        found.append(_l("Prices must be more than zero."))
    if prices and change.currency not in vocab.CURRENCIES:
        found.append(_l("A price needs a currency."))
    if change.kind == "price" and (change.new_price is None or change.currency is None):
        found.append(_l("A price change needs the new price and its currency."))
    if change.price_unit and change.price_unit not in vocab.PRICE_UNITS:
        found.append(_l("Choose what the price is per."))
    if change.kind in ("retirement", "deprecation") and change.effective_date is not None:
        for product in change.products:
            dated = {c for c in product.changes if c.effective_date} | {change}
            deprecated = [c.effective_date for c in dated if c.kind == "deprecation"]
            retired = [c.effective_date for c in dated if c.kind == "retirement"]
            if deprecated and retired and min(retired) < min(deprecated):
                found.append(
                    _l(
                        "%(product)s cannot retire before its deprecation (%(date)s).",
                        product=product.name,
                        date=min(deprecated).isoformat(),
                    )
                )
    return [str(message) for message in found]


class ChangeRow(Form):
    """One change in the update form; a row with no kind and no id is left blank."""

    id = HiddenField()
    remove = BooleanField(_l("Remove this change"))
    kind = SelectField(_l("Kind of change"), choices=_choices(vocab.CHANGE_KINDS), default="")
    products = SelectMultipleField(_l("Products"), coerce=_id, validate_choice=True)
    new_product = StringField(
        _l("Or a new product of this maker"), validators=[Optional(), Length(max=120)]
    )
    effective_date = DateField(_l("Takes effect on"), validators=[Optional()])
    effective_time = TimeField(_l("At (time, optional)"), validators=[Optional()])
    time_zone = StringField(
        _l("Time zone"), validators=[Optional(), Length(max=64)], default="Europe/Amsterdam"
    )
    old_price = DecimalField(_l("Old price"), places=None, validators=[Optional()])
    new_price = DecimalField(_l("New price"), places=None, validators=[Optional()])
    price_unit = SelectField(_l("Price per"), choices=_choices(vocab.PRICE_UNITS), default="")
    currency = SelectField(
        _l("Currency"), choices=_choices({c: c for c in vocab.CURRENCIES}), default=""
    )

    @property
    def blank(self) -> bool:
        return not self.kind.data and not self.id.data

    def validate_effective_date(self, field) -> None:
        if field.data and not FIRST_DAY <= field.data <= LAST_DAY:
            raise ValidationError(_l("Choose a date between the years 1900 and 2999."))

    def validate_old_price(self, field) -> None:
        if field.data is not None and not (field.data.is_finite() and 0 < field.data < MAX_PRICE):
            raise ValidationError(_l("Prices must be more than zero."))

    validate_new_price = validate_old_price


MAX_PRICE = Decimal(10) ** 8  # what Numeric(14, 6) holds


def change_row_class() -> type[ChangeRow]:
    """ChangeRow with a description per site language (`description_<lang>`)."""
    fields = {
        f"description_{lang}": TextAreaField(
            _l("Description (%(language)s)", language=language_name(lang)),
            validators=[Length(max=1000)],
        )
        for lang in languages()
    }
    return type("ChangeRow", (ChangeRow,), fields)
