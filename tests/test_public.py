"""The reader's pages through the test client, in both languages."""

from __future__ import annotations

import re

import pytest

LANGS = ["en", "nl"]
EU_SLUG = "the-eu-code-of-practice-and-future-of-ai-in-europe"


def text_of(response) -> str:
    return response.get_data(as_text=True)


# --- the front door -------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "target"),
    [("nl-BE,nl;q=0.9", "/nl/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE", "/en/"), (None, "/en/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)


def test_unknown_language_prefix_is_a_translated_404(client):
    response = client.get("/de/updates/", headers={"Accept-Language": "nl"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text_of(response)


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Page not found"), ("nl", "Pagina niet gevonden")]
)
def test_404_page_is_styled_and_in_the_readers_language(client, lang, heading):
    response = client.get(f"/{lang}/updates/no-such-update/")
    assert response.status_code == 404
    html = text_of(response)
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert re.search(r"css/site\.[0-9a-f]{12}\.css", html)  # the stylesheet, by its hashed name


@pytest.mark.parametrize(
    "path",
    [
        "updates/no-such-update/",
        "makers/nobody/",
        "tags/nothing/",
        "makers/nobody/feed.xml",
        "tags/nothing/feed.xml",
        "makers/drafter/",  # a maker with only a draft is not public yet
    ],
)
def test_unknown_update_maker_or_tag_is_the_translated_404(client, make_update, path):
    make_update(en={"title": "Unseen"}, maker="drafter", status="draft")
    response = client.get(f"/nl/{path}")
    assert response.status_code == 404
    assert "<h1>Pagina niet gevonden</h1>" in text_of(response)


@pytest.mark.parametrize("lang", LANGS)
def test_500_page_is_translated(app, client, lang):
    @app.route("/<lang>/boom/")
    def boom():
        raise RuntimeError("boom")

    response = client.get(f"/{lang}/boom/")
    assert response.status_code == 500
    expected = {"en": "Something went wrong", "nl": "Er ging iets mis"}[lang]
    assert expected in text_of(response)
    assert "RuntimeError" not in text_of(response)


# --- front page, listings, makers, tags ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_front_page_shows_important_updates_makers_and_links(seeded, client, lang):
    html = text_of(client.get(f"/{lang}/"))
    heading = {"en": "Most important recent updates", "nl": "Belangrijkste recente updates"}
    assert heading[lang] in html
    assert f'href="/{lang}/updates/"' in html
    for slug in ("openai", "google", "anthropic", "mistral", "meta"):
        assert f'href="/{lang}/makers/{slug}/"' in html


def test_listing_is_newest_first_twenty_per_page(app, client, make_update):
    for day in range(1, 26):
        make_update(en={"title": f"Day {day:02d}"}, published=f"2025-03-{day:02d}")
    html = text_of(client.get("/en/updates/"))
    titles = re.findall(r">Day (\d\d)</a>", html)
    assert titles == [f"{d:02d}" for d in range(25, 5, -1)]
    assert "25 updates" in html
    page_two = text_of(client.get("/en/updates/?page=2"))
    assert re.findall(r">Day (\d\d)</a>", page_two) == ["05", "04", "03", "02", "01"]
    assert 'rel="prev"' in page_two


def test_filters_combine_and_repeat(app, client, make_update):
    make_update(en={"title": "Alpha video"}, type="video", maker="openai", tags=["model"])
    make_update(en={"title": "Beta paper"}, type="paper", maker="google", tags=["model"])
    make_update(en={"title": "Gamma video"}, type="video", maker="google", tags=["apps"])
    html = text_of(client.get("/en/updates/?type=video&type=paper&maker=google"))
    assert "Beta paper" in html and "Gamma video" in html
    assert "Alpha video" not in html
    html = text_of(client.get("/en/updates/?tag=model&audience=developers&level=expert"))
    assert "Alpha video" in html and "Beta paper" in html and "Gamma video" not in html


def test_date_range_is_inclusive(app, client, make_update):
    make_update(en={"title": "Early"}, published="2025-01-01T09:00")
    make_update(en={"title": "Inside"}, published="2025-02-28T23:00")
    make_update(en={"title": "Late"}, published="2025-03-01T00:30")
    html = text_of(client.get("/en/updates/?from=2025-01-02&to=2025-02-28"))
    assert "Inside" in html and "Early" not in html and "Late" not in html


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=abc",
        "page=99999999999999999999",
        "from=notadate",
        "to=2025-13-45",
        "maker=nobody",
        "type=%00",
        "tag=" + "x" * 5000,
        "level=expert&level=expert",
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_filter_values_never_give_a_500(app, client, make_update, query, lang):
    make_update(en={"title": "Still listed"}, nl={"title": "Nog steeds zichtbaar"})
    response = client.get(f"/{lang}/updates/?{query}")
    assert response.status_code == 200
    assert {"en": "Still listed", "nl": "Nog steeds zichtbaar"}[lang] in text_of(response)


def test_malformed_filters_are_ignored_with_a_translated_note(app, client, make_update):
    make_update(nl={"title": "Iets"})
    html = text_of(client.get("/nl/updates/?from=gisteren&maker=niemand"))
    assert "“from” is genegeerd: geen datum zoals 2025-07-11." in html
    assert "Een onbekende waarde voor “maker” is genegeerd." in html


OUT_OF_RANGE = "is genegeerd: geen datum tussen 1900-01-01 en 2999-12-31."


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("to=9999-12-31", f"“to” {OUT_OF_RANGE}"),
        ("from=0001-01-01", f"“from” {OUT_OF_RANGE}"),
        ("from=9999-12-31", f"“from” {OUT_OF_RANGE}"),
        ("to=0001-01-01", f"“to” {OUT_OF_RANGE}"),
        ("from=0001-01-01&to=9999-12-31", f"“to” {OUT_OF_RANGE}"),
        ("from=%00&to=2025-02-30", "“to” is genegeerd: geen datum zoals 2025-07-11."),
        ("from=2025-08-01&to=2025-06-01", "“from” en “to” zijn omgewisseld"),
    ],
)
@pytest.mark.parametrize("path", ["/nl/updates/", "/nl/makers/openai/", "/nl/tags/model/"])
@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["page", "fragment"])
def test_extreme_dates_are_ignored_or_swapped_with_a_translated_note(
    client, make_update, query, note, path, headers
):
    make_update(nl={"title": "Midden in 2025"}, tags=["model"], published="2025-07-11")
    response = client.get(f"{path}?{query}", headers=headers)
    assert response.status_code == 200
    html = text_of(response)
    assert note in html
    assert "Midden in 2025" in html
    assert ("<html" in html) is not bool(headers)


