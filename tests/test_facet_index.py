"""The in-memory content index (portal.facets) behind listings, facet counts, the activity
chart and search: counts equal a brute-force count, and no edit is ever missed."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import lxml.html
import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from portal import facets, queries
from portal.extensions import db
from portal.models import Change, Maker, Product, ProductTranslation, Tag, Update
from portal.search import kept as kept_search


def _page(app, url: str) -> lxml.html.HtmlElement:
    response = app.test_client().get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.get_data(as_text=True))


def _total(app, url: str) -> str:
    return _page(app, url).get_element_by_id("results-heading").text_content()


def _count(app, url: str, facet: str, value: str) -> str:
    return _page(app, url).get_element_by_id(f"count-{facet}-{value}").text


def test_every_edit_reaches_the_next_uncached_request(app, uncached, make_update):
    first = make_update(en={"title": "First"}, type="video")
    assert _total(uncached, "/en/updates/") == "1 update"
    second = make_update(en={"title": "Second"}, type="paper")
    assert _total(uncached, "/en/updates/") == "2 updates"
    assert _count(uncached, "/en/updates/", "type", "paper") == "1"

    with app.app_context():  # an edit of a facet value
        db.session.get(Update, second).type = "video"
        db.session.commit()
    assert _count(uncached, "/en/updates/", "type", "video") == "2"
    assert _count(uncached, "/en/updates/", "type", "paper") == "0"

    assert _total(uncached, "/en/updates/?q=first") == "1 update"  # kept per content version
    with app.app_context():  # unpublished
        db.session.get(Update, first).status = "draft"
        db.session.commit()
    assert _total(uncached, "/en/updates/") == "1 update"
    assert _total(uncached, "/en/updates/?q=first") == "0 updates"

    with app.app_context():  # deleted
        db.session.delete(db.session.get(Update, second))
        db.session.commit()
    assert _total(uncached, "/en/updates/") == "0 updates"
    assert _total(uncached, "/en/updates/?q=second") == "0 updates"


def test_a_scheduled_update_goes_live_without_an_edit(uncached, make_update, monkeypatch):
    later = datetime.now() + timedelta(days=2)
    make_update(en={"title": "Now"})
    make_update(en={"title": "Soon"}, published=later.isoformat(timespec="seconds"))
    assert _total(uncached, "/en/updates/") == "1 update"
    assert _total(uncached, "/en/updates/?q=soon") == "0 updates"
    # Three days later: the same rows and content version, a later clock.
    monkeypatch.setattr(queries, "utcnow", lambda: later + timedelta(days=1))
    assert _total(uncached, "/en/updates/") == "2 updates"
    assert _total(uncached, "/en/updates/?q=soon") == "1 update"


ROWS = [
    dict(maker=m, type=t, level=lv, audience=a, importance=i, tag=tag, day=d, word=w)
    for n, (m, t, lv, a) in enumerate(
        itertools.product(
            ["openai", "google"],
            ["video", "paper"],
            ["expert", "beginner"],
            ["developers", "business"],
        )
    )
    for i, tag, d, w in [
        (1 + n % 5, ["model", "apps", "chips"][n % 3], date(2025, 1 + n % 9, 3), n % 2)
    ]
]

CHOICES = [
    {},
    {"type": ["video"], "maker": ["google"]},
    {"level": ["expert"], "tag": ["model", "chips"], "importance": "3"},
    {"q": "alpha", "audience": ["business"]},
    {"q": "alpha", "from": "2025-03-01", "to": "2025-06-30", "maker": ["openai"]},
]


@pytest.mark.parametrize("choice", CHOICES)
def test_counts_pages_and_chart_equal_a_brute_force_count(uncached, make_update, choice):
    for n, row in enumerate(ROWS):
        make_update(
            en={"title": f"U{n}" + (" alpha" if row["word"] else "")},
            maker=row["maker"],
            type=row["type"],
            level=row["level"],
            audience=row["audience"],
            importance=row["importance"],
            tags=[row["tag"]],
            published=row["day"].isoformat(),
        )

    def keep(row, without=None, dated=True):
        for facet in ("maker", "type", "level", "audience", "tag"):
            if facet != without and choice.get(facet) and row[facet] not in choice[facet]:
                return False
        if row["importance"] < int(choice.get("importance", 0)):
            return False
        if "q" in choice and not row["word"]:
            return False
        day = row["day"].isoformat()
        return not dated or choice.get("from", day) <= day <= choice.get("to", day)

    args = MultiDict(
        [(k, v) for k, vs in choice.items() for v in ([vs] if isinstance(vs, str) else vs)]
    )
    with uncached.test_request_context("/en/updates/"):
        filters = queries.parse_filters(args)
        counts = queries.facet_counts(filters)
        page = queries.find_updates(filters, per_page=100)
        months = queries.activity(filters)  # the chart ignores the dates
    for facet in ("maker", "type", "level", "audience", "tag"):
        for value in {r[facet] for r in ROWS}:
            expected = sum(1 for r in ROWS if r[facet] == value and keep(r, without=facet))
            assert counts[facet].get(value, 0) == expected, (facet, value)
    assert page.total == sum(1 for r in ROWS if keep(r)) == len(page.items)
    for month in months:
        expected = sum(
            1 for r in ROWS if keep(r, dated=False) and month.start <= r["day"] <= month.end
        )
        assert month.count == expected, month


def test_a_request_that_read_an_older_version_keeps_the_newer_index(uncached, make_update):
    """Two requests overlap an edit: the one that read the version before it must not
    throw away the index the other built after it (and rebuild it again, and again)."""
    make_update(en={"title": "First"})
    with uncached.app_context():
        newest = facets.current()
        assert facets.current(newest.version - 1) is newest
        assert facets.current(newest.version) is newest


def _same(patched: facets.Index, built: facets.Index) -> None:
    assert patched.version == built.version
    assert patched.ids == built.ids and patched.dates == built.dates
    assert patched.position == built.position
    assert patched.facets == built.facets and patched.importance == built.importance
    assert patched.translations == built.translations
    assert {u: sorted(ts) for u, ts in patched.texts.items()} == {
        u: sorted(ts) for u, ts in built.texts.items()
    }


def test_an_edit_patches_the_index_into_what_a_rebuild_makes(
    app, uncached, make_update, monkeypatch
):
    """After each kind of edit the next request patches the kept index from the changed
    updates alone (content_changes), and the patched index equals a full rebuild."""
    ids = [
        make_update(en={"title": f"U{n}"}, nl={"title": f"N{n}"}, tags=["model"], published=day)
        for n, day in enumerate(["2025-03-01", "2025-05-01", "2025-05-01", "2025-07-01"])
    ]
    with uncached.app_context():
        facets.current()
    builds = []
    real_build = facets._build
    monkeypatch.setattr(facets, "_build", lambda *args: builds.append(args) or real_build(*args))

    def edit(change) -> None:
        with app.app_context():
            change(db.session.get(Update, ids[1]))
            db.session.commit()
        with uncached.app_context():
            patched = facets.current()
            with Session(db.engine) as session:
                _same(patched, real_build(session, patched.version))
        assert not builds  # patched, not rebuilt

    ids.append(make_update(en={"title": "Newest"}, tags=["chips"], published="2025-09-01"))
    edit(lambda u: None)
    edit(lambda u: u.tags.append(Tag(slug="apps")))  # a new tag
    ids.append(make_update(en={"title": "Tied"}, type="paper", published="2025-05-01"))
    edit(lambda u: None)
    edit(lambda u: setattr(u, "type", "video"))
    edit(lambda u: setattr(u, "published_at", datetime(2024, 1, 1)))  # moves to the end
    edit(lambda u: setattr(u, "importance", 5))
    edit(lambda u: u.tags.clear())
    edit(lambda u: u.translations.pop())  # its Dutch text deleted
    edit(lambda u: setattr(u, "status", "draft"))
    edit(lambda u: setattr(u, "status", "published"))
    edit(lambda u: db.session.delete(u))
    make_update(en={"title": "Draft"}, status="draft")
    with uncached.app_context(), Session(db.engine) as session:
        _same(facets.current(), real_build(session, facets.current().version))
    assert _total(uncached, "/en/updates/") == "5 updates"
    assert _total(uncached, "/en/updates/?q=draft") == "0 updates"
    assert not builds


def test_a_changed_maker_slug_rebuilds_the_index(app, uncached, make_update):
    make_update(en={"title": "First"}, maker="openai")
    assert _count(uncached, "/en/updates/", "maker", "openai") == "1"
    with app.app_context():
        db.session.scalar(select(Maker).where(Maker.slug == "openai")).slug = "open-ai"
        db.session.commit()
    assert _count(uncached, "/en/updates/", "maker", "open-ai") == "1"


def _teasers(app, url: str) -> list[str]:
    """The teasers of a page, as their text."""
    found = _page(app, url).xpath("//article[@class='teaser']")
    return [" ".join(teaser.text_content().split()) for teaser in found]


def _read(app, url: str) -> tuple[lxml.html.HtmlElement, list[str]]:
    """A page, and the SQL statements sent to render it."""
    with app.app_context():
        engine = db.engine
    sent: list[str] = []
    listener = lambda conn, cursor, statement, *args: sent.append(statement)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    page = _page(app, url)
    event.remove(engine, "before_cursor_execute", listener)
    return page, sent


def test_an_update_page_reads_its_body_and_both_teaser_lists_at_once(uncached, make_update):
    """The first request of an update page reads its update with the body (no second read
    of the body) and the teasers of "more from" and "other makers" in one query; the next
    one keeps all of it (portal.public.update_parts) and reads neither, nor its maker's
    descriptions (not shown); both show both lists and the body."""
    make_update(en={"title": "First", "slug": "first", "body": "The *whole* story."})
    make_update(en={"title": "Second"}, published="2025-07-10")
    make_update(en={"title": "Third"}, maker="anthropic", published="2025-07-09")
    for teaser_reads in (1, 0):
        page, sent = _read(uncached, "/en/updates/first/")
        assert page.xpath("//div[@class='prose']//em")[0].text == "whole"
        teasers = [t.text_content() for t in page.xpath("//article[@class='teaser']")]
        assert any("Second" in t for t in teasers) and any("Third" in t for t in teasers)
        assert not [sql for sql in sent if "SELECT update_translations.body" in sql]
        if not teaser_reads:  # (rendering teasers reads their makers whole)
            assert not [sql for sql in sent if "FROM maker_translations" in sql]
        teaser_sql = [sql for sql in sent if sql.startswith("SELECT updates.id, makers.name")]
        assert len(teaser_sql) == teaser_reads


def test_kept_teasers_follow_every_edit_of_their_update(app, uncached, make_update):
    """Teasers are rendered once per update, change and language (portal.public.pieces):
    the next page after an edit of the update's text, or of its maker's name, shows it."""
    first = make_update(en={"title": "First", "slug": "first"}, nl={"title": "Eerste"})
    second = make_update(en={"title": "Second"}, nl={"title": "Tweede"})
    assert "Second" in _teasers(uncached, "/en/updates/first/")[0]
    assert "Tweede" in _teasers(uncached, "/nl/updates/")[0]
    with app.app_context():
        db.session.get(Update, second).translation("en").title = "Renamed"
        db.session.commit()
    assert "Renamed" in _teasers(uncached, "/en/updates/first/")[0]
    assert "Renamed" in _teasers(uncached, "/en/updates/")[0]
    assert "Tweede" in _teasers(uncached, "/nl/updates/")[0]
    with app.app_context():
        db.session.get(Update, first).maker.name = "Open Eye"
        db.session.commit()
    assert all(t.startswith("Open Eye") for t in _teasers(uncached, "/en/updates/"))


def _results(app, url: str) -> list[tuple[str, str]]:
    """A search's results: each teaser's meta and title as text, and its snippet's HTML."""
    found = []
    for teaser in _page(app, url).xpath("//article[@class='teaser']"):
        head = " ".join(" ".join(p.text_content().split()) for p in teaser.xpath("p[1]|h3"))
        quoted = teaser.xpath("p[@class='lede snippet']")[0]
        inner = (quoted.text or "") + "".join(lxml.html.tostring(c, encoding=str) for c in quoted)
        found.append((head, inner))
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_kept_search_results_follow_every_edit_of_their_update(app, uncached, make_update, lang):
    """A search result is its kept teaser with a snippet cut from its kept searched text
    (portal.public.pieces): the next search after an edit of anything it shows or quotes,
    in either language, by the editors or by raw SQL, shows the edit; unpublished, scheduled
    or deleted, it is gone."""
    other = "nl" if lang == "en" else "en"
    uid = make_update(
        **{lang: {"title": "Walrus news", "lede": "A walrus lede.", "body": "The *walrus*."}},
        **{other: {"title": "Other walrus", "lede": "Other lede.", "body": "Other walrus."}},
    )
    url = f"/{lang}/updates/?q=walrus"

    def edit(change) -> list[tuple[str, str]]:
        with app.app_context():
            change(db.session.get(Update, uid))
            db.session.commit()
        return _results(uncached, url)

    [(head, quoted)] = _results(uncached, url)
    assert head.startswith("Openai Art") and head.endswith("Walrus news")
    assert quoted.startswith("A <mark>walrus</mark> lede. The <mark>walrus</mark>. Impact")
    [(head, _)] = edit(lambda u: setattr(u.translation(lang), "title", "Walrus renamed"))
    assert head.endswith("Walrus renamed")
    [(_, quoted)] = edit(lambda u: setattr(u.translation(lang), "lede", "New walrus lede."))
    assert quoted.startswith("New <mark>walrus</mark> lede. The <mark>walrus</mark>.")
    [(_, quoted)] = edit(lambda u: setattr(u.translation(lang), "body", "Walrus *moved*."))
    assert "lede. <mark>Walrus</mark> moved. Impact" in quoted
    [(_, quoted)] = edit(lambda u: setattr(u.translation(lang), "impact", "Big walrus impact"))
    assert "moved. Big <mark>walrus</mark> impact One" in quoted
    [(_, quoted)] = edit(lambda u: setattr(u.translation(lang), "takeaways", ["Tusks", "Ice"]))
    assert quoted.endswith("impact Tusks Ice")
    [(_, quoted)] = edit(lambda u: setattr(u.translation(other), "body", "Changed walrus."))
    assert "lede. <mark>Walrus</mark> moved. Impact" not in quoted  # (impact changed above)
    assert "moved. Big <mark>walrus</mark> impact Tusks Ice" in quoted
    with app.app_context():  # behind the editors' back: the kept text follows the column
        db.session.execute(
            text("UPDATE update_translations SET body = 'Walrus *gone*.' WHERE lang = :lang"),
            {"lang": lang},
        )
        db.session.commit()
    assert "lede. <mark>Walrus</mark> gone. Big" in _results(uncached, url)[0][1]
    [(head, _)] = edit(lambda u: setattr(u.maker, "name", "Open Eye"))
    assert head.startswith("Open Eye Art")
    assert edit(lambda u: setattr(u, "status", "draft")) == []
    assert len(edit(lambda u: setattr(u, "status", "published"))) == 1
    assert edit(lambda u: setattr(u, "published_at", datetime.now() + timedelta(days=1))) == []
    assert len(edit(lambda u: setattr(u, "published_at", datetime(2025, 7, 11)))) == 1
    assert edit(lambda u: u.translations.remove(u.translation(lang))) == []
    assert _results(uncached, f"/{other}/updates/?q=walrus")[0][0].endswith("Other walrus")
    assert edit(lambda u: db.session.delete(u)) == []
    assert _results(uncached, f"/{other}/updates/?q=walrus") == []


