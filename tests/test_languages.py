"""A third language is a catalog and a config line: the reader's paths, search, feeds,
sitemap, error pages and the editors' form with LANGUAGES=en,nl,de (both engines)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest

from portal import create_app
from portal.config import ConfigurationError, site_languages
from portal.extensions import db
from portal.models import (
    Change,
    ChangeTranslation,
    Product,
    TagTranslation,
    Update,
    UpdateTranslation,
)

ROOT = Path(__file__).resolve().parent.parent
SWITCHER = re.compile(r'<nav class="lang-switch".*?</nav>', re.S)
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


@pytest.fixture
def app(database_uri):
    """The site in English, Dutch and German (overrides conftest's two-language app)."""
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "SITE_URL": "https://portal.example",
            "LANGUAGES": "en,nl,de",
        }
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def german(app):
    """german(update_id, title=..., body=...): add the update's German text."""

    def add(update_id: int, title: str, body: str = "Ein Text.", slug: str | None = None):
        with app.app_context():
            update = db.session.get(Update, update_id)
            text = UpdateTranslation(
                lang="de",
                slug=slug or re.sub(r"\W+", "-", title.lower()).strip("-"),
                title=title,
                lede=f"{title}.",
                body=body,
                impact="Lohnt einen Blick.",
            )
            text.takeaways = ["Eins", "Zwei", "Drei"]
            update.translations.append(text)
            db.session.commit()

    return add


def text_of(response) -> str:
    return response.get_data(as_text=True)


# --- configuration ----------------------------------------------------------------------


def test_languages_come_from_the_config_line_named_in_their_own_language(app):
    assert app.config["LANGUAGES"] == {"en": "English", "nl": "Nederlands", "de": "Deutsch"}
    assert site_languages("EN, nl") == {"en": "English", "nl": "Nederlands"}


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("en,fr", "no interface catalog for it"),  # a language without a catalog
        ("en,zz", "not a language code"),
        ("en,../nl", "not a language code"),
        ("en,nl,en", "names 'en' twice"),
        (" , ", "LANGUAGES is empty"),
    ],
)
def test_a_language_without_a_catalog_or_code_stops_the_start_with_a_clear_error(value, says):
    with pytest.raises(ConfigurationError, match=says):
        site_languages(value)


