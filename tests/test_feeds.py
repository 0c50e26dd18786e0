"""Atom feeds parse cleanly and follow the listing's filters."""

from __future__ import annotations

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
