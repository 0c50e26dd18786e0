"""The rules every change must keep before it is saved (issue 14); each broken rule is a
translated message, and a save with any of them saves nothing."""

from __future__ import annotations

from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l

from portal import vocab
from portal.models import Change


def problems(change: Change) -> list[str]:
    """What is wrong with `change`, as messages for the editor; empty when it may be saved."""
    found = []
    if change.kind not in vocab.CHANGE_KINDS:
        found.append(_l("Choose what kind of change this is."))
    if change.effective_date is None:
        found.append(_l("Every change needs the date it takes effect."))
    if not change.products:
        found.append(_l("Choose at least one product the change concerns."))
    if change.time_zone and (
        change.effective_time is None or change.time_zone not in available_timezones()
    ):
        found.append(_l("A time zone needs a time, and must be a name like Europe/Amsterdam."))
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
