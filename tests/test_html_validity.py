"""Every page type, in both languages, is valid HTML according to the Nu Html Checker (vnu)."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EU_SLUG = "the-eu-code-of-practice-and-future-of-ai-in-europe"
# Seeded updates that exist in one language only: visiting them in the other one
# shows the "not translated yet" page.
UNTRANSLATED = {
    "en": "/en/updates/gemini-komt-eraan/",  # Dutch only
    "nl": "/nl/updates/chatgpt-enterprise-targets-the-corporate-desk/",  # English only
    "de": "/de/updates/gemini-komt-eraan/",  # a third language the demo has no text in
}
FILTERS = (
    "maker=openai&maker=google&type=article&audience=developers&level=expert"
    "&tag=model&from=2023-01-01&to=2025-12-31&page=1"
)
# vnu does not know htmx; those attributes are the only thing it may reject.
HTMX_ATTRIBUTE = re.compile(r"[Aa]ttribute “hx-[^”]*”")


GPT41_SLUG = {
    "en": "gpt-4-1-arrives-for-developers-with-a-million-token-window",
    "nl": "gpt-4-1-voor-ontwikkelaars-met-een-venster-van-een-miljoen-tokens",
}


def pages(lang: str) -> dict[str, tuple[str, int]]:
    """Name → (URL, expected status) of one page of every type in `lang`."""
    return {
        "front": (f"/{lang}/", 200),
        "listing": (f"/{lang}/updates/", 200),
        "listing-page-2": (f"/{lang}/updates/?page=2", 200),
        "filtered-listing": (f"/{lang}/updates/?{FILTERS}", 200),
        "filtered-listing-with-notes": (f"/{lang}/updates/?type=bogus&page=x", 200),
        "update": (f"/{lang}/updates/{EU_SLUG}/", 200),
        "update-feedback-sent": (f"/{lang}/updates/{EU_SLUG}/?feedback=sent", 200),
        "update-feedback-voted": (f"/{lang}/updates/{EU_SLUG}/?feedback=voted", 200),
        "untranslated": (UNTRANSLATED[lang], 200),
        "makers": (f"/{lang}/makers/", 200),
        "maker": (f"/{lang}/makers/openai/", 200),
        "maker-feedback-sent": (f"/{lang}/makers/openai/?feedback=sent", 200),
        "tag": (f"/{lang}/tags/model/", 200),
        "404": (f"/{lang}/no-such-page/", 404),
        "briefing": (f"/{lang}/briefing/", 200),
        "briefing-week": (f"/{lang}/briefing/2025-W28/?maker=openai&type=bogus", 200),
        "briefing-week-with-changes": (f"/{lang}/briefing/2025-W29/", 200),
        "calendar": (f"/{lang}/calendar/", 200),
        "calendar-filtered": (f"/{lang}/calendar/?from=2025-01-01&to=2025-12-31&kind=price", 200),
        "products": (f"/{lang}/products/", 200),
        "product": (f"/{lang}/products/gemini-1-5-pro/", 200),
    } | (
        {"update-with-changes": (f"/{lang}/updates/{GPT41_SLUG[lang]}/", 200)}
        if lang in GPT41_SLUG
        else {}
    )


def run_vnu(files: list[Path]) -> list[dict]:
    """Check all files in one JVM; return the error messages."""
    completed = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = completed.stdout.strip() or completed.stderr.strip()
    try:
        report = json.loads(output)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON (exit {completed.returncode}):\n{completed.stderr}")
    return report.get("messages", [])


def test_every_page_type_is_valid_html(seeded, client, tmp_path, require):
    require("java")
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (npm ci) to install vnu-jar"

    files = []
    for lang in ("en", "nl"):
        for name, (url, status) in pages(lang).items():
            response = client.get(url)
            assert response.status_code == status, f"{url} gave {response.status_code}"
            path = tmp_path / f"{lang}-{name}.html"
            path.write_bytes(response.get_data())
            files.append(path)
        # The update page again after a plain post with an invalid message (422).
        page = client.get(f"/{lang}/updates/{EU_SLUG}/").get_data(as_text=True)
        update_id = re.search(r'name="update" value="(\d+)"', page).group(1)
        response = client.post(f"/{lang}/feedback", data={"update": update_id, "message": "ab"})
        assert response.status_code == 422
        path = tmp_path / f"{lang}-update-feedback-errors.html"
        path.write_bytes(response.get_data())
        files.append(path)

    messages = [m for m in run_vnu(files) if not HTMX_ATTRIBUTE.search(m.get("message", ""))]
    report = "\n".join(
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}"
        f" [{m.get('type')}] {m.get('message')}\n    {m.get('extract', '').strip()!r}"
        for m in messages
    )
    print(report)
    assert not messages, f"{len(messages)} HTML validation error(s):\n{report}"


def test_digest_pages_and_mails_are_valid_html(seeded, mail_app, client, smtp, tmp_path, require):
    """The sign-up, its answers, confirm, manage, unsubscribe, and the mails' HTML parts."""
    require("java")
    from datetime import datetime

    from portal.briefing.queries import local_day
    from portal.extensions import db
    from portal.models import Change, Subscriber
    from portal.models.content import utcnow

    with seeded.app_context():
        # the digest's "What changes, when": a demo change of OpenAI's moved to this week
        change = db.session.query(Change).filter_by(effective_date=datetime(2025, 7, 14).date())
        change.one().effective_date = local_day(utcnow())
        db.session.add(
            Subscriber(
                email="old@example.org",
                lang="nl",
                status="active",
                sent_until=datetime(2025, 6, 1),
                filters="maker=openai",
            )
        )
        db.session.commit()
    assert seeded.test_cli_runner().invoke(args=["send-digests"]).exit_code == 0
    files, link = [], re.compile(r"https://portal\.example(/\S+/)")
    for lang in ("en", "nl"):
        email = f"{lang}@example.org"
        pages = {"signup": client.get(f"/{lang}/digests/?maker=openai&audience=developers")}
        pages["signup-errors"] = client.post(f"/{lang}/digests/", data={"email": "x"})
        pages["sent"] = client.get(f"/{lang}/digests/sent/")
        client.post(f"/{lang}/digests/", data={"email": email, "language": lang})
        text = smtp.to(email)[-1].get_body(("plain",)).get_content()
        confirm = next(p for p in link.findall(text) if "/confirm/" in p)
        pages["confirm"] = client.get(confirm)
        manage = client.post(confirm).headers["Location"]
        pages["manage"] = client.get(manage)
        unsubscribe = manage.split("?")[0].replace("/manage/", "/unsubscribe/")
        pages["unsubscribe"] = client.get(unsubscribe)
        pages["unsubscribed"] = client.post(unsubscribe)
        for name, response in pages.items():
            assert response.status_code in (200, 422), f"{name}: {response.status_code}"
            files.append(tmp_path / f"{lang}-digest-{name}.html")
            files[-1].write_bytes(response.get_data())
        files.append(tmp_path / f"{lang}-mail-confirm.html")
        files[-1].write_text(smtp.parts(smtp.to(email)[0])[1])
    files.append(tmp_path / "nl-mail-digest.html")
    files[-1].write_text(smtp.parts(smtp.to("old@example.org")[0])[1])
    assert "GPT-4.5 Preview verdwijnt uit de API." in files[-1].read_text()

    messages = run_vnu(files)
    assert not messages, "\n".join(
        f"{Path(m.get('url', '?')).name}: {m.get('message')}" for m in messages
    )


