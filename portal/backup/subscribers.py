"""Digest subscribers in a backup (version 2; a version 1 file has none): exported and
restored by their own functions and key list, beside the content's."""

from __future__ import annotations

from sqlalchemy import select

from portal.models import Subscriber
from portal.models.subscribers import FREQUENCIES, SUBSCRIBER_STATUSES

KEYS = {
    "id",
    "email",
    "lang",
    "frequency",
    "filters",
    "status",
    "created_at",
    "confirmed_at",
    "sent_until",
    "failures",
}
TIMES = ("created_at", "confirmed_at", "sent_until")


def export(session, time) -> list[dict]:
    """Every subscriber, by id; `time` writes a stored time as the backup does."""
    return [
        {key: getattr(s, key) for key in KEYS - set(TIMES)}
        | {key: time(getattr(s, key)) for key in TIMES}
        for s in session.scalars(select(Subscriber).order_by(Subscriber.id))
    ]


def rows(records, languages) -> list[dict]:
    """The checked rows of `records` (the backup's _Record objects)."""
    return [
        {
            "id": r.int("id"),
            "email": r.str("email", column=Subscriber.email),
            "lang": r.one_of("lang", languages),
            "frequency": r.one_of("frequency", FREQUENCIES),
            "filters": r.str("filters", column=Subscriber.filters),
            "status": r.one_of("status", SUBSCRIBER_STATUSES),
            "created_at": r.time("created_at"),
            "confirmed_at": r.time("confirmed_at", nullable=True),
            "sent_until": r.time("sent_until", nullable=True),
            "failures": r.int("failures"),
        }
        for r in records
    ]
