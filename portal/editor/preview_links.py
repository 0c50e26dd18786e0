"""Signed, expiring links that let someone without an account read a draft (the page:
views/preview.py)."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.extensions import db
from portal.i18n import absolute
from portal.models import Update

SALT = "portal.draft-preview"
MAX_AGE = 7 * 24 * 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token(update: Update) -> str:
    return _serializer().dumps({"id": update.id, "status": update.status})


def link(update: Update) -> str:
    return absolute(url_for("preview.show", token=token(update)))


def draft_for(value: str) -> Update | None:
    """The draft a token names, while it is younger than 7 days and still a draft."""
    try:
        data, issued = _serializer().loads(value, max_age=MAX_AGE, return_timestamp=True)
    except BadSignature:  # also SignatureExpired
        return None
    update = db.session.get(Update, data.get("id")) if isinstance(data, dict) else None
    if update is None or update.status != "draft" or data.get("status") != update.status:
        return None
    # Published (or scheduled) and back to draft since the link was made: the link is spent.
    # The stamp has whole seconds, so a change in the second the link was made is let pass.
    changed = update.status_changed_at
    if changed is not None and changed >= issued.replace(tzinfo=None) + timedelta(seconds=1):
        return None
    return update
