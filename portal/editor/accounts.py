"""Editor accounts: password rules and hashes, checking a login, and its throttle."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete, insert, select
from werkzeug.security import check_password_hash, generate_password_hash

from portal.clients import client_hash
from portal.extensions import db
from portal.models import Editor, LoginFailure
from portal.models.content import utcnow

MIN_PASSWORD = 12
WINDOW = timedelta(minutes=15)
# Failed logins allowed per WINDOW: for one username from one client (the throttle an
# editor meets); from one client over all usernames (guessing names); and for one username
# from every client together, high enough that an attacker needs many addresses to lock
# an editor out from elsewhere (README, "Editors' sessions and the login throttle").
MAX_FAILURES = 5
MAX_CLIENT_FAILURES = 20
MAX_USERNAME_FAILURES = 50
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


def _limits(username: str) -> list[dict[str, int]]:
    """The keys an attempt counts under, hashed, with their limits, in two stages: this
    client with this username and this client alone (only the client can fill them), then
    the username from everywhere, counted only for attempts the first stage let through."""
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    client = client_hash()
    pair = hashlib.sha256(f"{client}|{name}".encode()).hexdigest()
    return [
        {"pair:" + pair: MAX_FAILURES, "client:" + client: MAX_CLIENT_FAILURES},
        {"user:" + name: MAX_USERNAME_FAILURES},
    ]


def _wait(key: str, limit: int) -> int:
    """0 when `key` has at most `limit` attempts in the window, this one included; else
    the seconds until enough of them have left it."""
    times = db.session.scalars(
        select(LoginFailure.at)
        .where(LoginFailure.key == key, LoginFailure.at > utcnow() - WINDOW)
        .order_by(LoginFailure.at.desc())
        .limit(limit + 1)
    ).all()
    if len(times) <= limit:
        return 0
    return int((times[limit] + WINDOW - utcnow()).total_seconds()) + 1


def start_attempt(username: str) -> tuple[int, list[int]]:
    """Record a login attempt as a failure first, then count: (0, its rows) when its
    password may be checked, else (seconds to wait, []) and it leaves no trace.

    Each stage's rows are committed before anything is counted, so of any number of
    attempts at once no more than the limit see a count within it, on SQLite and
    PostgreSQL alike (each count sees every row committed before it began).
    """
    now = utcnow()
    db.session.execute(delete(LoginFailure).where(LoginFailure.at < now - WINDOW))
    rows: list[int] = []
    for limits in _limits(username):
        new = [{"key": key, "at": now} for key in limits]
        rows += db.session.scalars(insert(LoginFailure).returning(LoginFailure.id), new).all()
        db.session.commit()
        if wait := max(_wait(key, limit) for key, limit in limits.items()):
            forget(rows)
            db.session.commit()
            return wait, []
    return 0, rows


def forget(rows: list[int]) -> None:
    """Take an attempt's rows back (refused, or the password matched); the caller commits."""
    db.session.execute(delete(LoginFailure).where(LoginFailure.id.in_(rows)))
