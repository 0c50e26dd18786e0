"""Email digests against a real SMTP server on the loopback (the `smtp` fixture): sign-up
and its confirmation mail, confirm, manage, one-click unsubscribe, send-digests (content,
headers, reruns, crashes, failures), the data owner's commands and what editors see."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from portal.briefing.queries import local_day, utc
from portal.digests import mail, messages, tokens
from portal.extensions import db
from portal.models import Change, ChangeTranslation, DigestSend, Product, Subscriber, Update
from portal.models.content import utcnow

LINK = re.compile(r"https://portal\.example(/\S+?/)(?=\s|$|\")", re.M)


def subscribers(app) -> list[Subscriber]:
    with app.app_context():
        found = db.session.scalars(select(Subscriber).order_by(Subscriber.id)).all()
        db.session.expunge_all()
        return found


def sign_up(client, lang="en", **data):
    form = {"email": "reader@example.org", "language": lang, "frequency": "weekly"} | data
    return client.post(f"/{lang}/digests/", data=form)


def link_in(smtp, address: str, path: str) -> str:
    """The path of the first link to `path…` in the newest mail to `address` (text part)."""
    text, _ = smtp.parts(smtp.to(address)[-1])
    return next(p for p in LINK.findall(text) if path in p)


@pytest.fixture
def make_subscriber(mail_app):
    def make(email="reader@example.org", lang="en", frequency="weekly", filters="", **fields):
        with mail_app.app_context():
            subscriber = Subscriber(
                email=email,
                lang=lang,
                frequency=frequency,
                filters=filters,
                status=fields.pop("status", "active"),
                confirmed_at=datetime(2025, 7, 1),
                sent_until=fields.pop("sent_until", datetime(2025, 7, 1)),
                **fields,
            )
            db.session.add(subscriber)
            db.session.commit()
            return subscriber.id

    return make


def send_digests(app, *args):
    result = app.test_cli_runner().invoke(args=["send-digests", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


# --- signing up ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sign_up_sends_a_confirmation_mail_in_the_chosen_language(
    mail_app, client, smtp, make_update, lang
):
    make_update(en={"title": "July"}, published="2025-07-08")
    response = sign_up(client, lang=lang, filters="maker=openai&audience=developers&page=2")

    assert response.status_code == 303
    page = client.get(response.headers["Location"])
    assert {"en": "Check your inbox", "nl": "Kijk in je inbox"}[lang] in page.get_data(True)
    assert "no-store" in page.headers["Cache-Control"]
    [stored] = subscribers(mail_app)
    assert (stored.email, stored.lang, stored.status) == ("reader@example.org", lang, "pending")
    assert stored.filters == "maker=openai&audience=developers"  # canonical, no page
    [message] = smtp.to("reader@example.org")
    assert (
        message["Subject"]
        == {"en": "Confirm your email digest", "nl": "Bevestig je e-mailoverzicht"}[lang]
    )
    assert message["From"] == "digest@portal.example"
    text, html = smtp.parts(message)
    assert f'<html lang="{lang}">' in html and "<img" not in html
    assert f"/{lang}/digests/confirm/" in text and f"/{lang}/digests/confirm/" in html


def test_confirm_then_manage_then_unsubscribe(mail_app, client, smtp, make_update):
    make_update(en={"title": "July"}, published="2025-07-08")
    sign_up(client, filters="maker=openai")
    confirm = link_in(smtp, "reader@example.org", "/confirm/")

    page = client.get(confirm)  # a mail scanner following the link confirms nothing
    assert "Confirm my subscription" in page.get_data(True)
    assert subscribers(mail_app)[0].status == "pending"
    response = client.post(confirm)
    assert response.status_code == 303
    [stored] = subscribers(mail_app)
    assert stored.status == "active" and stored.confirmed_at and stored.sent_until

    manage = client.get(response.headers["Location"])
    html = manage.get_data(True)
    assert "Your subscription is confirmed" in html
    assert 'value="openai" checked' in html
    form = {"language": "nl", "frequency": "daily", "maker": "openai", "audience": "business"}
    saved = client.post(response.headers["Location"].split("?")[0], data=form)
    assert saved.status_code == 303
    [stored] = subscribers(mail_app)
    assert (stored.lang, stored.frequency) == ("nl", "daily")
    assert stored.filters == "maker=openai&audience=business"


def test_an_expired_confirmation_link_is_a_translated_404(mail_app, client, smtp, monkeypatch):
    sign_up(client, lang="nl", language="nl")
    confirm = link_in(smtp, "reader@example.org", "/confirm/")
    monkeypatch.setattr(tokens, "CONFIRM_SECONDS", -1)

    response = client.post(confirm)

    assert response.status_code == 404
    assert "Deze link is niet meer geldig" in response.get_data(True)
    assert subscribers(mail_app)[0].status == "pending"


def test_the_answer_never_says_whether_the_address_was_known(
    mail_app, client, smtp, make_subscriber
):
    make_subscriber(email="known@example.org", frequency="daily", filters="maker=openai")

    known = sign_up(client, email="known@example.org", frequency="weekly")
    new = sign_up(client, email="new@example.org")

    assert (known.status_code, known.headers["Location"]) == (303, new.headers["Location"])
    stored = {s.email: s for s in subscribers(mail_app)}
    assert (stored["known@example.org"].frequency, stored["known@example.org"].filters) == (
        "daily",
        "maker=openai",
    )  # nobody changes a confirmed subscription by signing it up again
    [note] = smtp.to("known@example.org")
    assert note["Subject"] == "You already receive our email digest"
    assert "/en/digests/manage/" in smtp.parts(note)[0]


def test_signing_up_again_while_pending_sends_a_new_link(mail_app, client, smtp):
    sign_up(client)
    sign_up(client, frequency="daily")
    assert len(smtp.to("reader@example.org")) == 2
    [stored] = subscribers(mail_app)
    assert (stored.status, stored.frequency) == ("pending", "daily")


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("email", ["", "not an address", "a@b", "x" * 320 + "@example.org"])
def test_a_bad_address_gets_the_form_again_with_a_translated_error(
    mail_app, client, smtp, lang, email
):
    response = sign_up(client, lang=lang, email=email)

    assert response.status_code == 422
    html = response.get_data(True)
    assert 'aria-invalid="true"' in html
    assert any(
        text in html
        for text in ("Vul je e-mailadres", "Dit is geen e-mailadres", "Dit e-mailadres is te lang")
    ) == (lang == "nl")
    assert subscribers(mail_app) == [] and smtp.messages == []


def test_a_bad_language_frequency_or_filters_are_refused(mail_app, client, smtp):
    assert sign_up(client, language="xx").status_code == 422
    assert sign_up(client, frequency="hourly").status_code == 422
    too_long = sign_up(client, lang="nl", filters="q=" + "woord " * 400)
    assert too_long.status_code == 422
    assert "Deze filters zijn te lang om te bewaren" in too_long.get_data(True)
    assert subscribers(mail_app) == [] and smtp.messages == []


def test_cross_site_posts_and_the_honeypot_store_and_send_nothing(mail_app, client, smtp):
    cross = client.post(
        "/nl/digests/",
        data={"email": "victim@example.org"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    bot = sign_up(client, website="http://spam.example")

    assert cross.status_code == 403
    assert "alleen aanmelden via de pagina" in cross.get_data(True)
    assert bot.status_code == 303
    assert subscribers(mail_app) == [] and smtp.messages == []


def test_sign_ups_are_rate_limited_per_client(mail_app, client, smtp):
    mail_app.config["SUBSCRIBE_RATE_LIMIT"] = "2 per minute"
    for n in range(2):
        assert sign_up(client, email=f"r{n}@example.org").status_code == 303

    response = sign_up(client, lang="nl", email="r3@example.org")

    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Wacht even" in response.get_data(True)
    assert len(subscribers(mail_app)) == 2


def test_a_mail_server_that_is_down_is_a_503_and_nothing_is_stored(app, client):
    app.config.update(SMTP_URL="smtp://127.0.0.1:9/", MAIL_FROM="digest@portal.example")

    response = sign_up(client, lang="nl")

    assert response.status_code == 503
    assert "er is niets opgeslagen" in response.get_data(True)
    assert subscribers(app) == []


def test_without_a_mail_server_digests_are_hidden(app, client, make_update):
    make_update(en={"title": "July"}, published="2025-07-08")
    assert "digest-signup" not in client.get("/en/briefing/").get_data(True)
    assert "Email me these updates" not in client.get("/en/updates/").get_data(True)
    assert client.get("/en/digests/").status_code == 404
    assert sign_up(client).status_code == 404


def test_email_me_this_carries_the_listing_filters(mail_app, client, make_update):
    make_update(en={"title": "July"}, published="2025-07-08", tags=["agents"])

    listing = client.get("/en/makers/openai/?audience=developers&page=1&sort=important")
    link = re.search(r'<p class="email-me"><a href="([^"]+)"', listing.get_data(True))[1]
    assert link == "/en/digests/?maker=openai&amp;audience=developers"
    page = client.get(link.replace("&amp;", "&")).get_data(True)
    assert "Only updates matching: Openai, Developers" in page
    assert 'name="filters" value="maker=openai&amp;audience=developers"' in page


# --- unsubscribing ------------------------------------------------------------------------


def test_one_click_unsubscribe_is_one_post_from_anywhere(mail_app, client, make_subscriber):
    subscriber_id = make_subscriber()
    with mail_app.test_request_context():
        token = tokens.make(db.session.get(Subscriber, subscriber_id), "manage")

    response = client.post(
        f"/en/digests/unsubscribe/{token}/",
        data={"List-Unsubscribe": "One-Click"},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://mail.example"},
    )

    assert response.status_code == 200
    assert "we have deleted your address" in response.get_data(True)
    assert subscribers(mail_app) == []
    assert client.get(f"/en/digests/manage/{token}/").status_code == 404


def test_a_forged_token_is_a_404(mail_app, client, make_subscriber):
    make_subscriber()
    assert client.get("/en/digests/manage/forged/").status_code == 404
    assert client.post("/en/digests/unsubscribe/forged/").status_code == 200
    assert len(subscribers(mail_app)) == 1


# --- sending ------------------------------------------------------------------------------


def test_a_digest_has_the_matching_new_updates_and_one_click_unsubscribe(
    mail_app, smtp, make_subscriber, make_update
):
    make_subscriber(lang="nl", filters="audience=developers")
    make_update(en={"title": "Old"}, nl={"title": "Oud"}, published="2025-06-20")
    make_update(en={"title": "Minor"}, nl={"title": "Klein"}, published="2025-07-08", importance=2)
    make_update(
        en={"title": "Major"},
        nl={"title": "Groot", "takeaways": ["N1", "N2", "N3"]},
        published="2025-07-07",
        importance=5,
    )
    make_update(en={"title": "English only"}, published="2025-07-09")
    make_update(
        en={"title": "Business"},
        nl={"title": "Zakelijk"},
        published="2025-07-09",
        audience="business",
    )

    result = send_digests(mail_app)

    assert "1 sent" in result.output
    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "Je wekelijkse overzicht: 3 updates"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(
        r"<(https://portal\.example/nl/digests/unsubscribe/\S+/)>", message["List-Unsubscribe"]
    )
    assert unsubscribe
    text, html = smtp.parts(message)
    assert text.index("Groot") < text.index("English only") < text.index("Klein")
    assert "Oud" not in text and "Zakelijk" not in text
    assert "- N1\n- N2\n- N3" in text
    assert "https://portal.example/nl/updates/groot/" in text
    assert "[EN]" in text  # the untranslated one, marked
    assert '<html lang="nl">' in html and '<article class="briefing-item" lang="en">' in html
    assert unsubscribe[1] in text and unsubscribe[1] in html
    assert "/nl/digests/manage/" in text


def test_a_weekly_digest_lists_the_changes_of_the_week_it_is_sent_in(
    mail_app, smtp, make_subscriber, make_update
):
    with mail_app.app_context():
        monday = local_day(utcnow()) - timedelta(days=local_day(utcnow()).weekday())
    make_subscriber(lang="nl", filters="maker=openai")
    make_subscriber(email="daily@example.org", frequency="daily")
    openai = make_update(en={"title": "Retiring"}, nl={"title": "Met pensioen"})
    google = make_update(en={"title": "Gemini"}, nl={"title": "Gemini"}, maker="google")
    draft = make_update(en={"title": "Secret"}, status="draft")
    for update, product, day in (
        (openai, "gpt-x", monday + timedelta(days=2)),
        (openai, "gpt-last-week", monday - timedelta(days=1)),
        (openai, "gpt-next-week", monday + timedelta(days=7)),
        (google, "gemini-x", monday + timedelta(days=3)),
        (draft, "secret-model", monday + timedelta(days=3)),
    ):
        with mail_app.app_context():
            found = db.session.get(Update, update)
            found.changes.append(
                Change(
                    kind="retirement",
                    effective_date=day,
                    products=[Product(slug=product, name=product.upper(), maker=found.maker)],
                    translations=[ChangeTranslation(lang="nl", description=f"{product} stopt.")],
                )
            )
            db.session.commit()

    send_digests(mail_app)

    [message] = smtp.to("reader@example.org")
    text, html = smtp.parts(message)
    for part in (text, html):
        assert "Wat verandert wanneer" in part and "gpt-x stopt." in part
        assert "Buiten gebruik" in part and "GPT-X" in part
        for absent in ("gpt-last-week", "gpt-next-week", "gemini-x", "secret-model"):
            assert absent not in part
    assert "https://portal.example/nl/updates/met-pensioen/" in text.split("Wat verandert")[1]
    [daily] = smtp.to("daily@example.org")
    assert "What changes, when" not in smtp.parts(daily)[0]


def test_a_daily_digest_covers_yesterday_in_the_site_time_zone(
    mail_app, smtp, make_subscriber, make_update
):
    with mail_app.app_context():
        now = utcnow()
        today = local_day(now)
        midnight = utc(today)  # today 00:00 in Amsterdam, as UTC
    make_subscriber(frequency="daily", sent_until=midnight - timedelta(days=3))
    make_update(en={"title": "Yesterday"}, published=(midnight - timedelta(hours=1)).isoformat())
    make_update(en={"title": "Today"}, published=(midnight + (now - midnight) / 2).isoformat())

    send_digests(mail_app)

    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "Your daily digest: 1 update"
    text = smtp.parts(message)[0]
    assert "Yesterday" in text and "Today" not in text
    with mail_app.app_context():
        claim = db.session.scalar(select(DigestSend))
        assert (claim.period, claim.until) == ((today - timedelta(days=1)).isoformat(), midnight)


def test_a_rerun_sends_nothing_twice_and_nothing_new_sends_nothing(
    mail_app, smtp, make_subscriber, make_update
):
    make_subscriber()
    make_update(en={"title": "July"}, published="2025-07-08")
    send_digests(mail_app)

    again = send_digests(mail_app)
    assert "1 already sent" in again.output

    with mail_app.app_context():  # next period: nothing published since the last digest
        db.session.execute(db.update(DigestSend).values(period="2000-W01"))
        db.session.commit()
    later = send_digests(mail_app)
    assert "1 nothing new" in later.output
    assert len(smtp.to("reader@example.org")) == 1


def test_a_crash_between_two_sends_and_the_rerun_send_each_digest_once(
    mail_app, smtp, make_subscriber, make_update, monkeypatch
):
    for n in range(3):
        make_subscriber(email=f"r{n}@example.org")
    make_update(en={"title": "July"}, published="2025-07-08")
    real = messages.digest
    calls = []

    def crash_on_the_second(subscriber, *args, **kwargs):
        calls.append(subscriber.email)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process dies between the first send and the second
        return real(subscriber, *args, **kwargs)

    monkeypatch.setattr(messages, "digest", crash_on_the_second)
    send_digests(mail_app)
    assert [to for to, _ in smtp.messages] == ["r0@example.org"]

    monkeypatch.setattr(messages, "digest", real)
    result = send_digests(mail_app)

    assert "2 sent" in result.output and "1 already sent" in result.output
    assert sorted(to for to, _ in smtp.messages) == [f"r{n}@example.org" for n in range(3)]
    with mail_app.app_context():
        assert (
            db.session.scalar(
                select(func.count()).select_from(DigestSend).where(DigestSend.status == "sent")
            )
            == 3
        )


def test_a_crash_after_the_server_accepted_never_sends_that_digest_again(
    mail_app, smtp, make_subscriber, make_update, monkeypatch
):
    make_subscriber()
    make_update(en={"title": "July"}, published="2025-07-08")
    real = mail.send

    def send_then_die(server, message):
        real(server, message)
        raise KeyboardInterrupt

    monkeypatch.setattr(mail, "send", send_then_die)
    send_digests(mail_app)
    monkeypatch.setattr(mail, "send", real)
    send_digests(mail_app)

    assert len(smtp.to("reader@example.org")) == 1


def test_a_temporary_failure_is_retried_on_the_next_run(
    mail_app, smtp, make_subscriber, make_update
):
    make_subscriber()
    make_update(en={"title": "July"}, published="2025-07-08")
    smtp.defer.add("reader@example.org")

    first = send_digests(mail_app)
    assert "1 temporary failure" in first.output and smtp.messages == []
    assert subscribers(mail_app)[0].sent_until == datetime(2025, 7, 1)

    smtp.defer.clear()
    second = send_digests(mail_app)
    assert "1 sent" in second.output
    [message] = smtp.to("reader@example.org")
    assert "July" in smtp.parts(message)[0]


def test_an_address_refused_three_times_is_paused(mail_app, smtp, make_subscriber, make_update):
    make_subscriber(email="gone@example.org")
    make_subscriber(email="fine@example.org")
    make_update(en={"title": "July"}, published="2025-07-08")
    smtp.refuse.add("gone@example.org")

    outputs = [send_digests(mail_app).output for _ in range(3)]

    assert "1 refused" in outputs[0] and "1 paused" in outputs[2]
    stored = {s.email: s for s in subscribers(mail_app)}
    assert (stored["gone@example.org"].status, stored["gone@example.org"].failures) == (
        "paused",
        3,
    )
    assert stored["fine@example.org"].status == "active"
    assert len(smtp.to("fine@example.org")) == 1
    send_digests(mail_app)  # paused: not tried again
    assert subscribers(mail_app)[0].failures == 3


def test_a_dry_run_sends_and_changes_nothing(mail_app, smtp, make_subscriber, make_update):
    make_subscriber()
    make_update(en={"title": "July"}, published="2025-07-08")

    result = send_digests(mail_app, "--dry-run")

    assert "1 would send" in result.output
    assert smtp.messages == []
    with mail_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(DigestSend)) == 0


def test_send_digests_deletes_addresses_unconfirmed_after_48_hours(mail_app, smtp, make_subscriber):
    make_subscriber(
        email="old@example.org", status="pending", created_at=utcnow() - timedelta(hours=49)
    )
    make_subscriber(
        email="new@example.org", status="pending", created_at=utcnow() - timedelta(hours=47)
    )

    result = send_digests(mail_app)

    assert "1 unconfirmed deleted" in result.output
    assert [s.email for s in subscribers(mail_app)] == ["new@example.org"]


def test_send_digests_without_a_mail_server_says_what_to_set(app):
    result = app.test_cli_runner().invoke(args=["send-digests"])
    assert result.exit_code == 1 and "SMTP_URL" in result.output


# --- the data owner and the editors -------------------------------------------------------


def test_subscribers_export_and_delete(mail_app, make_subscriber):
    make_subscriber(filters="maker=openai")
    runner = mail_app.test_cli_runner()

    exported = json.loads(
        runner.invoke(args=["subscribers", "export", "reader@example.org"]).output
    )
    assert exported["email"] == "reader@example.org" and exported["filters"] == "maker=openai"
    assert runner.invoke(args=["subscribers", "delete", "reader@example.org"]).exit_code == 0
    assert subscribers(mail_app) == []
    missing = runner.invoke(args=["subscribers", "delete", "reader@example.org"])
    assert missing.exit_code == 1 and "No subscriber" in missing.output


def test_editors_see_counts_not_addresses(mail_app, editor, make_subscriber):
    make_subscriber(email="secret@example.org")
    make_subscriber(email="waiting@example.org", status="pending")

    html = editor.get("/en/editor/").get_data(True)

    assert "Email digest: 1 confirmed, 1 awaiting confirmation, 0 paused." in html
    assert "secret@example.org" not in html