def test_kept_product_names_follow_every_edit(app, uncached, make_update):
    """A search names the public products it finds from their names kept per content version
    (portal.calendar.queries): a rename, a new translated name, an unpublished, scheduled or
    deleted update, a deleted change or product shows on the next search."""
    uid = make_update(en={"title": "Retiring things"})
    with app.app_context():
        update = db.session.get(Update, uid)
        product = Product(slug="orca", name="Orca", maker=update.maker)
        update.changes.append(Change(kind="launch", effective_date=date(2025, 8, 1)))
        update.changes[0].products.append(product)
        db.session.commit()

    def named(q: str) -> list[str]:
        results = _page(uncached, f"/en/updates/?q={q}").get_element_by_id("results")
        return [a.text for a in results.xpath(".//p[@class='product-matches']/a")]

    def edit(change) -> None:
        with app.app_context():
            change(db.session.get(Update, uid))
            db.session.commit()

    assert named("orca") == ["Orca"] and named("whale") == []
    edit(lambda u: setattr(u.changes[0].products[0], "name", "Whale"))
    assert named("orca") == [] and named("whale") == ["Whale"]
    edit(
        lambda u: (
            u.changes[0]
            .products[0]
            .translations.append(ProductTranslation(lang="nl", name="Walvis"))
        )
    )
    assert named("walvis") == ["Whale"]  # any language's name, shown in the page's
    edit(lambda u: setattr(u, "status", "draft"))
    assert named("whale") == []
    edit(lambda u: setattr(u, "status", "published"))
    assert named("whale") == ["Whale"]
    edit(lambda u: setattr(u, "published_at", datetime.now() + timedelta(days=1)))
    assert named("whale") == []
    edit(lambda u: setattr(u, "published_at", datetime(2025, 7, 11)))
    assert named("whale") == ["Whale"]
    edit(lambda u: u.changes.pop())
    assert named("whale") == []
    edit(lambda u: u.changes.append(Change(kind="launch", effective_date=date(2025, 8, 1))))
    edit(lambda u: u.changes[0].products.append(db.session.scalar(select(Product))))
    assert named("whale") == ["Whale"]
    edit(lambda u: db.session.delete(db.session.scalar(select(Product))))
    assert named("whale") == []


