"""`flask export-json` and `import-json`: a whole site in one file, and back."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from portal import create_app
from portal.backup.export import FORMAT, VERSION
from portal.backup.restore import VERSION_2
from portal.editor.writing import snapshot
from portal.extensions import db
from portal.models import Editor, Feedback, Maker, Revision, SiteState, Update, UpdateTranslation

READER_URLS = [
    "/en/",
    "/nl/",
    "/en/updates/",
    "/nl/updates/?page=2",
    "/nl/updates/?q=fietspaden",
    "/en/makers/",
    "/nl/makers/google/",
    "/en/tags/agents/",
    "/en/feed.xml",
    "/nl/updates/nieuwe-fietspad-kaart/",
    "/en/updates/only-in-english/",
]


def cli(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


@pytest.fixture
def full(seeded, make_update, make_tag):
    """The demo plus what it lacks: revisions, feedback, drafts, feeds, editors, odd text."""
    app = seeded
    make_tag("agents", "Agents", "Agenten")
    only_en = make_update(
        en={
            "title": "Only in English",
            "slug": "only-in-english",
        },
        tags=["agents"],
        published="2025-08-01T09:15:30.123456",
    )
    only_nl = make_update(
        nl={"title": "Nieuwe fietspad-kaart", "body": "Een fietspad door de stad. Café ĳs 🚲"},
        maker="google",
        tags=["agents"],
    )
    with app.app_context():
        eva = Editor(
            username="eva", password_hash="scrypt:secret-hash", last_login_at=datetime(2025, 8, 2)
        )
        db.session.add_all([eva, Editor(username="bob", password_hash="scrypt:other")])
        db.session.flush()
        update = db.session.get(Update, only_en)
        update.status = "draft"
        update.source_guid = "urn:feed:1"
        update.translations[0].takeaways_text = "a\n\nb"  # a blank line survives as it is
        db.session.flush()
        for changed in (["created"], ["status", "en.title"]):
            db.session.add(
                Revision(
                    update_id=only_en,
                    editor_id=eva.id,
                    editor_name="eva",
                    changed="\n".join(changed),
                    snapshot=json.dumps(snapshot(update), sort_keys=True),
                )
            )
        db.session.add(
            Revision(update_id=only_nl, editor_id=None, editor_name="gone", snapshot="{}")
        )
        db.session.scalar(
            select(Maker).where(Maker.slug == "google")
        ).feed_url = "https://blog.google/feed/"
        db.session.add_all(
            [
                Feedback(message="More on agents, please", lang="en", client_hash="abc"),
                Feedback(message="", lang="nl", update_id=only_nl, useful=True, handled=True),
                Feedback(message="=cmd|' /C calc'!A0", lang="en", maker_id=1, useful=False),
            ]
        )
        db.session.commit()
    return app


@pytest.fixture
def empty(sqlite_template, tmp_path):
    """A second site on its own empty database, as the fixtures build one."""
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": sqlite_template.copy_to(tmp_path / "restored.db"),
            "SITE_URL": "https://portal.example",
        }
    )
    yield app
    with app.app_context():
        db.engine.dispose()


def export(app, tmp_path, name="backup.json") -> bytes:
    path = tmp_path / name
    result = cli(app, "export-json", str(path))
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def counts(app) -> dict[str, int]:
    with app.app_context():
        found = {
            model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Maker, Update, UpdateTranslation, Revision, Feedback, Editor)
        }
        db.session.remove()
        return found


def content_version(app) -> int:
    with app.app_context():
        version = db.session.scalar(select(SiteState.content_version))
        db.session.remove()
        return version


# --- the round trip -----------------------------------------------------------------


def test_export_import_export_gives_the_same_file(full, empty, tmp_path):
    first = export(full, tmp_path, "first.json")
    result = cli(empty, "import-json", str(tmp_path / "first.json"))
    assert result.exit_code == 0, result.output
    doc = json.loads(first)
    assert result.stdout.startswith(
        f"Imported {len(doc['makers'])} makers, {len(doc['tags'])} tags, "
        f"{len(doc['updates'])} updates, 3 revisions, 3 feedback messages, 2 editors."
    )
    assert "create-editor NAME --reset" in result.stderr
    second = export(empty, tmp_path, "second.json")
    assert second == first
    assert counts(empty) == counts(full)


def test_the_file_holds_everything_and_no_password_hash(full, tmp_path):
    raw = export(full, tmp_path)
    doc = json.loads(raw)
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)
    assert set(doc) == {
        "format",
        "version",
        "makers",
        "tags",
        "updates",
        "revisions",
        "feedback",
        "editors",
        "subscribers",
        "update_sources",
        "desk_items",
        "review_required",
        "products",
        "changes",
        "translation_fields",
        "glossary",
    }
    assert b"scrypt" not in raw and b"password" not in raw
    assert [e["username"] for e in doc["editors"]] == ["eva", "bob"]
    assert [u["id"] for u in doc["updates"]] == sorted(u["id"] for u in doc["updates"])
    english = next(u for u in doc["updates"] if u["source_guid"] == "urn:feed:1")
    assert set(english["translations"]) == {"en"}
    assert english["status"] == "draft"
    assert english["translations"]["en"]["takeaways"] == ["a", "", "b"]
    assert english["published_at"] == "2025-08-01T09:15:30.123456Z"
    assert [r["changed"] for r in doc["revisions"] if r["update_id"] == english["id"]] == [
        ["created"],
        ["status", "en.title"],
    ]
    google = next(m for m in doc["makers"] if m["slug"] == "google")
    assert google["feed_url"] == "https://blog.google/feed/"
    assert set(google["descriptions"]) == {"en", "nl"}
    assert "Café ĳs 🚲" in raw.decode("utf-8")  # UTF-8, not \u escapes
    assert [f["message"] for f in doc["feedback"]][0] == "More on agents, please"


def test_export_to_standard_output_is_the_same_bytes(full, tmp_path):
    to_file = export(full, tmp_path)
    result = cli(full, "export-json", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes == to_file


def test_a_reader_sees_the_same_pages_after_a_restore(full, empty, tmp_path):
    export(full, tmp_path)
    before = content_version(empty)
    assert cli(empty, "import-json", str(tmp_path / "backup.json")).exit_code == 0
    assert content_version(empty) > before  # any page cached before the import is stale
    original, restored = full.test_client(), empty.test_client()
    for url in READER_URLS:
        want, got = original.get(url), restored.get(url)
        assert (got.status_code, got.get_data(as_text=True)) == (
            want.status_code,
            want.get_data(as_text=True),
        ), url
    assert restored.get("/en/updates/only-in-english/").status_code == 404  # still a draft


def test_search_finds_a_dutch_update_after_a_restore(full, empty, tmp_path):
    export(full, tmp_path)
    assert cli(empty, "import-json", str(tmp_path / "backup.json")).exit_code == 0
    page = empty.test_client().get("/nl/updates/?q=fietspaden").get_data(as_text=True)
    assert "Nieuwe fietspad-kaart" in page
    page = empty.test_client().get("/nl/updates/?q=Gemini+komt+eraan").get_data(as_text=True)
    assert "Gemini komt eraan" in page


def test_restored_ids_and_references_survive_and_new_rows_follow_them(full, empty, tmp_path):
    export(full, tmp_path)
    assert cli(empty, "import-json", str(tmp_path / "backup.json")).exit_code == 0
    with empty.app_context():
        feedback = db.session.scalar(select(Feedback).where(Feedback.useful.is_(True)))
        assert db.session.get(Update, feedback.update_id).translation("nl").slug == (
            "nieuwe-fietspad-kaart"
        )
        revision = db.session.scalar(select(Revision).order_by(Revision.id))
        assert db.session.get(Editor, revision.editor_id).username == "eva"
        highest = db.session.scalar(select(func.max(Maker.id)))
        maker = Maker(slug="new-maker", name="New")
        db.session.add(maker)
        db.session.commit()
        assert maker.id == highest + 1


def test_a_restored_editor_cannot_log_in_until_given_a_new_password(full, empty, tmp_path):
    export(full, tmp_path)
    assert cli(empty, "import-json", str(tmp_path / "backup.json")).exit_code == 0
    client = empty.test_client()
    page = client.get("/en/editor/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    form = {"username": "eva", "password": "", "csrf_token": token}
    for password in ("", "!", "scrypt:secret-hash"):
        response = client.post("/en/editor/login", data=form | {"password": password})
        assert response.status_code != 303
    reset = cli(
        empty, "create-editor", "eva", "--reset", "--password-stdin", input="a new long password\n"
    )
    assert reset.exit_code == 0, reset.output
    response = client.post("/en/editor/login", data=form | {"password": "a new long password"})
    assert response.status_code == 303


# --- refusals -----------------------------------------------------------------------


def refused(app, tmp_path, raw: bytes, message: str) -> None:
    before, version = counts(app), content_version(app)
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    result = cli(app, "import-json", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: Nothing was imported. ")
    assert message in result.output
    assert counts(app) == before
    assert content_version(app) == version


def test_a_database_with_content_is_refused(full, tmp_path):
    raw = export(full, tmp_path)
    refused(full, tmp_path, raw, "The database already holds content")


def test_a_database_with_only_an_editor_is_refused(full, empty, tmp_path):
    raw = export(full, tmp_path)
    with empty.app_context():
        db.session.add(Editor(username="first", password_hash="x"))
        db.session.commit()
    refused(empty, tmp_path, raw, "The database already holds content")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": "portal-backup", "version": 1, ', "The file is not valid JSON:"),
        (b"\xff\xfe{}", "The file is not UTF-8 text"),
        (b"[1, 2]", 'The file is not a portal backup (no "format": "portal-backup").'),
        (b'{"format": "other", "version": 1}', "The file is not a portal backup"),
        (
            b'{"format": "portal-backup", "version": 3}',
            "This is a version 3 backup; this portal reads versions 1, 2.",
        ),
        (b'{"format": "portal-backup", "version": "1"}', "This is a version '1' backup"),
    ],
)
def test_a_file_that_is_not_a_backup_this_portal_reads_is_refused(empty, tmp_path, raw, message):
    refused(empty, tmp_path, raw, message)


def broken(doc: dict, change) -> bytes:
    change(doc)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("updates"), "'updates': expected a list."),
        (lambda d: d["updates"][3].pop("status"), "updates[3]: 'status' is missing."),
        (
            lambda d: d["updates"][0].update(published_at="yesterday"),
            "updates[0].published_at: 'yesterday' is not an ISO 8601 UTC time",
        ),
        (
            lambda d: d["updates"][0].update(published_at="2025-07-11T12:00:00"),
            "is not an ISO 8601 UTC time",
        ),
        (
            lambda d: d["updates"][0].update(importance="3"),
            "updates[0].importance: expected a whole number.",
        ),
        (
            lambda d: d["feedback"][1].update(handled=1),
            "feedback[1].handled: expected true or false.",
        ),
        (
            lambda d: d["updates"][0]["translations"].update(
                fr=d["updates"][0]["translations"]["en"]
            ),
            "updates[0].translations: 'fr' is not a language of this site (en, nl).",
        ),
        (lambda d: d["tags"].insert(0, "agents"), "tags[0]: expected an object."),
        (
            lambda d: d["makers"][2].update(logo="x.png"),
            "makers[2]: unknown key 'logo' (not in version 2).",
        ),
        (lambda d: d.update(exported_at="2025-01-01T00:00:00Z"), "the backup: unknown key"),
        # Checked only by the database, after makers and tags went in: all rolled back.
        (
            lambda d: d["revisions"][0].update(update_id=99999),
            "The backup does not fit the database",
        ),
        (
            lambda d: d["makers"].append(dict(d["makers"][0], id=999)),
            "The backup does not fit the database",
        ),
    ],
)
def test_a_malformed_backup_is_refused_with_where_and_why(full, empty, tmp_path, change, message):
    doc = json.loads(export(full, tmp_path))
    refused(empty, tmp_path, broken(doc, change), message)
    with empty.app_context():  # the full-text index is as empty as the rest
        from portal import search

        assert db.session.execute(search.matching("nl", "fietspaden")).all() == []


def first_english(doc: dict) -> dict:
    """The English text of the first update that has one."""
    return next(u["translations"]["en"] for u in doc["updates"] if "en" in u["translations"])


REFUSED_LIKE_THE_FORMS = [
    (lambda d: d["makers"][0].update(feed_url="/etc/passwd"), "makers[0].feed_url: Give a full"),
    (
        lambda d: d["makers"][0].update(feed_url="javascript:alert(1)"),
        "makers[0].feed_url: Give a full web address, starting with https://.",
    ),
    (
        lambda d: d["makers"][1].update(feed_url="http://169.254.169.254/latest/meta-data/"),
        "makers[1].feed_url: This is an address on an internal network;",
    ),
    (
        lambda d: d["makers"][0].update(website="javascript://example.com/%0Aalert(1)"),
        "makers[0].website: Give a full web address, starting with https://.",
    ),
    (
        lambda d: d["updates"][2].update(source_url="javascript:alert(1)"),
        "updates[2].source_url: Give a full web address, starting with https://.",
    ),
    (
        lambda d: d["makers"][0].update(slug="Open AI"),
        "makers[0].slug: Use only lowercase letters, digits and single hyphens.",
    ),
    (lambda d: d["tags"][1].update(slug="a/b"), "tags[1].slug: Use only lowercase letters"),
    (
        lambda d: first_english(d).update(slug="../admin"),
        ".translations.en.slug: Use only lowercase letters, digits and single hyphens.",
    ),
    (lambda d: first_english(d).update(slug=""), ".translations.en.slug: This field is required."),
    (
        lambda d: first_english(d).update(title="x" * 301),
        ".translations.en.title: Field cannot be longer than 300 characters.",
    ),
    (
        lambda d: d["makers"][0].update(name="x" * 121),
        "makers[0].name: Field cannot be longer than 120 characters.",
    ),
    # A label is required in the first language (a language added later may lack one).
    (lambda d: d["tags"][0]["labels"].pop("en"), "tags[0].labels.en: This field is required."),
    (
        lambda d: d["updates"][0].update(status="archived"),
        "updates[0].status: 'archived' is not one of draft, in_review, published, deleted.",
    ),
    (lambda d: d["updates"][0].update(type="rumour"), "updates[0].type: Not a valid choice."),
    (lambda d: d["updates"][1].update(importance=9), "updates[1].importance: Not a valid choice."),
    (lambda d: d["updates"][0].update(maker_id=999), "updates[0].maker_id: Not a valid choice."),
    (
        lambda d: d["updates"][0].update(source_guid="x" * 1001),
        "updates[0].source_guid: longer than 1000 characters.",
    ),
    (lambda d: d["feedback"][0].update(lang="fr"), "feedback[0].lang: 'fr' is not one of en, nl."),
    (
        lambda d: d["editors"][0].update(username="x" * 81),
        "editors[0].username: longer than 80 characters.",
    ),
]


@pytest.mark.parametrize(("change", "message"), REFUSED_LIKE_THE_FORMS)
def test_values_the_editors_forms_refuse_are_refused(full, empty, tmp_path, change, message):
    doc = json.loads(export(full, tmp_path))
    refused(empty, tmp_path, broken(doc, change), message)


# --- version 2: review before publishing ------------------------------------------------


def review_state(app) -> tuple:
    """Roles, sent-back comments, revision comments and the setting, as stored."""
    with app.app_context():
        found = (
            dict(db.session.execute(select(Editor.username, Editor.role)).all()),
            sorted(db.session.scalars(select(Update.review_comment))),
            sorted(db.session.scalars(select(Revision.comment))),
            db.session.scalar(select(SiteState.review_required)),
        )
        db.session.remove()
        return found


def test_review_before_publishing_survives_a_restore(full, empty, tmp_path):
    with full.app_context():
        db.session.scalar(select(Editor).where(Editor.username == "bob")).role = "chief"
        update = db.session.scalar(select(Update).where(Update.source_guid == "urn:feed:1"))
        update.review_comment = "Give the price."
        db.session.scalars(select(Revision)).first().comment = "Give the price."
        db.session.get(SiteState, 1).review_required = True
        db.session.commit()
    first = export(full, tmp_path, "first.json")
    doc = json.loads(first)
    assert doc["review_required"] is True
    assert [e["role"] for e in doc["editors"]] == ["editor", "chief"]
    assert cli(empty, "import-json", str(tmp_path / "first.json")).exit_code == 0
    assert review_state(empty) == review_state(full)
    assert review_state(empty)[0] == {"eva": "editor", "bob": "chief"}
    assert export(empty, tmp_path, "second.json") == first


def test_a_version_1_backup_still_imports(full, empty, tmp_path):
    doc = json.loads(export(full, tmp_path))
    doc["version"] = 1
    for key in VERSION_2:
        del doc[key]
    for kind, key in (("editors", "role"), ("updates", "review_comment"), ("revisions", "comment")):
        for record in doc[kind]:
            del record[key]
    (tmp_path / "v1.json").write_text(json.dumps(doc))
    result = cli(empty, "import-json", str(tmp_path / "v1.json"))
    assert result.exit_code == 0, result.output
    roles, comments, revision_comments, required = review_state(empty)
    assert set(roles.values()) == {"editor"} and required is False
    assert set(comments) == set(revision_comments) == {""}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["editors"][0].update(role="boss"), "editors[0].role: 'boss' is not one of"),
        (lambda d: d["updates"][0].update(review_comment=3), "updates[0].review_comment: expected"),
        (lambda d: d.update(review_required="yes"), "review_required: expected true or false."),
    ],
)
def test_a_malformed_review_key_is_refused(full, empty, tmp_path, change, message):
    doc = json.loads(export(full, tmp_path))
    refused(empty, tmp_path, broken(doc, change), message)


# --- version 2: the translation workflow's per-field status and glossary -----------------


def _translation_rows(app) -> tuple[list, list]:
    from portal.models import FieldStatus, GlossaryTerm

    with app.app_context():
        fields = [
            (r.update_id, r.lang, r.field, r.source_lang, r.source_text, r.machine)
            for r in db.session.scalars(select(FieldStatus).order_by(FieldStatus.field))
        ]
        terms = [(g.id, g.source, g.target) for g in db.session.scalars(select(GlossaryTerm))]
        db.session.remove()
        return fields, terms


def test_per_field_status_and_the_glossary_survive_export_and_import(full, empty, tmp_path):
    from portal.models import FieldStatus, GlossaryTerm

    with full.app_context():
        both = next(u for u in db.session.scalars(select(Update)) if len(u.translations) == 2)
        db.session.add_all(
            [
                FieldStatus(
                    update_id=both.id,
                    lang="nl",
                    field="title",
                    source_lang="en",
                    source_text="An older title",
                    machine=False,
                ),
                FieldStatus(
                    update_id=both.id,
                    lang="nl",
                    field="lede",
                    source_lang="en",
                    source_text=both.translation("en").lede,
                    machine=True,
                ),
                GlossaryTerm(
                    source_lang="en",
                    source="release notes",
                    target_lang="nl",
                    target="releaseopmerkingen",
                ),
                GlossaryTerm(source_lang="en", source="Claude", target_lang="", target=""),
            ]
        )
        db.session.commit()
    first = export(full, tmp_path, "first.json")
    doc = json.loads(first)
    assert doc["version"] == 2
    assert {f["field"]: f["machine"] for f in doc["translation_fields"]} == {
        "title": False,
        "lede": True,
    }
    assert cli(empty, "import-json", str(tmp_path / "first.json")).exit_code == 0
    assert _translation_rows(empty) == _translation_rows(full)
    assert export(empty, tmp_path, "second.json") == first


def test_a_version_1_file_still_imports_without_translation_status(full, empty, tmp_path):
    doc = json.loads(export(full, tmp_path))
    doc["version"] = 1
    for key in VERSION_2:
        del doc[key]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(doc))
    result = cli(empty, "import-json", str(path))
    assert result.exit_code == 0, result.output
    assert _translation_rows(empty) == ([], [])
    assert counts(empty) == counts(full)
    doc["glossary"] = []  # a version 2 key in a version 1 file
    path.write_text(json.dumps(doc))
    result = cli(empty, "import-json", str(path))
    assert "unknown key 'glossary' (not in version 1)" in result.output
