"""Editor accounts: password rules and hashes, checking a login, and its throttle."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete, func, or_, select
from werkzeug.security import check_password_hash, generate_password_hash

from portal.clients import client_hash
from portal.extensions import db
from portal.models import Editor, LoginFailure
from portal.models.content import utcnow

MIN_PASSWORD = 12
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
# Compared against when the username is unknown, so both cases take the same time.
_DUMMY_HASH = generate_password_hash("not a real password, only for timing")


def hash_password(password: str) -> str:
    """A salted scrypt hash (werkzeug's default): never reversible."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"A password needs at least {MIN_PASSWORD} characters.")
    return generate_password_hash(password, method="scrypt")


def find_editor(username: str) -> Editor | None:
    return db.session.scalar(select(Editor).where(Editor.username == username.strip()))


def check_login(username: str, password: str) -> Editor | None:
    """The editor when the password matches; None for a wrong password or unknown user."""
    editor = find_editor(username)
    matches = check_password_hash(editor.password_hash if editor else _DUMMY_HASH, password)
    return editor if editor and matches else None


def end_sessions(editor: Editor) -> None:
    """Every session cookie issued to this editor so far stops working (on commit)."""
    editor.session_version = Editor.session_version + 1


def _keys(username: str) -> list[str]:
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return ["user:" + name, "client:" + client_hash()]


def seconds_blocked(username: str) -> int:
    """0 when this username and client may try; else seconds until the window lets them."""
    since = utcnow() - WINDOW
    wait = 0
    for key in _keys(username):
        times = db.session.scalars(
            select(LoginFailure.at)
            .where(LoginFailure.key == key, LoginFailure.at > since)
            .order_by(LoginFailure.at.desc())
            .limit(MAX_FAILURES)
        ).all()
        if len(times) >= MAX_FAILURES:
            free_at = times[-1] + WINDOW
            wait = max(wait, int((free_at - utcnow()).total_seconds()) + 1)
    return wait


def record_failure(username: str) -> None:
    """Count a failed login for the username and for the client; forget old ones."""
    now = utcnow()
    db.session.add_all([LoginFailure(key=key, at=now) for key in _keys(username)])
    db.session.execute(delete(LoginFailure).where(LoginFailure.at < now - WINDOW))
    db.session.commit()


def failures(username: str) -> int:
    """Failures counted in the window for this username or this client (for tests)."""
    keys = _keys(username)
    return db.session.scalar(
        select(func.count()).where(
            or_(*(LoginFailure.key == key for key in keys)), LoginFailure.at > utcnow() - WINDOW
        )
    )
