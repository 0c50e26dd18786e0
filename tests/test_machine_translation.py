"""Machine-translation drafts against local DeepL and LibreTranslate stand-ins: the form
filled and nothing saved, Markdown kept, the glossary applied, every failure a clear
message, and the machine-translated mark from save to the reader's note."""

from __future__ import annotations

import html
import random
import re
from html.parser import HTMLParser

import pytest
from test_editor_updates import edit, form
from translation_fakes import Fake
from werkzeug.datastructures import MultiDict

from portal.extensions import db
from portal.models import FieldStatus, GlossaryTerm, Update
from portal.translation import machine

BODY = """## The new model

The **new** model writes *safe* code; read [the post](https://example.com/new-model) today.

- first item
- second item with `hello("world")`

```python
print("hello world")
```"""
DUTCH_BODY = """## De nieuwe model

De **nieuwe** model schrijft *veilig* code; lees [de bericht](https://example.com/new-model) {}.

- eerste punt
- tweede punt with `hello("world")`

```python
print("hello world")
```""".format("vandaag")
ENGLISH = {
    "title": "The new model writes code",
    "lede": "Fast and safe.",
    "body": BODY,
    "impact": "What changed today.",
    "takeaways": "Fast\nSafe",
}


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


def configured(app, kind: str) -> Fake:
    if kind == "deepl":
        fake = Fake("deepl", key="test-key:fx")
        app.config.update(DEEPL_API_KEY="test-key:fx", DEEPL_API_URL=fake.url)
    else:
        fake = Fake("libretranslate", key="secret")
        app.config.update(LIBRETRANSLATE_URL=fake.url, LIBRETRANSLATE_API_KEY="secret")
    return fake


@pytest.fixture(params=["deepl", "libretranslate"])
def service(request, app):
    """The configured backend, answering on a loopback port."""
    fake = configured(app, request.param)
    yield fake
    fake.close()


@pytest.fixture
def libretranslate(app):
    fake = configured(app, "libretranslate")
    yield fake
    fake.close()


class FormValues(HTMLParser):
    """What a browser would send from the update form (text fields, hidden, checked)."""

    def __init__(self, page: str):
        super().__init__()
        self.values: dict[str, str] = {}
        self._textarea = None
        self._select = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        kind = a.get("type")
        if (
            tag == "input"
            and a.get("name")
            and (kind not in ("checkbox", "submit") or (kind == "checkbox" and "checked" in a))
        ):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self.values[self._textarea] = ""
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":  # a browser drops the newline that follows <textarea>
            value = self.values[self._textarea]
            self.values[self._textarea] = value[2:] if value[:2] == "\r\n" else value
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def english_only(editor, maker_id) -> int:
    data = form(editor, maker_id, en=ENGLISH)
    data = {k: v for k, v in data.items() if not k.startswith("nl-")}
    response = editor.post("/en/editor/updates/new", data=data)
    assert response.status_code == 303
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def translate(editor, update_id, maker_id, value="en:nl", **extra):
    data = form(editor, maker_id, en=ENGLISH)
    data = {k: v for k, v in data.items() if not k.startswith("nl-")} | extra
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    data["version"] = re.search(r'name="version" type="hidden" value="(\d+)"', page)[1]
    return editor.post(
        f"/en/editor/updates/{update_id}/translate", data=data | {"translate": value}
    )


def test_translate_from_english_fills_the_dutch_fields_and_saves_nothing(
    editor, app, service, maker_id
):
    update_id = english_only(editor, maker_id)
    response = translate(editor, update_id, maker_id)
    assert response.status_code == 200
    values = FormValues(response.get_data(as_text=True)).values
    assert values["nl-title"] == "De nieuwe model schrijft code"
    assert values["nl-lede"] == "Snel en veilig."
    assert values["nl-body"].strip("\n") == DUTCH_BODY  # headings, lists, emphasis, links, code
    assert values["nl-takeaways"] == "Snel\nVeilig"
    assert values["en-title"] == ENGLISH["title"]  # the source as sent
    with app.app_context():  # nothing saved
        assert db.session.get(Update, update_id).translation("nl") is None


def test_one_field_only(editor, service, maker_id):
    update_id = english_only(editor, maker_id)
    values = FormValues(
        translate(editor, update_id, maker_id, "en:nl:lede").get_data(as_text=True)
    ).values
    assert values["nl-lede"] == "Snel en veilig."
    assert values["nl-title"] == ""


