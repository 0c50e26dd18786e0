"""Every page type, in both languages, is valid HTML according to the Nu Html Checker (vnu)."""

from __future__ import annotations

import json
import re
import subprocess
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
}
FILTERS = (
    "maker=openai&maker=google&type=article&audience=developers&level=expert"
    "&tag=model&from=2023-01-01&to=2025-12-31&page=1"
)
# vnu does not know htmx; those attributes are the only thing it may reject.
HTMX_ATTRIBUTE = re.compile(r"[Aa]ttribute “hx-[^”]*”")


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
    }


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


def test_editor_pages_are_valid_html(seeded, editor, tmp_path, require):
    require("java")
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (npm ci) to install vnu-jar"
    from portal.editor import preview_links
    from portal.extensions import db
    from portal.models import Feedback, Update

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
            "errors": editor.post(
                f"/{lang}/editor/updates/new",
                data={"csrf_token": editor.csrf, "source_url": "x", "action": "schedule"},
            ),
            "conflict": editor.post(f"/{lang}/editor/updates/1/", data=stale),
            "deleted": editor.get(f"/{lang}/editor/?status=deleted"),
            "edit-deleted": editor.get(f"/{lang}/editor/updates/2/"),
            "history-deleted": editor.get(f"/{lang}/editor/updates/2/history"),
        }
        assert pages["conflict"].status_code == 409
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
    messages = run_vnu(files)
    report = "\n".join(
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')} {m.get('message')}"
        f"\n    {m.get('extract', '').strip()!r}"
        for m in messages
    )
    assert not messages, f"{len(messages)} HTML validation error(s):\n{report}"


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
