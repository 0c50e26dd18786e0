"""What a listing's frame and filter form keep between requests (portal.frame,
portal.public.form, portal.public.chart, the vocabularies and catalog of portal.i18n, the
options of queries.facet_options) is never stale: every test reads pages of a second app
with the page cache off, so only those kept pieces could show old content."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import lxml.html
import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict

from portal import create_app, queries
from portal.digests.messages import in_language
from portal.extensions import db
from portal.models import Maker, Tag, TagTranslation, Update
from portal.public.views import listing_url, month_url

HTMX = {"HX-Request": "true"}


@pytest.fixture
def reader(database_uri):
    """Another worker on the same database, page cache off: its every request renders."""
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_uri, "PAGE_CACHE_BYTES": 0}
    app = create_app(config | {"LANGUAGES": "en,nl,de"})
    yield app
    with app.app_context():
        db.engine.dispose()


def _page(app, url: str, headers=None, root: str = "") -> lxml.html.HtmlElement:
    """The page at `url`, the app mounted at `root` (SCRIPT_NAME)."""
    client = app.test_client()
    response = client.get(url, headers=headers or {}, base_url=f"http://localhost{root}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.get_data(as_text=True))


def _option(page, facet: str, value: str) -> str:
    """The text of an option's label: its name and count."""
    box = page.get_element_by_id(f"f-{facet}-{value}")
    return " ".join(box.getparent().text_content().split())


def _legends(page) -> list[str]:
    return [legend.text_content() for legend in page.xpath('//form[@class="filters"]//legend')]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_renamed_maker_and_a_relabelled_tag_show_at_once(app, reader, make_update, lang):
    make_update(en={}, nl={}, tags=["model"])
    page = _page(reader, f"/{lang}/updates/")
    assert _option(page, "maker", "openai") == "Openai 1"
    assert _option(page, "tag", "model") == "model 1"

    with app.app_context():
        db.session.scalars(db.select(Maker)).one().name = "OpenAI Labs"
        tag = db.session.scalars(db.select(Tag)).one()
        next(t for t in tag.translations if t.lang == "nl").label = "taalmodel"
        db.session.commit()
    page = _page(reader, f"/{lang}/updates/")
    assert _option(page, "maker", "openai") == "OpenAI Labs 1"
    assert _option(page, "tag", "model") == {"en": "model 1", "nl": "taalmodel 1"}[lang]


def test_a_new_tag_label_and_a_new_tag_are_offered(app, reader, make_update, make_tag):
    make_update(en={}, tags=["model"])
    assert _option(_page(reader, "/nl/updates/"), "tag", "model") == "model 1"
    with app.app_context():  # a label in a language that had none
        tag = db.session.scalars(db.select(Tag)).one()
        db.session.delete(next(t for t in tag.translations if t.lang == "nl"))
        db.session.commit()
    assert _option(_page(reader, "/nl/updates/"), "tag", "model") == "model 1"
    with app.app_context():
        tag = db.session.scalars(db.select(Tag)).one()
        tag.translations.append(TagTranslation(lang="nl", label="modellen"))
        db.session.commit()
    assert _option(_page(reader, "/nl/updates/"), "tag", "model") == "modellen 1"

    make_tag("chips", en="Chips", nl="Chips NL")  # no update yet: not offered
    assert not _page(reader, "/en/updates/").xpath('//*[@id="f-tag-chips"]')
    make_update(en={}, tags=["chips", "model"])
    page = _page(reader, "/en/updates/")
    assert _option(page, "tag", "chips") == "Chips 1"
    assert _option(page, "tag", "model") == "model 2"
    assert _option(_page(reader, "/nl/updates/"), "tag", "chips") == "Chips NL 1"


def test_counts_and_checked_states_follow_edits_and_filters(app, reader, make_update):
    first = make_update(en={}, type="video")
    make_update(en={}, type="paper")
    page = _page(reader, "/en/updates/?type=video")
    assert page.get_element_by_id("f-type-video").checked
    assert not page.get_element_by_id("f-type-paper").checked
    assert _option(page, "type", "video") == "Video 1"
    assert _option(page, "type", "podcast") == "Podcast 0 (no results)"
    assert "facet-none" in page.get_element_by_id("count-type-podcast").classes

    with app.app_context():  # an edit moves an update from one option to another
        db.session.get(Update, first).type = "podcast"
        db.session.commit()
    fragment = _page(reader, "/en/updates/?type=video", headers=HTMX)
    counts = {
        span.get("id"): span.text_content() for span in fragment.xpath("//*[@data-hx-swap-oob]")
    }
    assert counts["count-type-video"] == "0 (no results)"
    assert counts["count-type-podcast"] == "1"
    assert counts["count-type-paper"] == "1"
    page = _page(reader, "/en/updates/?type=podcast")
    assert page.get_element_by_id("f-type-podcast").checked
    assert _option(page, "type", "video") == "Video 0 (no results)"

    with app.app_context():  # unpublished and deleted updates leave every count
        db.session.get(Update, first).status = "draft"
        db.session.commit()
    assert _option(_page(reader, "/en/updates/"), "type", "podcast") == "Podcast 0 (no results)"


def test_vocabulary_labels_are_in_each_page_language(reader, make_update):
    make_update(en={}, nl={}, type="article")
    expected = {
        "en": (["AI maker", "Type", "Audience", "Level", "Tags"], "Article 1", "Notable and up"),
        "nl": (["AI-maker", "Type", "Voor wie", "Niveau", "Tags"], "Artikel 1", "Opvallend"),
        "de": (["KI-Anbieter", "Art"], "Artikel 1", "Beachtenswert und höher"),
    }
    for lang in ["en", "nl", "de", "en", "nl"]:  # one worker, languages in turn
        page = _page(reader, f"/{lang}/updates/")
        legends, article, notable = expected[lang]
        assert _legends(page)[: len(legends)] == legends
        assert _option(page, "type", "article") == article
        importance = page.xpath('//select[@name="importance"]/option[@value="3"]')[0]
        assert importance.text_content().startswith(notable)
        assert (
            page.xpath('//*[@id="count-type-podcast"]/span')[0].text_content().strip()
            == {"en": "(no results)", "nl": "(geen resultaten)", "de": "(keine Ergebnisse)"}[lang]
        )