def test_drafts_and_scheduled_updates_stay_hidden(app, client, make_update):
    make_update(en={"title": "Visible one"})
    make_update(en={"title": "Draft one"}, status="draft")
    make_update(en={"title": "Future one"}, published="2999-01-01")
    html = text_of(client.get("/en/updates/"))
    assert "Visible one" in html
    assert "Draft one" not in html and "Future one" not in html
    assert client.get("/en/updates/draft-one/").status_code == 404


@pytest.mark.parametrize(
    ("lang", "one", "many"), [("en", "1 update", "2 updates"), ("nl", "1 update", "2 updates")]
)
def test_makers_page_counts_updates_with_plurals(app, client, make_update, lang, one, many):
    make_update(en={"title": "A"}, maker="openai")
    make_update(en={"title": "B"}, maker="openai")
    make_update(en={"title": "C"}, maker="mistral")
    html = text_of(client.get(f"/{lang}/makers/"))
    assert re.search(rf'Openai</a> <span class="count">{many}</span>', html)
    assert re.search(rf'Mistral</a> <span class="count">{one}</span>', html)


@pytest.mark.parametrize(("lang", "heading"), [("en", "Openai updates"), ("nl", "Openai-updates")])
def test_maker_page_lists_only_its_updates(app, client, make_update, lang, heading):
    make_update(en={"title": "Mine"}, nl={"title": "Van mij"}, maker="openai")
    make_update(en={"title": "Theirs"}, nl={"title": "Van hen"}, maker="google")
    html = text_of(client.get(f"/{lang}/makers/openai/"))
    assert f"<h1>{heading}</h1>" in html
    assert {"en": "Mine", "nl": "Van mij"}[lang] in html
    assert "Theirs" not in html and "Van hen" not in html
    assert client.get(f"/{lang}/makers/nobody/").status_code == 404


