"""The import desk: several makers' feeds grouped into stories; a draft, more sources or
dismissal per group; an item edited in its feed; a feed that vanishes; suggestions."""

from __future__ import annotations

import configparser
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.backup.restore import VERSION_2
from portal.extensions import db
from portal.importing import desk as desk_module
from portal.importing import lock
from portal.models import DeskItem, JobLock, Maker, Revision, Tag, Update, UpdateSource
from portal.models.content import utcnow

DESK = Path(__file__).parent / "data" / "feeds" / "desk"
GPT_4O = "Hello GPT-4o"
PHI_3 = "Introducing Phi-3: Redefining what's possible with SLMs"
MEMORY = "Memory and new controls for ChatGPT"
AZURE_4O = "Introducing GPT-4o: OpenAI's new flagship multimodal model now in preview on Azure"


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


@pytest.fixture
def makers(make_maker):
    for slug, name in (("openai", "OpenAI"), ("microsoft", "Microsoft"), ("press", "Press")):
        make_maker(slug, name)


def import_all(run, openai="openai.xml"):
    for slug, name in (("openai", openai), ("microsoft", "microsoft.xml"), ("press", "press.xml")):
        result = run("import-feed", str(DESK / name), "--maker", slug)
        assert result.exit_code == 0, result.output


def groups_on(page: str) -> list[list[str]]:
    """The desk's groups as they read: each group's item titles, primary first."""
    found = []
    for section in re.findall(r'<section class="desk-group".*?</section>', page, re.S):
        found.append(re.findall(r'<a href="[^"]+" rel="noopener noreferrer">([^<]+)</a>', section))
    return [[t.replace("&#39;", "'") for t in titles] for titles in found]


