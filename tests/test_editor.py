"""The editors' area: accounts, login, sessions, throttling, CSRF, the login wall."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from portal.editor import accounts
from portal.editor.accounts import MAX_FAILURES
from portal.extensions import db
from portal.models import Editor, LoginFailure

LANGS = ["en", "nl"]
EDITOR_NAME, EDITOR_PASSWORD = "eva", "correct horse battery"  # `editor_account`'s


def session_cookie(response) -> str:
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


# --- accounts on the command line ---------------------------------------------------------


def test_create_editor_reads_the_password_from_stdin_and_hashes_it(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-editor", "anna", "--password-stdin"], input="x" * 14 + "\n"
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        editor = db.session.scalar(select(Editor).where(Editor.username == "anna"))
        assert editor.password_hash.startswith("scrypt:")
        assert "x" * 14 not in editor.password_hash


def test_create_editor_refuses_short_passwords_and_existing_names(app, editor_account):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["create-editor", "bob", "--password-stdin"], input="short\n")
    assert short.exit_code != 0 and "12 characters" in short.output
    again = runner.invoke(
        args=["create-editor", EDITOR_NAME, "--password-stdin"], input="y" * 14 + "\n"
    )
    assert again.exit_code != 0 and "--reset" in again.output
    with app.app_context():
        assert db.session.scalar(select(Editor).where(Editor.username == "bob")) is None


def test_reset_changes_the_password(app, client, editor_account, login):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-editor", EDITOR_NAME, "--reset", "--password-stdin"],
        input="a brand new passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert login(client).status_code == 422
    assert login(client, password="a brand new passphrase").status_code == 303


def test_create_editor_prompts_for_a_hidden_password(app):
    runner = app.test_cli_runner()
    secret = "typed at the prompt"
    result = runner.invoke(args=["create-editor", "carla"], input=f"{secret}\n{secret}\n")
    assert result.exit_code == 0, result.output
    assert secret not in result.output


# --- login and logout --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_login_page_is_translated_and_private(client, lang):
    response = client.get(f"/{lang}/editor/login")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert {"en": "Editor login", "nl": "Inloggen voor redacteuren"}[lang] in page
    assert response.headers["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex">' in page
    assert 'for="username"' in page and 'for="password"' in page


def test_login_sets_a_fresh_httponly_lax_session_and_shows_the_dashboard(
    client, editor_account, login
):
    before = session_cookie(client.get("/en/editor/login"))
    response = login(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/editor/"
    cookie = session_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert cookie.split(";")[0] != before.split(";")[0]  # rotated at login
    dashboard = client.get("/en/editor/")
    assert dashboard.status_code == 200
    assert "Signed in as eva" in dashboard.get_data(as_text=True)
    assert dashboard.headers["Cache-Control"] == "private, no-store"


def test_session_cookie_is_secure_in_production(monkeypatch, tmp_path):
    from portal import create_app

    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "k" * 32)
    monkeypatch.setenv("SITE_URL", "https://portal.example.org")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    with app.app_context():
        db.engine.dispose()


def test_wrong_password_and_unknown_user_get_the_same_answer(client, editor_account, login):
    wrong = login(client, password="not the password")
    unknown = login(client, username="nobody", password="not the password")
    assert wrong.status_code == unknown.status_code == 422
    message = "Unknown username or wrong password."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)
    assert client.get("/en/editor/").status_code == 302


def test_logout_is_a_post_that_ends_the_session(editor):
    assert editor.get("/en/editor/logout").status_code == 405
    response = editor.post("/en/editor/logout", data={"csrf_token": editor.csrf})
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/editor/login"
    assert editor.get("/en/editor/").status_code == 302


def test_logout_without_a_token_does_not_log_out(editor):
    editor.post("/en/editor/logout", data={})
    assert editor.get("/en/editor/").status_code == 200


def test_an_idle_session_expires(app, editor):
    assert app.permanent_session_lifetime.total_seconds() == 8 * 3600
    with editor.session_transaction() as session:
        session["seen"] = int(time.time()) - 8 * 3600 - 5
    response = editor.get("/en/editor/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/editor/login")


def test_an_active_session_slides(editor):
    with editor.session_transaction() as session:
        session["seen"] = int(time.time()) - 7 * 3600
    assert editor.get("/en/editor/").status_code == 200
    with editor.session_transaction() as session:
        assert time.time() - session["seen"] < 60


def test_idle_hours_are_configurable(tmp_path):
    from portal import create_app

    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'i.db'}",
            "EDITOR_IDLE_HOURS": 1,
        }
    )
    assert app.permanent_session_lifetime.total_seconds() == 3600


# --- revoking sessions: logout, a password reset, the absolute lifetime -----------------------

ENDED = {"en": "Your session has ended. Please log in again.", "nl": "Je sessie is afgelopen."}


def copy_of(app, client):
    """Another browser holding a copy of this client's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def assert_ended(client, lang="en"):
    """The dashboard sends this client to the login page, which says the session ended."""
    response = client.get(f"/{lang}/editor/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/{lang}/editor/login")
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert ENDED[lang] in login_page
    assert "Signed in as" not in login_page and "Ingelogd als" not in login_page


