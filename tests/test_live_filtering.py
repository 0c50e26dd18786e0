"""Listings answer htmx with only their results, and everything else with the page."""

from __future__ import annotations

import pytest

HTMX = {"HX-Request": "true"}
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
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
        {"HX-Request": "true", "HX-Boosted": "true"},
    ],
)
@pytest.mark.parametrize("path", LISTINGS)
def test_everything_else_gets_the_full_page(client, listed, path, headers):
    response = client.get(path.format(lang="en") + "?type=video", headers=headers)
    html = response.get_data(as_text=True)
    assert html.startswith("<!DOCTYPE html>")
    assert 'id="results"' in html and "Video one" in html and "Paper one" not in html
    assert "data-hx-swap-oob" not in html
    assert "HX-Request" in response.headers["Vary"]


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