def test_tag_page_lists_tagged_updates_with_translated_label(app, client, make_update, make_tag):
    make_tag("pricing", en="pricing", nl="prijzen")
    make_update(nl={"title": "Duurder"}, tags=["pricing"])
    make_update(nl={"title": "Anders"}, tags=["apps"])
    html = text_of(client.get("/nl/tags/pricing/"))
    assert "Updates met tag “prijzen”" in html
    assert "Duurder" in html and "Anders" not in html
    assert client.get("/nl/tags/unknown/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_makers_and_tags_with_nothing_published_stay_unknown(client, make_update, make_tag, lang):
    make_tag("hush-project", en="Hush project", nl="Stil project")
    make_update(en={"title": "Out"}, nl={"title": "Uit"}, tags=["model"])
    make_update(en={"title": "Draft"}, maker="hushhush", tags=["hush-project"], status="draft")
    make_update(
        en={"title": "Later"}, maker="hushhush", tags=["hush-project"], published="2999-01-01"
    )
    for path in ("makers/hushhush/", "tags/hush-project/"):
        for suffix in ("", "feed.xml", "?page=1"):
            response = client.get(f"/{lang}/{path}{suffix}")
            assert response.status_code == 404, path + suffix
    for path in ("", "makers/", "updates/", "makers/openai/", "tags/model/", "feed.xml"):
        html = text_of(client.get(f"/{lang}/{path}")).lower()
        assert "hush" not in html and "stil project" not in html, path
    assert "hush" not in text_of(client.get("/sitemap.xml"))
    # Asking for them by name answers as for any unknown value, with no option to tick.
    html = text_of(client.get(f"/{lang}/updates/?maker=hushhush&tag=hush-project"))
    unknown = {"en": "Ignored an unknown value for “%s”.", "nl": "Een onbekende waarde voor “%s”"}
    assert unknown[lang] % "maker" in html and unknown[lang] % "tag" in html
    assert 'value="hushhush"' not in html and 'value="hush-project"' not in html


# --- the update page ------------------------------------------------------------


REFERENCE = {
    "en": [
        "← Back to OpenAI updates",
        ">OpenAI<",
        ">Article<",
        "11 July 2025",
        "The EU Code of Practice and future of AI in Europe",
        "OpenAI joins the EU Code of Practice, advancing responsible AI",
        "Article details",
        "AI maker",
        "Type",
        "Published",
        ">Updates<",
        ">Articles<",
        "View original article",
        "Why it matters",
        "Quick editorial signal",
        "7 min",
        "Impact",
        "Worth checking before choosing or changing a subscription.",
        "Audience",
        "Developers",
        "Level",
        "Expert",
        "Track this as a OpenAI update, not just a standalone headline.",
        "Check plan details before changing subscriptions or advising a team.",
        "Likely worth revisiting after people have used the release in practice.",
        ">model<",
        ">apps<",
        ">video<",
        ">pricing<",
        "Author",
        "Help shape what we cover next",
        "More from OpenAI",
        "All updates",
    ],
    "nl": [
        "← Terug naar OpenAI-updates",
        ">OpenAI<",
        ">Artikel<",
        "11 juli 2025",
        "The EU Code of Practice and future of AI in Europe",
        "Artikelgegevens",
        "AI-maker",
        "Type",
        "Gepubliceerd",
        ">Updates<",
        ">Artikelen<",
        "Origineel artikel bekijken",
        "Waarom dit telt",
        "Snelle redactionele duiding",
        "7 min",
        "Impact",
        "Handig om te checken voordat je een abonnement kiest of wijzigt.",
        "Voor wie",
        "Ontwikkelaars",
        "Niveau",
        "Expert",
        "Volg dit als OpenAI-update, niet als los nieuwtje.",
        "Lees de voorwaarden van je abonnement na voordat je iets wijzigt of een team adviseert.",
        "Waarschijnlijk de moeite waard om opnieuw te bekijken zodra mensen er in de praktijk",
        ">model<",
        ">apps<",
        ">video<",
        ">prijzen<",
        "Auteur",
        "Help bepalen wat we hierna volgen",
        "Meer van OpenAI",
        "Alle updates",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_update_page_has_every_element_of_the_reference(seeded, client, lang):
    with seeded.app_context():
        slug = seeded_slug(lang)
    response = client.get(f"/{lang}/updates/{slug}/")
    assert response.status_code == 200
    html = text_of(response)
    for expected in REFERENCE[lang]:
        assert expected in html, expected
    assert (
        'href="https://openai.com/global-affairs/eu-code-of-practice/" target="_blank" '
        'rel="noopener noreferrer"' in html
    )
    assert f'href="/{lang}/tags/pricing/"' in html
    assert f'href="/{lang}/makers/openai/"' in html
    more = html.split('id="more-heading"')[1].split("</section>")[0]
    assert 1 <= more.count('class="teaser"') <= 5
    assert "From other makers" in html or "Van andere AI-makers" in html


def seeded_slug(lang: str) -> str:
    from sqlalchemy import select

    from portal.extensions import db
    from portal.models import UpdateTranslation

    return db.session.scalar(
        select(UpdateTranslation.slug).where(
            UpdateTranslation.lang == lang,
            UpdateTranslation.title == "The EU Code of Practice and future of AI in Europe",
        )
    )


def test_body_markdown_is_rendered_and_sanitised(app, client, make_update):
    body = (
        "## Heading\n\nSome **bold** text and [a link](https://example.org).\n\n"
        "<script>alert(1)</script>\n\n[bad](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
    make_update(en={"title": "Markdown", "slug": "markdown", "body": body})
    html = text_of(client.get("/en/updates/markdown/"))
    prose = html.split('<div class="prose">')[1].split("</div>")[0]
    assert "<h2>Heading</h2>" in prose and "<strong>bold</strong>" in prose
    assert 'href="https://example.org"' in prose
    assert "<script" not in prose and "javascript:" not in prose and "onerror" not in prose


def test_reading_time_is_derived_from_the_body(app, client, make_update):
    make_update(en={"title": "Long", "slug": "long", "body": "word " * 401})
    make_update(en={"title": "Short", "slug": "short", "body": "tiny"})
    assert ">3 min<" in text_of(client.get("/en/updates/long/"))
    assert ">1 min<" in text_of(client.get("/en/updates/short/"))


# --- two languages, done properly -------------------------------------------------


def test_other_language_update_in_a_listing_has_badge_lang_and_hreflang(app, client, make_update):
    make_update(en={"title": "English only", "slug": "english-only"})
    make_update(nl={"title": "Alleen Nederlands", "slug": "alleen-nederlands"})
    html = text_of(client.get("/nl/updates/"))
    teaser = html.split("English only")[0].rsplit("<article", 1)[1]
    assert 'lang="en"' in teaser and 'class="badge badge-lang"' in teaser
    assert '<a href="/en/updates/english-only/" hreflang="en">English only</a>' in html
    own = html.split("Alleen Nederlands")[0].rsplit("<article", 1)[1]
    assert 'lang="en"' not in own and "badge-lang" not in own
    html = text_of(client.get("/en/updates/"))
    assert '<a href="/nl/updates/alleen-nederlands/" hreflang="nl">Alleen Nederlands</a>' in html


@pytest.mark.parametrize(
    ("lang", "says"),
    [("nl", "Deze update is nog niet vertaald"), ("en", "This update is not translated yet")],
)
def test_untranslated_page_says_so_and_links_to_the_existing_version(
    app, client, make_update, lang, says
):
    other = "en" if lang == "nl" else "nl"
    make_update(**{other: {"title": "Only here", "slug": "only-here"}})
    response = client.get(f"/{lang}/updates/only-here/")
    assert response.status_code == 200
    html = text_of(response)
    assert says in html
    assert f'<a href="/{other}/updates/only-here/" hreflang="{other}">Only here</a>' in html
    assert '<meta name="robots" content="noindex">' in html


def test_switcher_keeps_the_reader_on_the_same_update(app, client, make_update):
    make_update(en={"title": "Hello", "slug": "hello"}, nl={"title": "Hallo", "slug": "hallo"})
    html = text_of(client.get("/en/updates/hello/"))
    switch = html.split('class="lang-switch"')[1].split("</nav>")[0]
    assert 'href="/nl/updates/hallo/" lang="nl" hreflang="nl">Nederlands</a>' in switch
    assert 'href="/en/updates/hello/" lang="en" hreflang="en" aria-current="true">English' in switch
    # An old link with the other language's slug lands on the right translation.
    response = client.get("/nl/updates/hello/")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/nl/updates/hallo/")


def test_switcher_from_an_untranslated_update_never_dead_ends(app, client, make_update):
    make_update(en={"title": "Solo", "slug": "solo"})
    switch = text_of(client.get("/en/updates/solo/")).split('class="lang-switch"')[1]
    assert 'href="/nl/updates/solo/"' in switch
    assert "nog niet vertaald" in text_of(client.get("/nl/updates/solo/"))


@pytest.mark.parametrize(
    "path", ["/en/updates/?maker=openai&type=video", "/en/makers/openai/?level=expert"]
)
def test_switcher_keeps_the_filtered_listing(app, client, make_update, path):
    make_update(en={"title": "Out"}, maker="openai")
    html = text_of(client.get(path))
    switch = html.split('class="lang-switch"')[1].split("</nav>")[0]
    expected = path.replace("/en/", "/nl/", 1).replace("&", "&amp;")
    assert f'href="{expected}"' in switch


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_on_every_page_type(seeded, client, lang):
    for path in ("", "updates/", "makers/", "makers/openai/", "tags/model/", "nope/"):
        html = text_of(client.get(f"/{lang}/{path}"))
        switch = html.split('class="lang-switch"')[1].split("</nav>")[0]
        assert ">English</a>" in switch and ">Nederlands</a>" in switch
        assert switch.count('aria-current="true"') == 1


def test_hreflang_alternates_and_canonical_are_absolute(app, client, make_update):
    make_update(en={"title": "Both", "slug": "both"}, nl={"title": "Beide", "slug": "beide"})
    make_update(nl={"title": "Enkel", "slug": "enkel"})
    html = text_of(client.get("/nl/updates/beide/"))
    assert '<link rel="canonical" href="https://portal.example/nl/updates/beide/">' in html
    site = "https://portal.example"
    assert f'<link rel="alternate" hreflang="en" href="{site}/en/updates/both/">' in html
    assert f'<link rel="alternate" hreflang="nl" href="{site}/nl/updates/beide/">' in html
    assert 'hreflang="x-default" href="https://portal.example/en/updates/both/"' in html
    single = text_of(client.get("/nl/updates/enkel/"))
    assert 'hreflang="en"' not in single.split("</head>")[0]
    assert 'hreflang="x-default" href="https://portal.example/nl/updates/enkel/"' in single


def test_listing_alternates_keep_the_query(app, client):
    html = text_of(client.get("/en/updates/?type=video"))
    head = html.split("</head>")[0]
    assert '<link rel="canonical" href="https://portal.example/en/updates/?type=video">' in head
    assert 'hreflang="nl" href="https://portal.example/nl/updates/?type=video"' in head


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("/en/updates/?q=&importance=&sort=newest&from=&to=", "/en/updates/"),  # the plain form
        (
            "/en/updates/?page=1&sort=newest&to=2025-03-31&from=2025-03-01&type=video"
            "&maker=openai&maker=google&q=+Code++of+Practice&importance=&tag=",
            "/en/updates/?maker=google&maker=openai&type=video&q=Code+of+Practice"
            "&from=2025-03-01&to=2025-03-31",
        ),
        (
            "/nl/makers/openai/?maker=openai&page=2&sort=important&level=expert&importance=",
            "/nl/makers/openai/?level=expert&sort=important&page=2",
        ),
        ("/en/tags/model/?tag=model&importance=4&sort=newest", "/en/tags/model/?importance=4"),
        ("/nl/?q=&page=1", "/nl/"),
    ],
)
def test_any_spelling_of_filters_names_the_canonical_one(
    app, client, make_update, spelling, canonical
):
    app.config["UPDATES_PER_PAGE"] = 1  # so that page 2 has a result
    for maker, day in (("openai", 3), ("google", 9), ("openai", 27)):
        make_update(
            en={"title": f"Code of Practice {day}"},
            nl={"title": f"Code of Practice {day} nl"},
            maker=maker,
            type="video",
            tags=["model"],
            importance=4,
            published=f"2025-03-{day:02d}",
        )
    response = client.get(spelling)  # answered as it is: no redirect, so no redirect loop
    assert response.status_code == 200
    html = text_of(response)
    head = html.split("</head>")[0].replace("&amp;", "&")
    assert f'<link rel="canonical" href="https://portal.example{canonical}">' in head
    other = canonical.replace("/en/", "/xx/").replace("/nl/", "/en/").replace("/xx/", "/nl/")
    assert f'href="https://portal.example{other}"' in head  # hreflang, the same filters
    main = html.split("<main")[1]
    assert 'class="teaser"' in main
    assert main == text_of(client.get(canonical)).split("<main")[1]  # the same results


@pytest.mark.parametrize(("lang", "date"), [("en", "3 February 2025"), ("nl", "3 februari 2025")])
def test_dates_are_locale_formatted(app, client, make_update, lang, date):
    make_update(en={"title": "Dated"}, nl={"title": "Gedateerd"}, published="2025-02-03T10:00")
    assert date in text_of(client.get(f"/{lang}/updates/"))


def test_dutch_pages_have_no_english_interface_strings(seeded, client):
    for path in ("", "updates/", "makers/", "makers/openai/", "tags/model/", "nope/"):
        html = text_of(client.get(f"/nl/{path}"))
        for english in (
            "All updates",
            "Makers<",
            "Filter updates",
            "Skip to content",
            "Page not found",
            "Newest from each maker",
            "Back to ",
        ):
            assert english not in html, (path, english)


def dutch_parts(html: str) -> str:
    """What a Dutch page says in Dutch: text and titles outside parts marked as another language."""
    import lxml.html

    out = []

    def walk(element, lang):
        lang = element.get("lang", lang)
        if element.tag in ("script", "style"):
            return
        if lang == "nl":
            out.extend((element.text or "", element.get("title", "")))
        for child in element:
            if isinstance(child.tag, str):  # not a comment
                walk(child, lang)
            if lang == "nl":
                out.append(child.tail or "")

    walk(lxml.html.fromstring(html), "nl")
    return " ".join(out)


def dutch_demo_pages(app) -> list[str]:
    """Every Dutch page of the seeded demo: listings (every page), makers, tags, updates, 404."""
    from sqlalchemy import func, select

    from portal.extensions import db
    from portal.models import Maker, Tag, UpdateTranslation

    with app.app_context():
        makers = db.session.scalars(select(Maker.slug)).all()
        tags = db.session.scalars(select(Tag.slug)).all()
        # One slug per update: the Dutch one, else the other (the 'not translated yet' page).
        slugs = db.session.scalars(
            select(func.max(UpdateTranslation.slug)).group_by(UpdateTranslation.update_id)
        ).all()
    listings = ["", "makers/", "nope/"] + [f"updates/?page={n}" for n in (1, 2, 3)]
    return (
        listings
        + [f"makers/{slug}/" for slug in makers]
        + [f"tags/{slug}/" for slug in tags]
        + [f"updates/{slug}/" for slug in slugs]
    )


def test_dutch_pages_have_no_english_language_names_numbers_or_and(seeded, client):
    english = {
        "language name": re.compile(r"\b(English|Dutch)\b"),
        "thousands separator": re.compile(r"\b\d{1,3}(,\d{3})+\b"),
    }
    authors = []
    client.get("/en/makers/openai/")  # templates are compiled during an English request first
    for path in dutch_demo_pages(seeded):
        html = text_of(client.get(f"/nl/{path}"))
        said = dutch_parts(html)
        for what, pattern in english.items():
            found = pattern.search(said)
            assert not found, (path, what, said[max(0, found.start() - 60) : found.end() + 60])
        authors += re.findall(r'<section class="author".*?<p>(.*?)</p>', html, re.S)
    assert "Sundar Pichai, Demis Hassabis en Koray Kavukcuoglu" in authors
    assert not [line for line in authors if " and " in line]
    said = dutch_parts(text_of(client.get("/nl/updates/")))
    assert "Alleen beschikbaar in het Engels" in said
    assert "Tussen 3 en 2.000 tekens" in dutch_parts(text_of(client.get("/nl/makers/openai/")))


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Ada Lovelace, Alan Turing, and Grace Hopper"),
        ("nl", "Ada Lovelace, Alan Turing en Grace Hopper"),
    ],
)
def test_author_names_are_joined_in_the_page_language(app, client, make_update, lang, line):
    # Older entries separate the last name with "and"; both forms are read as a list.
    make_update(
        en={"title": "Joint", "slug": "joint"},
        nl={"title": "Samen", "slug": "samen"},
        author="Ada Lovelace, Alan Turing and Grace Hopper",
    )
    slug = {"en": "joint", "nl": "samen"}[lang]
    assert f"<p>{line}</p>" in text_of(client.get(f"/{lang}/updates/{slug}/"))


def test_untranslated_page_names_languages_in_the_page_language(app, client, make_update):
    make_update(en={"title": "Only here", "slug": "only-here"})
    said = dutch_parts(text_of(client.get("/nl/updates/only-here/")))
    assert "nog niet in het Nederlands geschreven" in said and "(Engels)" in said
