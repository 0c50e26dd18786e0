"""A listing's activity chart: updates per month as a server-rendered SVG bar chart.

Each bar is a link that narrows the listing to that month; the list of links doubles as
the chart's text alternative. It is built here in Python rather than in a Jinja macro:
twelve bars with their labels and links were some hundred escapes and thirty calls through
the template runtime, each month name a date format through Flask-Babel's locale lookup,
each link a `listing_url`. Here the page's language is looked up once, the names come from
the per-worker date cache (`portal.i18n.month_labels`), the links from
`public.views.month_url` (the listing's query built once), and the texts from the catalog
the template is rendered with (`portal.i18n.translations`); only the texts are escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jinja2 import pass_context
from markupsafe import Markup, escape

from portal.i18n import month_labels, translations
from portal.public import bp
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


@bp.app_template_global()
@pass_context
def activity_chart(context, bars: list[Bar]) -> Markup:
    """The chart of these bars (`bars`), in the language of the template rendering it."""
    catalog = translations(context)
    caption = Markup(catalog.gettext("Updates per month, %(first)s to %(last)s")) % {
        "first": bars[0].name,
        "last": bars[-1].name,
    }
    lines = [
        '<figure class="activity" aria-labelledby="activity-caption">',
        f'  <figcaption id="activity-caption">{caption}</figcaption>',
        f'  <svg class="activity-chart" viewBox="0 0 {len(bars) * WIDTH} 84" role="img"'
        ' aria-labelledby="activity-caption" focusable="false">',
    ]
    for bar in bars:
        empty = "" if bar.count else " bar-empty"
        lines += [
            f'    <rect class="bar{empty}" x="{bar.x + 4}" y="{bar.y}" width="22"'
            f' height="{bar.height}"></rect>',
            f'    <text class="bar-label" x="{bar.x + 15}" y="80">{escape(bar.short)}</text>',
        ]
    lines += ["  </svg>", '  <ul class="activity-months">']
    for bar in bars:
        # A translation is markup, as in a template's ngettext(); a number needs no escape.
        updates = catalog.ngettext("%(num)d update", "%(num)d updates", bar.count)
        text = f"{escape(bar.name)}: {updates % {'num': bar.count}}"
        lines.append(f'    <li><a href="{escape(bar.url)}">{text}</a></li>')
    lines += ["  </ul>", "</figure>", ""]
    return Markup("\n".join(lines))