def test_the_wsgi_app_refuses_to_start_with_a_language_it_has_no_catalog_for(tmp_path):
    env = os.environ | {"LANGUAGES": "en,nl,fr", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    refused = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 3
    assert "'fr'" in refused.stderr and "translations/fr/LC_MESSAGES/messages.po" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_german_catalog_translates_every_dutch_msgid():
    from babel.messages.pofile import read_po

    def catalog(lang):
        with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as file:
            return {m.id: m.string for m in read_po(file) if m.id}

    dutch, german = catalog("nl"), catalog("de")
    assert set(german) == set(dutch)
    untranslated = [
        key
        for key, value in german.items()
        if not (all(value) if isinstance(value, tuple) else value)
    ]
    assert untranslated == []


# --- readers ----------------------------------------------------------------------------


def test_the_front_page_in_german_with_a_switcher_of_three_and_hreflang(client, make_update):
    make_update(en={"title": "Only in English"})
    response = client.get("/de/")
    page = text_of(response)
    assert response.status_code == 200
    assert '<html lang="de">' in page
    assert "Alle Updates" in page and "Das Neueste je Anbieter" in page
    switcher = SWITCHER.search(page).group()
    links = re.findall(r'<a href="([^"]+)" lang="(\w+)"[^>]*>([^<]+)</a>', switcher)
    assert links == [
        ("/en/", "en", "English"),
        ("/nl/", "nl", "Nederlands"),
        ("/de/", "de", "Deutsch"),
    ]
    assert 'hreflang="de" aria-current="true"' in switcher
    assert HREFLANG.findall(page) == [
        ("en", "https://portal.example/en/"),
        ("nl", "https://portal.example/nl/"),
        ("de", "https://portal.example/de/"),
        ("x-default", "https://portal.example/en/"),
    ]


def test_accept_language_german_leads_to_the_german_site(client):
    response = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/de/")


def test_listing_shows_updates_missing_in_german_in_their_language_with_a_badge(
    client, make_update, german
):
    english_only = make_update(en={"title": "Only in English"})
    both = make_update(en={"title": "In English too"}, published="2025-07-12")
    german(both, "Auch auf Deutsch")
    page = text_of(client.get("/de/updates/"))
    own = re.search(
        r'<article class="teaser">(?:(?!</article>).)*Auch auf Deutsch.*?</article>', page, re.S
    )
    other = re.search(r'<article class="teaser" lang="en">.*?</article>', page, re.S).group()
    assert own and "badge-lang" not in own.group()
    assert "Only in English" in other and 'class="badge badge-lang"' in other
    assert 'title="Nur auf Englisch verfügbar">EN<' in other
    assert english_only and "In English too" not in page  # its German text is shown instead


def test_listing_filters_and_their_notes_in_german(client, make_update, german):
    video = make_update(en={"title": "A video"}, type="video")
    german(video, "Ein Video")
    make_update(en={"title": "An article"})
    response = client.get("/de/updates/?type=video&level=bogus&page=x")
    page = text_of(response)
    assert response.status_code == 200
    assert "Ein Video" in page and "An article" not in page
    assert "Ein unbekannter Wert für „level“ wurde ignoriert." in page
    assert "„page“ wurde ignoriert: keine Seitenzahl." in page


def test_an_update_missing_in_german_says_so_in_german_and_links_to_the_others(client, make_update):
    make_update(
        en={"title": "Only in English", "slug": "only-in-english"},
        nl={"title": "Alleen", "slug": "alleen"},
    )
    response = client.get("/de/updates/only-in-english/")
    page = text_of(response)
    assert response.status_code == 200
    assert "Dieses Update ist noch nicht übersetzt" in page
    assert "Dieses Update haben wir noch nicht auf Deutsch geschrieben." in page
    english = 'href="/en/updates/only-in-english/" hreflang="en">Only in English</a>'
    assert english + ' <span lang="de">(Englisch)' in page
    assert (
        'href="/nl/updates/alleen/" hreflang="nl">Alleen</a> <span lang="de">(Niederländisch)'
        in page
    )
    # From the English page, the switcher's German choice leads there: never a dead end.
    english = SWITCHER.search(text_of(client.get("/en/updates/only-in-english/"))).group()
    assert 'href="/de/updates/only-in-english/" lang="de"' in english


def test_an_update_in_german_with_its_alternates(client, make_update, german):
    update = make_update(en={"title": "Models", "slug": "models"})
    german(update, "Modelle", slug="modelle")
    response = client.get("/de/updates/modelle/")
    page = text_of(response)
    assert response.status_code == 200 and '<h1 id="update-title">Modelle</h1>' in page
    assert "Originalartikel ansehen" in page
    assert sorted(HREFLANG.findall(page)) == [  # the languages it is written in
        ("de", "https://portal.example/de/updates/modelle/"),
        ("en", "https://portal.example/en/updates/models/"),
        ("x-default", "https://portal.example/en/updates/models/"),
    ]
    # The switcher's Dutch choice says "not translated yet" there, with links to both.
    assert 'href="/nl/updates/modelle/" lang="nl"' in SWITCHER.search(page).group()
    assert '<meta property="og:locale" content="de_DE">' in page


def test_a_maker_page_in_german(client, make_update):
    make_update(en={"title": "Only in English"}, maker="openai")
    response = client.get("/de/makers/openai/")
    page = text_of(response)
    assert response.status_code == 200
    assert "Updates von Openai" in page and "Only in English" in page


def test_search_in_german_uses_the_german_stemmer(client, make_update, german):
    singular = make_update(en={"title": "One model"})
    german(singular, "Ein neues Modell", body="Das Unternehmen zeigt es heute.")
    plural = make_update(en={"title": "Two models"})
    german(plural, "Zwei Sprachmodelle", body="Die Modelle schreiben Berichte.")
    make_update(en={"title": "Modelle in English"})  # an English text is not searched in German

    def found(q):
        page = text_of(client.get("/de/updates/", query_string={"q": q}))
        return sorted(re.findall(r'class="teaser-title"><a href="/de/updates/([^/]+)/"', page))

    assert found("Modelle") == ["ein-neues-modell", "zwei-sprachmodelle"]
    assert found("modell") == ["ein-neues-modell", "zwei-sprachmodelle"]
    assert found("Unternehmens") == ["ein-neues-modell"]
    assert found("Bericht") == ["zwei-sprachmodelle"]
    assert "Keine Updates zu „Häuser“ mit diesen Filtern." in text_of(
        client.get("/de/updates/?q=Häuser")
    )


def test_feeds_in_german(client, make_update, german):
    update = make_update(en={"title": "Models", "slug": "models"})
    german(update, "Modelle", slug="modelle")
    make_update(en={"title": "Only in English"}, published="2025-07-01")
    response = client.get("/de/feed.xml")
    feed = text_of(response)
    assert response.status_code == 200
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">' in feed
    assert "<title>Alle Updates · KI-Anbieter im Blick</title>" in feed
    entries = re.findall(
        r"<entry( xml:lang=\"\w+\")?>\s*<id>([^<]+)</id>\s*<title[^>]*>([^<]+)", feed
    )
    assert entries == [
        ("", "tag:portal.example,2025:update-1/de", "Modelle"),
        (' xml:lang="en"', "tag:portal.example,2025:update-2/en", "Only in English"),
    ]
    maker_feed = text_of(client.get("/de/makers/openai/feed.xml"))
    assert "<title>Updates von Openai · KI-Anbieter im Blick</title>" in maker_feed


def test_the_calendar_its_ics_and_the_briefing_in_german(app, client, make_update, german):
    update = make_update(
        en={"title": "GPT-X retires", "slug": "gpt-x-retires"}, published="2025-07-15"
    )
    german(update, "GPT-X geht in Rente", slug="gpt-x-geht-in-rente")
    with app.app_context():
        found = db.session.get(Update, update)
        product = Product(slug="gpt-x", name="GPT-X", maker=found.maker)
        found.changes += [
            Change(
                kind="retirement",
                effective_date=date(2025, 7, 16),
                products=[product],
                translations=[
                    ChangeTranslation(lang="en", description="GPT-X stops working."),
                    ChangeTranslation(lang="de", description="GPT-X wird abgeschaltet."),
                ],
            ),
            Change(
                kind="price",
                effective_date=date(2025, 7, 17),
                products=[product],
                new_price=Decimal(2),
                currency="USD",
                translations=[ChangeTranslation(lang="en", description="Cheaper.")],
            ),
        ]
        db.session.commit()

    response = client.get("/de/calendar.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.data)
    assert str(calendar["X-WR-CALNAME"]) == "Was sich wann ändert"
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"GPT-X: Abschaltung", "GPT-X: Preisänderung"}
    retired = events["GPT-X: Abschaltung"]
    assert str(retired["DESCRIPTION"]) == "GPT-X wird abgeschaltet.\n\nGPT-X geht in Rente"
    assert str(retired["URL"]) == "https://portal.example/de/updates/gpt-x-geht-in-rente/"
    # no German description: the site's first language's, with the German title
    assert str(events["GPT-X: Preisänderung"]["DESCRIPTION"]) == "Cheaper.\n\nGPT-X geht in Rente"

    for url in ("/de/calendar/?from=2025-07-01&to=2025-07-31", "/de/briefing/2025-W29/"):
        response = client.get(url)
        page = text_of(response)
        assert response.status_code == 200, url
        assert '<html lang="de"' in page
        assert "Abschaltung" in page and "GPT-X wird abgeschaltet." in page
    briefing = client.get("/de/briefing/")
    assert briefing.status_code == 200 and '<html lang="de"' in text_of(briefing)
    assert "Was sich wann ändert" in text_of(client.get("/de/briefing/2025-W29/"))
    feed = client.get("/de/briefing/feed.xml")
    assert feed.status_code == 200 and 'xml:lang="de"' in text_of(feed)
    assert "GPT-X geht in Rente" in text_of(feed)


def test_sitemap_names_every_language_and_x_default(client, make_update, german):
    update = make_update(en={"title": "Models", "slug": "models"})
    german(update, "Modelle", slug="modelle")
    sitemap = text_of(client.get("/sitemap.xml"))
    site = "https://portal.example"
    for lang in ("en", "nl", "de"):
        assert f"<loc>{site}/{lang}/updates/</loc>" in sitemap
    listing = re.search(rf"<url><loc>{site}/de/updates/</loc>.*?</url>", sitemap, re.S).group()
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', listing) == [
        ("en", f"{site}/en/updates/"),
        ("nl", f"{site}/nl/updates/"),
        ("de", f"{site}/de/updates/"),
        ("x-default", f"{site}/en/updates/"),
    ]
    german_update = re.search(
        rf"<url><loc>{site}/de/updates/modelle/</loc>.*?</url>", sitemap, re.S
    )
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', german_update.group()) == [
        ("en", f"{site}/en/updates/models/"),
        ("de", f"{site}/de/updates/modelle/"),
        ("x-default", f"{site}/en/updates/models/"),
    ]
    assert f"{site}/nl/updates/models/" not in sitemap  # no Dutch text: not a page to index


