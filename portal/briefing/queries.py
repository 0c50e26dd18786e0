"""Weeks in the site's time zone, and which published updates a week's briefing holds.

A week is an ISO week (Monday to Sunday) in `SITE_TIMEZONE`; stored times are naive UTC,
so a week's bounds are converted once. Updates come from the content index (portal.facets)
with the listings' own filters, most important first (importance 5 to 1), then newest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from portal import facets, queries
from portal.extensions import db
from portal.models import Update
from portal.models.content import utcnow

WEEK = re.compile(r"(\d{4})-W(\d{2})")


@dataclass(frozen=True, order=True)
class Week:
    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def bounds(self) -> tuple[datetime, datetime]:
        """Monday 00:00 and the next Monday 00:00 in the site's time zone, as naive UTC."""
        return utc(self.monday), utc(self.monday + timedelta(days=7))

    def shifted(self, weeks: int) -> Week:
        return week_of_day(self.monday + timedelta(weeks=weeks))


def zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["SITE_TIMEZONE"])


def utc(day: date) -> datetime:
    """The start of `day` in the site's time zone, as a naive UTC time."""
    start = datetime.combine(day, time.min, tzinfo=zone())
    return start.astimezone(UTC).replace(tzinfo=None)


def local_day(moment: datetime) -> date:
    """The site's calendar day of a naive UTC time."""
    return moment.replace(tzinfo=UTC).astimezone(zone()).date()


def week_of_day(day: date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number)


def week_of(moment: datetime) -> Week:
    return week_of_day(local_day(moment))


def this_week() -> Week:
    return week_of(utcnow())


def parse_week(raw: str) -> Week | None:
    """`2025-W07` as a Week; None for anything else (W00, W54, a W53 the year lacks)."""
    if not (match := WEEK.fullmatch(raw)):
        return None
    try:
        return week_of_day(date.fromisocalendar(int(match[1]), int(match[2]), 1))
    except ValueError:
        return None


def first_week() -> Week | None:
    """The week of the oldest visible update; None when nothing is published."""
    index = facets.current(queries._version())
    visible = index.visible(utcnow())
    return week_of(index.dates[visible.bit_length() - 1]) if visible else None


def briefing_filters(filters: queries.Filters) -> queries.Filters:
    """The listing filters a briefing reads: its week replaces dates, order and page."""
    return replace(filters, date_from=None, date_to=None, page=1, sort="newest")


def _matching(filters: queries.Filters) -> tuple[facets.Index, int]:
    selection = queries.select_updates(briefing_filters(filters))
    return selection.index, selection.matching(dated=False)


def updates_between(
    filters: queries.Filters, start: datetime | None, end: datetime, limit: int | None = None
) -> list[Update]:
    """Published updates matching `filters` with start < published_at ≤ end (naive UTC),
    most important first, then newest."""
    index, bits = _matching(filters)
    first = index.newer_than(end)  # positions are newest first
    last = index.newer_than(start) if start else index.size
    return _ranked(index, bits & facets.span(first, last), limit)


def _ranked(index: facets.Index, bits: int, limit: int | None = None) -> list[Update]:
    """The updates of `bits`, most important first, then newest, loaded in one query."""
    positions: list[int] = []
    for weight in sorted(index.importance, reverse=True):
        positions += facets.positions(bits & index.importance[weight])
    ids = [index.ids[p] for p in positions[:limit]]
    loaded = {u.id: u for u in db.session.scalars(select(Update).where(Update.id.in_(ids)))}
    return [loaded[i] for i in ids if i in loaded]


def week_updates(filters: queries.Filters, week: Week) -> list[Update]:
    """The week's updates matching `filters`, most important first."""
    start, end = week.bounds()
    index, bits = _matching(filters)
    return _ranked(index, bits & index.between(start, end))


def neighbours(filters: queries.Filters, week: Week) -> tuple[Week | None, Week | None]:
    """The nearest earlier and later weeks with a matching update (None when there is none)."""
    start, end = week.bounds()
    index, bits = _matching(filters)
    visible = bits & index.visible(utcnow())
    earlier = visible & index.between(None, start)
    later = visible & index.between(end, None)
    previous = week_of(index.dates[(earlier & -earlier).bit_length() - 1]) if earlier else None
    following = week_of(index.dates[later.bit_length() - 1]) if later else None
    return previous, following


def latest_week(filters: queries.Filters) -> Week | None:
    """The most recent week with a matching update."""
    index, bits = _matching(filters)
    return week_of(index.dates[(bits & -bits).bit_length() - 1]) if bits else None