@pytest.mark.parametrize("lang", LANGS)
def test_a_copied_cookie_is_refused_after_logout(app, editor, lang):
    thief = copy_of(app, editor)
    assert thief.get(f"/{lang}/editor/").status_code == 200
    editor.post(f"/{lang}/editor/logout", data={"csrf_token": editor.csrf})
    assert_ended(thief, lang)


def test_a_password_reset_ends_every_session(app, editor):
    thief = copy_of(app, editor)
    result = app.test_cli_runner().invoke(
        args=["create-editor", EDITOR_NAME, "--reset", "--password-stdin"],
        input="a brand new passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert "every session ended" in result.output
    assert_ended(thief)
    assert_ended(editor)


def test_logging_in_again_after_a_logout_works(app, editor, login):
    editor.post("/en/editor/logout", data={"csrf_token": editor.csrf})
    assert login(editor).status_code == 303
    assert editor.get("/en/editor/").status_code == 200
    with app.app_context():
        editor_row = db.session.scalar(select(Editor).where(Editor.username == EDITOR_NAME))
        assert editor_row.session_version == 1


def test_a_session_ends_after_its_absolute_lifetime_however_active(app, editor):
    assert app.config["EDITOR_MAX_SESSION_HOURS"] == 24
    with editor.session_transaction() as session:
        session["login"] = int(time.time()) - 23 * 3600  # still within the day
    assert editor.get("/en/editor/").status_code == 200
    with editor.session_transaction() as session:
        session["login"] = int(time.time()) - 24 * 3600 - 5
    assert_ended(editor)


def test_the_absolute_lifetime_is_configurable(tmp_path, monkeypatch):
    from portal import create_app

    monkeypatch.setenv("EDITOR_MAX_SESSION_HOURS", "72")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'a.db'}"})
    assert app.config["EDITOR_MAX_SESSION_HOURS"] == 72
    with app.app_context():
        db.engine.dispose()


# --- next: back after login, never elsewhere -----------------------------------------------


def test_an_editor_url_leads_to_login_and_back(client, editor_account, login):
    response = client.get("/nl/editor/feedback/?state=all")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/nl/editor/login?next=")
    form_page = client.get(location)
    assert 'action="/nl/editor/login?next=' in form_page.get_data(as_text=True)
    after = login(client, lang="nl", next_="/nl/editor/feedback/?state=all")
    assert after.headers["Location"] == "/nl/editor/feedback/?state=all"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "/%0d%0aSet-Cookie:x",
    ],
)
def test_next_never_leaves_the_site(client, editor_account, target, login):
    response = login(client, next_=target)
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "evil" not in location


# --- throttling ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_five_failures_for_a_username_block_it_from_that_client_even_with_the_right_password(
    client, editor_account, lang, login
):
    for _ in range(MAX_FAILURES):
        assert login(client, password="wrong password!", lang=lang).status_code == 422
    blocked = login(client, lang=lang)
    assert blocked.status_code == 429
    text = blocked.get_data(as_text=True)
    assert {"en": "Too many failed logins", "nl": "Te veel mislukte pogingen"}[lang] in text
    assert int(blocked.headers["Retry-After"]) > 14 * 60
    assert blocked.headers["Cache-Control"] == "private, no-store"
    assert client.get(f"/{lang}/editor/").status_code == 302