def test_kept_matches_follow_every_edit_matching_only_what_changed(app, uncached, make_update):
    """A search's matches outlive edits (portal.search.kept): the first search after an
    edit matches only the texts of the updates it changed, and finds exactly what a fresh
    match finds, whether the edit adds or removes the word, unpublishes, schedules or
    deletes; an edit that may touch any update (a maker's slug) matches afresh."""
    first = make_update(en={"title": "Walrus one"}, nl={"title": "Walrus een"})
    second = make_update(en={"title": "Seal two"}, published="2025-07-10")
    with uncached.app_context():
        engine = db.engine
    sent: list[str] = []

    def titles(url: str = "/en/updates/?q=walrus") -> list[str]:
        sent.clear()
        listener = lambda conn, cursor, sql, *args: sent.append(sql)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        page = _page(uncached, url)
        event.remove(engine, "before_cursor_execute", listener)
        return [h.text_content().strip() for h in page.xpath("//article[@class='teaser']/h3")]

    def matched_again() -> list[bool]:
        """For each full-text match the last request made: was it of some texts only?"""
        return [" IN (" in sql for sql in sent if "update_search" in sql]

    def edit(update_id: int, change) -> None:
        with app.app_context():
            change(db.session.get(Update, update_id))
            db.session.commit()

    assert titles() == ["Walrus one"] and matched_again() == [False]
    edit(second, lambda u: setattr(u.translation("en"), "title", "Walrus two"))
    assert titles() == ["Walrus one", "Walrus two"] and matched_again() == [True]
    assert titles() == ["Walrus one", "Walrus two"] and matched_again() == []
    edit(second, lambda u: setattr(u.translation("en"), "body", "Nothing about it."))
    assert titles() == ["Walrus one", "Walrus two"] and matched_again() == [True]
    edit(first, lambda u: setattr(u.translation("en"), "title", "Seal one"))
    assert titles() == ["Walrus two"] and matched_again() == [True]
    assert titles("/nl/updates/?q=walrus") == ["Walrus een"]
    edit(second, lambda u: setattr(u, "status", "draft"))
    assert titles() == []
    edit(second, lambda u: setattr(u, "status", "published"))
    assert titles() == ["Walrus two"]
    edit(second, lambda u: setattr(u, "published_at", datetime.now() + timedelta(days=1)))
    assert titles() == []
    edit(second, lambda u: setattr(u, "published_at", datetime(2025, 7, 10)))
    assert titles() == ["Walrus two"]
    edit(first, lambda u: setattr(u.translation("en"), "lede", "A walrus after all."))
    assert titles() == ["Walrus two", "Seal one"] and matched_again() == [True]
    edit(first, lambda u: setattr(u.maker, "slug", "open-ai"))
    assert titles() == ["Walrus two", "Seal one"] and matched_again() == [False]
    edit(second, lambda u: db.session.delete(u))
    assert titles() == ["Seal one"] and matched_again() == []  # no text left to match
    assert titles("/nl/updates/?q=walrus") == ["Walrus een"]


def test_kept_matches_are_bounded(uncached, make_update, monkeypatch):
    """Only the last `MAX_KEPT` queries' matches are kept (and `MAX_MATCHES` in all)."""
    monkeypatch.setattr(kept_search, "MAX_KEPT", 2)
    make_update(en={"title": "Walrus seal orca"})
    for q in ("walrus", "seal", "orca"):
        assert _total(uncached, f"/en/updates/?q={q}") == "1 update"
    with uncached.app_context():
        assert list(kept_search._kept[db.engine]) == [("en", "seal"), ("en", "orca")]
    monkeypatch.setattr(kept_search, "MAX_MATCHES", 0)  # the newest is always kept
    assert _total(uncached, "/en/updates/?q=walrus+seal") == "1 update"
    with uncached.app_context():
        assert list(kept_search._kept[db.engine]) == [("en", "walrus seal")]
