"""An update page's parts kept per update and language (portal.public.update_parts): the
page assembled from them is the page rendered afresh, and the next page after any edit of
what they show shows the edit, with the page cache off and without rebuilding the index."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import lxml.html
import pytest
from sqlalchemy import select

from portal import facets
from portal.extensions import db
from portal.models import Maker, Tag, TagTranslation, Update
from portal.models.desk import UpdateSource
from portal.models.products import Change, ChangeTranslation, Product, ProductTranslation
from portal.models.translation_status import FieldStatus
from portal.public import update_parts

URL = "/en/updates/first/"


@pytest.fixture
def first(app, make_update, make_tag):
    """An update with a tag, a source and a dated change on a product; kept parts of it."""
    make_tag("agents", en="Agents", nl="Agenten")
    update_id = make_update(
        en={"title": "First", "slug": "first", "body": "The *whole* story."},
        tags=["agents"],
    )
    with app.app_context():
        update = db.session.get(Update, update_id)
        update.extra_sources = [UpdateSource(url="https://example.com/one", position=1)]
        product = Product(maker=update.maker, slug="gpt-9", name="GPT-9")
        change = Change(kind="launch", effective_date=date(2025, 8, 1), products=[product])
        change.translations.append(ChangeTranslation(lang="en", description="Goes live."))
        update.changes.append(change)
        db.session.commit()
    return update_id


def _text(app, url: str = URL) -> str:
    response = app.test_client().get(url)
    assert response.status_code == 200
    return " ".join(lxml.html.fromstring(response.get_data(as_text=True)).text_content().split())


def _edit(app, change) -> None:
    with app.app_context():
        change(db.session)
        db.session.commit()


def test_a_kept_page_is_the_page_rendered_afresh(uncached, first, make_update):
    make_update(en={"title": "Second"}, published="2025-07-10")
    client = uncached.test_client()
    rendered = client.get(URL).data
    with uncached.app_context():
        assert facets.current().pieces[first]  # kept
    assert client.get(URL).data == rendered
    assert b"<em>whole</em>" in rendered and b"Goes live." in rendered


def _update(session) -> Update:
    return session.scalar(select(Update).where(Update.source_url != "x"))


def _rename_tag(session) -> None:
    session.scalar(select(TagTranslation).where(TagTranslation.lang == "en")).label = "Bots"


def _rename_change(session) -> None:
    session.scalar(select(ChangeTranslation)).description = "Goes live later."


def _rename_product_text(session) -> None:
    session.add(ProductTranslation(product=session.scalar(select(Product)), lang="en", name="G9"))


def _machine_translated(session) -> None:
    note = FieldStatus(update_id=_update(session).id, lang="en", field="title", source_lang="nl")
    note.machine = True
    session.add(note)


EDITS = {
    "title": (lambda s: setattr(_update(s).translation("en"), "title", "Retitled"), "Retitled"),
    "body": (lambda s: setattr(_update(s).translation("en"), "body", "New *tale*."), "New tale."),
    "audience": (lambda s: setattr(_update(s), "audience", "business"), "Business"),
    "tag added": (lambda s: _update(s).tags.append(Tag(slug="chips")), "chips"),
    "tag label": (_rename_tag, "Bots"),
    "source": (
        lambda s: s.add(UpdateSource(update_id=_update(s).id, url="https://ex.org/2")),
        "ex.org/2",
    ),
    "change added": (
        lambda s: s.add(
            Change(update_id=_update(s).id, kind="price", effective_date=date(2025, 9, 1))
        ),
        "1 September 2025",
    ),
    "change text": (_rename_change, "Goes live later."),
    "product name": (lambda s: setattr(s.scalar(select(Product)), "name", "GPT-X"), "GPT-X"),
    "product text": (_rename_product_text, "G9"),
    "machine note": (_machine_translated, "Machine-translated"),
    "maker name": (lambda s: setattr(s.scalar(select(Maker)), "name", "Open Eye"), "Open Eye"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_the_next_page_after_an_edit_shows_it(app, uncached, first, edit, monkeypatch):
    change, shown = EDITS[edit]
    assert shown not in _text(uncached)
    rendered = []
    real_render = update_parts.render
    monkeypatch.setattr(update_parts, "render", lambda *a: rendered.append(a) or real_render(*a))
    _text(uncached)
    assert not rendered  # kept
    _edit(app, change)
    assert shown in _text(uncached)
    assert rendered  # rendered again


def test_common_edits_patch_the_index_and_keep_other_pages(
    app, uncached, first, make_update, monkeypatch
):
    """An edit of one update, of its tag's label or of a change re-renders only the pages
    it touched (the index is patched, not rebuilt)."""
    other = make_update(en={"title": "Other", "slug": "other"}, maker="anthropic")
    _text(uncached), _text(uncached, "/en/updates/other/")
    builds = []
    real_build = facets._build
    monkeypatch.setattr(facets, "_build", lambda *args: builds.append(args) or real_build(*args))
    for edit in ("title", "tag label", "change text", "product name", "machine note"):
        _edit(app, EDITS[edit][0])
        assert EDITS[edit][1] in _text(uncached)
        with uncached.app_context():
            assert facets.current().pieces.get(other)  # the other page is still kept
    assert not builds


@pytest.mark.parametrize(
    "change",
    [
        lambda u: setattr(u, "status", "draft"),
        lambda u: setattr(u, "published_at", datetime.now() + timedelta(days=2)),
        lambda u: db.session.delete(u),
    ],
    ids=["unpublished", "scheduled", "deleted"],
)
def test_a_page_no_longer_visible_is_gone(app, uncached, first, change):
    _text(uncached)
    _edit(app, lambda s: change(s.get(Update, first)))
    assert uncached.test_client().get(URL).status_code == 404


def test_a_new_translation_and_a_renamed_slug_reach_the_page(app, uncached, first):
    assert "/nl/updates/eerste/" not in uncached.test_client().get(URL).get_data(as_text=True)

    def translate(session) -> None:
        update = session.get(Update, first)
        nl = update.translation_or_new("nl")
        nl.slug, nl.title, nl.lede, nl.body, nl.impact = "eerste", "Eerste", "L", "B", "I"

    _edit(app, translate)
    page = uncached.test_client().get(URL).get_data(as_text=True)
    assert '<link rel="alternate" hreflang="nl" href="http://localhost/nl/updates/eerste/">' in page
    _edit(app, lambda s: setattr(s.get(Update, first).translation("en"), "slug", "renamed"))
    assert uncached.test_client().get(URL).status_code == 404
    assert "First" in _text(uncached, "/en/updates/renamed/")


def test_a_renamed_tag_slug_rebuilds_and_shows(app, uncached, first):
    assert "/en/tags/agents/" in uncached.test_client().get(URL).get_data(as_text=True)
    _edit(app, lambda s: setattr(s.scalar(select(Tag)), "slug", "bots"))
    page = uncached.test_client().get(URL).get_data(as_text=True)
    assert "/en/tags/bots/" in page and "/en/tags/agents/" not in page


def test_the_feedback_state_is_never_kept(uncached, first):
    client = uncached.test_client()
    assert "Was this useful?" in _text(uncached)
    thanked = client.get(URL + "?feedback=voted").get_data(as_text=True)
    assert "Thanks for letting us know." in thanked and "Was this useful?" not in thanked
    assert "Was this useful?" in _text(uncached)


def test_each_host_gets_its_own_addresses(uncached, first):
    client = uncached.test_client()
    one = client.get(URL, base_url="http://one.example").get_data(as_text=True)
    two = client.get(URL, base_url="http://two.example").get_data(as_text=True)
    assert '<link rel="canonical" href="http://one.example/en/updates/first/">' in one
    assert '<link rel="canonical" href="http://two.example/en/updates/first/">' in two


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_language_has_its_own_parts(uncached, make_update, lang):
    make_update(en={"title": "First", "slug": "first"}, nl={"title": "Eerste", "slug": "eerste"})
    url = {"en": URL, "nl": "/nl/updates/eerste/"}[lang]
    title = {"en": "First", "nl": "Eerste"}[lang]
    back = {"en": "Back to Openai updates", "nl": "Terug naar"}[lang]
    for _ in range(2):
        text = _text(uncached, url)
        assert title in text and back in text


RELATED_EDITS = {
    "title": (lambda u: setattr(u.translation("en"), "title", "Retitled"), "Retitled"),
    "lede": (lambda u: setattr(u.translation("en"), "lede", "A new lede."), "A new lede."),
    "type": (lambda u: setattr(u, "type", "video"), "Video"),
    "date": (lambda u: setattr(u, "published_at", datetime(2025, 7, 1)), "1 July 2025"),
    "maker name": (lambda u: setattr(u.maker, "name", "Open Eye"), "Open Eye"),
}


@pytest.mark.parametrize("edit", RELATED_EDITS)
def test_a_related_teaser_follows_an_edit_of_its_update(app, uncached, first, make_update, edit):
    """The teasers under an update are kept with the index alone (no rows read to check
    them): an edit of the teaser's own update reaches the next page all the same."""
    second = make_update(en={"title": "Second", "slug": "second"}, published="2025-07-10")
    change, shown = RELATED_EDITS[edit]

    def teasers() -> str:
        page = lxml.html.fromstring(uncached.test_client().get(URL).data)
        return " ".join(" ".join(t.text_content().split()) for t in page.xpath("//main//ul"))

    assert "Second" in teasers() and shown not in teasers()
    _edit(app, lambda s: change(s.get(Update, second)))
    after = teasers()
    assert shown in after
    with uncached.app_context():  # the same as a page without kept pieces
        facets.current().pieces.clear()
    assert teasers() == after


def test_kept_pages_are_bounded(uncached, make_update, monkeypatch):
    """Beyond MAX_PAGES pages' parts per index, they start afresh (and pages stay right)."""
    monkeypatch.setattr(update_parts, "MAX_PAGES", 2)
    for n in range(3):
        make_update(en={"title": f"Page {n}", "slug": f"page-{n}"})

    def kept() -> int:
        with uncached.app_context():
            pieces = facets.current().pieces.values()
            return sum(key[0] == "page" for parts in pieces for key in parts)

    for n, count in ((0, 1), (1, 2), (2, 1), (0, 2)):
        assert f"Page {n}" in _text(uncached, f"/en/updates/page-{n}/")
        assert kept() == count
