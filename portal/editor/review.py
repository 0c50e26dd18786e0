"""Review before publishing (optional): who may publish, and the steps of a review.

With the site's setting off (the default) every editor publishes and schedules as before.
With it on, an `editor` saves drafts and submits them for review (status `in_review`,
hidden from readers like a draft); a `chief` publishes, schedules or sends an update back
with a comment the editor sees on the form and the dashboard. Every step is a revision
with its action and comment (`writing.save`)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy import update as sql_update

from portal.extensions import db
from portal.models import Editor, Revision, SiteState, Update

# The revision note of each review step (`Revision.changed`), by the form's action.
SUBMITTED, SENT_BACK, APPROVED = "submitted for review", "sent back", "approved"
STEP_LABELS = {
    SUBMITTED: _l("submitted for review"),
    SENT_BACK: _l("sent back"),
    APPROVED: _l("approved"),
}


def required() -> bool:
    """The site's "review before publishing" setting."""
    return bool(db.session.scalar(select(SiteState.review_required).where(SiteState.id == 1)))


def set_required(on: bool) -> None:
    db.session.execute(sql_update(SiteState).where(SiteState.id == 1).values(review_required=on))
    db.session.commit()


def may_publish(editor: Editor) -> bool:
    return editor.is_chief or not required()


def actions(editor: Editor, update: Update | None) -> list[str]:
    """The form's buttons (`forms.ACTIONS` keys) this editor may press for this update."""
    if not may_publish(editor):
        return ["draft", "review"]
    sent = update is not None and update.status == "in_review" and editor.is_chief
    return ["draft", "publish", "schedule"] + (["send_back"] if sent else [])


def step(action: str, was: str) -> str:
    """The review step a save with this action makes, for its revision ("" when none)."""
    if action == "review":
        return SUBMITTED
    if action == "send_back":
        return SENT_BACK
    return APPROVED if was == "in_review" and action in ("publish", "schedule") else ""


def _last_submission():
    """Per update, its newest "submitted for review" revision's id."""
    return (
        select(Revision.update_id, func.max(Revision.id).label("revision_id"))
        .where(Revision.changed.like(f"%{SUBMITTED}%"))
        .group_by(Revision.update_id)
        .subquery()
    )


def _submitted(status: str, editor: Editor | None = None):
    """Updates of this status, with who submitted them last (optionally only `editor`)."""
    last = _last_submission()
    query = (
        select(Update, Revision.editor_name)
        .outerjoin(last, last.c.update_id == Update.id)
        .outerjoin(Revision, Revision.id == last.c.revision_id)
        .where(Update.status == status)
        .order_by(Update.id.desc())
        .limit(100)
    )
    if editor is not None:
        query = query.where(Revision.editor_id == editor.id)
    if status == "draft":
        query = query.where(Update.review_comment != "")
    return list(db.session.execute(query))


def waiting(editor: Editor) -> dict[str, list]:
    """What waits for whom, for this editor's dashboard: for a chief, every update in
    review; for an editor, what they submitted and what was sent back to them."""
    if editor.is_chief:
        return {"for_you": _submitted("in_review"), "yours": [], "sent_back": []}
    return {
        "for_you": [],
        "yours": _submitted("in_review", editor),
        "sent_back": _submitted("draft", editor),
    }