def check(files: list[Path]) -> None:
    """Fail with every vnu error in `files` (htmx attributes aside)."""
    messages = [m for m in run_vnu(files) if not HTMX_ATTRIBUTE.search(m.get("message", ""))]
    report = "\n".join(
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')} {m.get('message')}"
        f"\n    {m.get('extract', '').strip()!r}"
        for m in messages
    )
    assert not messages, f"{len(messages)} HTML validation error(s):\n{report}"


def test_a_third_language_and_its_editor_form_are_valid_html(app, editor, tmp_path, require):
    """LANGUAGES=en,nl,de: every reader page type in German (the demo has no German text,
    so updates show in their own language), and the update form with a chosen pair."""
    require("java")
    from portal.config import site_languages
    from portal.demo.seed import seed_demo

    app.config["LANGUAGES"] = site_languages("en,nl,de")
    with app.app_context():
        seed_demo()
    responses = {name: (editor.get(url), status) for name, (url, status) in pages("de").items()}
    form = {"csrf_token": editor.csrf, "source_url": "x", "action": "schedule", "en-slug": "X"}
    responses |= {
        "editor-new": (editor.get("/de/editor/updates/new"), 200),
        "editor-pair": (editor.get("/de/editor/updates/1/?pair=nl&pair=de"), 200),
        "editor-errors": (editor.post("/de/editor/updates/new?pair=de&pair=nl", data=form), 422),
    }
    files = []
    for name, (response, status) in responses.items():
        assert response.status_code == status, (name, response.status_code)
        path = tmp_path / f"de-{name}.html"
        path.write_bytes(response.get_data())
        files.append(path)
    assert b'<details class="language-more" open>' in responses["editor-errors"][0].get_data()
    check(files)


