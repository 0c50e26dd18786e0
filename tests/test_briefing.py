"""The weekly briefing: weeks in the site's time zone, most important first, the filters,
previous/next, the range of weeks, this week while it is empty, the week's "What changes,
when" entries, and the Atom feed."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.models import Change, ChangeTranslation, Product, Update
from portal.models.content import utcnow


def titles(response) -> list[str]:
    """The briefing's update titles, in order."""
    html = response.get_data(as_text=True)
    section = html.split('<ol class="briefing">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<h2><a [^>]*>([^<]+)</a></h2>", section)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_week_most_important_first_with_its_signal(client, make_update, lang):
    make_update(en={"title": "Minor"}, nl={"title": "Klein"}, published="2025-07-08", importance=2)
    make_update(
        en={"title": "Major", "impact": "Check your plan", "takeaways": ["A1", "A2", "A3"]},
        nl={"title": "Groot", "impact": "Controleer je abonnement"},
        published="2025-07-07T09:00",
        importance=5,
        audience="business",
        level="beginner",
    )
    make_update(en={"title": "Notable"}, nl={"title": "Opvallend"}, published="2025-07-12")
    make_update(en={"title": "Next week"}, published="2025-07-14T12:00", importance=5)

    response = client.get(f"/{lang}/briefing/2025-W28/")

    assert response.status_code == 200
    expected = {"en": ["Major", "Notable", "Minor"], "nl": ["Groot", "Opvallend", "Klein"]}
    assert titles(response) == expected[lang]
    html = response.get_data(as_text=True)
    assert {"en": "Check your plan", "nl": "Controleer je abonnement"}[lang] in html
    assert {"en": "Business", "nl": "Bedrijven"}[lang] in html
    assert "<li>A1</li><li>A2</li><li>A3</li>" in html or lang == "nl"
    assert f'href="/{lang}/updates/{"major" if lang == "en" else "groot"}/"' in html
    assert "Cache-Control" in response.headers and "public" in response.headers["Cache-Control"]


def test_weeks_are_counted_in_the_site_time_zone(client, make_update):
    # Sunday 13 July 22:30 UTC is Monday 14 July 00:30 in Amsterdam: week 29, not 28.
    make_update(en={"title": "Late Sunday in UTC"}, published="2025-07-13T22:30")
    make_update(en={"title": "Earlier"}, published="2025-07-08")

    assert titles(client.get("/en/briefing/2025-W29/")) == ["Late Sunday in UTC"]
    assert titles(client.get("/en/briefing/2025-W28/")) == ["Earlier"]


def test_previous_and_next_lead_to_weeks_with_updates(client, make_update):
    make_update(en={"title": "June"}, published="2025-06-03")
    make_update(en={"title": "July"}, published="2025-07-08")
    make_update(en={"title": "August"}, published="2025-08-05")

    html = client.get("/en/briefing/2025-W28/").get_data(as_text=True)

    assert 'rel="prev" href="/en/briefing/2025-W23/"' in html
    assert 'rel="next" href="/en/briefing/2025-W32/"' in html
    first = client.get("/en/briefing/2025-W23/").get_data(as_text=True)
    assert 'rel="prev"' not in first


@pytest.mark.parametrize(
    "week",
    ["2025-W5", "2025-W00", "2025-W54", "2025-W53", "2025W28", "abc", "2025-W28x", "1999-W01"],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_malformed_weeks_and_weeks_outside_the_range_are_a_translated_404(
    client, make_update, week, lang
):
    make_update(en={"title": "July"}, nl={"title": "Juli"}, published="2025-07-08")

    response = client.get(f"/{lang}/briefing/{week}/")

    assert response.status_code == 404
    assert {"en": "Page not found", "nl": "Pagina niet gevonden"}[lang] in response.get_data(
        as_text=True
    )


def test_a_week_after_this_one_is_a_404_and_this_week_is_not(client, make_update):
    make_update(en={"title": "July"}, published="2025-07-08")
    year, week, _ = (utcnow() + timedelta(days=7)).isocalendar()
    assert client.get(f"/en/briefing/{year}-W{week:02d}/").status_code == 404
    year, week, _ = utcnow().isocalendar()
    assert client.get(f"/en/briefing/{year}-W{week:02d}/").status_code == 200


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_empty_week_says_so_and_shows_the_most_recent_week_with_updates(
    client, make_update, lang
):
    make_update(en={"title": "Older"}, nl={"title": "Ouder"}, published="2025-06-03")
    make_update(en={"title": "Newest"}, nl={"title": "Nieuwste"}, published="2025-07-08")

    response = client.get(f"/{lang}/briefing/")

    html = response.get_data(as_text=True)
    assert {"en": "No updates this week yet", "nl": "Nog geen updates deze week"}[lang] in html
    assert titles(response) == [{"en": "Newest", "nl": "Nieuwste"}[lang]]
    assert {"en": "week 28 of 2025", "nl": "week 28 van 2025"}[lang] in html


def test_this_week_shows_its_own_updates(client, make_update):
    make_update(en={"title": "Old"}, published="2025-07-08")
    make_update(en={"title": "Fresh"}, published=(utcnow() - timedelta(minutes=5)).isoformat())

    response = client.get("/en/briefing/")

    assert titles(response) == ["Fresh"]
    assert "No updates this week yet" not in response.get_data(as_text=True)


def test_the_listing_filters_narrow_a_briefing(client, make_update):
    make_update(en={"title": "For developers"}, published="2025-07-08", audience="developers")
    make_update(en={"title": "For business"}, published="2025-07-09", audience="business")
    make_update(en={"title": "Google's"}, maker="google", published="2025-07-10")

    response = client.get("/en/briefing/2025-W28/?audience=developers&maker=openai&page=3")

    assert titles(response) == ["For developers"]
    html = response.get_data(as_text=True)
    # One canonical address, without the listing's page; the switcher keeps the filters.
    assert (
        '<link rel="canonical" href="https://portal.example/en/briefing/2025-W28/'
        '?maker=openai&amp;audience=developers">' in html
    )
    assert 'href="/nl/briefing/2025-W28/?maker=openai&amp;audience=developers"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_nothing_published_yet(client):
    response = client.get("/en/briefing/")
    assert response.status_code == 200
    assert "Nothing has been published yet." in response.get_data(as_text=True)
    assert client.get("/en/briefing/2025-W28/").status_code == 404


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_feed_has_one_entry_per_week_with_updates(client, make_update, lang):
    make_update(en={"title": "June & co"}, nl={"title": "Juni"}, published="2025-06-03")
    make_update(en={"title": "July"}, nl={"title": "Juli"}, published="2025-07-08", importance=2)
    make_update(
        en={"title": "July big"}, nl={"title": "Juli groot"}, published="2025-07-09", importance=5
    )

    response = client.get(f"/{lang}/briefing/feed.xml?maker=openai")

    assert response.mimetype == "application/atom+xml"
    xml = response.get_data(as_text=True)
    ids = re.findall(r"<entry>\s*<id>([^<]+)</id>", xml)
    assert ids == [
        f"tag:portal.example,2025:briefing-2025-W28/{lang}?maker=openai",
        f"tag:portal.example,2025:briefing-2025-W23/{lang}?maker=openai",
    ]
    assert f"https://portal.example/{lang}/briefing/2025-W28/?maker=openai" in xml
    big, small = {"en": ("July big", "July<"), "nl": ("Juli groot", "Juli<")}[lang]
    assert xml.index(big) < xml.index(small.replace("<", "&lt;/a"))
    assert "June &amp;amp; co" in xml or lang == "nl"  # escaped once more inside type="html"


def test_this_weeks_page_leaves_the_page_cache_when_the_week_ends(app, client, make_update):
    from portal.briefing.queries import this_week

    make_update(en={"title": "July"}, published="2025-07-08")
    client.get("/en/briefing/")
    client.get("/en/briefing/2025-W28/")

    entries = {key[2]: entry for key, entry in app.extensions["page_cache"].entries.items()}
    with app.app_context():
        week_end = this_week().bounds()[1]
    assert entries["/en/briefing/"].expires == week_end
    assert entries["/en/briefing/2025-W28/"].expires is None  # a past week changes with content


def add_change(app, update_id: int, day: str, product: str, kind: str = "retirement") -> int:
    """A change on `product` (of the update's maker) taking effect on `day`; its id."""
    with app.app_context():
        update = db.session.get(Update, update_id)
        found = db.session.query(Product).filter_by(slug=product).one_or_none()
        change = Change(
            kind=kind,
            effective_date=date.fromisoformat(day),
            products=[found or Product(slug=product, name=product.upper(), maker=update.maker)],
            translations=[
                ChangeTranslation(lang="en", description=f"{product} {kind} in English"),
                ChangeTranslation(lang="nl", description=f"{product} {kind} in het Nederlands"),
            ],
        )
        update.changes.append(change)
        db.session.commit()
        return change.id


def week_changes(response) -> str:
    """The briefing's "What changes, when" section ('' when it has none)."""
    html = response.get_data(as_text=True)
    parts = html.split('<section class="briefing-changes"', 1)
    return parts[1].split("</section>", 1)[0] if len(parts) == 2 else ""


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_week_lists_the_changes_that_take_effect_in_it(app, client, make_update, lang):
    announced = make_update(
        en={"title": "Retiring models"},
        nl={"title": "Modellen met pensioen"},
        published="2025-04-14",
    )
    add_change(app, announced, "2025-07-14", "gpt-x")  # Monday of week 29
    add_change(app, announced, "2025-07-20", "gpt-y", kind="price")  # its Sunday
    add_change(app, announced, "2025-07-21", "gpt-next-week")
    add_change(app, announced, "2025-07-13", "gpt-last-week")
    draft = make_update(en={"title": "Secret"}, status="draft", published="2025-04-14")
    add_change(app, draft, "2025-07-15", "secret-model")
    make_update(en={"title": "In week 29"}, nl={"title": "In week 29"}, published="2025-07-15")

    section = week_changes(client.get(f"/{lang}/briefing/2025-W29/"))

    heading = {"en": "What changes, when", "nl": "Wat verandert wanneer"}[lang]
    assert f'<h2 id="changes-heading">{heading}</h2>' in section
    in_language = {"en": "in English", "nl": "in het Nederlands"}[lang]
    assert section.index(f"gpt-x retirement {in_language}") < section.index(
        f"gpt-y price {in_language}"
    )
    assert {"en": "14 July 2025", "nl": "14 juli 2025"}[lang] in section
    assert {"en": "Retirement", "nl": "Buiten gebruik"}[lang] in section
    assert f'href="/{lang}/products/gpt-x/">GPT-X</a>' in section
    slug = {"en": "retiring-models", "nl": "modellen-met-pensioen"}[lang]
    assert f'href="/{lang}/updates/{slug}/"' in section
    for absent in ("gpt-next-week", "gpt-last-week", "secret-model", "SECRET-MODEL"):
        assert absent not in section
    assert f"/{lang}/calendar/?from=2025-07-14&amp;to=2025-07-20" in section


def test_the_makers_filter_narrows_the_weeks_changes(app, client, make_update):
    openai = make_update(en={"title": "OpenAI"}, published="2025-07-15")
    google = make_update(en={"title": "Google"}, maker="google", published="2025-07-15")
    add_change(app, openai, "2025-07-16", "gpt-x")
    add_change(app, google, "2025-07-16", "gemini-x")
    make_update(en={"title": "Anthropic"}, maker="anthropic", published="2025-07-15")

    section = week_changes(client.get("/en/briefing/2025-W29/?maker=google"))

    assert "GEMINI-X" in section and "GPT-X" not in section
    assert "maker=google" in section  # the calendar link keeps the filter
    assert week_changes(client.get("/en/briefing/2025-W29/?maker=anthropic")) == ""


def test_a_week_without_changes_has_no_changes_section(client, make_update):
    make_update(en={"title": "Quiet"}, published="2025-07-15")

    html = client.get("/en/briefing/2025-W29/").get_data(as_text=True)

    assert "Quiet" in html and "changes-heading" not in html


def test_an_edited_change_is_on_the_very_next_briefing(app, client, make_update):
    assert "page_cache" in app.extensions
    update_id = make_update(en={"title": "Retiring"}, published="2025-07-15")
    change_id = add_change(app, update_id, "2025-07-16", "gpt-x")
    assert "gpt-x retirement in English" in week_changes(client.get("/en/briefing/2025-W29/"))

    with app.app_context():
        db.session.get(Change, change_id).translation("en").description = "Reworded"
        db.session.commit()
    assert "Reworded" in week_changes(client.get("/en/briefing/2025-W29/"))

    with app.app_context():
        db.session.get(Change, change_id).effective_date = date(2025, 7, 23)
        db.session.commit()
    assert week_changes(client.get("/en/briefing/2025-W29/")) == ""
    assert "Reworded" in week_changes(client.get("/en/briefing/2025-W30/"))
