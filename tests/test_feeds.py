"""Atom feeds parse cleanly and follow the listing's filters."""

from __future__ import annotations

from datetime import date, timedelta

import feedparser
import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/feed.xml",
        "/{lang}/updates/feed.xml?type=video",
        "/{lang}/makers/openai/feed.xml",
        "/{lang}/tags/model/feed.xml",
    ],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_feeds_parse_without_warnings(client, make_update, path, lang):
    make_update(
        en={"title": "Video <b>one</b>", "body": "**Bold** body"},
        nl={"title": "Video een"},
        type="video",
        tags=["model"],
        source_url="https://openai.com/index/example/",
    )
    make_update(en={"title": "Paper one"}, type="paper", tags=["model"])
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    parsed = feedparser.parse(response.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [entry.title for entry in parsed.entries]
    assert {"en": "Video <b>one</b>", "nl": "Video een"}[lang] in titles
    video = next(e for e in parsed.entries if e.title.startswith("Video"))
    assert any(
        link.rel == "related" and link.href == "https://openai.com/index/example/"
        for link in video.links
    )
    assert {"video", "model", "openai"} <= {tag.term for tag in video.tags}


def test_filtered_feed_follows_the_filters_and_listing_links_to_it(client, make_update):
    make_update(en={"title": "Video one"}, type="video")
    make_update(en={"title": "Paper one"}, type="paper")
    parsed = feedparser.parse(client.get("/en/updates/feed.xml?type=paper").get_data())
    assert [e.title for e in parsed.entries] == ["Paper one"]
    html = client.get("/en/updates/?type=paper").get_data(as_text=True)
    assert (
        'type="application/atom+xml" title="All updates" href="/en/updates/feed.xml?type=paper"'
        in html
    )
    assert client.get("/en/makers/nobody/feed.xml").status_code == 404


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/en/updates/feed.xml?page=3&sort=important&q=&type=paper&from=", "?type=paper"),
        ("/en/updates/feed.xml?maker=openai&maker=google&level=", "?maker=google&maker=openai"),
        ("/en/updates/feed.xml?importance=&sort=newest", ""),
    ],
)
def test_a_filtered_feed_names_its_canonical_addresses(client, make_update, path, canonical):
    make_update(en={"title": "Paper one"}, type="paper")
    make_update(en={"title": "Video one"}, type="video", maker="google")
    feed = feedparser.parse(client.get(path).get_data()).feed
    links = {link.rel: link.href for link in feed.links}
    assert links["self"] == f"https://portal.example/en/updates/feed.xml{canonical}"
    assert feed.id == links["self"]
    assert links["alternate"] == f"https://portal.example/en/updates/{canonical}"