def review_states(app, login, csrf):
    """A chief (logged in: the returned client); update 3 in review, update 4 sent back to eva."""
    from portal.editor.accounts import hash_password
    from portal.extensions import db
    from portal.models import Editor, Revision, Update

    with app.app_context():
        eva = db.session.scalar(db.select(Editor).where(Editor.username == "eva"))
        db.session.add(
            Editor(username="chris", password_hash=hash_password("p" * 20), role="chief")
        )
        db.session.get(Update, 3).status = "in_review"
        sent_back = db.session.get(Update, 4)
        sent_back.status, sent_back.review_comment = "draft", "Give the <price>, please."
        db.session.add(
            Revision(
                update_id=4,
                editor_id=eva.id,
                editor_name="eva",
                snapshot="{}",
                changed="submitted for review",
            )
        )
        db.session.commit()
    chief = app.test_client()
    login(chief, "chris", "p" * 20)
    chief.csrf = csrf(chief.get("/en/editor/updates/new"))
    return chief


def review_pages(editor, chief, lang: str) -> dict:
    """The editors' pages with review before publishing on, and the checks refusing."""
    chief.post("/en/editor/review-setting", data={"csrf_token": chief.csrf, "required": "on"})
    blocked = {
        **{"csrf_token": editor.csrf, "maker": "1", "type": "article", "audience": "everyone"},
        **{"level": "beginner", "importance": "3", "source_url": "ftp://example.com/a"},
        **{"en-title": "Chart", "en-body": "![](https://example.com/c.png) [here](https://a.nl/)"},
        "action": "review",
    }
    pages = {
        "review-dashboard-editor": editor.get(f"/{lang}/editor/"),
        "review-dashboard-chief": chief.get(f"/{lang}/editor/"),
        "review-new-editor": editor.get(f"/{lang}/editor/updates/new"),
        "review-edit-in-review": editor.get(f"/{lang}/editor/updates/3/"),
        "review-edit-chief": chief.get(f"/{lang}/editor/updates/3/"),
        "review-edit-sent-back": editor.get(f"/{lang}/editor/updates/4/"),
        "review-send-back-errors": chief.post(
            f"/{lang}/editor/updates/3/", data={"csrf_token": chief.csrf, "action": "send_back"}
        ),
        "review-history": editor.get(f"/{lang}/editor/updates/3/history"),
        "checks-blocked": editor.post(f"/{lang}/editor/updates/new", data=blocked),
    }
    chief.post("/en/editor/review-setting", data={"csrf_token": chief.csrf, "required": "off"})
    assert b"Error" in pages["checks-blocked"].get_data() or lang == "nl"
    assert (
        pages["checks-blocked"].status_code == pages["review-send-back-errors"].status_code == 422
    )
    return pages


