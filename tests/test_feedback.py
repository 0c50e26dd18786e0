"""Anonymous feedback through the test client: forms, votes, refusals, limits, privacy, export."""

from __future__ import annotations

import csv
import io
import logging
import re
import threading
from datetime import datetime

import pytest
from markupsafe import escape
from sqlalchemy import select

from portal import create_app
from portal.clients import client_hash
from portal.extensions import db
from portal.models import Feedback, Maker, Update

LANGS = ["en", "nl"]
HTMX = {"HX-Request": "true", "HX-Target": "feedback-form"}
THANKS = {
    "en": "Thank you! Every message is read",
    "nl": "Bedankt! We lezen elk bericht",
}
VOTED = {"en": "Thanks for letting us know.", "nl": "Bedankt voor je reactie."}
HEADING = {"en": "Help shape what we cover next", "nl": "Help bepalen wat we hierna volgen"}


def text_of(response) -> str:
    return response.get_data(as_text=True)


def stored(app) -> list[Feedback]:
    with app.app_context():
        rows = db.session.scalars(select(Feedback).order_by(Feedback.id)).all()
        db.session.expunge_all()
        return rows


@pytest.fixture
def update_id(make_update):
    return make_update(en={"title": "Hello world"}, nl={"title": "Hallo wereld"})


@pytest.fixture
def maker_id(app, make_maker, make_update):
    make_update(en={"title": "Le Chat"}, maker="mistral")  # a maker with nothing out is unknown
    with app.app_context():
        return db.session.merge(make_maker("mistral", "Mistral")).id


UPDATE_PAGE = {"en": "/en/updates/hello-world/", "nl": "/nl/updates/hallo-wereld/"}


# --- the form on the pages ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_update_page_has_the_form_and_the_vote_without_a_cookie(client, update_id, lang):
    response = client.get(UPDATE_PAGE[lang])
    html = text_of(response)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert HEADING[lang] in html
    assert f'action="/{lang}/feedback#feedback"' in html
    assert f'data-hx-post="/{lang}/feedback"' in html
    assert '<textarea id="feedback-message" name="message"' in html
    assert '<label for="feedback-message">' in html
    assert f'<input type="hidden" name="update" value="{update_id}">' in html
    assert 'name="useful" value="yes"' in html and 'name="useful" value="no"' in html
    # The honeypot: labelled, off-screen, hidden from assistive technology, never tabbed to.
    assert 'class="honeypot visually-hidden" aria-hidden="true"' in html
    assert 'name="website" value="" tabindex="-1" autocomplete="off"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_maker_page_has_the_form_but_no_vote(client, maker_id, lang):
    response = client.get(f"/{lang}/makers/mistral/")
    html = text_of(response)
    assert "Set-Cookie" not in response.headers
    assert HEADING[lang] in html
    assert f'<input type="hidden" name="maker" value="{maker_id}">' in html
    assert 'name="useful"' not in html