def desk(editor, view="") -> str:
    response = editor.get(f"/en/editor/desk/{'?view=' + view if view else ''}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def group_id(app, title: str) -> int:
    with app.app_context():
        found = db.session.scalar(select(DeskItem.group_id).where(DeskItem.title == title))
        db.session.remove()
        return found


def test_items_of_one_story_from_several_makers_are_one_group(app, run, makers, editor):
    import_all(run)
    page = desk(editor)
    groups = groups_on(page)
    assert sorted(groups) == sorted(
        [
            [
                GPT_4O,
                AZURE_4O,
                "OpenAI releases GPT-4o, a faster model that's free for all ChatGPT users",
            ],
            [PHI_3, "Microsoft launches Phi-3 Mini, its smallest AI model yet"],
            [MEMORY],
        ]
    )
    assert groups[0][0] == GPT_4O  # the newest story first
    assert f"from {DESK / 'press.xml'}" in page  # the feed each item came from


def test_an_item_edited_in_its_feed_is_brought_up_to_date_while_it_waits(app, run, makers, editor):
    import_all(run)
    result = run("import-feed", str(DESK / "openai-edited.xml"), "--maker", "openai")
    assert result.stdout == "0 new on the desk, 1 already known, 1 changed\n"
    page = desk(editor)
    assert "Hello GPT-4o, now with voice" in page
    assert "Voice mode comes to Plus users" in page
    assert "changed in the feed since it was imported" in page
    assert [g[0] for g in groups_on(page) if "voice" in g[0]] == ["Hello GPT-4o, now with voice"]
    with app.app_context():
        assert db.session.scalar(select(func.count(DeskItem.id))) == 6
        db.session.remove()


def test_a_dismissed_story_never_comes_back_and_can_be_put_back(app, run, makers, editor):
    import_all(run)
    gid = group_id(app, GPT_4O)
    response = editor.post(f"/en/editor/desk/{gid}/dismiss", data={"csrf_token": editor.csrf})
    assert response.status_code == 303
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "The story was dismissed." in page and "Undo" in page
    assert GPT_4O not in "".join(sum(groups_on(page), []))
    # Importing again, even the edited feed, brings nothing back and changes nothing.
    import_all(run, openai="openai-edited.xml")
    assert GPT_4O not in "".join(sum(groups_on(desk(editor)), []))
    assert GPT_4O in "".join(sum(groups_on(desk(editor, "dismissed")), []))
    with app.app_context():
        assert db.session.scalar(select(func.count(DeskItem.id))) == 6
        db.session.remove()
    undo = editor.post(f"/en/editor/desk/{gid}/restore", data={"csrf_token": editor.csrf})
    assert undo.status_code == 303
    assert [g[0] for g in groups_on(desk(editor)) if g[0] == GPT_4O] == [GPT_4O]
    assert len(groups_on(desk(editor))[0]) == 3


def test_a_draft_from_a_group_has_every_item_as_a_source_primary_first(app, run, makers, editor):
    import_all(run)
    gid = group_id(app, GPT_4O)
    response = editor.post(f"/en/editor/desk/{gid}/draft", data={"csrf_token": editor.csrf})
    assert response.status_code == 303
    form = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="https://openai.com/index/hello-gpt-4o/"' in form
    assert "Suggestions" in form
    with app.app_context():
        update = db.session.scalar(select(Update))
        assert (update.status, update.maker.slug) == ("draft", "openai")
        assert update.translation("en").title == GPT_4O
        assert update.translation("en").slug == "hello-gpt-4o"
        assert [s.url for s in update.extra_sources] == [
            "https://azure.microsoft.com/en-us/blog/introducing-gpt-4o/",
            "https://press.example/2024/5/13/openai-gpt-4o",
        ]
        assert db.session.scalar(select(Revision.changed).where(Revision.update_id == update.id))
        states = set(db.session.scalars(select(DeskItem.state).where(DeskItem.group_id == gid)))
        assert states == {"used"}
        db.session.remove()
    assert GPT_4O not in "".join(sum(groups_on(desk(editor)), []))
    import_all(run)  # used items never come back either
    assert GPT_4O not in "".join(sum(groups_on(desk(editor)), []))


def test_the_update_page_lists_every_source_and_json_ld_is_based_on_all(
    app, run, makers, editor, client
):
    import_all(run)
    gid = group_id(app, GPT_4O)
    editor.post(f"/en/editor/desk/{gid}/draft", data={"csrf_token": editor.csrf})
    with app.app_context():
        update = db.session.scalar(select(Update))
        update.status = "published"
        db.session.commit()
        db.session.remove()
    page = client.get("/en/updates/hello-gpt-4o/").get_data(as_text=True)
    assert re.search(
        r'class="button source" href="https://openai.com/index/hello-gpt-4o/"', page
    )  # "View original article" stays the primary
    sources = re.search(r'<ol class="sources">(.*?)</ol>', page, re.S).group(1)
    assert re.findall(r'href="([^"]+)"', sources) == [
        "https://openai.com/index/hello-gpt-4o/",
        "https://azure.microsoft.com/en-us/blog/introducing-gpt-4o/",
        "https://press.example/2024/5/13/openai-gpt-4o",
    ]
    assert "azure.microsoft.com/en-us/blog/introducing-gpt-4o</a>" in sources
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["isBasedOn"] == re.findall(r'href="([^"]+)"', sources)


def test_a_group_can_be_added_to_an_existing_update_as_sources(
    app, run, makers, editor, make_update
):
    update_id = make_update(
        en={"title": "Phi-3: small language models from Microsoft"},
        maker="microsoft",
        source_url="https://azure.microsoft.com/en-us/blog/introducing-phi-3/",
    )
    import_all(run)
    # The item whose link the update already has never reached the desk.
    assert PHI_3 not in "".join(sum(groups_on(desk(editor)), []))
    gid = group_id(app, "Microsoft launches Phi-3 Mini, its smallest AI model yet")
    page = desk(editor)
    assert f'<option value="{update_id}">Phi-3: small language models' in page  # offered
    response = editor.post(
        f"/en/editor/desk/{gid}/add", data={"csrf_token": editor.csrf, "update": update_id}
    )
    assert response.status_code == 303
    with app.app_context():
        urls = db.session.scalars(
            select(UpdateSource.url).where(UpdateSource.update_id == update_id)
        )
        assert list(urls) == ["https://press.example/2024/4/23/microsoft-phi-3"]
        db.session.remove()
    # Adding the same again: the group is used, so it is gone (404), nothing doubled.
    again = editor.post(
        f"/en/editor/desk/{gid}/add", data={"csrf_token": editor.csrf, "update": update_id}
    )
    assert again.status_code == 404


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("path", "data", "status"),
    [
        ("/desk/999/draft", {}, 404),
        ("/desk/999/dismiss", {}, 404),
        ("/desk/999/restore", {}, 404),
        ("/desk/99999999999/draft", {}, 404),
        ("/desk/{gid}/add", {"update": "abc"}, 400),
        ("/desk/{gid}/add", {"update": "99999999999"}, 400),
        ("/desk/{gid}/add", {"update": "424242"}, 404),
        ("/desk/{gid}/draft", {"csrf_token": "forged"}, 400),
    ],
)
def test_bad_input_is_a_translated_4xx_and_changes_nothing(
    app, run, makers, editor, lang, path, data, status
):
    import_all(run)
    gid = group_id(app, GPT_4O)
    response = editor.post(
        f"/{lang}/editor{path.format(gid=gid)}", data={"csrf_token": editor.csrf} | data
    )
    assert response.status_code == status
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Update.id))) == 0
        assert set(db.session.scalars(select(DeskItem.state))) == {"waiting"}
        db.session.remove()


