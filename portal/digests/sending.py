"""`send-digests`: each due subscriber's digest, sent at most once per period.

The guarantee: a digest is *claimed* before its mail is sent — one `digest_sends` row with
the unique key (subscriber, period), written in the same transaction that moves the
subscriber's `sent_until` marker — and marked `sent` after the server accepted it. So a
rerun, or a second run at the same time, skips every claimed digest and resumes with the
rest: a crash between two sends never sends one twice. A temporary failure (a 4xx, a lost
connection) gives the claim back in one transaction, so the next run retries it; a
refusal (5xx) does too and counts, and the third in a row pauses the address. The one gap
is a crash after the server accepted a mail and before `sent` was written: that digest
stays claimed and is not sent again (at most once, never twice).
"""

from __future__ import annotations

import contextlib
import smtplib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.briefing.queries import local_day, updates_between, utc, week_of_day
from portal.calendar.queries import changes_between
from portal.digests import mail, messages
from portal.digests.forms import stored_filters
from portal.extensions import db
from portal.models import DigestSend, Subscriber
from portal.models.content import utcnow

MAX_ITEMS = 50  # updates in one digest; the rest are on the site
PAUSE_AFTER = 3  # refusals in a row


def period(subscriber: Subscriber, now: datetime) -> tuple[str, datetime]:
    """The subscriber's last complete period in the site's time zone (yesterday, or last ISO
    week) and its end, as naive UTC: a digest covers a whole day or week."""
    today = local_day(now)
    if subscriber.frequency == "daily":
        return (today - timedelta(days=1)).isoformat(), utc(today)
    monday = today - timedelta(days=today.weekday())
    return str(week_of_day(monday - timedelta(days=7))), utc(monday)


def due() -> list[int]:
    return list(
        db.session.scalars(
            select(Subscriber.id).where(Subscriber.status == "active").order_by(Subscriber.id)
        )
    )


def _claimed(subscriber: Subscriber, key: str) -> bool:
    found = select(DigestSend.id).where(
        DigestSend.subscriber_id == subscriber.id, DigestSend.period == key
    )
    return db.session.scalar(found) is not None


def send_digests(
    dry_run: bool = False, progress: Callable[[list[int]], Iterable[int]] = iter
) -> Counter:
    """Send every due digest; what happened, counted: sent, nothing new, already sent, …"""
    report: Counter = Counter()
    now, server = utcnow(), None
    try:
        for subscriber_id in progress(due()):
            subscriber = db.session.get(Subscriber, subscriber_id)
            if subscriber is None or subscriber.status != "active":
                continue
            key, until = period(subscriber, now)
            if _claimed(subscriber, key):
                report["already sent"] += 1
                continue
            filters = stored_filters(subscriber.filters, subscriber.lang)
            items = updates_between(filters, subscriber.sent_until, until, MAX_ITEMS)
            if not items:
                report["nothing new"] += 1
                continue
            if dry_run:
                report["would send"] += 1
                continue
            server = server or mail.connect()  # MailError: nothing claimed, the run stops
            changes = _changes(subscriber, filters, until)
            message = messages.digest(subscriber, items, key, changes=changes)
            report[_send_one(server, subscriber, message, key, until)] += 1
            if report["temporary failure"] and not _alive(server):
                server = None
    finally:
        if server is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                server.quit()
    return report


def _changes(subscriber: Subscriber, filters, until: datetime) -> list:
    """A weekly digest's "What changes, when": the changes taking effect in the week it is
    sent in (the one its "This week's briefing" link shows), of its makers' products."""
    if subscriber.frequency != "weekly":
        return []
    week = week_of_day(local_day(until))
    return changes_between(week.monday, week.sunday, filters.makers)


def _send_one(server, subscriber: Subscriber, message, key: str, until: datetime) -> str:
    claim = DigestSend(
        subscriber_id=subscriber.id, period=key, since=subscriber.sent_until, until=until
    )
    subscriber.sent_until = until
    db.session.add(claim)
    try:
        db.session.commit()
    except IntegrityError:  # another run claimed it a moment ago
        db.session.rollback()
        return "already sent"
    try:
        mail.send(server, message)
    except mail.MailError as error:
        return _give_back(subscriber, claim, error)
    claim.status, claim.sent_at, subscriber.failures = "sent", utcnow(), 0
    db.session.commit()
    return "sent"


def _give_back(subscriber: Subscriber, claim: DigestSend, error: mail.MailError) -> str:
    """Undo the claim so the next run tries again; count a refusal, pause at the third."""
    subscriber.sent_until = claim.since
    db.session.delete(claim)
    outcome = "temporary failure"
    if error.permanent:
        subscriber.failures += 1
        outcome = "refused"
        if subscriber.failures >= PAUSE_AFTER:
            subscriber.status, outcome = "paused", "paused"
    db.session.commit()
    return outcome


def _alive(server) -> bool:
    try:
        return server.noop()[0] == 250
    except (OSError, smtplib.SMTPException):
        return False