def test_unknown_usernames_are_blocked_the_same_way(client, editor_account, login):
    for _ in range(MAX_FAILURES):
        login(client, username="ghost", password="wrong password!")
    ghost = login(client, username="ghost", password="wrong password!")
    assert ghost.status_code == 429


def client_at(app, address):
    """A browser at another address."""
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    return browser


def test_an_attacker_elsewhere_does_not_lock_the_editor_out(app, editor_account, login):
    attacker = client_at(app, "203.0.113.9")
    answers = [login(attacker, password="wrong password!").status_code for _ in range(8)]
    assert answers == [422] * MAX_FAILURES + [429] * 3
    eva = client_at(app, "192.0.2.7")
    assert login(eva).status_code == 303
    assert "Signed in as eva" in eva.get("/en/editor/").get_data(as_text=True)


def test_guessing_many_usernames_from_one_client_blocks_that_client(
    app, client, editor_account, monkeypatch, login
):
    monkeypatch.setattr(accounts, "MAX_CLIENT_FAILURES", 7)
    for n in range(7):
        assert login(client, username=f"guess{n}", password="wrong password!").status_code == 422
    assert login(client).status_code == 429  # eva's name has no failures of its own
    assert login(client_at(app, "192.0.2.7")).status_code == 303


def test_failures_from_many_clients_reach_the_username_ceiling(
    app, editor_account, monkeypatch, login
):
    monkeypatch.setattr(accounts, "MAX_USERNAME_FAILURES", 8)
    for n in range(4):  # each client stays under the per-client limit
        for _ in range(2):
            login(client_at(app, f"198.51.100.{n}"), password="wrong password!")
    assert login(client_at(app, "192.0.2.7")).status_code == 429
    # An attempt the per-client stage refused adds nothing to the username's count.
    monkeypatch.setattr(accounts, "MAX_USERNAME_FAILURES", 9)
    assert login(client_at(app, "192.0.2.7")).status_code == 303


def test_parallel_wrong_passwords_exceed_the_limit_by_none(
    app, editor_account, monkeypatch, login, csrf
):
    """Twelve wrong passwords at once from one client: at most five are checked."""
    attempts = 12
    browsers = [app.test_client() for _ in range(attempts)]
    tokens = [csrf(browser.get("/en/editor/login")) for browser in browsers]
    gate = threading.Condition()
    seen = {"checking": 0, "refused": 0}
    check_login = accounts.check_login

    def check_together(username, password):
        # Every attempt the throttle let through waits until all are through or refused,
        # so they overlap: checking before recording would let all twelve through.
        with gate:
            seen["checking"] += 1
            gate.notify_all()
            gate.wait_for(lambda: seen["checking"] + seen["refused"] == attempts, timeout=60)
        return check_login(username, password)

    def attempt(browser, token):
        response = browser.post(
            "/en/editor/login",
            data={"username": EDITOR_NAME, "password": "wrong password!", "csrf_token": token},
        )
        with gate:
            seen["refused"] += response.status_code == 429
            gate.notify_all()
        return response.status_code

    monkeypatch.setattr(accounts, "check_login", check_together)
    with ThreadPoolExecutor(attempts) as pool:
        answers = list(pool.map(attempt, browsers, tokens))
    checked = answers.count(422)
    assert checked <= MAX_FAILURES
    assert checked + answers.count(429) == attempts and seen["checking"] == checked
    with app.app_context():
        stored = db.session.scalars(select(LoginFailure.key)).all()
    assert sum(key.startswith("pair:") for key in stored) == checked
    # Attempts at once may be refused a little early (each counts the others' rows while
    # they are there), never late: the rest of the limit, then nothing.
    for _ in range(MAX_FAILURES - checked):
        assert login(browsers[0], password="wrong password!").status_code == 422
    assert login(browsers[0]).status_code == 429


def test_throttle_counts_only_the_last_fifteen_minutes(
    app, client, editor_account, monkeypatch, login
):
    from datetime import timedelta

    from portal.editor import accounts
    from portal.models.content import utcnow

    for _ in range(MAX_FAILURES):
        login(client, password="wrong password!")
    later = utcnow() + timedelta(minutes=16)
    monkeypatch.setattr(accounts, "utcnow", lambda: later)
    assert login(client).status_code == 303


