"""Signing up, confirming, changing and ending a subscription; the answer to a sign-up is
the same whether or not the address was known, and the address gets the mail that fits."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from portal.digests import mail, messages, tokens
from portal.digests.forms import DigestForm
from portal.extensions import db
from portal.models import Subscriber
from portal.models.content import utcnow


def subscribe(form: DigestForm) -> None:
    """A new or pending address gets (again) a confirmation mail; a confirmed one a note with
    its manage link, its settings unchanged. MailError leaves nothing stored."""
    found = db.session.scalar(select(Subscriber).where(Subscriber.email == form.email))
    if found is not None and found.status != "pending":
        mail.send_one(messages.already_subscribed(found))
        return
    if found is None:
        found = Subscriber(email=form.email, status="pending")
        db.session.add(found)
    found.lang, found.frequency, found.filters = form.lang, form.frequency, form.filters
    found.created_at = utcnow()  # the new link's 48 hours
    try:
        db.session.flush()
        mail.send_one(messages.confirmation(found))
        db.session.commit()
    except IntegrityError:  # the same address signed up at the same moment: that one counts
        db.session.rollback()
    except mail.MailError:
        db.session.rollback()
        raise


def confirm(subscriber: Subscriber) -> None:
    """Start the digests: updates published from now on."""
    if subscriber.status == "pending":
        subscriber.status = "active"
        subscriber.confirmed_at = subscriber.sent_until = utcnow()
        db.session.commit()


def change(subscriber: Subscriber, form: DigestForm) -> None:
    subscriber.lang, subscriber.frequency, subscriber.filters = (
        form.lang,
        form.frequency,
        form.filters,
    )
    if subscriber.status == "paused":  # the reader vouches for the address again
        subscriber.status, subscriber.failures = "active", 0
    db.session.commit()


def unsubscribe(subscriber: Subscriber) -> None:
    """Forget the address and its sends."""
    db.session.delete(subscriber)
    db.session.commit()


def delete_unconfirmed() -> int:
    """Delete addresses never confirmed within the confirmation link's 48 hours."""
    cutoff = utcnow() - timedelta(seconds=tokens.CONFIRM_SECONDS)
    done = db.session.execute(
        delete(Subscriber).where(Subscriber.status == "pending", Subscriber.created_at < cutoff)
    )
    db.session.commit()
    return done.rowcount