@pytest.mark.parametrize(
    ("url", "status", "title"),
    [
        ("/de/no-such-page/", 404, "Seite nicht gefunden"),
        ("/de/updates/no-such-update/", 404, "Seite nicht gefunden"),
        ("/de/makers/nobody/", 404, "Seite nicht gefunden"),
        ("/de/feed.xml", 405, "Methode nicht erlaubt"),
    ],
)
def test_error_pages_in_german(client, url, status, title):
    response = client.post(url) if status == 405 else client.get(url)
    page = text_of(response)
    assert response.status_code == status
    assert '<html lang="de">' in page and f"<h1>{title}</h1>" in page
    # The switcher leads to each language's front page.
    assert re.findall(r'<a href="(/\w+/)" lang=', SWITCHER.search(page).group()) == [
        "/en/",
        "/nl/",
        "/de/",
    ]


def test_a_language_not_configured_is_a_404(client):
    response = client.get("/fr/")
    assert response.status_code == 404


# --- editors ----------------------------------------------------------------------------


def fieldsets(page: str) -> list[tuple[bool, str]]:
    """(folded, language) of each language's fieldset in the update form, in order."""
    found = re.findall(
        r'(<details class="language-more"[^>]*><summary>[^<]*</summary>\s*)?'
        r'<fieldset class="language" lang="(\w+)">',
        page,
    )
    return [(bool(folded), lang) for folded, lang in found]


