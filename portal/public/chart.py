"""The activity chart's bars (macro `activity_chart`, templates/macros/listing.html), in Python.

The chart shows twelve months, each a bar, a short month name and a link that narrows the
listing to that month. Done in the template, each bar cost two date formats through
Flask-Babel's locale lookup and a `listing_url` call; here the page's language is looked
up once, the names come from the per-worker date cache (`portal.i18n.month_labels`), and
the links from `public.views.month_url`, which builds the listing's query once per chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from portal.i18n import month_labels
from portal.queries import Month

HEIGHT = 60  # pixels of the tallest bar
BASELINE = 64  # y of the bars' foot
WIDTH = 30  # pixels per month


@dataclass(frozen=True, slots=True)
class Bar:
    x: int  # left edge of the month's column
    y: float  # top of the bar
    height: float  # drawn height: at least one pixel, so an empty month is a line
    count: int
    short: str  # 'Mar'
    name: str  # 'March 2025'
    url: str  # the listing narrowed to the month


def bars(months: list[Month], url: Callable[[date, date], str]) -> list[Bar]:
    """The chart's bars, oldest month first; `url(start, end)` links a month."""
    top = max(month.count for month in months) or 1
    labels = month_labels([month.start for month in months])
    found = []
    for n, (month, (short, name)) in enumerate(zip(months, labels, strict=True)):
        height = round(month.count / top * HEIGHT, 1)
        found.append(
            Bar(
                x=n * WIDTH,
                y=BASELINE - height,
                height=max(height, 1),
                count=month.count,
                short=short,
                name=name,
                url=url(month.start, month.end),
            )
        )
    return found