def test_editor_pages_are_valid_html(seeded, editor, tmp_path, require, login, csrf):
    require("java")
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (npm ci) to install vnu-jar"
    from sqlalchemy import select

    from portal.editor import preview_links
    from portal.extensions import db
    from portal.models import Change, Feedback, Update

    with seeded.app_context():
        db.session.add(Feedback(message="<b>More</b> please", lang="en", update_id=1))
        db.session.commit()
    for step in ("delete", "undelete", "delete"):  # update 2: deleted, with restorable revisions
        editor.post(f"/en/editor/updates/2/{step}", data={"csrf_token": editor.csrf})
    stale = {  # an edit of update 1 from a form loaded before its latest save
        "csrf_token": editor.csrf,
        **{"maker": "1", "type": "article", "audience": "everyone", "level": "beginner"},
        **{"importance": "3", "source_url": "https://example.com/", "action": "draft"},
        **{"en-title": "A changed title", "version": "0"},
    }
    editor.post("/en/editor/updates/1/delete", data={"csrf_token": editor.csrf})
    editor.post("/en/editor/updates/1/undelete", data={"csrf_token": editor.csrf})
    with seeded.test_request_context("/en/"):
        draft_token = preview_links.token(db.session.get(Update, 1))  # a draft since the undelete
        with_changes = db.session.scalar(select(Change.update_id).limit(1))
    desk = desk_states(seeded, editor)
    chief = review_states(seeded, login, csrf)
    files = []
    for lang in ("en", "nl"):
        pages = {
            "dashboard": editor.get(f"/{lang}/editor/"),
            "new": editor.get(f"/{lang}/editor/updates/new"),
            "edit": editor.get(f"/{lang}/editor/updates/1/"),
            "history": editor.get(f"/{lang}/editor/updates/1/history"),
            "delete": editor.get(f"/{lang}/editor/updates/1/delete"),
            "inbox": editor.get(f"/{lang}/editor/feedback/?state=all"),
            "makers": editor.get(f"/{lang}/editor/makers/"),
            "maker": editor.get(f"/{lang}/editor/makers/1/"),
            "tags": editor.get(f"/{lang}/editor/tags/"),
            "tag": editor.get(f"/{lang}/editor/tags/1/"),
            "edit-with-changes": editor.get(f"/{lang}/editor/updates/{with_changes}/"),
            "products": editor.get(f"/{lang}/editor/products/"),
            "product": editor.get(f"/{lang}/editor/products/1/"),
            "errors": editor.post(
                f"/{lang}/editor/updates/new",
                data={"csrf_token": editor.csrf, "source_url": "x", "action": "schedule"},
            ),
            "conflict": editor.post(f"/{lang}/editor/updates/1/", data=stale),
            "deleted": editor.get(f"/{lang}/editor/?status=deleted"),
            "edit-deleted": editor.get(f"/{lang}/editor/updates/2/"),
            "history-deleted": editor.get(f"/{lang}/editor/updates/2/history"),
        }
        pages |= {name: editor.get(f"/{lang}{path}") for name, path in desk.items()}
        assert pages["conflict"].status_code == 409
        pages |= review_pages(editor, chief, lang)
        assert b'name="with_status"' in pages["history-deleted"].get_data()
        anonymous = seeded.test_client()
        pages["login"] = anonymous.get(f"/{lang}/editor/login")
        pages["login-errors"] = anonymous.post(f"/{lang}/editor/login", data={"username": "x"})
        pages["draft-preview"] = anonymous.get(f"/{lang}/preview/{draft_token}/")
        for name, response in pages.items():
            assert response.status_code in (200, 409, 422), (name, response.status_code)
            path = tmp_path / f"{lang}-editor-{name}.html"
            path.write_bytes(response.get_data())
            files.append(path)
    check(files)