@pytest.fixture
def hosted(app, makers, tmp_path):
    """The desk feeds on a local web server, each maker's feed URL pointing at its file;
    deleting a file from the returned folder makes that feed vanish (404)."""
    folder = tmp_path / "feeds"
    shutil.copytree(DESK, folder)
    handler = functools.partial(Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    app.config["FEED_FETCH_ALLOW"] = "127.0.0.1"
    with app.app_context():
        for maker in db.session.scalars(select(Maker)):
            maker.feed_url = f"http://127.0.0.1:{httpd.server_address[1]}/{maker.slug}.xml"
        db.session.commit()
        db.session.remove()
    yield folder
    httpd.shutdown()
    httpd.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_feed_that_vanishes_fails_alone_and_its_items_stay(app, run, hosted, editor):
    first = run("import-feeds")
    assert first.exit_code == 0, first.output
    (hosted / "press.xml").unlink()
    (hosted / "openai-edited.xml").rename(hosted / "openai.xml")
    again = run("import-feeds")
    assert again.exit_code == 1
    assert "press: failed: " in again.stderr and "answered HTTP 404" in again.stderr
    assert "openai: 0 new on the desk, 1 already known, 1 changed" in again.stdout
    assert "1 of 3 feeds failed: press." in again.stderr
    page = desk(editor)
    assert "Microsoft launches Phi-3 Mini" in page  # the vanished feed's items stay
    assert "Hello GPT-4o, now with voice" in page


# --- one run at a time ----------------------------------------------------------------


def hold(app, holder: str, minutes: int) -> None:
    with app.app_context():
        db.session.merge(
            JobLock(
                name=lock.IMPORT_FEEDS,
                holder=holder,
                expires_at=utcnow() + timedelta(minutes=minutes),
            )
        )
        db.session.commit()
        db.session.remove()


def desk_count(app) -> int:
    with app.app_context():
        n = db.session.scalar(select(func.count(DeskItem.id)))
        db.session.remove()
        return n


def test_a_run_while_another_host_holds_the_lock_skips(app, run, hosted):
    hold(app, "web-2:4242:abcd", minutes=10)
    result = run("import-feeds")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Skipped: another import-feeds run (web-2:4242:abcd) holds")
    assert desk_count(app) == 0


def test_an_expired_lock_is_taken_and_given_up_after_the_run(app, run, hosted):
    hold(app, "web-2:4242:abcd", minutes=-1)  # that run died
    result = run("import-feeds")
    assert result.exit_code == 0, result.output
    assert desk_count(app) == 6
    with app.app_context():
        held = db.session.get(JobLock, lock.IMPORT_FEEDS)
        assert held.holder == "" and held.expires_at <= utcnow()
        db.session.remove()
    assert run("import-feeds").stdout.count("already known") == 3  # the next run runs


def test_of_runs_starting_at_once_exactly_one_takes_the_lock(app):
    runs = 6
    start = threading.Barrier(runs)
    won = []

    def attempt(n: int) -> None:
        with app.app_context():
            start.wait()
            won.append(lock.take(lock.IMPORT_FEEDS, f"host-{n}", timedelta(minutes=5)))
            db.session.remove()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * (runs - 1) + [True]


def test_the_desk_needs_a_login(client):
    response = client.get("/en/editor/desk/")
    assert response.status_code in (302, 303)


# --- suggestions --------------------------------------------------------------------


@pytest.fixture
def draft_from_desk(app, run, makers, editor, make_update, make_tag):
    """A draft of the GPT-4o story, with two similar published updates before it."""
    make_tag("multimodal", "Multimodal", "Multimodaal")
    make_tag("voice", "Voice", "Spraak")
    for n in (1, 2):
        make_update(
            en={"title": f"GPT-4o voice mode for everyone, part {n}"},
            tags=("voice",),
            type="release",
            audience="developers",
            level="beginner",
        )
    import_all(run)
    gid = group_id(app, GPT_4O)
    response = editor.post(f"/en/editor/desk/{gid}/draft", data={"csrf_token": editor.csrf})
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def form_fields(page: str) -> dict:
    """The values a browser would send with the update form (first of each name)."""
    fields = {}
    for tag in re.findall(r"<(?:input|textarea|select)[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="checkbox"' in tag and "checked" not in tag:
            continue
        if tag.startswith("<select") and " multiple" in tag:
            continue  # sent only for its selected options, below
        value = re.search(r'value="([^"]*)"', tag)
        fields.setdefault(name.group(1), value.group(1) if value else "")
    for name, selected in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(?:(?!</select>).)*?<option selected value="([^"]*)"',
        page,
        re.S,
    ):
        fields[name] = selected
    for name, text in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S
    ):
        fields[name] = text
    return fields


