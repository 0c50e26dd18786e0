"""What the feeds read besides the listings' own query (portal/queries.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import undefer

from portal.extensions import db
from portal.models import UpdateTranslation


def load_bodies(update_ids: list[int]) -> None:
    """Load the (deferred) bodies of these updates' texts in one query, not one per entry."""
    if update_ids:
        db.session.scalars(
            select(UpdateTranslation)
            .where(UpdateTranslation.update_id.in_(update_ids))
            .options(undefer(UpdateTranslation.body))
        ).all()