def desk_states(app, editor) -> dict[str, str]:
    """The import desk's pages (issue 17): its groups, a dismissed story with Undo, the
    dismissed view, a draft from the desk with suggestions, its preview with every source."""
    from portal.editor import preview_links
    from portal.extensions import db
    from portal.models import DeskItem, Update

    runner = app.test_cli_runner()
    feeds = Path(__file__).parent / "data" / "feeds" / "desk"
    for slug, name in (("openai", "openai"), ("microsoft", "microsoft"), ("openai", "press")):
        result = runner.invoke(args=["import-feed", str(feeds / f"{name}.xml"), "--maker", slug])
        assert result.exit_code == 0, result.output
    with app.app_context():
        sizes = Counter(d.group_id for d in db.session.query(DeskItem))
        groups = [group for group, _ in sizes.most_common()]  # the largest first
        db.session.remove()
    draft = editor.post(f"/en/editor/desk/{groups[0]}/draft", data={"csrf_token": editor.csrf})
    dismissed = editor.post(
        f"/en/editor/desk/{groups[1]}/dismiss", data={"csrf_token": editor.csrf}
    )
    edit = draft.headers["Location"].split("/editor", 1)[1]
    with app.test_request_context("/en/"):
        made = db.session.get(Update, int(edit.strip("/").rsplit("/", 1)[1]))
        assert made.extra_sources
        token = preview_links.token(made)
    return {
        "desk-draft-preview": f"/preview/{token}/",
        "desk": "/editor/desk/",
        "desk-undo": "/editor/desk/?" + dismissed.headers["Location"].split("?", 1)[1],
        "desk-dismissed": "/editor/desk/?view=dismissed",
        "desk-draft": f"/editor{edit}",
    }


def test_translation_editor_states_are_valid_html(seeded, editor, client, tmp_path, require):
    """The update form with an outdated field, machine drafts, a machine-translated mark and
    a failed translation; the translations matrix; the glossary; the reader's note."""
    require("java")
    from test_machine_translation import FormValues
    from translation_fakes import Fake

    from portal.extensions import db
    from portal.models import Update

    fake = Fake("libretranslate")
    seeded.config["LIBRETRANSLATE_URL"] = fake.url
    try:
        with seeded.app_context():
            update = next(
                u for u in db.session.query(Update).order_by(Update.id) if len(u.translations) == 2
            )
            update_id, nl_slug = update.id, update.translation("nl").slug
        url = f"/en/editor/updates/{update_id}/"

        def values() -> dict:
            return FormValues(editor.get(url).get_data(as_text=True)).values | {"action": "draft"}

        changed = values() | {"en-lede": "A new English lede, with more words."}
        assert editor.post(url, data=changed).status_code == 303  # the Dutch lede is outdated
        files, pages = [], {}
        for lang in ("en", "nl"):
            here = f"/{lang}/editor/updates/{update_id}/"
            pages[f"{lang}-edit-outdated"] = editor.get(here)
            fake.mode = "456"
            pages[f"{lang}-translate-failed"] = editor.post(
                here + "translate", data=values() | {"translate": "en:nl"}
            )
            fake.mode = ""
            pages[f"{lang}-translated"] = editor.post(
                here + "translate", data=values() | {"translate": "en:nl"}
            )
            pages[f"{lang}-matrix"] = editor.get(f"/{lang}/editor/translations/?lang=nl")
            pages[f"{lang}-glossary"] = editor.get(f"/{lang}/editor/glossary/")
            pages[f"{lang}-glossary-errors"] = editor.post(
                f"/{lang}/editor/glossary/", data={"csrf_token": editor.csrf, "source": ""}
            )
        drafts = FormValues(pages["en-translated"].get_data(as_text=True)).values
        assert editor.post(url, data=drafts | {"action": "publish"}).status_code == 303
        pages["en-edit-machine"] = editor.get(url)
        pages["nl-edit-machine"] = editor.get(f"/nl/editor/updates/{update_id}/")
        pages["nl-reader-machine-note"] = client.get(f"/nl/updates/{nl_slug}/")
        assert b"Machinaal vertaald" in pages["nl-reader-machine-note"].get_data()
        shown = {name: response.get_data(as_text=True) for name, response in pages.items()}
        assert "field-outdated" in shown["nl-edit-outdated"]
        assert 'name="machine-nl.lede"' in shown["nl-translated"]
        assert "DeepL 456" in shown["en-translate-failed"]
        assert "machinaal vertaald" in shown["nl-edit-machine"]
    finally:
        fake.close()
    for name, response in pages.items():
        assert response.status_code in (200, 422, 503), (name, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.get_data())
        files.append(path)
    messages = run_vnu(files)
    assert not messages, "\n".join(f"{Path(m['url']).name}: {m['message']}" for m in messages)
