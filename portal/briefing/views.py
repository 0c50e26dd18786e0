"""The briefing pages: this week's, earlier weeks', and the Atom feed of briefings."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from flask import Response, abort, g, render_template, request, url_for
from flask_babel import gettext as _

from portal import queries
from portal.briefing import bp
from portal.briefing.queries import (
    Week,
    briefing_filters,
    first_week,
    latest_week,
    neighbours,
    parse_week,
    this_week,
    week_updates,
)
from portal.calendar import queries as calendar_queries
from portal.feeds.entries import ID_YEAR, stamp
from portal.http.pagecache import ENVIRON_FLAG, cacheable
from portal.i18n import absolute, languages

FEED_WEEKS = 12  # briefings in the feed: the most recent weeks that have updates


def _filters() -> queries.Filters:
    return briefing_filters(queries.parse_filters(request.args, g.lang))


def _url(endpoint: str, filters: queries.Filters, **values) -> str:
    """A briefing address with the filters in their canonical form."""
    query = filters.query_string()
    return url_for(endpoint, **values) + (f"?{query}" if query else "")


def _addresses(filters: queries.Filters, endpoint: str, **values) -> None:
    g.alternates = {lang: _url(endpoint, filters, lang=lang, **values) for lang in languages()}
    g.canonical = g.alternates[g.lang]


def _expires(moment: datetime) -> None:
    """Keep this page in the page cache no later than `moment` (when the week changes)."""
    state = request.environ.get(ENVIRON_FLAG)
    if state is not None and (state.expires is None or moment < state.expires):
        request.environ[ENVIRON_FLAG] = state._replace(expires=moment)


@bp.route("/<lang>/briefing/")
@cacheable
def current():
    """This week's briefing; while it has no updates, the most recent week that has."""
    filters, now = _filters(), this_week()
    _expires(now.bounds()[1])
    _addresses(filters, "briefing.current")
    items = week_updates(filters, now)
    shown = now if items else latest_week(filters)
    if shown is not None and shown != now:
        items = week_updates(filters, shown)
    return _render(filters, shown, items, empty_now=shown != now)


@bp.route("/<lang>/briefing/<week>/")
@cacheable
def week(week: str):
    """One week's briefing (a 404 before the first update's week or after this one)."""
    found, first = parse_week(week), first_week()
    if found is None or first is None or not first <= found <= this_week():
        abort(404)
    filters = _filters()
    _addresses(filters, "briefing.week", week=str(found))
    return _render(filters, found, week_updates(filters, found))


def _render(filters: queries.Filters, week: Week | None, items: list, empty_now=False):
    previous, following = neighbours(filters, week) if week else (None, None)
    return render_template(
        "briefing/week.html",
        filters=filters,
        week=week,
        items=items,
        empty_now=empty_now,
        previous=previous,
        following=following,
        week_url=lambda w: _url("briefing.week", filters, week=str(w)),
        feed_url=_url("briefing.feed", filters),
        options=queries.facet_options(g.lang),
        changes=_changes(filters, week),
    )


def _changes(filters: queries.Filters, week: Week | None) -> dict | None:
    """The week's "What changes, when" entries (of the chosen makers' products) and the
    calendar's address for the same days; None when there are none."""
    if week is None or not (
        found := calendar_queries.changes_between(week.monday, week.sunday, filters.makers)
    ):
        return None
    days = {"from": week.monday.isoformat(), "to": week.sunday.isoformat()}
    return {
        "entries": found,
        "calendar_url": url_for("calendar.calendar", maker=filters.makers, **days),
    }


@bp.route("/<lang>/briefing/feed.xml")
@cacheable
def feed():
    """The most recent weekly briefings with updates, as Atom 1.0 (one entry a week)."""
    filters = _filters()
    authority = urlsplit(absolute("/")).hostname
    entries, shown = [], latest_week(filters)
    while shown is not None and len(entries) < FEED_WEEKS:
        items = week_updates(filters, shown)
        newest = max(item.published_at for item in items)
        entries.append(
            {
                "id": f"tag:{authority},{ID_YEAR}:briefing-{shown}/{g.lang}{_id_filters(filters)}",
                "week": shown,
                "items": items,
                "link": absolute(_url("briefing.week", filters, week=str(shown))),
                "updated": stamp(newest),
            }
        )
        shown = neighbours(filters, shown)[0]
    body = render_template(
        "briefing/atom.xml",
        feed_id=absolute(_url("briefing.feed", filters)),
        title=f"{_('Weekly briefing')} · {_('AI Makers Tracker')}",
        page_url=absolute(_url("briefing.current", filters)),
        updated=entries[0]["updated"] if entries else stamp(queries.utcnow()),
        entries=entries,
    )
    return Response(body, mimetype="application/atom+xml")


def _id_filters(filters: queries.Filters) -> str:
    query = filters.query_string()
    return f"?{query}" if query else ""
