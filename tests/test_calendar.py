"""What changes when (issue 14): the calendar, products, the .ics feed, the update page's
box, the rules a change keeps, and the page cache after an edit."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import icalendar
import pytest

from portal.calendar.forms import problems
from portal.extensions import db
from portal.models import Change, ChangeTranslation, Product, Update
from portal.models.content import utcnow


@pytest.fixture
def make_change(app, make_update):
    """make_change(days_from_today, kind=..., product=..., status=..., **fields) → change id,
    on a new update of maker `maker`."""
    counter = {"n": 0}

    def make(
        days=0, kind="retirement", product="gpt-x", maker="openai", status="published", **fields
    ):
        counter["n"] += 1
        n = counter["n"]
        update_id = make_update(
            en={"title": f"Change {n}", "slug": f"change-{n}"},
            nl={"title": f"Wijziging {n}", "slug": f"wijziging-{n}"},
            maker=maker,
            status=status,
        )
        with app.app_context():
            update = db.session.get(Update, update_id)
            found = db.session.query(Product).filter_by(slug=product).one_or_none()
            found = found or Product(slug=product, name=product.upper(), maker=update.maker)
            change = Change(
                kind=kind,
                effective_date=utcnow().date() + timedelta(days=days),
                products=[found],
                translations=[
                    ChangeTranslation(lang="en", description=f"{product} {kind} in English"),
                    ChangeTranslation(lang="nl", description=f"{product} {kind} in het Nederlands"),
                ],
                **fields,
            )
            update.changes.append(change)
            db.session.commit()
            return change.id

    return make


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[-2000:]
    return response.get_data(as_text=True)


def test_the_demo_calendar_shows_the_latest_changes_when_nothing_is_upcoming(seeded, client):
    html = page(client, "/en/calendar/")
    assert "Nothing upcoming: the most recent changes" in html
    assert "GPT-4.5 Preview is removed from the API." in html
    html = page(client, "/nl/calendar/")
    assert "Niets gepland: de laatste wijzigingen" in html
    assert "GPT-4.5 Preview verdwijnt uit de API." in html


def test_upcoming_changes_by_month_with_today_and_the_next_week_marked(client, make_change):
    make_change(0, product="today-model")
    make_change(3, product="soon-model")
    make_change(40, product="later-model")
    make_change(500, product="far-model")  # beyond 12 months
    make_change(-3, product="past-model")
    html = page(client, "/en/calendar/")
    assert "3 changes from" in html
    entries = re.findall(r'<article class="change ([^"]*)">.*?/products/([a-z-]+)/', html, re.S)
    classes = {slug: cls for cls, slug in entries}
    assert set(classes) == {"today-model", "soon-model", "later-model"}
    assert "change-today" in classes["today-model"] and "change-soon" in classes["soon-model"]
    assert "change-soon" not in classes["later-model"]
    assert "In the next 7 days" in html and "Today" in html
    assert "far-model" in page(client, f"/en/calendar/?to={date.today() + timedelta(days=600)}")
    past = page(client, f"/nl/calendar/?from={date.today() - timedelta(days=10)}&to={date.today()}")
    past = past.split('id="results"')[1]
    assert "past-model" in past and "later-model" not in past


def test_filters_by_maker_product_and_kind_and_notes_bad_values(client, make_change):
    make_change(5, kind="retirement", product="gpt-x", maker="openai")
    make_change(6, kind="launch", product="gemini-x", maker="google")
    make_change(
        7, kind="price", product="gpt-y", maker="openai", new_price=Decimal(2), currency="USD"
    )
    html = page(client, "/en/calendar/?maker=openai&kind=retirement")
    assert "GPT-X" in html and "GEMINI-X" not in html.split('id="results"')[1]
    html = page(client, "/en/calendar/?product=gemini-x")
    assert "gemini-x launch in English" in html and "gpt-x retirement" not in html
    html = page(client, "/nl/calendar/?kind=nonsense&maker=nobody&from=2025-99-01")
    assert "Onbekende waarde" in html or "onbekende waarde" in html
    assert "gpt-x retirement in het Nederlands" in html
    fragment = client.get("/en/calendar/?kind=launch", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert body.startswith('<section id="results"') and "<html" not in body
    assert fragment.headers["HX-Push-Url"] == "/en/calendar/?kind=launch"


def test_only_published_updates_changes_are_public(client, make_change):
    make_change(5, product="secret-model", status="draft")
    assert "SECRET-MODEL" not in page(client, "/en/calendar/")
    assert "SECRET-MODEL" not in page(client, "/en/products/")
    page(client, "/en/products/secret-model/", 404)
    assert "SECRET-MODEL" not in page(client, "/en/calendar.ics")


def test_the_update_page_shows_what_changes_when(seeded, client):
    html = page(
        client, "/nl/updates/gpt-4-1-voor-ontwikkelaars-met-een-venster-van-een-miljoen-tokens/"
    )
    box = html.split('class="box changes-box"')[1].split("</section>")[0]
    assert "Wat verandert wanneer" in box
    assert "GPT-4.5 Preview verdwijnt uit de API." in box and "14 juli 2025" in box


def test_a_product_page_has_its_timeline_price_chart_table_and_json_ld(seeded, client):
    html = page(client, "/en/products/gemini-1-5-pro/")
    assert "<svg" in html and 'class="price-table"' in html
    table = html.split('class="price-table"')[1].split("</table>")[0]
    assert "$3.50" in table and "$1.25" in table and "1 October 2024" in table
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "SoftwareApplication" and data["name"] == "Gemini 1.5 Pro"
    assert "Gemini 1.5 Pro&#39;s price drops by more than half" in html or "price drops" in html
    html = page(client, "/nl/products/gemini-1-5-pro/")
    assert "1 oktober 2024" in html and "€" not in html
    page(client, "/en/products/no-such-thing/", 404)


def test_the_ics_feed_parses_back_with_the_calendars_filters(client, make_change, app):
    first = make_change(5, kind="retirement", product="gpt-x")
    make_change(6, kind="launch", product="gpt-y")
    make_change(
        7, kind="launch", product="gpt-z", effective_time=time(17, 0), time_zone="Europe/Amsterdam"
    )
    response = client.get("/nl/calendar.ics?kind=retirement")
    assert response.mimetype == "text/calendar"
    cal = icalendar.Calendar.from_ical(response.data)
    events = cal.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["GPT-X: Buiten gebruik"]
    event = events[0]
    assert str(event["uid"]) == f"change-{first}@portal.example"
    assert event.decoded("dtstart") == date.today() + timedelta(days=5)
    assert "gpt-x retirement in het Nederlands" in str(event["description"])
    assert str(event["url"]) == "https://portal.example/nl/updates/wijziging-1/"
    assert "last-modified" in event
    timed = icalendar.Calendar.from_ical(client.get("/en/calendar.ics?product=gpt-z").data)
    (event,) = timed.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (17, "Europe/Amsterdam")
    assert timed.walk("VTIMEZONE")  # RFC 5545: every TZID has its VTIMEZONE
    again = client.get("/nl/calendar.ics?kind=retirement")
    assert icalendar.Calendar.from_ical(again.data).walk("VEVENT")[0]["uid"] == event_uid(first)
    etag = response.headers["ETag"]
    assert (
        client.get("/nl/calendar.ics?kind=retirement", headers={"If-None-Match": etag}).status_code
        == 304
    )


def event_uid(change_id: int) -> str:
    return f"change-{change_id}@portal.example"


def test_an_edited_change_is_on_the_very_next_calendar(app, client, make_change):
    assert "page_cache" in app.extensions
    change_id = make_change(5, product="gpt-x")
    assert "gpt-x retirement in English" in page(client, "/en/calendar/")
    before = client.get("/en/calendar.ics").data
    with app.app_context():
        change = db.session.get(Change, change_id)
        change.translation("en").description = "Moved and reworded"
        change.effective_date += timedelta(days=1)
        db.session.commit()
    html = page(client, "/en/calendar/")
    assert "Moved and reworded" in html and "gpt-x retirement in English" not in html
    assert client.get("/en/calendar.ics").data != before
    with app.app_context():
        db.session.delete(db.session.get(Change, change_id))
        db.session.commit()
    assert "Moved and reworded" not in page(client, "/en/calendar/")


def test_the_rules_of_a_change(ctx, make_maker):
    maker = db.session.merge(make_maker())
    product = Product(slug="p", name="P", maker=maker)
    good = Change(kind="launch", effective_date=date(2025, 1, 1), products=[product])
    assert problems(good) == []
    undated = Change(kind="launch", effective_date=None, products=[product])
    assert problems(undated) == ["Every change needs the date it takes effect."]
    free = Change(
        kind="price", effective_date=date(2025, 1, 1), products=[product], new_price=Decimal(0)
    )
    assert "Prices must be more than zero." in problems(free)
    assert "A price change needs the new price and its currency." in problems(free)
    Change(kind="deprecation", effective_date=date(2025, 6, 1), products=[product])
    early = Change(kind="retirement", effective_date=date(2025, 5, 1), products=[product])
    assert problems(early) == ["P cannot retire before its deprecation (2025-06-01)."]
    product.changes.remove(early)
    late = Change(kind="retirement", effective_date=date(2025, 7, 1), products=[product])
    assert problems(late) == []
    zone = Change(
        kind="launch", effective_date=date(2025, 1, 1), products=[product], time_zone="Mars/Base"
    )
    assert problems(zone) == ["Give the time zone as a name like Europe/Amsterdam."]


def test_a_search_names_the_products_it_finds(seeded, client):
    html = page(client, "/en/updates/?q=o3+price")
    assert '<a href="/en/products/o3/">o3</a> (OpenAI)' in html
    html = page(client, "/nl/updates/?q=gemini", 200)
    assert "/nl/products/gemini-1-5-flash/" in html and "/nl/products/gemini-2-5-pro/" in html
    assert "/products/" not in page(client, "/en/updates/?q=bread").split('id="results"')[1]
    fragment = client.get("/en/updates/?q=llama", headers={"HX-Request": "true"})
    assert "/en/products/llama-4/" in fragment.get_data(as_text=True)


def test_the_sitemap_lists_the_calendar_and_product_pages(client, make_change):
    make_change(5, product="gpt-x")
    make_change(5, product="secret-model", status="draft")
    xml = page(client, "/sitemap.xml")
    for path in ("/en/calendar/", "/nl/calendar/", "/en/products/", "/nl/products/gpt-x/"):
        assert f"<loc>https://portal.example{path}</loc>" in xml
    assert 'hreflang="nl" href="https://portal.example/nl/products/gpt-x/"' in xml
    assert "secret-model" not in xml


def test_a_kept_calendar_expires_at_midnight_since_it_marks_today(app, client, make_change):
    make_change(5, product="gpt-x")
    assert client.get("/en/calendar/").status_code == 200
    cache = app.extensions["page_cache"]
    (entry,) = [e for key, e in cache.entries.items() if key[2] == "/en/calendar/"]
    midnight = datetime.combine(utcnow().date() + timedelta(days=1), time.min)
    assert entry.expires == midnight
