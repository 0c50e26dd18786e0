"""Saving an update from the form: all or nothing, with a revision of every save.

An edit form carries the version it was loaded at (the update's newest revision id); a
save from an outdated form is refused with a `Conflict` that says what differs. Deleting
only marks the update "deleted" (readers see published updates only), so it keeps its
revisions and can be brought back."""

from __future__ import annotations

import json
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.exc import IntegrityError

from portal.calendar import editing as calendar_editing
from portal.editor import MAX_ID, queries, review
from portal.editor.conflicts import Conflict, differences
from portal.editor.forms import UpdateFormBase
from portal.extensions import db
from portal.i18n import languages
from portal.models import Editor, Revision, Tag, Update
from portal.models.content import utcnow
from portal.translation import status as translation_status

SHARED = ("maker_id", "type", "audience", "level", "importance", "source_url", "author")
TEXT = ("slug", "title", "lede", "body", "impact", "takeaways_text")
SLUG_TAKEN = _l("Another update already uses this address in this language.")
SLUG_DELETED = _l(
    "A deleted update uses this address in this language: restore it, or choose another address."
)


def snapshot(update: Update) -> dict:
    """Everything an editor can change, as plain JSON-able values."""
    return {
        **{name: getattr(update, name) for name in SHARED},
        "status": update.status,
        "published_at": update.published_at.isoformat(timespec="seconds"),
        "tags": sorted(tag.id for tag in update.tags),
        "texts": {t.lang: {name: getattr(t, name) for name in TEXT} for t in update.translations},
    }


def changes(before: dict | None, after: dict) -> list[str]:
    """Names of what differs: shared fields by name, texts as `en.title`."""
    if before is None:
        return ["created"]
    names = [key for key in after if key != "texts" and before.get(key) != after[key]]
    for lang in sorted(set(before["texts"]) | set(after["texts"])):
        old, new = before["texts"].get(lang), after["texts"].get(lang)
        if old is None or new is None:
            names.append(f"{lang}.{'added' if old is None else 'removed'}")
            continue
        names += [f"{lang}.{name}" for name in TEXT if old[name] != new[name]]
    return names


def form_data(update: Update) -> dict:
    """The form's initial values for an existing update (times in the site's zone)."""
    data = {name: getattr(update, name) for name in SHARED if name != "maker_id"}
    data |= {"maker": update.maker_id, "tags": [tag.id for tag in update.tags]}
    data["published_at"] = to_user_timezone(update.published_at).replace(tzinfo=None)
    data["action"] = "draft" if update.status != "published" else "publish"
    data["version"] = version(update)
    data["changes"] = calendar_editing.rows_data(update)
    for t in update.translations:
        data[t.lang] = {name: getattr(t, name) for name in TEXT if name != "takeaways_text"}
        data[t.lang]["takeaways"] = t.takeaways_text
    return data


def _timing(form: UpdateFormBase, update: Update) -> tuple[str, datetime]:
    """Status and published time for the button pressed; an unchanged time keeps its seconds."""
    given, now, current = form.published_utc(), utcnow(), update.published_at
    if given and current and given == current.replace(second=0, microsecond=0):
        given = current  # the form shows minutes only
    if form.action.data == "schedule":
        return "published", given
    if form.action.data == "publish":
        if given and given <= now:
            return "published", given
        live = update.status == "published" and current and current <= now
        return "published", current if live else now
    status = "in_review" if form.action.data == "review" else "draft"
    return status, given or current or now


def _apply(form: UpdateFormBase, update: Update) -> None:
    update.maker_id = form.maker.data
    for name in ("type", "audience", "level", "importance", "source_url", "author"):
        setattr(update, name, getattr(form, name).data or "")
    update.status, update.published_at = _timing(form, update)
    if form.action.data == "send_back":
        update.review_comment = form.review_comment.data
    elif form.action.data != "draft":  # submitted again, or out
        update.review_comment = ""
    update.tags = list(db.session.scalars(select(Tag).where(Tag.id.in_(form.tags.data or []))))
    for lang, text in form.translations().items():
        _apply_text(
            update,
            lang,
            text.present
            and {
                "slug": text.slug.data,
                "title": text.title.data,
                "lede": text.lede.data,
                "body": text.body.data,
                "impact": text.impact.data,
                "takeaways_text": "\n".join(
                    line.strip() for line in text.takeaways.data.splitlines() if line.strip()
                ),
            },
        )


def _apply_text(update: Update, lang: str, values: dict | bool) -> None:
    """Create, change or (for an emptied language) remove the text in `lang`."""
    if not values:
        if (existing := update.translation(lang)) is not None:
            update.translations.remove(existing)
        return
    text = update.translation_or_new(lang)
    for name, value in values.items():
        if getattr(text, name, None) != value:
            setattr(text, name, value)