def test_a_draft_from_the_desk_gets_suggestions_never_filled_in(app, editor, draft_from_desk):
    page = editor.get(f"/en/editor/updates/{draft_from_desk}/").get_data(as_text=True)
    buttons = dict(re.findall(r'<button type="submit" name="accept" value="([^"]+)">([^<]+)', page))
    with app.app_context():
        ids = {t.slug: t.id for t in db.session.scalars(select(Tag))}
        db.session.remove()
    assert buttons == {
        f"tag:{ids['multimodal']}": "Add tag: Multimodal",  # a word of the Azure item
        f"tag:{ids['voice']}": "Add tag: Voice",
        "type:release": "Type: Release",
        "audience:developers": "Audience: Developers",
        "level:beginner": "Level: Beginner",
    }
    assert "Reading time (English): 1 min" in page
    with app.app_context():
        update = db.session.get(Update, draft_from_desk)
        assert (update.type, update.level, update.tags) == ("article", "intermediate", [])
        db.session.remove()


def test_one_click_accepts_a_suggestion_and_saving_keeps_it(app, editor, draft_from_desk):
    url = f"/en/editor/updates/{draft_from_desk}/"
    page = editor.get(url).get_data(as_text=True)
    with app.app_context():
        voice = db.session.scalar(select(Tag.id).where(Tag.slug == "voice"))
        db.session.remove()
    fields = form_fields(page)
    accepted = editor.post(url, data=fields | {"accept": f"tag:{voice}"})
    assert accepted.status_code == 200
    page = accepted.get_data(as_text=True)
    assert f'name="tags" value="{voice}" checked' in page
    assert f'value="tag:{voice}"' not in page  # no longer offered
    with app.app_context():
        assert db.session.get(Update, draft_from_desk).tags == []  # nothing saved yet
        db.session.remove()
    level = editor.post(url, data=form_fields(page) | {"accept": "level:beginner"})
    page = level.get_data(as_text=True)
    assert '<option selected value="beginner">' in page
    saved = editor.post(url, data=form_fields(page) | {"action": "draft"})
    assert saved.status_code == 303, saved.get_data(as_text=True)
    with app.app_context():
        update = db.session.get(Update, draft_from_desk)
        assert ([t.slug for t in update.tags], update.level) == (["voice"], "beginner")
        db.session.remove()


@pytest.mark.parametrize("bad", ["tag:999999", "level:guru", "colour:red", "", "tag:99999999999"])
def test_a_suggestion_the_form_cannot_take_is_a_400(app, editor, draft_from_desk, bad):
    url = f"/nl/editor/updates/{draft_from_desk}/"
    fields = form_fields(editor.get(url).get_data(as_text=True))
    response = editor.post(url, data=fields | {"accept": bad})
    assert response.status_code == 400
    assert '<html lang="nl">' in response.get_data(as_text=True)


def test_an_update_written_by_hand_gets_no_suggestions(editor, make_update):
    update_id = make_update(en={"title": "By hand"}, status="draft")
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert "suggestions-heading" not in page


def test_the_systemd_timer_runs_import_feeds_every_15_minutes():
    units = Path(__file__).resolve().parent.parent / "deploy" / "systemd"
    service, timer = (configparser.ConfigParser(strict=False, interpolation=None) for _ in range(2))
    service.read(units / "portal-import-feeds.service")
    timer.read(units / "portal-import-feeds.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].endswith("flask --app wsgi import-feeds")
    assert timer["Timer"]["OnCalendar"] == "*:0/15"
    if shutil.which("systemd-analyze"):
        normalised = subprocess.run(
            ["systemd-analyze", "calendar", timer["Timer"]["OnCalendar"]],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "*-*-* *:00/15:00" in normalised


# --- backups ----------------------------------------------------------------------------


@pytest.fixture
def empty(sqlite_template, tmp_path):
    """A second site on its own empty database."""
    from portal import create_app

    other = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": sqlite_template.copy_to(tmp_path / "restored.db"),
            "SITE_URL": "https://portal.example",
        }
    )
    yield other
    with other.app_context():
        db.engine.dispose()


