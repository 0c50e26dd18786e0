"""Metadata for search engines and link previews: sitemap, robots.txt, Open Graph and JSON-LD,
rel="prev"/"next" and noindex on listings."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import extruct
import lxml.html
import pytest
from protego import Protego

from portal.extensions import db
from portal.models import Update

SITE = "https://portal.example"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(root: ET.Element) -> dict[str, dict]:
    """loc → {"lastmod": ..., "alternates": {hreflang: href}} of a parsed <urlset>."""
    assert root.tag == f"{{{NS['sm']}}}urlset"
    found = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in found, f"{loc} listed twice"
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        found[loc] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in links},
        }
    return found


def get_xml(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == "application/xml"
    return ET.fromstring(response.get_data())


# --- sitemap ------------------------------------------------------------------------------


def test_sitemap_lists_every_published_page_in_each_language_with_alternates(client, make_update):
    make_update(
        en={"title": "Both languages", "slug": "both-en"},
        nl={"title": "Beide talen", "slug": "beide-nl"},
        tags=["model"],
        published="2025-07-11T09:30:00",
    )
    make_update(en={"title": "English only"}, maker="mistral", published="2025-06-01")
    make_update(nl={"title": "Alleen Nederlands"}, published="2025-05-01")
    make_update(en={"title": "A draft"}, status="draft", maker="meta", tags=["draft-tag"])
    make_update(en={"title": "Scheduled"}, published="2999-01-01", maker="meta")

    urls = sitemap_urls(get_xml(client, "/sitemap.xml"))

    both_en, both_nl = f"{SITE}/en/updates/both-en/", f"{SITE}/nl/updates/beide-nl/"
    for loc in (both_en, both_nl):
        assert urls[loc]["alternates"] == {"en": both_en, "nl": both_nl, "x-default": both_en}
        assert urls[loc]["lastmod"].startswith("20")
    # The text's own time, never older than publication, in W3C datetime form.
    assert urls[both_en]["lastmod"] >= "2025-07-11T09:30:00+00:00"
    only_en = f"{SITE}/en/updates/english-only/"
    assert urls[only_en]["alternates"] == {"en": only_en, "x-default": only_en}
    only_nl = f"{SITE}/nl/updates/alleen-nederlands/"
    assert urls[only_nl]["alternates"] == {"nl": only_nl, "x-default": only_nl}
    # An untranslated page says "not translated yet" (noindex): never in the sitemap.
    assert f"{SITE}/nl/updates/english-only/" not in urls
    assert not any("a-draft" in loc or "scheduled" in loc for loc in urls)

    for lang in ("en", "nl"):
        for path in ("", "updates/", "makers/", "makers/openai/", "makers/mistral/", "tags/model/"):
            assert f"{SITE}/{lang}/{path}" in urls, path
    # A maker or tag page lists the alternates of its own kind, reciprocally.
    assert urls[f"{SITE}/nl/tags/model/"]["alternates"] == {
        "en": f"{SITE}/en/tags/model/",
        "nl": f"{SITE}/nl/tags/model/",
        "x-default": f"{SITE}/en/tags/model/",
    }
    assert urls[f"{SITE}/en/makers/mistral/"]["lastmod"] == "2025-06-01T00:00:00+00:00"
    # Makers and tags with nothing published yet have no page worth listing.
    assert not any("/makers/meta/" in loc or "draft-tag" in loc for loc in urls)
    # Every alternate is itself a listed URL (reciprocal) and absolute.
    for entry in urls.values():
        for href in entry["alternates"].values():
            assert href in urls and href.startswith(SITE + "/")


def test_deleted_updates_leave_the_sitemap(app, client, make_update):
    gone = make_update(en={"title": "Soon gone"})
    make_update(en={"title": "Stays"})
    assert f"{SITE}/en/updates/soon-gone/" in sitemap_urls(get_xml(client, "/sitemap.xml"))
    with app.app_context():
        db.session.delete(db.session.get(Update, gone))
        db.session.commit()
    urls = sitemap_urls(get_xml(client, "/sitemap.xml"))
    assert f"{SITE}/en/updates/soon-gone/" not in urls
    assert f"{SITE}/en/updates/stays/" in urls


def test_sitemap_becomes_an_index_of_parts_beyond_the_limit(app, client, make_update):
    app.config["SITEMAP_MAX_URLS"] = 5  # so 2 updates (in 2 languages) per part
    for n in range(4):  # ids 1-4
        make_update(
            en={"title": f"Item {n}"}, nl={"title": f"Stuk {n}"}, published=f"2025-0{n + 1}-01"
        )
    make_update(en={"title": "Draft a"}, status="draft")  # ids 5 and 6: nothing published
    make_update(en={"title": "Draft b"}, published="2999-01-01")
    make_update(en={"title": "Item 4"}, nl={"title": "Stuk 4"})  # id 7
    # 3 listings and 1 maker in 2 languages, then 5 updates in 2 languages: 18 URLs.
    root = get_xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    parts = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert parts == [
        f"{SITE}/sitemap-pages-1.xml",
        f"{SITE}/sitemap-pages-2.xml",
        f"{SITE}/sitemap-updates-1.xml",
        f"{SITE}/sitemap-updates-2.xml",
        # Range 3 (ids 5 and 6) holds nothing published: no empty part.
        f"{SITE}/sitemap-updates-4.xml",
    ]

    seen: dict[str, dict] = {}
    for part in parts:
        urls = sitemap_urls(get_xml(client, part.removeprefix(SITE)))
        assert 1 <= len(urls) <= 5
        assert not seen.keys() & urls.keys()
        seen |= urls
    assert len(seen) == 18
    for n in range(5):
        en, nl = f"{SITE}/en/updates/item-{n}/", f"{SITE}/nl/updates/stuk-{n}/"
        assert (
            seen[en]["alternates"]
            == seen[nl]["alternates"]
            == {
                "en": en,
                "nl": nl,
                "x-default": en,
            }
        )
    assert {f"{SITE}/en/", f"{SITE}/nl/makers/openai/"} <= seen.keys()
    for missing in (
        "/sitemap-pages-0.xml",
        "/sitemap-pages-3.xml",
        "/sitemap-updates-0.xml",
        "/sitemap-updates-3.xml",
        "/sitemap-updates-5.xml",
        "/sitemap-updates-99999999999999999999999.xml",
        "/sitemap-pages-99999999999999999999999.xml",
    ):
        assert client.get(missing).status_code == 404, missing


def test_small_sitemap_has_no_parts(client, make_update):
    make_update(en={"title": "One"})
    for part in ("/sitemap-pages-1.xml", "/sitemap-updates-1.xml"):
        assert client.get(part).status_code == 404


def test_sitemap_and_robots_are_kept_by_the_page_cache(client, make_update):
    make_update(en={"title": "One"})
    for path in ("/sitemap.xml", "/robots.txt"):
        etag = client.get(path).headers["ETag"]
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 304


# --- robots.txt ---------------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    robots = Protego.parse(response.get_data(as_text=True))
    assert list(robots.sitemaps) == [f"{SITE}/sitemap.xml"]
    for lang in ("en", "nl"):
        for path in (
            f"/{lang}/editor/",
            f"/{lang}/editor/updates/3/",
            f"/{lang}/preview/some-token/",
            f"/{lang}/feedback",
            f"/{lang}/updates/?maker=openai&type=video",
            f"/{lang}/updates/?type=video&page=2",
            f"/{lang}/makers/openai/?type=video&level=expert",
            f"/{lang}/tags/model/?maker=openai&page=3",
            f"/{lang}/updates/?q=gpt",
        ):
            assert not robots.can_fetch(SITE + path, "Googlebot"), path
        for path in (
            f"/{lang}/",
            f"/{lang}/updates/",
            f"/{lang}/updates/?page=2",
            f"/{lang}/updates/?type=video",
            f"/{lang}/updates/some-update/",
            f"/{lang}/makers/openai/",
            f"/{lang}/makers/openai/?page=4",
            f"/{lang}/tags/model/?page=2",
            f"/{lang}/feed.xml",
            f"/{lang}/updates/feed.xml?maker=openai&type=video",
        ):
            assert robots.can_fetch(SITE + path, "Googlebot"), path


# --- update pages: Open Graph, Twitter, JSON-LD --------------------------------------------


def head(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html).find("head")


def og_properties(html: str) -> list[tuple[str, str]]:
    found = extruct.extract(html, base_url=SITE, syntaxes=["opengraph"])["opengraph"]
    assert len(found) == 1
    return found[0]["properties"]


@pytest.mark.parametrize(
    ("lang", "slug", "title", "lede", "locale", "other", "section"),
    [
        ("en", "both-en", "Both languages", "English lede", "en_US", "nl_NL", "Videos"),
        ("nl", "beide-nl", "Beide talen", "Nederlandse lede", "nl_NL", "en_US", "Video's"),
    ],
)
def test_update_page_has_open_graph_twitter_and_json_ld(
    client, make_update, make_tag, lang, slug, title, lede, locale, other, section
):
    make_tag("model", en="Models", nl="Modellen")
    make_update(
        en={"title": "Both languages", "slug": "both-en", "lede": "English lede"},
        nl={"title": "Beide talen", "slug": "beide-nl", "lede": "Nederlandse lede"},
        type="video",
        tags=["model"],
        author="Ada Writer",
        source_url="https://openai.com/index/source/",
        published="2025-07-11T09:30:00",
    )
    html = client.get(f"/{lang}/updates/{slug}/").get_data(as_text=True)
    url = f"{SITE}/{lang}/updates/{slug}/"

    og = og_properties(html)
    props = dict(og)
    assert props["og:type"] == "article"
    assert props["og:title"] == title
    assert props["og:description"] == lede
    assert props["og:url"] == url
    assert props["og:site_name"] == {"en": "AI Makers Tracker", "nl": "AI-makers volgen"}[lang]
    assert props["og:locale"] == locale
    assert ("og:locale:alternate", other) in og
    assert props["article:published_time"] == "2025-07-11T09:30:00+00:00"
    assert props["article:modified_time"] >= "2025-07-11T09:30:00+00:00"
    assert props["article:section"] == section
    assert ("article:tag", {"en": "Models", "nl": "Modellen"}[lang]) in og

    twitter = {m.get("name"): m.get("content") for m in head(html).findall("meta[@name]")}
    assert twitter["twitter:card"] == "summary"
    assert twitter["twitter:title"] == title
    assert twitter["twitter:description"] == lede

    [article] = extruct.extract(html, base_url=SITE, syntaxes=["json-ld"])["json-ld"]
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == title
    assert article["description"] == lede
    assert article["datePublished"] == "2025-07-11T09:30:00+00:00"
    assert article["dateModified"] == props["article:modified_time"]
    assert article["author"] == {"@type": "Person", "name": "Ada Writer"}
    assert article["publisher"] == {
        "@type": "Organization",
        "name": props["og:site_name"],
        "url": f"{SITE}/{lang}/",
    }
    assert article["inLanguage"] == lang
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["url"] == url
    assert article["isBasedOn"] == "https://openai.com/index/source/"
    # The canonical link and og:url agree.
    assert head(html).find("link[@rel='canonical']").get("href") == url


def test_json_ld_cannot_break_out_of_its_script(client, make_update):
    title = '</script><script>alert("x")</script> & <!-- more'
    make_update(en={"title": title, "slug": "breakout", "lede": "A < B > C & D"}, author="")
    html = client.get("/en/updates/breakout/").get_data(as_text=True)
    tree = head(html)
    scripts = tree.findall("script[@type='application/ld+json']")
    assert len(scripts) == 1
    # Only the page's own scripts: the title did not open a new one.
    assert not [s for s in tree.iter("script") if "alert" in (s.text or "")][1:]
    raw = scripts[0].text
    assert "<" not in raw and ">" not in raw and "&" not in raw
    article = json.loads(raw)
    assert article["headline"] == title
    assert article["description"] == "A < B > C & D"
    # Without a named author, the maker is the author.
    assert article["author"] == {
        "@type": "Organization",
        "name": "Openai",
        "url": "https://openai.example/",
    }
    assert dict(og_properties(html))["og:title"] == title


def test_json_ld_author_named_like_the_maker_is_the_maker(client, make_maker, make_update):
    make_maker("anthropic", "Anthropic")
    make_update(
        en={"title": "By the maker", "slug": "by-maker"}, maker="anthropic", author="Anthropic"
    )
    html = client.get("/en/updates/by-maker/").get_data(as_text=True)
    [article] = extruct.extract(html, base_url=SITE, syntaxes=["json-ld"])["json-ld"]
    assert article["author"] == {
        "@type": "Organization",
        "name": "Anthropic",
        "url": "https://anthropic.example/",
    }


def test_json_ld_names_each_author(client, make_update):
    make_update(en={"title": "Two authors", "slug": "two"}, author="Ada Writer, Bo Editor")
    html = client.get("/en/updates/two/").get_data(as_text=True)
    [article] = extruct.extract(html, base_url=SITE, syntaxes=["json-ld"])["json-ld"]
    assert article["author"] == [
        {"@type": "Person", "name": "Ada Writer"},
        {"@type": "Person", "name": "Bo Editor"},
    ]


def test_untranslated_update_has_no_locale_alternate(client, make_update):
    make_update(en={"title": "Only English", "slug": "only-en"})
    html = client.get("/en/updates/only-en/").get_data(as_text=True)
    assert "og:locale:alternate" not in dict(og_properties(html))
    # The "not translated yet" page stays out of the index and has no article metadata.
    other = client.get("/nl/updates/only-en/").get_data(as_text=True)
    assert '<meta name="robots" content="noindex">' in other
    assert "application/ld+json" not in other and "og:type" not in other


# --- listings: rel prev/next and noindex ----------------------------------------------------


def rel_links(html: str) -> dict[str, str]:
    return {
        rel: link.get("href")
        for link in head(html).findall("link")
        for rel in [link.get("rel")]
        if rel in ("prev", "next")
    }


def robots_meta(html: str) -> str | None:
    meta = head(html).find("meta[@name='robots']")
    return None if meta is None else meta.get("content")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_paginated_listings_link_prev_and_next_keeping_filters(app, client, make_update, lang):
    app.config["UPDATES_PER_PAGE"] = 1
    for n in range(3):
        make_update(en={"title": f"Video {n}"}, nl={"title": f"Video nl {n}"}, type="video")
    make_update(en={"title": "Paper"}, nl={"title": "Artikel"}, type="paper")

    def links(path):
        return rel_links(client.get(path).get_data(as_text=True))

    base = f"/{lang}/updates/"
    assert links(base) == {"next": f"{base}?page=2"}
    assert links(f"{base}?page=2") == {"prev": base, "next": f"{base}?page=3"}
    assert links(f"{base}?page=4") == {"prev": f"{base}?page=3"}
    assert links(f"{base}?type=video") == {"next": f"{base}?type=video&page=2"}
    assert links(f"{base}?type=video&page=3") == {"prev": f"{base}?type=video&page=2"}
    assert links(f"{base}?type=paper") == {}
    maker = f"/{lang}/makers/openai/"
    assert links(f"{maker}?page=2") == {"prev": maker, "next": f"{maker}?page=3"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_filter_combinations_are_noindex_plain_listings_are_not(client, make_update, lang):
    make_update(en={"title": "Video"}, nl={"title": "Video nl"}, type="video", tags=["model"])
    for path in (
        f"/{lang}/",
        f"/{lang}/updates/",
        f"/{lang}/updates/?page=2",
        f"/{lang}/makers/openai/",
        f"/{lang}/makers/openai/?page=2",
        f"/{lang}/tags/model/",
    ):
        assert robots_meta(client.get(path).get_data(as_text=True)) is None, path
    for path in (
        f"/{lang}/updates/?type=video",
        f"/{lang}/updates/?q=video",
        f"/{lang}/updates/?maker=openai&page=2",
        f"/{lang}/makers/openai/?level=expert",
        f"/{lang}/tags/model/?sort=important",
    ):
        assert robots_meta(client.get(path).get_data(as_text=True)) == "noindex, follow", path
