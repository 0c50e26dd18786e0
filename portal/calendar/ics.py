"""The calendar as iCalendar (RFC 5545): one VEVENT per change, all-day on its date or
timed in its time zone, with a UID that never changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from flask import url_for

from portal import vocab
from portal.i18n import absolute
from portal.models import Change

PRODID = "-//AI Makers Tracker//What changes when//EN"


def summary(change: Change) -> str:
    names = ", ".join(p.label() for p in change.products)
    return (
        f"{names}: {vocab.CHANGE_KINDS[change.kind]}"
        if names
        else str(vocab.CHANGE_KINDS[change.kind])
    )


def calendar_file(changes: list[Change], name: str) -> bytes:
    """The changes as one VCALENDAR."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    authority = urlsplit(absolute("/")).hostname
    for change in changes:
        text = change.update.best_translation()
        event = icalendar.Event()
        event.add("uid", f"change-{change.id}@{authority}")
        stamp = change.updated_at.replace(tzinfo=UTC)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        if change.effective_time is not None:
            zone = ZoneInfo(change.time_zone) if change.time_zone else UTC
            start = datetime.combine(change.effective_date, change.effective_time, zone)
            event.add("dtstart", start)
        else:
            event.add("dtstart", change.effective_date)
            event.add("dtend", change.effective_date + timedelta(days=1))
        event.add("summary", summary(change))
        event.add("description", "\n\n".join(filter(None, [change.description(), text.title])))
        event.add("url", absolute(url_for("public.update", lang=text.lang, slug=text.slug)))
        event.add("categories", [str(vocab.CHANGE_KINDS[change.kind])])
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