def backup(app, path: Path) -> dict:
    result = app.test_cli_runner().invoke(args=["export-json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text())


def test_a_backup_keeps_sources_and_the_desk_and_a_version_1_file_still_imports(
    app, run, makers, editor, empty, tmp_path
):
    import_all(run)
    editor.post(f"/en/editor/desk/{group_id(app, GPT_4O)}/draft", data={"csrf_token": editor.csrf})
    editor.post(f"/en/editor/desk/{group_id(app, PHI_3)}/dismiss", data={"csrf_token": editor.csrf})
    doc = backup(app, tmp_path / "first.json")
    assert doc["version"] == 2
    assert [s["url"] for s in doc["update_sources"]] == [
        "https://azure.microsoft.com/en-us/blog/introducing-gpt-4o/",
        "https://press.example/2024/5/13/openai-gpt-4o",
    ]
    assert sorted(d["state"] for d in doc["desk_items"]) == ["dismissed"] * 2 + ["used"] * 3 + [
        "waiting"
    ]
    restored = empty.test_cli_runner().invoke(args=["import-json", str(tmp_path / "first.json")])
    assert restored.exit_code == 0, restored.output
    assert backup(empty, tmp_path / "second.json") == doc
    again = empty.test_cli_runner().invoke(
        args=["import-feed", str(DESK / "press.xml"), "--maker", "press"]
    )
    assert again.stdout == "0 new on the desk, 2 already known\n"  # used and dismissed stay so

    version_1 = {k: v for k, v in doc.items() if k not in VERSION_2}
    (tmp_path / "v1.json").write_text(json.dumps(version_1 | {"version": 1}))
    with empty.app_context():
        for model in (DeskItem, UpdateSource, Revision, Update):
            db.session.query(model).delete()
        for model in (Tag, Maker):
            db.session.query(model).delete()
        from portal.models import Editor

        db.session.query(Editor).delete()
        db.session.commit()
        db.session.remove()
    old = empty.test_cli_runner().invoke(args=["import-json", str(tmp_path / "v1.json")])
    assert old.exit_code == 0, old.output
    assert backup(empty, tmp_path / "third.json")["update_sources"] == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["update_sources"][0].update(url="javascript:alert(1)"),
            "update_sources[0].url: not an http",
        ),
        (
            lambda d: d["desk_items"][0].update(state="lost"),
            "desk_items[0].state: 'lost' is not one of",
        ),
        (lambda d: d["desk_items"][0].update(colour="red"), "desk_items[0]: unknown key 'colour'"),
    ],
)
def test_a_bad_desk_record_in_a_backup_is_refused_with_where_and_why(
    app, run, makers, editor, empty, tmp_path, change, message
):
    import_all(run)
    editor.post(f"/en/editor/desk/{group_id(app, GPT_4O)}/draft", data={"csrf_token": editor.csrf})
    doc = backup(app, tmp_path / "backup.json")
    change(doc)
    (tmp_path / "bad.json").write_text(json.dumps(doc))
    result = empty.test_cli_runner().invoke(args=["import-json", str(tmp_path / "bad.json")])
    assert result.exit_code == 1
    assert message in result.output
    with empty.app_context():
        assert db.session.scalar(select(func.count(Update.id))) == 0
        db.session.remove()


def test_of_two_editors_acting_on_one_group_the_second_changes_nothing(
    app, run, makers, editor, monkeypatch
):
    """The second editor's page was loaded while the group waited; the first made a draft."""
    import_all(run)
    gid = group_id(app, GPT_4O)
    real = desk_module.group

    def stale(group_id, state="waiting"):
        found = real(group_id, state)  # read as the second editor's request reads it …
        with app.app_context():  # … then the first editor's draft lands
            other = db.session.scalars(select(DeskItem).where(DeskItem.group_id == group_id))
            for item in other:
                item.state = "used"
            db.session.commit()
            db.session.remove()
        return found

    monkeypatch.setattr(desk_module, "group", stale)
    response = editor.post(f"/en/editor/desk/{gid}/draft", data={"csrf_token": editor.csrf})
    assert response.status_code == 303
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "Another editor handled this story first; nothing was changed." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Update.id))) == 0
        db.session.remove()
