"""Hostile input in the editors' area (issue 20): every form and URL answers a clear,
translated 4xx and saves nothing half, never a 5xx; a body the form accepts renders on the
reader's page. First the four bugs the fuzz found, then the fuzz itself (seeded, bounded)."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from sqlalchemy import func, select, update
from test_editor_updates import count, create, form

from portal.extensions import db
from portal.models import Change, Feedback, Revision, Update, UpdateTranslation

DEEP_BULLETS = "- " * 5000 + "x"
DEEP_NUMBERS = "1. " * 3000 + "x"
DEEP_QUOTES = "> " * 3000 + "x"
OPEN_TAGS = "<div>" * 5000 + "x"
TOO_DEEP = {"en": "too deeply", "nl": "te diep"}
HUGE_ID = 2**63
NOT_FOUND = {"en": "There is no page at this address.", "nl": "Op dit adres staat geen pagina."}


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


def preview(editor, body, lang="en"):
    return editor.post(
        f"/{lang}/editor/preview-body",
        data={"csrf_token": editor.csrf, "preview": "en", "en-body": body},
        headers={"HX-Request": "true"},
    )


def stored_body(app, update_id, body) -> None:
    """Put a body in the database as an older version of the site could have saved it."""
    with app.app_context():
        text = db.session.scalar(
            select(UpdateTranslation).where(
                UpdateTranslation.update_id == update_id, UpdateTranslation.lang == "en"
            )
        )
        text.body = body
        db.session.commit()


# --- 1. Markdown: nesting and size -----------------------------------------------------------


@pytest.mark.parametrize("body", [DEEP_BULLETS, DEEP_NUMBERS, DEEP_QUOTES, OPEN_TAGS])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_body_nested_too_deeply_is_refused_with_a_translated_reason(
    app, editor, maker_id, body, lang
):
    shown = preview(editor, body, lang)
    assert shown.status_code == 422
    assert TOO_DEEP[lang] in shown.get_data(as_text=True)
    response = editor.post(
        f"/{lang}/editor/updates/new", data=form(editor, maker_id, en={"body": body})
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="en-body-error"' in page and TOO_DEEP[lang] in page
    assert count(app) == 0


def test_a_body_too_long_is_not_rendered_in_the_preview(editor, maker_id):
    body = "[" * 200_000
    shown = preview(editor, body)
    assert shown.status_code == 422
    assert "at most 100,000 characters" in shown.get_data(as_text=True)
    page = editor.post("/en/editor/updates/new", data=form(editor, maker_id, en={"body": body}))
    assert page.status_code == 422
    assert "[[[[" not in page.get_data(as_text=True).split('id="en-preview"')[1][:500]


@pytest.mark.parametrize(
    ("body", "why", "as_text"),
    [
        (DEEP_QUOTES, "too deeply", "&gt; &gt; &gt; x"),
        ("<b>" * 40_000, "at most 100,000 characters", "&lt;b&gt;&lt;b&gt;"),
    ],
)
def test_a_body_stored_before_the_limits_still_shows_to_editors_and_readers(
    app, editor, client, maker_id, body, why, as_text
):
    update_id = create(editor, maker_id, action="publish")
    stored_body(app, update_id, body)
    edit_page = editor.get(f"/en/editor/updates/{update_id}/")
    assert edit_page.status_code == 200
    assert why in edit_page.get_data(as_text=True)
    reader = client.get("/en/updates/codex-learns-to-review-pull-requests/")
    assert reader.status_code == 200
    assert as_text in reader.get_data(as_text=True)  # as plain text


def test_ordinary_bodies_keep_their_html(app, editor, client, maker_id):
    body = (
        "## Prices\n\nSee [the page](https://openai.com/api/pricing/) and `gpt-5`.\n\n"
        "| Model | Price |\n|---|---|\n| mini | $1 |\n\n"
        "- one\n- two\n    - nested\n\n1. first\n2. second\n\n> quoted\n\n"
        '    code block\n\n<abbr title="Application programming interface">API</abbr>'
    )
    create(editor, maker_id, action="publish", en={"body": body})
    page = client.get("/en/updates/codex-learns-to-review-pull-requests/").get_data(as_text=True)
    for html in (
        "<h2>Prices</h2>",
        '<a href="https://openai.com/api/pricing/" rel="noopener noreferrer nofollow">the page</a>',
        "<code>gpt-5</code>",
        "<th>Model</th>",
        "<td>$1</td>",
        "<li>two\n<ul>\n<li>nested</li>",
        "<ol>\n<li>first</li>",
        "<blockquote>\n<p>quoted</p>\n</blockquote>",
        "<pre><code>code block\n</code></pre>",
        '<abbr title="Application programming interface">API</abbr>',
    ):
        assert html in page


# --- 2. dates out of range -----------------------------------------------------------------


@pytest.mark.parametrize("action", ["schedule", "draft", "publish"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "between the years 1900 and 9999"), ("nl", "tussen de jaren 1900 en 9999")],
)
def test_a_year_out_of_range_is_a_field_error(app, editor, maker_id, action, lang, message):
    data = form(editor, maker_id, action, published_at="0001-01-01T00:00")
    response = editor.post(f"/{lang}/editor/updates/new", data=data)
    assert response.status_code == 422
    assert 'id="published_at-error"' in response.get_data(as_text=True)
    assert message in response.get_data(as_text=True)
    assert count(app) == 0


def test_the_last_minute_of_year_9999_can_be_scheduled(app, editor, maker_id):
    update_id = create(editor, maker_id, action="schedule", published_at="9999-12-31T23:59")
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert 'value="9999-12-31T23:59"' in page


# --- 3. ids no row can have ----------------------------------------------------------------


@pytest.mark.parametrize("number", [HUGE_ID, 10**30, 2**63 - 1, 2**31, 2**31 - 1, 0])
def test_an_id_no_row_can_have_is_a_404(app, editor, maker_id, number):
    update_id = create(editor, maker_id)
    token = {"csrf_token": editor.csrf}
    for method, path in [
        ("get", "/en/editor/updates/{}/"),
        ("post", "/en/editor/updates/{}/"),
        ("get", "/en/editor/updates/{}/delete"),
        ("post", "/en/editor/updates/{}/delete"),
        ("post", "/en/editor/updates/{}/undelete"),
        ("get", "/en/editor/updates/{}/history"),
        ("post", "/en/editor/updates/{}/preview-link"),
        ("post", f"/en/editor/updates/{update_id}/history/{{}}/restore"),
        ("post", "/en/editor/updates/{}/history/1/restore"),
        ("get", "/nl/editor/makers/{}/"),
        ("post", "/en/editor/makers/{}/"),
        ("get", "/en/editor/tags/{}/"),
        ("post", "/en/editor/tags/{}/"),
        ("post", "/en/editor/feedback/{}/handled"),
    ]:
        response = getattr(editor, method)(path.format(number), data=token)
        assert response.status_code == 404, (method, path)
        assert NOT_FOUND[path[1:3]] in response.get_data(as_text=True)


def test_a_version_no_revision_can_have_is_a_conflict(app, editor, maker_id):
    update_id = create(editor, maker_id)
    data = form(editor, maker_id, en={"title": "Changed"}) | {"version": str(HUGE_ID)}
    response = editor.post(f"/en/editor/updates/{update_id}/", data=data)
    assert response.status_code == 409


# --- 4. too large a request from a logged-in editor --------------------------------------


@pytest.mark.parametrize(("lang", "title"), [("en", "Too large"), ("nl", "Te groot")])
def test_a_request_too_large_is_a_translated_413_for_an_editor(app, editor, maker_id, lang, title):
    data = form(editor, maker_id, en={"body": "x" * (1024 * 1024 + 1)})
    response = editor.post(f"/{lang}/editor/updates/new", data=data)
    assert response.status_code == 413
    assert title in response.get_data(as_text=True)
    assert count(app) == 0


# --- the fuzz ------------------------------------------------------------------------------

SEED = 20
NUMBERS = ["0", "-1", "1.5", "1e309", "NaN", str(HUGE_ID), str(2**31), str(2**63 - 1), "9" * 40]
DATES = [
    "0001-01-01T00:00",
    "1899-12-31T23:59",
    "9999-12-31T23:59",
    "10000-01-01T00:00",
    "2025-02-30T10:00",
    "2025-07-11T25:61",
    "2025-07-11",
]
MARKDOWN = [
    DEEP_BULLETS,
    DEEP_NUMBERS,
    DEEP_QUOTES,
    "> " * 19 + "x",
    "[" * 20_000,
    "![" * 10_000,
    "<a href=" * 5000,
    "*a _b " * 5000,
    "| a " * 5000 + "\n|---|\n",
    OPEN_TAGS,
    "<b><i></b></i>" * 2000,
    "- a\n  - b\n    - c\n      - d\n" * 50,
    "## Title\n\n**bold** [link](https://example.com) `code`\n\n| a |\n|---|\n| 1 |",
]
TEXTS = ["", " ", "x" * 301, "x" * 130_000, "é" * 5000, "😀" * 300, "\x00", "a\x00b"]
TEXTS += ["\u202e\u200b", "\r\n" * 500, "javascript:alert(1)", "http://127.0.0.1/feed"]
TEXTS += ["https://example.com/" + "a" * 2000, "https://example.com/feed.xml", "' OR 1=1 --"]
TEXTS += ["../../etc/passwd", "{{ 7 * 7 }}", "<script>alert(1)</script>"]
HOSTILE = NUMBERS + DATES + MARKDOWN + TEXTS
TEXT_FIELDS = ("title", "slug", "lede", "body", "impact", "takeaways")
UPDATE_FIELDS = ["maker", "type", "audience", "level", "importance", "tags", "source_url"]
UPDATE_FIELDS += ["author", "published_at", "action", "version"]
UPDATE_FIELDS += [f"{lang}-{name}" for lang in ("en", "nl") for name in TEXT_FIELDS]
MAKER = {"slug": "maker-x", "name": "Maker X", "website": "", "feed_url": ""}
MAKER |= {"description_en": "", "description_nl": ""}
TAG = {"slug": "tag-x", "label_en": "tag x", "label_nl": "tag x"}
CHANGE = {"kind": "price", "effective_date": "2025-06-10", "effective_time": "17:00"}
CHANGE |= {"time_zone": "Europe/Amsterdam", "new_product": "Fuzz model"}
CHANGE |= {"old_price": "10", "new_price": "2", "price_unit": "month", "currency": "USD"}
CHANGE |= {"description_en": "x", "description_nl": "x", "id": "", "remove": ""}
CHANGE = {f"changes-0-{name}": value for name, value in CHANGE.items()}
PRODUCT = {"slug": "product-x", "name": "Product X", "maker": "1", "name_en": "", "name_nl": ""}
PRODUCT |= {"description_en": "", "description_nl": ""}


@pytest.fixture
def world(app, editor, maker_id, make_tag):
    """An update with a revision, a second maker, two tags and a feedback message."""
    update_id = create(editor, maker_id)
    with app.app_context():
        tags = [db.session.merge(make_tag(slug)).id for slug in ("alpha", "beta")]
        revision = db.session.scalar(select(Revision.id).where(Revision.update_id == update_id))
        feedback = Feedback(update_id=update_id, lang="en", message="A typo.")
        db.session.add(feedback)
        db.session.commit()
        return {"update": update_id, "revision": revision, "tags": tags, "feedback": feedback.id}


KINDS = {"published_at": DATES, "en-body": MARKDOWN, "nl-body": MARKDOWN}
KINDS |= dict.fromkeys(["source", "target", "maker", "importance", "tags", "version"], NUMBERS)
KINDS |= dict.fromkeys(["changes-0-effective_date", "changes-0-effective_time"], DATES)
KINDS |= dict.fromkeys(
    ["changes-0-old_price", "changes-0-new_price", "changes-0-id", "changes-0-products"], NUMBERS
)


def field_by_field(rng: random.Random, data: dict, fields):
    """`data` with each field in turn given every hostile value of its kind and two
    others (or left out), the rest kept valid so that the request reaches the save."""
    for name in fields:
        for value in [*KINDS.get(name, []), *rng.sample(HOSTILE, 2), None]:
            changed = {k: v for k, v in data.items() if k != name}
            yield name, changed if value is None else changed | {name: value}


def requests(rng: random.Random, editor, world, maker_id):
    """(method, path, form data) for every editor form and URL, with hostile values."""
    update_id, tags = world["update"], world["tags"]
    token = {"csrf_token": editor.csrf}
    base = form(editor, maker_id, tags=str(tags[0]))
    forms = [
        ("/updates/new", base, UPDATE_FIELDS),
        (f"/updates/{update_id}/", base, UPDATE_FIELDS),
        ("/preview-body", token | {"preview": "en", "en-body": ""}, ["preview", "en-body"]),
        ("/makers/", token | MAKER, MAKER),
        (f"/makers/{maker_id}/", token | MAKER, MAKER),
        ("/tags/", token | TAG, TAG),
        (f"/tags/{tags[1]}/", token | TAG, TAG),
        (
            "/tags/merge",
            token | {"source": str(tags[0]), "target": str(tags[1])},
            ["source", "target"],
        ),
        ("/updates/new", base | CHANGE, [*CHANGE, "changes-0-products"]),  # makes product 1
        ("/products/", token | PRODUCT, PRODUCT),
        ("/products/1/", token | PRODUCT, PRODUCT),
        ("/products/merge", token | {"source": "1", "target": "2"}, ["source", "target"]),
    ]
    for n, (path, data, fields) in enumerate(forms):
        for i, (name, values) in enumerate(field_by_field(rng, data, fields)):
            if path == "/updates/new":  # addresses of its own, so that a new one is saved
                slugs = {"en-slug": f"fuzz-{n}-{i}", "nl-slug": f"fuzz-{n}-{i}-nl"}
                values |= {key: slug for key, slug in slugs.items() if key != name}
            yield "post", f"/{'en' if (n + i) % 2 else 'nl'}/editor{path}", values
    ids = [str(update_id), "0", str(2**31), str(HUGE_ID), "9" * 30, "-1", "1.0", "x"]
    for _ in range(15):
        lang, some = rng.choice(["en", "nl"]), rng.choice(ids)
        get = ["/updates/{}/", "/updates/{}/history", "/updates/{}/delete", "/makers/{}/"]
        get += ["/tags/{}/", "/products/{}/"]
        yield "get", f"/{lang}/editor" + rng.choice(get).format(some), {}
        post = ["/updates/{}/delete", "/updates/{}/undelete", "/updates/{}/preview-link"]
        post += [f"/updates/{update_id}/history/{{}}/restore", "/feedback/{}/handled"]
        action = token | {"with_status": rng.choice(HOSTILE)}
        yield "post", f"/{lang}/editor" + rng.choice(post).format(some), action
        query = {name: rng.choice(HOSTILE)[:2000] for name in ("status", "maker", "missing")}
        yield "get", f"/{lang}/editor/", query | {"page": rng.choice(ids)}
        yield "get", f"/{lang}/editor/feedback/", {"state": rng.choice(HOSTILE)[:2000]}


def test_no_editor_form_or_url_answers_a_server_error(app, editor, client, world, maker_id):
    rng = random.Random(SEED)
    failures = []
    for method, path, data in requests(rng, editor, world, maker_id):
        if method == "get":
            response = editor.get(path, query_string=data)
        else:
            response = editor.post(path, data=data)
        if response.status_code >= 500:
            failures.append((method, path, {k: str(v)[:40] for k, v in data.items()}))
    assert failures == []
    # Every body the form took is one readers' pages show.
    with app.app_context():
        slugs = db.session.execute(
            select(UpdateTranslation.lang, UpdateTranslation.slug, Update.id)
            .join(Update)
            .where(Update.status != "deleted")
        ).all()
        past = datetime(2025, 1, 1)
        db.session.execute(update(Update).values(status="published", published_at=past))
        db.session.commit()
    assert len(slugs) > 6  # the first update and some of the fuzz
    with app.app_context():  # and some with a change (of product 1, made by the first)
        assert db.session.scalar(select(func.count(Change.id))) > 3
    for lang, slug, update_id in slugs:
        assert client.get(f"/{lang}/updates/{slug}/").status_code == 200, (lang, slug)
        assert editor.get(f"/{lang}/editor/updates/{update_id}/").status_code == 200
