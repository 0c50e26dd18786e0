"""The login wall: every editor page needs a session; login, logout, throttle, and the
session's end: idle, too old, or revoked (logout or a password reset anywhere)."""

from __future__ import annotations

import secrets
import time
from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from werkzeug.exceptions import TooManyRequests

from portal.editor import accounts, bp
from portal.editor.forms import LoginForm, LogoutForm
from portal.errors import render_error
from portal.extensions import db
from portal.models import Editor
from portal.models.content import utcnow

OPEN_ENDPOINTS = {"editor.login"}


def safe_next(target: str | None) -> str | None:
    """`target` when it is a path on this site; None for anything that could leave it."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(ch) < 32 for ch in target):
        return None
    return target


def _live(now: float) -> bool:
    """The session was used recently enough and began recently enough."""
    hours = current_app.config
    idle = now - session.get("seen", 0) <= hours["EDITOR_IDLE_HOURS"] * 3600
    return idle and now - session.get("login", 0) <= hours["EDITOR_MAX_SESSION_HOURS"] * 3600


def _session_editor() -> Editor | None:
    """The editor of a live session. An idle or too old session ends, and so does one
    issued before the editor's last logout or password reset: a copied cookie dies too."""
    editor_id = session.get("editor_id")
    if editor_id is None:
        return None
    editor = db.session.get(Editor, editor_id) if _live(time.time()) else None
    if editor is None or editor.session_version != session.get("version"):
        session.clear()
        flash(_("Your session has ended. Please log in again."))
        return None
    return editor


@bp.before_request
def require_editor():
    """Send a visitor without a session to the login page, and back here afterwards."""
    g.editor = _session_editor()
    if g.editor is not None:
        session["seen"] = int(time.time())  # sliding idle expiry; rewrites the cookie
        return None
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    back = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("editor.login", next=back))


@bp.after_request
def no_store(response):
    """Editor pages are per person: never kept by a browser or any cache."""
    response.headers["Cache-Control"] = "private, no-store"
    response.headers.setdefault("X-Robots-Tag", "noindex")
    return response


@bp.app_context_processor
def editor_context():
    # Never the request's form data: an error page (a 413 for a body too large) has this too.
    return {"logout_form": LogoutForm(formdata=None) if g.get("editor") else None}


def _start_session(editor: Editor) -> None:
    """A fresh session: whatever the visitor had before is dropped (no fixation)."""
    session.clear()
    session.permanent = True
    session["sid"] = secrets.token_urlsafe(16)
    session["editor_id"] = editor.id
    session["version"] = editor.session_version
    session["login"] = session["seen"] = int(time.time())
    editor.last_login_at = utcnow()
    db.session.commit()


def _too_many(wait: int):
    when = format_timedelta(wait, add_direction=True)
    text = _("Too many failed logins. Please try again %(when)s.", when=when)
    response = render_error(TooManyRequests(), text=text)
    response.headers["Retry-After"] = str(wait)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form; on good credentials start a session and go where asked."""
    target = safe_next(request.values.get("next"))
    if g.editor is not None and request.method == "GET":
        return redirect(target or url_for("editor.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        wait, attempt = accounts.start_attempt(form.username.data)
        if wait:
            return _too_many(wait)
        editor = accounts.check_login(form.username.data, form.password.data)
        if editor is not None:
            accounts.forget(attempt)
            _start_session(editor)
            return redirect(target or url_for("editor.dashboard"), 303)
        form.password.errors.append(_("Unknown username or wrong password."))
    status = 422 if form.errors else 200
    return render_template("editor/login.html", form=form, next=target), status


@bp.post("/logout")
def logout():
    """End the session, and every copy of its cookie (a POST with its CSRF token)."""
    if LogoutForm().validate_on_submit():
        accounts.end_sessions(g.editor)
        db.session.commit()
        session.clear()
        return redirect(url_for("editor.login"), 303)
    return redirect(url_for("editor.dashboard"), 303)