def test_the_editor_form_shows_a_chosen_pair_side_by_side_and_saves_every_language(
    app, editor, make_maker
):
    make_maker()
    page = text_of(editor.get("/de/editor/updates/new"))
    assert "Neues Update" in page and "Sprachen nebeneinander" in page
    assert fieldsets(page) == [(False, "en"), (False, "nl"), (True, "de")]
    assert "<summary>Deutsch (nicht nebeneinander)</summary>" in page

    page = text_of(editor.get("/de/editor/updates/new?pair=de&pair=nl"))
    assert fieldsets(page) == [(False, "de"), (False, "nl"), (True, "en")]
    assert 'action="/de/editor/updates/new?pair=de&amp;pair=nl"' in page
    assert '<option value="de" selected>Deutsch</option>' in page

    form = {
        "csrf_token": editor.csrf,
        **{"maker": "1", "type": "article", "audience": "everyone", "level": "beginner"},
        **{"importance": "3", "source_url": "https://example.com/", "action": "draft"},
        **{"de-title": "Neue Modelle", "nl-title": "Nieuwe modellen", "en-title": "New models"},
    }
    saved = editor.post("/de/editor/updates/new?pair=de&pair=nl", data=form)
    assert saved.status_code == 303
    assert saved.headers["Location"] == "/de/editor/updates/1/?pair=de&pair=nl"
    with app.app_context():
        titles = dict(
            db.session.execute(db.select(UpdateTranslation.lang, UpdateTranslation.title)).all()
        )
    assert titles == {"en": "New models", "nl": "Nieuwe modellen", "de": "Neue Modelle"}

    # A refused form keeps the pair, opens a folded language with an error, saves nothing.
    refused = editor.post(
        "/de/editor/updates/new?pair=de&pair=nl", data=form | {"en-slug": "Not A Slug"}
    )
    page = text_of(refused)
    assert refused.status_code == 422
    assert '<details class="language-more" open><summary>Englisch (nicht nebeneinander)' in page
    assert fieldsets(page) == [(False, "de"), (False, "nl"), (True, "en")]


