"""What the editors' pages read: every update (drafts too), coverage, feedback, taxonomy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select

from portal.extensions import db
from portal.i18n import languages
from portal.models import Feedback, Maker, Revision, Tag, Update, UpdateTranslation
from portal.models.content import utcnow
from portal.queries import MAKER_ORDER
from portal.translation import status as translation_status

PER_PAGE = 50


def status_of(update: Update) -> str:
    """draft, in_review, scheduled (published with a future time), published or deleted."""
    return status_at(update.status, update.published_at)


def status_at(status: str, published_at: datetime) -> str:
    """The status an editor sees for a stored status and published time."""
    if status in ("published", "deleted", "in_review"):
        return "scheduled" if status == "published" and published_at > utcnow() else status
    return "draft"


@dataclass
class Coverage:
    lang: str
    present: bool
    outdated: bool
    fields: list[str]  # the outdated ones' labels


def coverage(update: Update) -> list[Coverage]:
    """Per site language: is there a text, and which of its fields are outdated (their
    source changed since they were written: portal/translation/status.py)?"""
    present = {t.lang for t in update.translations}
    stale = translation_status.outdated_fields([update.id])
    return [
        Coverage(
            lang,
            lang in present,
            bool(fields := stale.get((update.id, lang))),
            [str(translation_status.LABELS[f]) for f in fields or ()],
        )
        for lang in languages()
    ]


def _has_language(lang: str):
    return Update.id.in_(select(UpdateTranslation.update_id).where(UpdateTranslation.lang == lang))


def dashboard_updates(
    status: str = "", maker: str = "", missing: str = "", page: int = 1
) -> tuple[list[Update], int]:
    """Updates of every status, newest first, filtered; and how many match.

    Deleted updates are listed only when asked for (`status="deleted"`)."""
    now = utcnow()
    chosen = {
        "draft": Update.status == "draft",
        "in_review": Update.status == "in_review",
        "scheduled": (Update.status == "published") & (Update.published_at > now),
        "published": (Update.status == "published") & (Update.published_at <= now),
        "deleted": Update.status == "deleted",
    }.get(status, Update.status != "deleted")
    query: Select = select(Update).where(chosen)
    if maker:
        query = query.where(Update.maker_id.in_(select(Maker.id).where(Maker.slug == maker)))
    if missing in languages():
        query = query.where(~_has_language(missing))
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = db.session.scalars(
        query.order_by(Update.published_at.desc(), Update.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    return list(items), total


def unhandled_feedback() -> int:
    return db.session.scalar(select(func.count()).where(Feedback.handled.is_(False))) or 0


def feedback_inbox(state: str = "unhandled") -> list[Feedback]:
    """Feedback newest first: unhandled, handled, or all of it."""
    query = select(Feedback).order_by(Feedback.created_at.desc(), Feedback.id.desc())
    if state == "unhandled":
        query = query.where(Feedback.handled.is_(False))
    elif state == "handled":
        query = query.where(Feedback.handled.is_(True))
    return list(db.session.scalars(query.limit(500)))


def updates_by_id(ids) -> dict[int, Update]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(select(Update).where(Update.id.in_(ids)))}


def makers() -> list[Maker]:
    return list(db.session.scalars(select(Maker).order_by(*MAKER_ORDER)))


def makers_by_id(ids) -> dict[int, Maker]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {m.id: m for m in db.session.scalars(select(Maker).where(Maker.id.in_(ids)))}


def tags() -> list[Tag]:
    """Every tag, by its label in the page's language."""
    return sorted(db.session.scalars(select(Tag)), key=lambda t: t.label().casefold())


def tag_usage() -> dict[int, int]:
    from portal.models import update_tags

    rows = db.session.execute(
        select(update_tags.c.tag_id, func.count()).group_by(update_tags.c.tag_id)
    )
    return {tag_id: n for tag_id, n in rows}


def slug_owner(lang: str, slug: str) -> Update | None:
    """The update whose `lang` text has this slug, if any (a deleted one too)."""
    return db.session.scalar(
        select(Update)
        .join(UpdateTranslation, UpdateTranslation.update_id == Update.id)
        .where(UpdateTranslation.lang == lang, UpdateTranslation.slug == slug)
    )


def revisions(update_id: int) -> list[Revision]:
    return list(
        db.session.scalars(
            select(Revision)
            .where(Revision.update_id == update_id)
            .order_by(Revision.created_at.desc(), Revision.id.desc())
        )
    )


def revision(update_id: int, revision_id: int) -> Select:
    """One revision of this update, never another update's (for `db.one_or_404`)."""
    return select(Revision).where(Revision.id == revision_id, Revision.update_id == update_id)


def latest_revision(update_id: int) -> Revision | None:
    """The update's newest revision: its id is the version an edit form was loaded at."""
    return db.session.scalars(
        select(Revision).where(Revision.update_id == update_id).order_by(Revision.id.desc())
    ).first()


def maker_slug_taken(slug: str) -> bool:
    return db.session.scalar(select(Maker.id).where(Maker.slug == slug)) is not None


def tag_slug_taken(slug: str) -> bool:
    return db.session.scalar(select(Tag.id).where(Tag.slug == slug)) is not None
