"""What editors may know of subscribers: counts, never addresses."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Subscriber


def counts() -> dict[str, int]:
    """Subscribers per status (pending, active, paused)."""
    rows = db.session.execute(
        select(Subscriber.status, func.count()).group_by(Subscriber.status)
    ).all()
    return {"pending": 0, "active": 0, "paused": 0} | {status: n for status, n in rows}