@pytest.mark.parametrize(
    "query",
    [
        "to=9999-12-31",
        "from=0001-01-01",
        "from=9999-12-31&to=0001-01-01",
        "from=yesterday&to=%00",
        "from=2025-08-01&to=2025-06-01",
    ],
)
def test_filtered_feed_ignores_dates_out_of_range(client, make_update, query):
    make_update(en={"title": "Mid 2025"}, published="2025-07-11")
    response = client.get(f"/en/updates/feed.xml?{query}")
    assert response.status_code == 200
    parsed = feedparser.parse(response.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Mid 2025"]


def test_entries_carry_every_field_and_stable_ids(app, client, make_update, make_tag):
    make_tag("model", en="Models", nl="Modellen")
    update_id = make_update(
        en={
            "title": "Video one",
            "slug": "video-one",
            "lede": "The lede.",
            # An unclosed <br> would break the feed if the HTML were not escaped as text.
            "body": "**Bold** <script>alert(1)</script>\n\nline  \nbreak <br> & more",
        },
        nl={"title": "Video een", "slug": "video-een"},
        type="video",
        tags=["model"],
        author="Ada Writer",
        source_url="https://openai.com/index/example/",
        published="2025-07-11T09:30:00",
    )
    parsed = feedparser.parse(client.get("/en/feed.xml").get_data())
    assert not parsed.bozo
    assert parsed.feed.language == "en"
    [entry] = parsed.entries
    assert entry.id == f"tag:portal.example,2025:update-{update_id}/en"
    assert entry.published == "2025-07-11T09:30:00+00:00"
    assert entry.updated >= entry.published
    assert entry.author == "Ada Writer"
    assert entry.summary == "The lede."
    assert entry.content[0].type == "text/html"
    assert "<strong>Bold</strong>" in entry.content[0].value
    assert "<br" in entry.content[0].value
    assert "script" not in entry.content[0].value
    assert entry.link == "https://portal.example/en/updates/video-one/"
    categories = {(tag.term, tag.label) for tag in entry.tags}
    assert {("openai", "Openai"), ("video", "Video"), ("model", "Models")} <= categories

    # The id survives a new title and slug: readers do not see the entry twice.
    from portal.extensions import db
    from portal.models import UpdateTranslation

    with app.app_context():
        text = db.session.scalars(
            db.select(UpdateTranslation).filter_by(update_id=update_id, lang="en")
        ).one()
        text.title, text.slug = "Video one, renamed", "video-one-renamed"
        db.session.commit()
    [again] = feedparser.parse(client.get("/en/feed.xml").get_data()).entries
    assert again.id == entry.id
    assert again.title == "Video one, renamed"
    assert again.updated >= entry.updated

    dutch = feedparser.parse(client.get("/nl/feed.xml").get_data())
    [een] = dutch.entries
    assert een.id == f"tag:portal.example,2025:update-{update_id}/nl"
    assert een.link == "https://portal.example/nl/updates/video-een/"
    assert {("model", "Modellen"), ("video", "Video")} <= {(t.term, t.label) for t in een.tags}


def test_untranslated_updates_appear_in_the_other_feed_with_their_own_language(client, make_update):
    make_update(en={"title": "English only", "slug": "english-only"}, published="2025-07-02")
    make_update(nl={"title": "Alleen Nederlands", "slug": "alleen-nl"}, published="2025-07-01")
    for lang, foreign, title in (
        ("nl", "en", "English only"),
        ("en", "nl", "Alleen Nederlands"),
    ):
        parsed = feedparser.parse(client.get(f"/{lang}/feed.xml").get_data())
        assert not parsed.bozo
        assert parsed.feed.language == lang
        entry = next(e for e in parsed.entries if e.title == title)
        # xml:lang on the entry: feedparser reports it for the entry's text.
        assert entry.title_detail.language == foreign
        assert entry.summary_detail.language == foreign
        assert entry.link.startswith(f"https://portal.example/{foreign}/updates/")
        own = next(e for e in parsed.entries if e.title != title)
        assert own.title_detail.language == lang


def test_feed_has_the_newest_fifty_newest_first(client, make_update):
    for day in range(1, 53):
        make_update(en={"title": f"Day {day}"}, published=str(date(2025, 1, 1) + timedelta(day)))
    parsed = feedparser.parse(client.get("/en/feed.xml").get_data())
    assert len(parsed.entries) == 50
    published = [entry.published for entry in parsed.entries]
    assert published == sorted(published, reverse=True)
    # The two oldest are the ones left out.
    assert {"Day 1", "Day 2"}.isdisjoint(entry.title for entry in parsed.entries)
    assert parsed.feed.updated == parsed.entries[0].updated


def test_filtered_feed_is_newest_first_even_for_a_search_or_importance(client, make_update):
    make_update(
        en={"title": "Old gpt", "body": "gpt gpt gpt"}, importance=5, published="2025-01-01"
    )
    make_update(en={"title": "New gpt", "body": "gpt"}, importance=1, published="2025-06-01")
    for query in ("q=gpt", "sort=important", "q=gpt&sort=important"):
        parsed = feedparser.parse(client.get(f"/en/updates/feed.xml?{query}").get_data())
        assert [e.title for e in parsed.entries] == ["New gpt", "Old gpt"], query


def test_drafts_and_scheduled_updates_stay_out_of_feeds(client, make_update):
    make_update(en={"title": "Live"})
    make_update(en={"title": "Draft"}, status="draft")
    make_update(en={"title": "Later"}, published="2999-01-01")
    parsed = feedparser.parse(client.get("/en/feed.xml").get_data())
    assert [e.title for e in parsed.entries] == ["Live"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_and_ampersands_everywhere_stay_well_formed(
    client, make_maker, make_tag, make_update, lang
):
    make_maker("att", "AT&T <Labs>")
    make_tag("r-and-d", en="R&D <b>", nl="O&O <b>")
    make_update(
        en={"title": "Q&A: <i>this</i> & that", "lede": "1 < 2 & 3 > 2"},
        nl={"title": "V&A: <i>dit</i> & dat", "lede": "1 < 2 & 3 > 2"},
        maker="att",
        tags=["r-and-d"],
        author="Tom & Jerry",
        source_url="https://att.example/a?b=1&c=2",
    )
    for path in (
        f"/{lang}/feed.xml",
        f"/{lang}/makers/att/feed.xml",
        f"/{lang}/tags/r-and-d/feed.xml",
        f"/{lang}/updates/feed.xml?maker=att&tag=r-and-d&q=" + {"en": "that", "nl": "dat"}[lang],
    ):
        parsed = feedparser.parse(client.get(path).get_data())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        [entry] = parsed.entries
        assert entry.title == {"en": "Q&A: <i>this</i> & that", "nl": "V&A: <i>dit</i> & dat"}[lang]
        assert entry.summary == "1 < 2 & 3 > 2"
        assert entry.author == "Tom & Jerry"
        assert ("att", "AT&T <Labs>") in {(t.term, t.label) for t in entry.tags}
        assert any(link.href == "https://att.example/a?b=1&c=2" for link in entry.links)
    maker_feed = feedparser.parse(client.get(f"/{lang}/makers/att/feed.xml").get_data())
    assert maker_feed.feed.title.startswith("AT&T <Labs>")


def autodiscovered(html: str) -> list[tuple[str, str]]:
    """(title, href) of every Atom autodiscovery link of a page."""
    import lxml.html

    return [
        (link.get("title"), link.get("href"))
        for link in lxml.html.fromstring(html).find("head").findall("link")
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_listing_announces_its_matching_feed(client, make_update, make_tag, lang):
    make_tag("model", en="Models", nl="Modellen")
    make_update(en={"title": "Video"}, nl={"title": "Video nl"}, type="video", tags=["model"])
    make_update(en={"title": "Paper"}, nl={"title": "Paper nl"}, type="paper", maker="mistral")
    expected = {
        f"/{lang}/": f"/{lang}/feed.xml",
        f"/{lang}/makers/": f"/{lang}/feed.xml",
        f"/{lang}/updates/": f"/{lang}/updates/feed.xml",
        f"/{lang}/updates/?page=1": f"/{lang}/updates/feed.xml",
        f"/{lang}/updates/?type=video&page=1": f"/{lang}/updates/feed.xml?type=video",
        f"/{lang}/updates/?type=video&type=paper&q=x": (
            f"/{lang}/updates/feed.xml?type=paper&type=video&q=x"
        ),
        f"/{lang}/makers/openai/": f"/{lang}/makers/openai/feed.xml",
        f"/{lang}/makers/openai/?page=1": f"/{lang}/makers/openai/feed.xml",
        f"/{lang}/makers/openai/?type=video": f"/{lang}/updates/feed.xml?maker=openai&type=video",
        f"/{lang}/tags/model/": f"/{lang}/tags/model/feed.xml",
        f"/{lang}/tags/model/?type=paper": f"/{lang}/updates/feed.xml?type=paper&tag=model",
    }
    for page, feed in expected.items():
        [(title, href)] = autodiscovered(client.get(page).get_data(as_text=True))
        assert href == feed, page
        assert title
        response = client.get(href)
        assert response.status_code == 200
        assert not feedparser.parse(response.get_data()).bozo
    video = feedparser.parse(client.get(expected[f"/{lang}/makers/openai/?type=video"]).get_data())
    assert [e.title for e in video.entries] == [{"en": "Video", "nl": "Video nl"}[lang]]
    nothing = feedparser.parse(client.get(expected[f"/{lang}/tags/model/?type=paper"]).get_data())
    assert nothing.entries == []


def test_feeds_answer_conditional_requests(client, make_update):
    make_update(en={"title": "One"})
    first = client.get("/en/feed.xml")
    etag = first.headers["ETag"]
    assert client.get("/en/feed.xml", headers={"If-None-Match": etag}).status_code == 304
    make_update(en={"title": "Two"})
    changed = client.get("/en/feed.xml", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert "Two" in [e.title for e in feedparser.parse(changed.get_data()).entries]


def test_entry_has_one_author_element_per_name(client, make_update):
    make_update(en={"title": "Joint", "slug": "joint"}, author="Ada Writer and Bo Editor")
    [entry] = feedparser.parse(client.get("/en/feed.xml").get_data()).entries
    assert [author.name for author in entry.authors] == ["Ada Writer", "Bo Editor"]


def test_kept_entries_follow_every_edit_of_what_they_show(database_uri, app, make_update, make_tag):
    """Entries are rendered once per update, language and shown values (portal.feeds.entries):
    with the page cache off, the next feed after any edit shows it, even one made in raw SQL
    that raises no content version."""
    from sqlalchemy import text

    from portal import create_app
    from portal.extensions import db
    from portal.models import TagTranslation, Update, UpdateTranslation

    uncached = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "SITE_URL": "https://portal.example",
            "PAGE_CACHE_BYTES": 0,
        }
    )
    client = uncached.test_client()

    def entry(lang="en"):
        [found] = feedparser.parse(client.get(f"/{lang}/feed.xml").get_data()).entries
        return found

    make_tag("model", en="Models", nl="Modellen")
    update_id = make_update(en={"title": "First", "body": "Old body"}, tags=["model"])
    assert entry().title == "First"
    assert entry("nl").title == "First"  # no Dutch text yet: the English one, marked
    with app.app_context():
        item = db.session.get(Update, update_id)
        item.translation("en").title = "Renamed"
        item.maker.name = "Open Eye"
        item.type = "video"
        db.session.commit()
    assert entry().title == "Renamed"
    assert {("openai", "Open Eye"), ("video", "Video")} <= {(t.term, t.label) for t in entry().tags}
    with app.app_context():
        db.session.execute(
            db.update(TagTranslation).where(TagTranslation.lang == "en").values(label="LLMs")
        )
        db.session.execute(text("UPDATE update_translations SET body = 'New **body**'"))
        db.session.commit()
    assert ("model", "LLMs") in {(t.term, t.label) for t in entry().tags}
    assert "<strong>body</strong>" in entry().content[0].value
    with app.app_context():
        item = db.session.get(Update, update_id)
        item.translations.append(
            UpdateTranslation(
                lang="nl", slug="eerste", title="Eerste", lede="L", body="B", impact="I"
            )
        )
        db.session.commit()
    assert entry("nl").title == "Eerste"
    assert entry("nl").link == "https://portal.example/nl/updates/eerste/"
    assert ("model", "Modellen") in {(t.term, t.label) for t in entry("nl").tags}
    assert entry().title == "Renamed"
    with app.app_context():
        db.session.get(Update, update_id).status = "draft"
        db.session.commit()
    assert feedparser.parse(client.get("/en/feed.xml").get_data()).entries == []
    with uncached.app_context():
        db.engine.dispose()
