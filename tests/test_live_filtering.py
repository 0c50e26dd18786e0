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