def test_no_raw_address_is_stored(app, client, editor_account, login):
    login(client, password="wrong password!")
    with app.app_context():
        keys = db.session.scalars(select(LoginFailure.key)).all()
    assert len(keys) == 3
    assert all(re.fullmatch(r"(pair|user|client):[0-9a-f]{64}", key) for key in keys)
    assert not any("127.0.0.1" in key or EDITOR_NAME in key for key in keys)


# --- CSRF -----------------------------------------------------------------------------------


def test_csrf_is_on_and_a_login_without_a_token_is_refused(app, client, editor_account):
    assert app.config.get("WTF_CSRF_ENABLED", True)
    client.get("/en/editor/login")
    response = client.post(
        "/en/editor/login", data={"username": EDITOR_NAME, "password": EDITOR_PASSWORD}
    )
    assert response.status_code == 422
    assert "Please try again" in response.get_data(as_text=True)
    assert client.get("/en/editor/").status_code == 302


def test_a_write_without_a_token_changes_nothing(app, editor, make_update):
    update_id = make_update(en={"title": "Kept"})
    response = editor.post(f"/en/editor/updates/{update_id}/delete", data={})
    assert response.status_code == 200  # the confirmation again
    response = editor.post(f"/en/editor/updates/{update_id}/delete", data={"csrf_token": "forged"})
    assert response.status_code == 200
    assert editor.get("/en/updates/kept/").status_code == 200


# --- the login wall ----------------------------------------------------------------------------


def _concrete(rule) -> str:
    values = {arg: 1 for arg in rule.arguments if arg != "lang"}
    path = rule.rule.replace("<lang>", "en")
    for name in values:
        path = re.sub(rf"<(?:\w+:)?{name}>", "1", path)
    return path


def test_every_editor_route_refuses_an_anonymous_request(app, client, make_update):
    make_update(en={"title": "Target"})
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("editor.")]
    assert len(rules) >= 15
    checked = 0
    for rule in rules:
        if rule.endpoint == "editor.login":
            continue
        path = _concrete(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, data={"csrf_token": "x"})
            assert response.status_code == 302, (method, path, response.status_code)
            assert response.headers["Location"].startswith("/en/editor/login"), path
            assert response.headers["Cache-Control"] == "private, no-store"
            checked += 1
    assert checked >= 20
    assert client.get("/en/updates/target/").status_code == 200  # nothing was deleted


# --- cookies: only the editors' area sets one ---------------------------------------------------


def test_public_pages_and_feedback_set_no_cookie_but_editor_pages_do(
    client, make_update, editor_account
):
    update_id = make_update(en={"title": "Hello"}, nl={"title": "Hallo"})
    for url in ["/", "/en/", "/nl/updates/", "/en/updates/hello/", "/en/makers/", "/en/feed.xml"]:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
    post = client.post("/en/feedback", data={"update": update_id, "message": "More please"})
    assert "Set-Cookie" not in post.headers
    assert "Set-Cookie" in client.get("/en/editor/login").headers


def test_a_logged_in_editor_reading_public_pages_gets_no_cookie_there(editor, make_update):
    make_update(en={"title": "Hello"})
    response = editor.get("/en/updates/hello/")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_the_migration_creates_the_editor_tables(tmp_path):
    import sqlite3

    from flask_migrate import downgrade, upgrade

    from portal import create_app

    path = tmp_path / "migrated.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        tables = {row[0] for row in sqlite3.connect(path).execute("select name from sqlite_master")}
        assert {"revisions", "login_failures", "ix_login_failures_key_at"} <= tables
        downgrade(revision="a3c41e7d9b15")
        tables = {row[0] for row in sqlite3.connect(path).execute("select name from sqlite_master")}
        assert "revisions" not in tables and "login_failures" not in tables
        db.engine.dispose()


def test_dutch_editor_names_languages_in_dutch(app, editor, make_update):
    update_id = make_update(en={"title": "Only in one language", "slug": "one-language"})
    page = editor.get(f"/nl/editor/updates/{update_id}/").get_data(as_text=True)
    assert "Bekijken in het Engels" in page and "Tekst (Markdown)" in page
    main = page.split("<main", 1)[1].split("</main>")[0]
    assert "English" not in main and "Engels" in main