def slug_conflicts(form: UpdateFormBase, update_id: int | None) -> bool:
    """Put an error on every slug another update already has; True when there was one."""
    found = False
    for lang, text in form.translations().items():
        if not text.present:
            continue
        owner = queries.slug_owner(lang, text.slug.data)
        if owner is not None and owner.id != update_id:
            text.slug.errors.append(SLUG_DELETED if owner.status == "deleted" else SLUG_TAKEN)
            found = True
    return found


def version(update: Update) -> str:
    """The version an edit form is loaded at: the update's newest revision id (0: none)."""
    latest = queries.latest_revision(update.id)
    return str(latest.id if latest else 0)


def _lock(update: Update) -> None:
    """Hold the update (PostgreSQL: its row; SQLite: the write lock) until commit or rollback,
    so no other save comes between the version check and this one; then read it afresh."""
    table = Update.__table__
    db.session.execute(
        sql_update(table).where(table.c.id == update.id).values(status=table.c.status)
    )
    db.session.expire_all()


def _check_version(form: UpdateFormBase, update: Update) -> None:
    """Raise a Conflict, saving nothing, when the form was loaded at an older version."""
    latest = queries.latest_revision(update.id)
    current = str(latest.id if latest else 0)
    if form.version.data == current:
        return
    theirs = snapshot(update)
    loaded = form.version.data or ""
    known = loaded.isdigit() and int(loaded) <= MAX_ID  # the database takes no larger one
    base = db.session.get(Revision, int(loaded)) if known else None
    base_state = json.loads(base.snapshot) if base and base.update_id == update.id else None
    with db.session.no_autoflush:
        _apply(form, update)
        mine = snapshot(update)
    by, at = (latest.editor_name, latest.created_at) if latest else ("", None)
    db.session.rollback()
    by_them = set(changes(base_state, theirs)) if base_state else set()
    raise Conflict(current, by, at, differences(form, changes(mine, theirs), mine, theirs, by_them))


def _record(
    update: Update, before: dict | None, editor: Editor, note: str = "", comment: str = ""
) -> None:
    after = snapshot(update)
    names = changes(before, after) + ([note] if note else [])
    db.session.add(
        Revision(
            update_id=update.id,
            editor_id=editor.id,
            editor_name=editor.username,
            changed="\n".join(names),
            snapshot=json.dumps(after, sort_keys=True),
            comment=comment,
        )
    )


record = _record  # for other ways of changing an update (the import desk)


def save(form: UpdateFormBase, update: Update | None, editor: Editor) -> Update | None:
    """Apply a valid form and keep a revision, in one transaction; None when refused.

    Raises Conflict when the update changed since the form was loaded."""
    if update is not None:
        _lock(update)
        _check_version(form, update)
    if slug_conflicts(form, update.id if update else None):
        db.session.rollback()
        return None
    before = snapshot(update) if update else None
    step = review.step(form.action.data, update.status if update else "")
    if update is None:
        update = Update()
        db.session.add(update)
    try:
        with db.session.no_autoflush:
            _apply(form, update)
            if not calendar_editing.apply(form, update):  # a refused change saves nothing
                db.session.rollback()
                return None
        db.session.flush()
        translation_status.record(update, before)
        _record(
            update,
            before,
            editor,
            step,
            form.review_comment.data if step == review.SENT_BACK else "",
        )
        db.session.commit()
    except IntegrityError:  # a slug taken between the check and the save
        db.session.rollback()
        next(iter(form.translations().values())).slug.errors.append(SLUG_TAKEN)
        return None
    return update


def revision_status(revision: Revision) -> tuple[str, datetime]:
    """The status an editor saw in `revision` (draft, scheduled, …) and its published time."""
    state = json.loads(revision.snapshot)
    when = datetime.fromisoformat(state["published_at"])
    return queries.status_at(state["status"], when), when


def restore(update: Update, revision: Revision, editor: Editor, with_status: bool = False) -> bool:
    """Make the update's content and fields as they were in `revision` (a new revision
    records it), keeping its status and published time unless `with_status`; False if
    refused. A revision's "deleted" status is never restored: deleting has its own button."""
    state = json.loads(revision.snapshot)
    before = snapshot(update)
    try:
        with db.session.no_autoflush:
            for name in SHARED:
                setattr(update, name, state[name])
            if with_status and state["status"] != "deleted":
                update.status = state["status"]
                update.published_at = datetime.fromisoformat(state["published_at"])
            update.tags = list(db.session.scalars(select(Tag).where(Tag.id.in_(state["tags"]))))
            for lang in languages():
                _apply_text(update, lang, state["texts"].get(lang) or False)
        db.session.flush()
        translation_status.record(update, before)
        _record(update, before, editor, note=f"restored #{revision.id}")
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def set_deleted(update: Update, deleted: bool, editor: Editor) -> None:
    """Delete the update (readers no longer find it anywhere) or bring it back as a draft;
    its texts, revisions and readers' feedback stay, and a revision records who and when."""
    if (update.status == "deleted") == deleted:
        return
    before = snapshot(update)
    update.status = "deleted" if deleted else "draft"
    db.session.flush()
    _record(update, before, editor, note="deleted" if deleted else "undeleted")
    db.session.commit()
