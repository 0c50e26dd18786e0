"""Listings answer htmx with only their results, and everything else with the page."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import lxml.html
import pytest

HTMX = {"HX-Request": "true"}
VARY = {"HX-Request", "HX-Boosted", "HX-History-Restore-Request"}


def vary(response) -> set[str]:
    return {token.strip() for token in response.headers.get("Vary", "").split(",")}


LISTINGS = ["/{lang}/updates/", "/{lang}/makers/openai/", "/{lang}/tags/model/"]


@pytest.fixture
def listed(make_update):
    make_update(en={"title": "Video one"}, nl={"title": "Video een"}, type="video", tags=["model"])
    make_update(en={"title": "Paper one"}, nl={"title": "Paper een"}, type="paper", tags=["model"])


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_htmx_request_gets_only_the_results(client, listed, path, lang):
    response = client.get(path.format(lang=lang) + "?type=video", headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert html.lstrip().startswith('<section id="results"')
    assert {"en": "Video one", "nl": "Video een"}[lang] in html
    assert "Paper" not in html
    status = html.split('id="results-status"')[1]
    assert 'data-hx-swap-oob="innerHTML">1 update</p>' in status
    assert vary(response) >= VARY


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
        {"HX-Request": "true", "HX-Boosted": "true"},
        {"HX-Request": "true", "HX-Boosted": "no"},
        {"HX-Request": "TRUE"},
        {"HX-Request": "1"},
    ],
)
@pytest.mark.parametrize("path", LISTINGS)
def test_everything_else_gets_the_full_page(client, listed, path, headers):
    response = client.get(path.format(lang="en") + "?type=video", headers=headers)
    html = response.get_data(as_text=True)
    assert html.startswith("<!DOCTYPE html>")
    assert 'id="results"' in html and "Video one" in html and "Paper one" not in html
    assert "data-hx-swap-oob" not in html
    assert vary(response) >= VARY


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("headers", "output"),
    [({}, "page"), (HTMX, "fragment"), ({"HX-Request": "true", "HX-Boosted": "no"}, "page")]
    + [({"HX-Request": "1"}, "page"), (HTMX | {"HX-History-Restore-Request": "true"}, "page")],
)
def test_error_pages_follow_the_same_rule(client, lang, headers, output):
    response = client.get(f"/{lang}/updates/no-such-update/", headers=headers)
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert html.lstrip().startswith("<!DOCTYPE html>") is (output == "page")
    assert {"en": "There is no page", "nl": "Op dit adres staat geen"}[lang] in html
    assert vary(response) >= VARY


def test_filter_form_is_a_plain_get_form_enhanced_by_htmx(client, listed):
    html = client.get("/en/updates/").get_data(as_text=True)
    form = html.split('<form class="filters"')[1].split(">", 1)[0]
    assert 'method="get"' in form and 'action="/en/updates/"' in form
    assert 'data-hx-get="/en/updates/"' in form and 'data-hx-push-url="true"' in form
    assert 'data-hx-target="#results"' in form
    assert '<p id="results-status" class="visually-hidden" role="status"></p>' in html


def test_facet_counts_match_a_brute_force_count(app, make_update):
    import itertools

    from werkzeug.datastructures import MultiDict

    from portal import queries

    specs = list(
        itertools.product(["openai", "google"], ["video", "paper"], ["expert", "beginner"])
    )
    for n, (maker, kind, level) in enumerate(specs * 2):
        make_update(
            en={"title": f"U{n}"},
            maker=maker,
            type=kind,
            level=level,
            tags=["model"] if n % 3 else ["apps"],
        )
    rows = [
        dict(maker=m, type=t, level=lv, tag="model" if n % 3 else "apps")
        for n, (m, t, lv) in enumerate(specs * 2)
    ]
    with app.test_request_context("/en/updates/"):
        filters = queries.parse_filters(MultiDict([("type", "video"), ("maker", "google")]))
        counts = queries.facet_counts(filters)

    def brute(facet, value):
        wanted = {"type": {"video"}, "maker": {"google"}}
        wanted.pop(facet, None)
        return sum(
            1 for r in rows if r[facet] == value and all(r[k] in v for k, v in wanted.items())
        )

    for facet in ("maker", "type", "level", "tag"):
        for value in {r[facet] for r in rows}:
            assert counts[facet].get(value, 0) == brute(facet, value), (facet, value)


def test_options_without_results_are_marked(client, listed):
    html = client.get("/en/updates/?type=video").get_data(as_text=True)
    podcast = html.split('id="f-type-podcast"')[1].split("</label>")[0]
    assert 'class="facet-count facet-none"' in podcast and "(no results)" in podcast
    video = html.split('id="f-type-video"')[1].split("</label>")[0]
    assert '<span id="count-type-video" class="facet-count">1</span>' in video


def test_fragment_refreshes_facet_counts_out_of_band(client, listed):
    html = client.get("/nl/updates/?level=expert", headers=HTMX).get_data(as_text=True)
    assert (
        '<span id="count-type-paper" class="facet-count" data-hx-swap-oob="true">1</span>' in html
    )
    assert 'id="count-maker-' in html


def test_empty_result_offers_to_clear_filters(client, listed):
    html = client.get("/nl/updates/?type=podcast").get_data(as_text=True)
    assert "Geen updates voor deze filters." in html
    empty = html.split('class="empty"')[1].split("</p>")[0]
    assert '<a href="/nl/updates/">Filters wissen</a>' in empty


@pytest.mark.parametrize(
    ("lang", "query", "title"),
    [
        ("nl", "fietspaden", "Nieuwe fietspad-kaart"),
        ("en", "models", "Bigger model"),
        ("en", "cafe", "Café chat"),
    ],
)
def test_search_on_the_listing_finds_stems_and_marks_them(client, make_update, lang, query, title):
    make_update(nl={"title": "Nieuwe fietspad-kaart", "body": "Een fietspad door de stad."})
    make_update(en={"title": "Bigger model", "body": "One model to rule them."})
    make_update(en={"title": "Café chat", "body": "Talk in a café about AI."})
    make_update(
        en={"title": "Unrelated", "body": "Nothing here."},
        nl={"title": "Niets", "body": "Niets hier."},
    )
    html = client.get(f"/{lang}/updates/?q={query}").get_data(as_text=True)
    results = html.split('id="results"')[1]
    assert title in results
    assert "Unrelated" not in results and "Niets" not in results
    assert "<mark>" in results


@pytest.mark.parametrize(
    "query", ['"', "AND OR NEAR", "*", "((", "x" * 2000, "\x00\x1f", "<script>"]
)
def test_hostile_search_queries_give_results_or_a_clear_no_results(client, listed, query):
    response = client.get("/en/updates/", query_string={"q": query})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "No updates match" in html or 'class="teaser"' in html
    assert "<script>" not in html.split("<main")[1]


def test_search_results_are_ranked_by_relevance(client, make_update):
    make_update(en={"title": "Old news about robots"}, published="2025-01-01")
    make_update(en={"title": "New thing", "body": "mentions robots once"}, published="2025-06-01")
    html = client.get("/en/updates/?q=robots").get_data(as_text=True)
    assert html.index("Old news about") < html.index("New thing")


def test_header_search_box_is_on_every_page(client, listed):
    for path in ("/nl/", "/nl/makers/", "/nl/nope/"):
        html = client.get(path).get_data(as_text=True)
        assert '<form class="site-search" method="get" action="/nl/updates/"' in html
        assert '<label for="site-q" class="visually-hidden">Updates zoeken</label>' in html


def test_sort_by_importance_and_minimum_importance(client, make_update):
    make_update(en={"title": "Minor but new"}, importance=1, published="2025-06-01")
    make_update(en={"title": "Major but old"}, importance=5, published="2024-01-01")
    make_update(en={"title": "Middle"}, importance=3, published="2025-01-01")
    newest = client.get("/en/updates/").get_data(as_text=True)
    assert newest.index("Minor but new") < newest.index("Middle") < newest.index("Major but old")
    ranked = client.get("/en/updates/?sort=important").get_data(as_text=True)
    assert ranked.index("Major but old") < ranked.index("Middle") < ranked.index("Minor but new")
    important = client.get("/en/updates/?importance=3").get_data(as_text=True)
    assert "Middle" in important and "Major but old" in important
    assert "Minor but new" not in important
    odd = client.get("/nl/updates/?importance=9&sort=random").get_data(as_text=True)
    assert "Een onbekende waarde voor “importance” is genegeerd." in odd
    assert "Een onbekende waarde voor “sort” is genegeerd." in odd


def test_more_updates_is_a_real_link_that_htmx_appends(client, make_update):
    for day in range(1, 23):
        make_update(en={"title": f"Day {day:02d}"}, published=f"2025-03-{day:02d}")
    html = client.get("/en/updates/?type=article").get_data(as_text=True)
    more = html.split('id="more-link"')[1].split("</p>")[0]
    assert 'href="/en/updates/?type=article&amp;page=2"' in more
    assert 'data-hx-swap="beforeend"' in more and 'data-hx-select-oob="#more-link"' in more
    last = client.get("/en/updates/?type=article&page=2", headers=HTMX).get_data(as_text=True)
    assert "Day 01" in last and "Day 22" not in last
    assert '<p id="more-link" class="more-link">\n</p>' in last  # no next page: link removed


@pytest.mark.parametrize(("lang", "month"), [("en", "March 2025"), ("nl", "maart 2025")])
def test_activity_chart_counts_months_and_links_to_them(client, make_update, lang, month):
    for day in (3, 9, 27):
        make_update(
            en={"title": f"M{day}"}, nl={"title": f"M{day}"}, published=f"2025-03-{day:02d}"
        )
    make_update(en={"title": "J"}, nl={"title": "J"}, published="2025-01-15", type="video")
    html = client.get(f"/{lang}/updates/?type=article").get_data(as_text=True)
    chart = html.split('<figure class="activity"')[1].split("</figure>")[0]
    assert 'role="img"' in chart and chart.count('<rect class="bar') == 12
    counted = {"en": "3 updates", "nl": "3 updates"}[lang]
    href = f"/{lang}/updates/?type=article&amp;from=2025-03-01&amp;to=2025-03-31"
    assert f'href="{href}">{month}: {counted}</a>' in chart
    january = {"en": "January 2025", "nl": "januari 2025"}[lang]
    assert f"{january}: 0 updates</a>" in chart  # January's video is filtered out
    narrowed = client.get(f"/{lang}/updates/?type=article&from=2025-03-01&to=2025-03-31")
    assert narrowed.get_data(as_text=True).count('class="teaser"') == 3


# --- canonical addresses ------------------------------------------------------------------

# A canonical query names the facets, then the single values, in this order; a repeated
# name's values are sorted; nothing is empty, and nothing is at its default.
ORDER = ["maker", "type", "audience", "level", "tag", "q", "importance", "sort", "from", "to"]
ORDER += ["page"]
DEFAULTS = {("sort", "newest"), ("page", "1")}
# What the filter form sends, with or without htmx: every field, however empty.
MESSY = "?q=+Code++of+Practice&type=video&type=article&importance=&sort=newest&from=&to="


def assert_canonical(url: str) -> None:
    query = urlsplit(url).query
    pairs = parse_qsl(query, keep_blank_values=True)
    assert all(value for _, value in pairs), url
    assert not DEFAULTS & set(pairs), url
    ordered = sorted(pairs, key=lambda pair: (ORDER.index(pair[0]), pair[1]))
    assert query == urlencode(ordered), url


def results_of(html: str) -> str:
    return html.split('<section id="results"')[1].split("</section>")[0]


@pytest.fixture
def practice(make_update):
    for kind in ("video", "article", "paper"):
        make_update(
            en={"title": f"Code of Practice {kind}"},
            nl={"title": f"Code of Practice {kind} nl"},
            type=kind,
            tags=["model"],
        )


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_live_search_pushes_the_canonical_address(client, practice, path, lang):
    path = path.format(lang=lang)
    response = client.get(path + MESSY + "&page=1", headers=HTMX)
    pushed = response.headers["HX-Push-Url"]
    assert pushed == f"{path}?type=article&type=video&q=Code+of+Practice"
    again = client.get(path + MESSY + "&page=1", headers=HTMX)  # from the page cache
    assert again.headers["HX-Push-Url"] == pushed
    assert_canonical(pushed)
    fragment = response.get_data(as_text=True)
    assert fragment.count('class="teaser"') == 2
    # Loaded directly, the pushed address is the whole page with the same results.
    page = client.get(pushed)
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True)
    assert results_of(page.get_data(as_text=True)) == results_of(fragment)
    # A plain filter change pushes too; a full page and "More updates" (a later page,
    # appended in place) leave the address bar alone.
    assert client.get(path + "?sort=newest", headers=HTMX).headers["HX-Push-Url"] == path
    assert "HX-Push-Url" not in client.get(path + MESSY).headers
    assert "HX-Push-Url" not in client.get(path + "?page=2", headers=HTMX).headers


@pytest.mark.parametrize("path", ["/{lang}/", *LISTINGS])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_link_on_a_listing_names_its_filters_canonically(app, client, practice, path, lang):
    app.config["UPDATES_PER_PAGE"] = 1  # page 2 of 3 links to a previous and a next page
    path = path.format(lang=lang)
    for query in ("", MESSY.replace("&type=video", "") + "&page=2&type=paper&maker=openai"):
        response = client.get(path + query)
        assert response.status_code == 200
        doc = lxml.html.fromstring(response.get_data())
        urls = doc.xpath("//@href | //@action | //@data-hx-get")
        assert urls
        for url in urls:
            assert_canonical(url)
        if query and path != f"/{lang}/":  # the chart's months, pages, feed, canonical, hreflang
            assert len([url for url in urls if "?" in url]) >= 12 + 4 + 1 + 1 + 3


def test_listing_offers_the_most_used_tags_and_a_page_of_all(client, make_update, make_tag):
    from portal.queries import TAG_LIMIT

    names = [f"t{n:02}" for n in range(TAG_LIMIT + 2)]
    for name in names:
        make_tag(name)
    for n in range(len(names)):  # tag t00 on every update, the last tag on one
        make_update(en={"title": f"U{n}"}, tags=names[: n + 1], type="paper" if n else "video")
    page = lxml.html.fromstring(client.get("/en/updates/?type=paper").get_data(as_text=True))
    offered = page.xpath('//input[@name="tag"]/@value')
    assert offered == names[:TAG_LIMIT]  # most used first
    link = page.xpath('//p[@class="more-tags"]/a')[0]
    assert link.text == f"All {len(names)} tags"
    assert link.get("href") == "/en/updates/tags/?type=paper"

    chosen = lxml.html.fromstring(client.get("/en/updates/?tag=t13").get_data(as_text=True))
    assert chosen.xpath('//input[@name="tag"][@checked]/@value') == ["t13"]

    everything = lxml.html.fromstring(client.get(link.get("href")).get_data(as_text=True))
    form = everything.xpath('//form[@class="filters"]')[0]
    assert form.get("action") == "/en/updates/" and form.get("method") == "get"
    assert form.xpath('.//input[@type="hidden"]/@name') == ["type"]
    assert form.xpath('.//input[@name="tag"]/@value') == sorted(names)
    assert everything.get_element_by_id("count-tag-t13").text == "1"
    assert everything.get_element_by_id("count-tag-t00").text == str(len(names) - 1)

    nl = client.get("/nl/makers/openai/").get_data(as_text=True)
    assert '<a href="/nl/makers/openai/tags/">Alle 14 tags</a>' in nl
    maker = lxml.html.fromstring(client.get("/nl/makers/openai/tags/").get_data(as_text=True))
    assert maker.xpath('//form[@class="filters"]/@action') == ["/nl/makers/openai/"]
    assert maker.xpath("//h1")[0].text == "Tags van Openai-updates"
    assert client.get("/nl/makers/nobody/tags/").status_code == 404
