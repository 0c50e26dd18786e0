"""Signed links in digest mails: confirm (valid 48 hours), manage and unsubscribe (no expiry).

A token names the subscriber's id and address, so it stops working when the address is
deleted, and never fits another subscriber who later gets the same id."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from portal.extensions import db
from portal.models import Subscriber

CONFIRM_SECONDS = 48 * 3600
SALTS = {"confirm": "digest-confirm", "manage": "digest-manage"}


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALTS[purpose])


def make(subscriber: Subscriber, purpose: str) -> str:
    return _serializer(purpose).dumps([subscriber.id, subscriber.email])


def subscriber_for(token: str, purpose: str) -> Subscriber | None:
    """The subscriber a valid token names; None when it is forged, expired or deleted."""
    max_age = CONFIRM_SECONDS if purpose == "confirm" else None
    try:
        subscriber_id, email = _serializer(purpose).loads(token, max_age=max_age)
    except (BadSignature, ValueError, TypeError):
        return None
    return db.session.scalar(
        select(Subscriber).where(Subscriber.id == subscriber_id, Subscriber.email == email)
    )