def test_an_unknown_or_repeated_pair_falls_back_to_two_languages(editor):
    page = text_of(editor.get("/de/editor/updates/new?pair=fr&pair=de&pair=de"))
    assert fieldsets(page) == [(False, "de"), (False, "en"), (True, "nl")]


def test_two_languages_show_side_by_side_without_a_chooser(app, editor):
    app.config["LANGUAGES"] = {"en": "English", "nl": "Nederlands"}
    page = text_of(editor.get("/en/editor/updates/new?pair=nl"))
    assert fieldsets(page) == [(False, "en"), (False, "nl")]
    assert 'class="language-pair"' not in page
    assert 'class="update-form"\n      action="/en/editor/updates/new">' in page


def test_a_backup_of_the_two_language_site_restores_into_three_languages(
    app, client, sqlite_template, tmp_path
):
    """Adding a language leaves the content valid: tags need a label in the first language
    only, so a backup without German labels restores, and German pages fall back."""
    from portal.demo.seed import seed_demo

    before = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": sqlite_template.copy_to(tmp_path / "two.db"),
            "LANGUAGES": "en,nl",
        }
    )
    with before.app_context():
        seed_demo()
        db.engine.dispose()
    path = tmp_path / "backup.json"
    assert before.test_cli_runner().invoke(args=["export-json", str(path)]).exit_code == 0
    result = app.test_cli_runner().invoke(args=["import-json", str(path)])
    assert result.exit_code == 0, result.output
    page = text_of(client.get("/de/tags/model/"))
    assert "Updates mit dem Schlagwort „model“" in page  # no German label: its slug


def test_a_tag_needs_a_label_in_the_first_language_only(app, editor):
    editor.post("/de/editor/tags/", data={"csrf_token": editor.csrf, "slug": "agents"})
    refused = text_of(editor.post("/de/editor/tags/", data={"csrf_token": editor.csrf}))
    assert "Dieses Feld ist erforderlich." in refused
    data = {
        "csrf_token": editor.csrf,
        "slug": "agents",
        "label_en": "Agents",
        "label_nl": "Agenten",
    }
    assert editor.post("/de/editor/tags/", data=data).status_code == 303
    with app.app_context():
        labels = dict(
            db.session.execute(db.select(TagTranslation.lang, TagTranslation.label)).all()
        )
    assert labels == {"en": "Agents", "nl": "Agenten"}  # no empty German row
    form = text_of(editor.get("/de/editor/tags/1/"))
    assert 'name="label_de" type="text" value=""' in form  # not the slug to save as a label
    data |= {"label_de": "Agenten", "label_nl": ""}
    assert editor.post("/de/editor/tags/1/", data=data).status_code == 303
    with app.app_context():
        labels = dict(
            db.session.execute(db.select(TagTranslation.lang, TagTranslation.label)).all()
        )
    assert labels == {"en": "Agents", "de": "Agenten"}