def test_the_glossary_comes_out_as_written(editor, app, service, maker_id):
    with app.app_context():
        db.session.add_all(
            [
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
    update_id = english_only(editor, maker_id)
    data = form(editor, maker_id, en=ENGLISH | {"title": "Claude release notes today"})
    data = {k: v for k, v in data.items() if not k.startswith("nl-")}
    edit(editor, update_id, data)
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    data["version"] = re.search(r'name="version" type="hidden" value="(\d+)"', page)[1]
    response = editor.post(
        f"/en/editor/updates/{update_id}/translate", data=data | {"translate": "en:nl:title"}
    )
    values = FormValues(response.get_data(as_text=True)).values
    assert values["nl-title"] == "Claude releaseopmerkingen vandaag"
    if service.kind == "deepl":  # the pair went as a DeepL glossary, used by the translation
        path, _headers, body = service.requests[0]
        assert path == "/v2/glossaries"
        assert body["entries"] == "release notes\treleaseopmerkingen"
        assert (body["source_lang"], body["target_lang"]) == ("en", "nl")
        assert service.requests[1][2]["glossary_id"] in service.glossaries


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("456", "quota is used up"),
        ("403", "refused the key"),
        ("429", "is busy"),
        ("500", "is not available"),
        ("slow", "did not answer in time"),
        ("garbled", "lost part of the text"),
    ],
)
def test_failures_leave_the_form_as_it_was_with_a_clear_message(
    editor, app, service, maker_id, mode, message
):
    service.mode = mode
    app.config["MACHINE_TRANSLATION_TIMEOUT"] = "0.3" if mode == "slow" else "10"
    update_id = english_only(editor, maker_id)
    response = translate(editor, update_id, maker_id, **{"nl-lede": "Mijn eigen intro."})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert message in html.unescape(page)
    values = FormValues(page).values
    assert (values["nl-title"], values["nl-lede"]) == ("", "Mijn eigen intro.")
    assert not any(name.startswith("machine-") for name in values)


def test_a_refused_key_in_dutch(editor, app, service, maker_id):
    service.mode = "403"
    update_id = english_only(editor, maker_id)
    data = form(editor, maker_id, en=ENGLISH)
    data = {k: v for k, v in data.items() if not k.startswith("nl-")}
    response = editor.post(
        f"/nl/editor/updates/{update_id}/translate", data=data | {"translate": "en:nl"}
    )
    assert "weigerde de sleutel" in html.unescape(response.get_data(as_text=True))


def test_without_a_backend_the_action_is_not_offered(editor, maker_id):
    update_id = english_only(editor, maker_id)
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert 'name="translate"' not in page
    assert translate(editor, update_id, maker_id).status_code == 404


def test_bad_translate_values_are_a_400(editor, service, maker_id):
    update_id = english_only(editor, maker_id)
    for value in ("en:en", "xx:nl", "en:nl:slug", ""):
        assert translate(editor, update_id, maker_id, value).status_code == 400


def test_deepl_free_and_pro_endpoints(app):
    with app.test_request_context():
        app.config.update(DEEPL_API_KEY="abc:fx", DEEPL_API_URL="")
        assert machine._deepl_base() == "https://api-free.deepl.com"
        app.config["DEEPL_API_KEY"] = "abc"
        assert machine._deepl_base() == "https://api.deepl.com"


def test_a_field_saved_as_the_machine_made_it_is_marked_until_changed_or_confirmed(
    editor, app, client, service, maker_id
):
    update_id = english_only(editor, maker_id)
    values = FormValues(translate(editor, update_id, maker_id).get_data(as_text=True)).values
    values["action"] = "publish"
    response = editor.post(f"/en/editor/updates/{update_id}/", data=values)
    assert response.status_code == 303, response.get_data(as_text=True)
    with app.app_context():
        marked = db.session.query(FieldStatus).filter_by(lang="nl", machine=True).all()
        assert sorted(r.field for r in marked) == sorted(ENGLISH)
    slug = "de-nieuwe-model-schrijft-code"
    reader = client.get(f"/nl/updates/{slug}/").get_data(as_text=True)
    assert "Machinaal vertaald" in reader
    english = client.get("/en/updates/the-new-model-writes-code/").get_data(as_text=True)
    assert "Machine-translated" not in english

    # The editor rewrites the title: that field is theirs now; the others stay marked.
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    values = FormValues(page).values | {"nl-title": "Het nieuwe model schrijft code"}
    editor.post(f"/en/editor/updates/{update_id}/", data=values | {"action": "publish"})
    with app.app_context():
        marked = db.session.query(FieldStatus).filter_by(lang="nl", machine=True).all()
        assert "title" not in {r.field for r in marked} and len(marked) == 4
    # Confirming the rest clears the note.
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    boxes = re.findall(r'name="translation-checked" value="([^"]+)"', page)
    assert sorted(boxes) == ["nl.body", "nl.impact", "nl.lede", "nl.takeaways"]
    data = FormValues(page).values | {"action": "publish"}
    response = editor.post(
        f"/en/editor/updates/{update_id}/",
        data=MultiDict([*data.items(), *(("translation-checked", box) for box in boxes)]),
    )
    assert response.status_code == 303
    slug = "het-nieuwe-model-schrijft-code"
    assert "Machinaal vertaald" not in client.get(f"/nl/updates/{slug}/").get_data(as_text=True)