def test_pages_are_the_same_for_every_reader(client, update_id):
    first = client.get(UPDATE_PAGE["en"], environ_base={"REMOTE_ADDR": "10.0.0.1"})
    second = client.get(UPDATE_PAGE["en"], environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert first.get_data() == second.get_data()


# --- sending a message ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_plain_post_lands_back_on_the_update_with_the_thank_you(app, client, update_id, lang):
    response = client.post(f"/{lang}/feedback", data={"update": update_id, "message": "More RAG"})
    assert response.status_code == 303
    assert "Set-Cookie" not in response.headers
    assert response.headers["Location"] == UPDATE_PAGE[lang] + "?feedback=sent#feedback"

    page = client.get(UPDATE_PAGE[lang] + "?feedback=sent")
    html = text_of(page)
    assert THANKS[lang] in html
    assert 'id="feedback-form-thanks" class="thanks" role="status" tabindex="-1"' in html
    assert 'name="message"' not in html
    assert "Set-Cookie" not in page.headers

    [row] = stored(app)
    assert (row.message, row.lang, row.update_id, row.maker_id) == (
        "More RAG",
        lang,
        update_id,
        None,
    )
    assert row.useful is None and row.handled is False and row.created_at is not None
    assert re.fullmatch(r"[0-9a-f]{64}", row.client_hash)


@pytest.mark.parametrize("lang", LANGS)
def test_plain_post_from_a_maker_page_lands_back_there(app, client, maker_id, lang):
    response = client.post(f"/{lang}/feedback", data={"maker": maker_id, "message": "Mistral!"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/{lang}/makers/mistral/?feedback=sent#feedback"
    assert THANKS[lang] in text_of(client.get(f"/{lang}/makers/mistral/?feedback=sent"))
    [row] = stored(app)
    assert (row.maker_id, row.update_id, row.lang) == (maker_id, None, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_htmx_post_gets_the_thank_you_fragment(app, client, update_id, lang):
    response = client.post(
        f"/{lang}/feedback", data={"update": update_id, "message": "Agents"}, headers=HTMX
    )
    html = text_of(response)
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert "Set-Cookie" not in response.headers
    assert html.startswith('<div id="feedback-form"') and "<html" not in html
    assert THANKS[lang] in html
    assert 'role="status" tabindex="-1"' in html
    assert [r.message for r in stored(app)] == ["Agents"]


def test_redirect_never_goes_where_the_form_says(client, update_id):
    data = {"update": update_id, "message": "Fine", "next": "https://evil.example/"}
    response = client.post("/en/feedback?next=https://evil.example/", data=data)
    assert response.headers["Location"].startswith("/en/updates/hello-world/")


# --- invalid input --------------------------------------------------------------------

INVALID = {
    "missing": (None, {"en": "Please write your message.", "nl": "Schrijf eerst je bericht."}),
    "empty": ("", {"en": "Please write your message.", "nl": "Schrijf eerst je bericht."}),
    "blank": (
        " \n\t \x07 ",
        {"en": "Please write your message.", "nl": "Schrijf eerst je bericht."},
    ),
    "short": (
        "  ab  ",
        {"en": "Please write at least 3 characters.", "nl": "Schrijf minstens 3 tekens."},
    ),
    "long": (
        "x" * 2001,
        {
            "en": "Please keep it to 2,000 characters; this is 2,001.",
            "nl": "Houd het bij maximaal 2.000 tekens; dit zijn er 2.001.",
        },
    ),
}


@pytest.mark.parametrize("case", list(INVALID))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain"])
def test_invalid_message_comes_back_with_the_text_and_a_translated_error(
    app, client, update_id, case, lang, htmx
):
    message, errors = INVALID[case]
    data = {"update": update_id} | ({} if message is None else {"message": message})
    response = client.post(f"/{lang}/feedback", data=data, headers=HTMX if htmx else {})
    html = text_of(response)
    assert response.status_code == 422
    assert "Set-Cookie" not in response.headers
    assert f'<p id="feedback-message-error" class="field-error">{errors[lang]}</p>' in html
    assert 'aria-describedby="feedback-message-hint feedback-message-error"' in html
    assert 'aria-invalid="true"' in html
    kept = (message or "").replace("\x07", "").strip()
    assert 'name="message" rows="5" required' in html
    assert f">{kept}</textarea>" in html
    if htmx:
        assert html.startswith('<div id="feedback-form"') and "<html" not in html
    else:  # the update page again, in the reader's language, with the form and its errors
        assert f'<html lang="{lang}">' in html
        assert '<h1 id="update-title">' in html
    assert stored(app) == []


def test_invalid_plain_post_from_a_maker_page_shows_that_page_again(client, maker_id):
    response = client.post("/nl/feedback", data={"maker": maker_id, "message": "ok"})
    html = text_of(response)
    assert response.status_code == 422
    assert "<h1>Mistral-updates</h1>" in html or "Mistral" in html
    assert "Schrijf minstens 3 tekens." in html
    # The language switch and the listing's links lead to the maker page, not to the form's URL.
    assert 'href="/en/makers/mistral/"' in html
    assert 'href="/en/feedback' not in html and 'href="/nl/feedback' not in html


def test_control_characters_are_stripped_and_line_breaks_kept(app, client, update_id):
    message = "\x00\x1b Line one\r\nline\ttwo\x7f\u0085 \x0c"
    client.post("/en/feedback", data={"update": update_id, "message": message})
    assert [r.message for r in stored(app)] == ["Line one\nline\ttwo"]


def test_length_counts_after_trimming(app, client, update_id):
    exactly = "y" * 2000
    response = client.post(
        "/en/feedback", data={"update": update_id, "message": f"   {exactly}\n\n "}
    )
    assert response.status_code == 303
    assert [r.message for r in stored(app)] == [exactly]


XSS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "</textarea><svg onload=alert(1)>",
    "{{ 7*7 }} &amp; <b>bold</b>",
]


@pytest.mark.parametrize("payload", XSS)
def test_html_is_stored_verbatim_and_always_shown_escaped(app, client, update_id, payload):
    assert (
        client.post("/en/feedback", data={"update": update_id, "message": payload}).status_code
        == 303
    )
    assert [r.message for r in stored(app)] == [payload]

    too_long = payload + " " + "z" * 2000  # shown back to the reader in the form
    for headers in ({}, HTMX):
        data = {"update": update_id, "message": too_long}
        html = text_of(client.post("/en/feedback", data=data, headers=headers))
        assert payload not in html
        assert f">{escape(payload)} zzz" in html


# --- the vote -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("answer", "useful"), [("yes", True), ("no", False)])
def test_one_click_vote_plain_and_htmx(app, client, update_id, lang, answer, useful):
    data = {"update": update_id, "useful": answer}
    plain = client.post(f"/{lang}/feedback", data=data)
    assert plain.status_code == 303
    assert plain.headers["Location"] == UPDATE_PAGE[lang] + "?feedback=voted#useful"
    page = text_of(client.get(UPDATE_PAGE[lang] + "?feedback=voted"))
    assert VOTED[lang] in page and 'id="useful-thanks"' in page
    assert 'name="message"' in page  # the message form is still there

    fragment = client.post(
        f"/{lang}/feedback", data=data, headers={"HX-Request": "true", "HX-Target": "useful"}
    )
    assert fragment.status_code == 200
    assert text_of(fragment).startswith('<div id="useful"') and VOTED[lang] in text_of(fragment)
    rows = stored(app)
    assert [(r.useful, r.message, r.update_id, r.lang) for r in rows] == [
        (useful, "", update_id, lang)
    ] * 2


def test_a_vote_must_be_yes_or_no_and_about_an_update(app, client, update_id, maker_id):
    bad = client.post("/nl/feedback", data={"update": update_id, "useful": "maybe"})
    assert bad.status_code == 422
    assert "Kies ja of nee." in text_of(bad)
    assert 'aria-describedby="useful-error"' in text_of(bad)
    on_maker = client.post("/en/feedback", data={"maker": maker_id, "useful": "yes"})
    assert on_maker.status_code == 400
    assert "Only an update can be rated." in text_of(on_maker)
    assert stored(app) == []


# --- refusals -------------------------------------------------------------------------


def test_a_maker_with_nothing_published_is_an_unknown_source(app, client, make_update):
    make_update(en={"title": "Not yet"}, maker="hushhush", status="draft")
    with app.app_context():
        hidden = db.session.scalar(select(Maker.id).where(Maker.slug == "hushhush"))
    response = client.post("/en/feedback", data={"maker": hidden, "message": "Hello?"})
    assert response.status_code == 400
    assert "We could not tell which page this feedback is about." in text_of(response)
    assert stored(app) == []


@pytest.mark.parametrize(
    "data",
    [
        {"message": "No source"},
        {"update": "999999", "message": "Unknown update"},
        {"update": "abc", "message": "Malformed"},
        {"update": "-1", "message": "Malformed"},
        {"maker": "999999", "message": "Unknown maker"},
    ],
    ids=["missing", "unknown-update", "malformed", "negative", "unknown-maker"],
)
@pytest.mark.parametrize("lang", LANGS)
def test_unknown_or_malformed_source_is_a_translated_400(app, client, update_id, data, lang):
    response = client.post(f"/{lang}/feedback", data=data)
    assert response.status_code == 400
    expected = {
        "en": "We could not tell which page this feedback is about.",
        "nl": "We konden niet zien over welke pagina deze feedback gaat.",
    }[lang]
    assert expected in text_of(response)
    assert f'<html lang="{lang}">' in text_of(response)
    fragment = client.post(f"/{lang}/feedback", data=data, headers=HTMX)
    assert fragment.status_code == 400
    assert expected in text_of(fragment) and "<html" not in text_of(fragment)
    assert fragment.headers["HX-Retarget"] == "#feedback-form-problem"
    assert stored(app) == []


def test_drafts_take_no_feedback(app, client, make_update):
    draft = make_update(en={"title": "Secret"}, status="draft")
    response = client.post("/en/feedback", data={"update": draft, "message": "Leak?"})
    assert response.status_code == 400
    assert stored(app) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain"])
def test_honeypot_is_thanked_and_nothing_is_stored(app, client, update_id, lang, htmx):
    data = {"update": update_id, "message": "Buy pills", "website": "https://spam.example"}
    response = client.post(f"/{lang}/feedback", data=data, headers=HTMX if htmx else {})
    if htmx:
        assert response.status_code == 200 and THANKS[lang] in text_of(response)
    else:
        assert response.status_code == 303
        assert response.headers["Location"].endswith("?feedback=sent#feedback")
    assert stored(app) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost.evil.example"},
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_cross_site_posts_are_refused(app, client, update_id, headers, lang):
    response = client.post(
        f"/{lang}/feedback", data={"update": update_id, "message": "CSRF"}, headers=headers
    )
    assert response.status_code == 403
    assert "Set-Cookie" not in response.headers
    expected = {
        "en": "only be sent from the pages of this site",
        "nl": "vanaf de pagina's van deze site",
    }
    assert expected[lang] in text_of(response)
    assert stored(app) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
        {"Origin": "http://localhost"},
        {"Origin": "https://portal.example"},  # SITE_URL, as behind a proxy
        {},  # no browser: nothing to forge a cross-site request with
    ],
)
def test_same_site_posts_are_accepted(app, client, update_id, headers):
    response = client.post(
        "/en/feedback", data={"update": update_id, "message": "Hi!"}, headers=headers
    )
    assert response.status_code == 303
    assert len(stored(app)) == 1


def test_cross_site_posts_do_not_use_up_the_readers_limit(app, client, update_id):
    app.config["FEEDBACK_RATE_LIMIT"] = "1 per minute"
    for _ in range(3):
        client.post(
            "/en/feedback",
            data={"update": update_id, "message": "CSRF"},
            headers={"Sec-Fetch-Site": "cross-site"},
        )
    assert (
        client.post("/en/feedback", data={"update": update_id, "message": "Mine"}).status_code
        == 303
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_body_over_one_megabyte_is_a_translated_413(app, client, update_id, lang):
    data = {"update": str(update_id), "message": "a" * (1024 * 1024 + 1)}
    response = client.post(f"/{lang}/feedback", data=data)
    assert response.status_code == 413
    expected = {"en": "feedback can be at most 2,000 characters", "nl": "mag hooguit 2.000 tekens"}
    assert expected[lang] in text_of(response)
    assert f'<html lang="{lang}">' in text_of(response)
    fragment = client.post(f"/{lang}/feedback", data=data, headers=HTMX)
    assert fragment.status_code == 413 and "<html" not in text_of(fragment)
    assert fragment.headers["HX-Retarget"] == "#feedback-form-problem"
    assert stored(app) == []


def test_get_is_not_allowed_and_unknown_languages_are_404(client, update_id):
    assert client.get("/en/feedback").status_code == 405
    response = client.post("/de/feedback", data={"update": update_id, "message": "Hallo"})
    assert response.status_code == 404


# --- limits ---------------------------------------------------------------------------


def post(client, update_id, n, **kwargs):
    return client.post(
        "/en/feedback", data={"update": update_id, "message": f"Message {n}"}, **kwargs
    )


@pytest.mark.parametrize(
    ("lang", "when"),
    [("en", "Please try again in 1 minute."), ("nl", "Probeer het over 1 minuut opnieuw.")],
)
def test_five_a_minute_then_a_translated_429_that_says_when(app, client, update_id, lang, when):
    for n in range(5):
        assert post(client, update_id, n).status_code == 303
    response = client.post(f"/{lang}/feedback", data={"update": update_id, "message": "Sixth"})
    assert response.status_code == 429
    assert when in text_of(response)
    assert f'<html lang="{lang}">' in text_of(response)
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "Set-Cookie" not in response.headers
    fragment = client.post(
        f"/{lang}/feedback", data={"update": update_id, "message": "7"}, headers=HTMX
    )
    assert fragment.status_code == 429
    assert when in text_of(fragment) and "<html" not in text_of(fragment)
    assert fragment.headers["HX-Retarget"] == "#feedback-form-problem"
    assert fragment.headers["HX-Reswap"] == "innerHTML"
    assert len(stored(app)) == 5


def test_thirty_a_day(app, client, update_id):
    app.config["FEEDBACK_RATE_LIMIT"] = "1000 per minute;3 per day"
    for n in range(3):
        assert post(client, update_id, n).status_code == 303
    response = post(client, update_id, 4)
    assert response.status_code == 429
    assert re.search(r"try again in (2[0-4] hours|1 day)", text_of(response))


def test_votes_share_the_limit(app, client, update_id):
    app.config["FEEDBACK_RATE_LIMIT"] = "2 per minute"
    client.post("/en/feedback", data={"update": update_id, "useful": "yes"})
    assert post(client, update_id, 1).status_code == 303
    vote = client.post(
        "/en/feedback",
        data={"update": update_id, "useful": "no"},
        headers={"HX-Request": "true", "HX-Target": "useful"},
    )
    assert vote.status_code == 429 and vote.headers["HX-Retarget"] == "#useful-problem"


def test_public_pages_are_not_limited(client, update_id):
    for _ in range(40):
        assert client.get(UPDATE_PAGE["en"]).status_code == 200


def test_a_spoofed_forwarded_for_buys_nothing_by_default(app, client, update_id):
    for n in range(5):
        assert (
            post(client, update_id, n, headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            == 303
        )
    assert (
        post(client, update_id, 6, headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 429
    )
    assert len({row.client_hash for row in stored(app)}) == 1


def proxied_app(database_uri: str, limit: str):
    """An app behind one trusted proxy, on its own new database, with the given limit."""
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "TRUSTED_PROXIES": 1,
            "FEEDBACK_RATE_LIMIT": limit,
        }
    )
    return app


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(migrated_database):
    app = proxied_app(migrated_database("proxied"), "1 per minute")
    client = app.test_client()
    data = {"maker": "", "message": "x"}  # no source: refused with 400 after counting
    first = client.post("/en/feedback", data=data, headers={"X-Forwarded-For": "203.0.113.1"})
    second = client.post("/en/feedback", data=data, headers={"X-Forwarded-For": "203.0.113.2"})
    again = client.post("/en/feedback", data=data, headers={"X-Forwarded-For": "203.0.113.1"})
    assert (first.status_code, second.status_code, again.status_code) == (400, 400, 429)
    with app.app_context():
        db.engine.dispose()


def test_limits_come_from_configuration(app, client, update_id):
    app.config["FEEDBACK_RATE_LIMIT"] = "2 per minute"
    assert [post(client, update_id, n).status_code for n in range(3)] == [303, 303, 429]


# --- privacy --------------------------------------------------------------------------


def test_no_raw_address_is_stored_or_logged(app, client, update_id, caplog):
    caplog.set_level(logging.DEBUG)
    address = "198.51.100.23"
    for n in range(7):
        post(client, update_id, n, environ_base={"REMOTE_ADDR": address})
    rows = stored(app)
    assert len(rows) == 5
    for row in rows:
        assert address not in repr(vars(row))
        with app.app_context():
            assert row.client_hash == client_hash(address)
    assert address not in caplog.text


def test_client_hash_is_keyed_and_rotates_daily(app):
    with app.app_context():
        today = client_hash("192.0.2.1", "2025-07-11")
        assert today == client_hash("192.0.2.1", "2025-07-11")
        assert today != client_hash("192.0.2.1", "2025-07-12")
        assert today != client_hash("192.0.2.2", "2025-07-11")
        app.config["SECRET_KEY"] = "another key"
        assert today != client_hash("192.0.2.1", "2025-07-11")


# --- export ---------------------------------------------------------------------------


def test_export_writes_excel_friendly_csv_of_all_feedback(
    app, client, update_id, maker_id, tmp_path
):
    post(client, update_id, 1)
    client.post("/nl/feedback", data={"maker": maker_id, "message": 'Zeg "ja"\nnieuwe regel, é'})
    client.post("/en/feedback", data={"update": update_id, "useful": "no"})
    client.post("/en/feedback", data={"update": update_id, "message": "=HYPERLINK(1)"})

    runner = app.test_cli_runner()
    result = runner.invoke(args=["feedback-export", "-"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = "id,created_at,lang,update,maker,useful,message,handled,client_hash\r\n"
    assert raw.decode("utf-8-sig").startswith(header)
    assert len(table) == 5
    assert table[1][2:8] == ["en", "hello-world", "openai", "", "Message 1", "no"]
    assert table[2][2:7] == ["nl", "", "mistral", "", 'Zeg "ja"\nnieuwe regel, é']
    assert table[3][5:7] == ["no", ""]
    assert table[4][6] == "'=HYPERLINK(1)"  # never a formula in Excel

    target = tmp_path / "feedback.csv"
    assert runner.invoke(args=["feedback-export", str(target)]).exit_code == 0
    assert target.read_bytes() == raw


# --- concurrency ----------------------------------------------------------------------


def test_concurrent_submissions_store_exactly_the_accepted_ones(migrated_database):
    """20 readers behind one trusted proxy send 10 messages each, at the same time."""
    app = proxied_app(migrated_database("proxied"), "4 per minute")
    with app.app_context():
        maker = Maker(slug="busy", name="Busy", website="https://busy.example/")
        out = datetime(2025, 1, 1)  # a maker is public once it has a published update
        fields = {"type": "article", "audience": "developers", "level": "expert"}
        db.session.add(Update(maker=maker, source_url="", published_at=out, **fields))
        db.session.add(maker)
        db.session.commit()
        maker_id = maker.id
    accepted: list[str] = []
    refused: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(20)

    def reader(n: int) -> None:
        client = app.test_client()
        start.wait()
        for i in range(10):
            message = f"reader {n} message {i}"
            response = client.post(
                "/en/feedback",
                data={"maker": maker_id, "message": message},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            )
            with lock:
                if response.status_code == 303:
                    accepted.append(message)
                else:
                    refused.append(response.status_code)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with app.app_context():
        messages = db.session.scalars(select(Feedback.message)).all()
        hashes = set(db.session.scalars(select(Feedback.client_hash)))
        db.session.remove()  # give its connection back before closing them all
        db.engine.dispose()
    assert set(refused) == {429}
    assert len(accepted) == 80 and len(refused) == 120
    assert sorted(messages) == sorted(accepted)  # none lost, none twice
    assert len(hashes) == 20
