"""A named lock in the database, with an expiry, so that `import-feeds` started on several
hosts at once (a timer on each) runs once: the others skip.

The row is made once (INSERT … ON CONFLICT DO NOTHING) and taken by one UPDATE whose
condition is that the lock has expired or is already this holder's: the database lets one
such UPDATE through at a time (PostgreSQL locks the row and checks the condition again,
SQLite has one writer), so exactly one run gets a row count of 1. A run that dies keeps it
only until the expiry; a long run renews it as it goes."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal.extensions import db
from portal.models import JobLock
from portal.models.content import utcnow

IMPORT_FEEDS = "import-feeds"


def holder_name() -> str:
    """This run: its host, process and a random part (two runs in one process differ)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:200]


def take(name: str, holder: str, hold: timedelta) -> bool:
    """Take (or renew) the lock for `hold` from now; False when someone else holds it."""
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    db.session.execute(
        insert(JobLock)
        .values(name=name, holder="", expires_at=datetime(1970, 1, 1))
        .on_conflict_do_nothing(index_elements=["name"])
    )
    now = utcnow()
    taken = db.session.execute(
        update(JobLock)
        .where(JobLock.name == name, or_(JobLock.expires_at < now, JobLock.holder == holder))
        .values(holder=holder, expires_at=now + hold)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return taken.rowcount == 1


def release(name: str, holder: str) -> None:
    """Give the lock up, if this holder still has it."""
    db.session.execute(
        update(JobLock)
        .where(JobLock.name == name, JobLock.holder == holder)
        .values(holder="", expires_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def holding(name: str) -> JobLock | None:
    return db.session.get(JobLock, name)