def test_the_glossary_page_adds_refuses_and_removes_terms(editor, app):
    page = editor.get("/nl/editor/glossary/")
    assert page.status_code == 200 and "De woordenlijst is leeg." in page.get_data(as_text=True)
    add = {"csrf_token": editor.csrf, "source_lang": "en", "target_lang": "nl"}
    refused = editor.post("/nl/editor/glossary/", data=add | {"source": "  "})
    assert refused.status_code == 422 and "Dit veld is verplicht" in refused.get_data(as_text=True)
    same = add | {"source": "model", "target": "model", "target_lang": "en"}
    refused = editor.post("/nl/editor/glossary/", data=same)
    assert refused.status_code == 422
    assert "Kies twee verschillende talen." in refused.get_data(as_text=True)
    for term, target in (("release  notes", "releaseopmerkingen"), ("Claude", "")):
        saved = editor.post("/nl/editor/glossary/", data=add | {"source": term, "target": target})
        assert saved.status_code == 303
    with app.app_context():
        terms = {(t.source, t.target, t.target_lang) for t in db.session.query(GlossaryTerm)}
        first = db.session.query(GlossaryTerm).filter_by(source="Claude").one().id
    assert terms == {("release notes", "releaseopmerkingen", "nl"), ("Claude", "", "")}
    listed = editor.get("/nl/editor/glossary/").get_data(as_text=True)
    assert "nooit vertaald" in listed and "releaseopmerkingen" in listed
    token = {"csrf_token": editor.csrf}
    assert editor.post(f"/nl/editor/glossary/{first}/delete", data=token).status_code == 303
    assert editor.post(f"/nl/editor/glossary/{first}/delete", data=token).status_code == 404
    assert editor.post("/nl/editor/glossary/99999999999/delete", data=token).status_code == 404
    with app.app_context():
        assert db.session.query(GlossaryTerm).count() == 1


def test_a_source_the_form_refuses_is_not_sent(editor, service, maker_id):
    update_id = english_only(editor, maker_id)
    response = translate(editor, update_id, maker_id, **{"en-body": "x" * 100_001})
    assert response.status_code == 422
    assert "correct the fields marked below first" in response.get_data(as_text=True)
    assert service.requests == []


def test_no_translation_form_or_url_answers_a_server_error(app, editor, libretranslate, maker_id):
    """A seeded fuzz of the translate, check and glossary fields and the matrix's query."""
    from test_editor_fuzz import HOSTILE, SEED, field_by_field

    rng = random.Random(SEED)
    update_id = english_only(editor, maker_id)
    base = form(editor, maker_id, en=ENGLISH)
    base = {k: v for k, v in base.items() if not k.startswith("nl-")} | {"translate": "en:nl"}
    marks = {"translation-checked": "nl.title", "machine-nl.lede": "en:" + "0" * 64}
    glossary = {"csrf_token": editor.csrf, "source": "x", "source_lang": "en"}
    glossary |= {"target": "y", "target_lang": "nl"}
    forms = [
        (f"/updates/{update_id}/translate", base, ["translate", "en-body", "en-title"]),
        ("/updates/new/translate", base, ["translate", "en-lede"]),
        (f"/updates/{update_id}/", base | marks, list(marks)),
        ("/glossary/", glossary, list(glossary)),
    ]
    failures = []
    for path, data, fields in forms:
        for name, values in field_by_field(rng, data, fields):
            response = editor.post(f"/{rng.choice(['en', 'nl'])}/editor{path}", data=values)
            if response.status_code >= 500 and response.status_code != 503:
                failures.append((path, name, str(values.get(name))[:40]))
    for _ in range(20):
        query = {name: rng.choice(HOSTILE)[:2000] for name in ("lang", "state", "page")}
        if editor.get("/en/editor/translations/", query_string=query).status_code >= 500:
            failures.append(("/translations/", query))
        term = rng.choice(["1", "0", str(2**31), "x", "-1"])
        response = editor.post(f"/nl/editor/glossary/{term}/delete", data=glossary)
        if response.status_code >= 500:
            failures.append(("delete", term))
    assert failures == []


def test_drafts_keep_their_machine_mark_through_a_refused_save(editor, app, service, maker_id):
    update_id = english_only(editor, maker_id)
    drafts = FormValues(translate(editor, update_id, maker_id).get_data(as_text=True)).values
    refused = editor.post(f"/en/editor/updates/{update_id}/", data=drafts | {"source_url": ""})
    assert refused.status_code == 422
    again = FormValues(refused.get_data(as_text=True)).values
    assert again["machine-nl.title"] == drafts["machine-nl.title"]
    again["source_url"] = "https://openai.com/index/codex-review/"
    assert editor.post(f"/en/editor/updates/{update_id}/", data=again).status_code == 303
    with app.app_context():
        assert db.session.get(FieldStatus, (update_id, "nl", "title")).machine
