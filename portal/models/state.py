"""Site-wide state shared by every worker: the version of the published content."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, false
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class SiteState(db.Model):
    """One row, inserted by the migration that made the table. `content_version` goes up
    in the same transaction as any content change, so a cached page knows it is stale,
    whichever worker or host made the change; `content_changed_at` is when that happened
    (the pages' `Last-Modified`)."""

    __tablename__ = "site_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_version: Mapped[int] = mapped_column(default=1)
    content_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    # The site's "review before publishing" setting (portal/editor/review.py), off at first.
    review_required: Mapped[bool] = mapped_column(default=False, server_default=false())


class ContentChange(db.Model):
    """Which updates one content version changed, written in the same transaction as the
    version (portal.facets.record): a worker whose content index is a few versions old
    re-reads only those updates. `updates` is their ids, space-separated, or None when the
    change may touch any update (a maker's or tag's slug, a long import): then the index
    is rebuilt. Only the last versions are kept (`portal.facets.KEPT_CHANGES`)."""

    __tablename__ = "content_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(unique=True)
    updates: Mapped[str | None] = mapped_column(Text, default=None)