def test_the_offered_tags_follow_a_scheduled_update_going_live(reader, make_update, monkeypatch):
    later = datetime.now() + timedelta(days=2)
    make_update(en={}, tags=["model"])
    make_update(en={}, tags=["chips"], maker="google", published=later.isoformat())
    page = _page(reader, "/en/updates/")
    assert not page.xpath('//*[@id="f-tag-chips"]') and not page.xpath('//*[@id="f-maker-google"]')
    # Three days later: the same rows and content version, a later clock.
    monkeypatch.setattr(queries, "utcnow", lambda: later + timedelta(days=1))
    page = _page(reader, "/en/updates/?tag=chips")
    assert _option(page, "tag", "chips") == "chips 1"
    assert page.get_element_by_id("f-tag-chips").checked
    assert _option(page, "maker", "google") == "Google 1"


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"maker": ["openai"], "tag": ["model", "chips"]},
        {"q": "new model", "importance": "4", "sort": "important", "page": "3"},
        {"type": ["video"], "from": "2024-01-01", "to": "2024-12-31", "level": ["expert"]},
    ],
)
def test_the_charts_month_links_are_the_listings_canonical_addresses(app, args):
    with app.test_request_context("/en/updates/", query_string=args):
        app.preprocess_request()
        filters = queries.parse_filters(MultiDict(args), "en")
        url = month_url(filters)
        start, end = date(2025, 2, 1), date(2025, 2, 28)
        assert url(start, end) == listing_url(filters, date_from=start, date_to=end, page=1)


def test_the_charts_months_and_links_follow_an_edit(app, reader, make_update):
    first = make_update(en={}, published="2025-03-11")
    page = _page(reader, "/nl/updates/?type=article")
    months = [a.text_content() for a in page.xpath('//ul[@class="activity-months"]//a')]
    assert months[-1] == "maart 2025: 1 update"
    links = [a.get("href") for a in page.xpath('//ul[@class="activity-months"]//a')]
    assert links[-1] == "/nl/updates/?type=article&from=2025-03-01&to=2025-03-31"
    with app.app_context():
        db.session.get(Update, first).published_at = datetime(2025, 5, 2)
        db.session.commit()
    page = _page(reader, "/nl/updates/?type=article")
    assert [a.text_content() for a in page.xpath('//ul[@class="activity-months"]//a')][-3:] == [
        "maart 2025: 0 updates",
        "april 2025: 0 updates",
        "mei 2025: 1 update",
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_frames_links_follow_the_language_and_the_root(reader, make_update, lang):
    make_update(en={}, nl={})
    for root in ["", "/portal"]:
        page = _page(reader, f"/{lang}/makers/", root=root)
        nav = {a.text_content(): a for a in page.xpath("//header//nav//a")}
        makers = {"en": "Makers", "nl": "AI-makers"}[lang]
        assert nav[makers].get("href") == f"{root}/{lang}/makers/"
        assert nav[makers].get("aria-current") == "page"
        updates = nav[{"en": "All updates", "nl": "Alle updates"}[lang]]
        assert updates.get("href") == f"{root}/{lang}/updates/"
        assert updates.get("aria-current") is None
        assert page.xpath('//a[@class="brand"]')[0].get("href") == f"{root}/{lang}/"
        assert (
            page.xpath('//form[@class="site-search"]')[0].get("action") == f"{root}/{lang}/updates/"
        )
        stylesheet = page.xpath('//link[@rel="stylesheet"]')[0].get("href")
        assert stylesheet.startswith(f"{root}/static/css/site.")
        assert reader.test_client().get(stylesheet.removeprefix(root)).status_code == 200


def test_the_search_box_keeps_its_words_only_on_the_listing(reader, make_update):
    make_update(en={"title": "Alpha"})
    listing = _page(reader, "/en/updates/?q=alpha")
    assert listing.get_element_by_id("site-q").get("value") == "alpha"
    makers = _page(reader, "/en/makers/?q=alpha")
    assert makers.get_element_by_id("site-q").get("value") == ""


def test_a_template_is_translated_in_the_language_it_is_rendered_in(reader):
    app = reader
    with app.test_request_context("/en/updates/"):
        app.preprocess_request()
        assert render_template_string("{{ _('All updates') }}") == "All updates"
        with in_language("nl"):  # a mail to a Dutch subscriber, sent from an English page
            assert render_template_string("{{ _('All updates') }}") == "Alle updates"
            assert (
                render_template_string("{{ ngettext('%(num)d update', '%(num)d updates', 2) }}")
                == "2 updates"
            )
        assert render_template_string("{{ _('All updates') }}") == "All updates"
    with app.test_request_context("/de/updates/"):
        app.preprocess_request()
        assert render_template_string("{{ _('All updates') }}") == "Alle Updates"


def test_a_session_is_read_only_from_its_cookie(client, editor_account, login, make_update):
    make_update(en={})
    reader = client.get("/en/updates/")
    assert reader.status_code == 200 and "Set-Cookie" not in reader.headers
    assert login(client).status_code in (200, 302, 303)
    assert client.get("/en/editor/").status_code == 200  # the signed cookie is read
    client.set_cookie("session", "forged")
    assert client.get("/en/editor/").status_code in (302, 303)  # a bad signature: no session
