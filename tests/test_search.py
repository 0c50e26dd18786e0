"""Full-text search: stemming, accents, ranking, index upkeep, hostile input, snippets."""

from __future__ import annotations

import itertools
import re

import pytest
from markupsafe import Markup, escape
from sqlalchemy import select, text

from portal import search
from portal.extensions import db
from portal.models import Update, UpdateTranslation


@pytest.fixture(autouse=True)
def wired(app):
    """Hook the index up (create_app may already do this; init_app is idempotent)."""
    search.init_app(app)


def found(lang: str, q: str) -> list[int]:
    query = search.matching(lang, q)
    return [] if query is None else [row.update_id for row in db.session.execute(query)]


def test_dutch_stemming_finds_plural(make_update, ctx):
    uid = make_update(
        en={"title": "Cycling", "body": "A cycle path."},
        nl={"title": "Fietsen", "body": "Een nieuw fietspad in Utrecht."},
    )
    assert found("nl", "fietspaden") == [uid]
    assert found("nl", "Fietspad") == [uid]


def test_dutch_doubled_consonants_meet(make_update, ctx):
    uid = make_update(nl={"title": "Nieuws", "body": "Twee nieuwe modellen en een bus."})
    assert found("nl", "model") == [uid]
    assert found("nl", "bussen") == [uid]


def test_english_stemming_finds_singular(make_update, ctx):
    uid = make_update(en={"title": "News", "body": "A new model for translation."})
    assert found("en", "models") == [uid]
    assert found("en", "translating models") == [uid]


def test_accents_are_ignored_both_ways(make_update, ctx):
    en = make_update(en={"title": "Meetup", "body": "We met in a café downtown."})
    nl = make_update(nl={"title": "Overleg", "body": "Een gesprek over de ideeën."})
    assert found("en", "cafe") == [en]
    assert found("en", "CAFÉ") == [en]
    assert found("nl", "ideeen") == [nl]


def test_all_words_must_match(make_update, ctx):
    uid = make_update(en={"title": "Vision", "body": "An image model."})
    assert found("en", "image model") == [uid]
    assert found("en", "image banana") == []


def test_title_match_ranks_first(make_update, ctx):
    in_body = make_update(
        en={"title": "Weekly notes", "body": "Something about reasoning and more."},
        published="2025-07-12",
    )
    in_title = make_update(
        en={"title": "Reasoning", "body": "A long text about other things entirely."},
        published="2025-07-10",
    )
    assert found("en", "reasoning") == [in_title, in_body]


def test_lede_impact_and_takeaways_are_indexed(make_update, ctx):
    uid = make_update(
        en={
            "title": "T",
            "lede": "Lede mentions giraffes.",
            "impact": "Impact mentions zebras.",
            "takeaways": ["Takeaway mentions okapis"],
        }
    )
    for word in ("giraffe", "zebra", "okapi"):
        assert found("en", word) == [uid]


def test_edit_reindexes(make_update, ctx):
    uid = make_update(en={"title": "Old title", "body": "About penguins."})
    translation = db.session.scalars(
        select(UpdateTranslation).filter_by(update_id=uid, lang="en")
    ).one()
    translation.body = "About walruses."
    db.session.commit()
    assert found("en", "penguins") == []
    assert found("en", "walrus") == [uid]


def test_rolled_back_edit_leaves_index_alone(make_update, ctx):
    uid = make_update(en={"title": "T", "body": "About penguins."})
    translation = db.session.scalars(select(UpdateTranslation).filter_by(update_id=uid)).one()
    translation.body = "About walruses."
    db.session.flush()
    assert found("en", "walrus") == [uid]
    db.session.rollback()
    assert found("en", "penguin") == [uid]
    assert found("en", "walrus") == []


def test_delete_update_removes_it(make_update, ctx):
    uid = make_update(
        en={"title": "T", "body": "Flamingos."}, nl={"title": "T", "body": "Flamingo's."}
    )
    keep = make_update(en={"title": "Other", "body": "Flamingos too."})
    db.session.delete(db.session.get(Update, uid))
    db.session.commit()
    assert found("en", "flamingo") == [keep]
    assert found("nl", "flamingo") == []
    count = db.session.scalar(
        text("SELECT count(*) FROM update_search WHERE update_id = :id"), {"id": uid}
    )
    assert count == 0


def test_delete_translation_removes_only_it(make_update, ctx):
    uid = make_update(en={"title": "T", "body": "Otters."}, nl={"title": "T", "body": "Otters."})
    update = db.session.get(Update, uid)
    update.translations.remove(update.translation("nl"))
    db.session.commit()
    assert found("en", "otter") == [uid]
    assert found("nl", "otter") == []


def test_search_only_the_given_language(make_update, ctx):
    english_only = make_update(en={"title": "Robots", "body": "Humanoid robots walk."})
    both = make_update(
        en={"title": "Drones", "body": "Flying drones."},
        nl={"title": "Drones", "body": "Vliegende drones."},
    )
    assert found("nl", "robots") == []
    assert found("en", "robots") == [english_only]
    assert found("nl", "vliegende") == [both]
    assert found("en", "vliegende") == []


def test_joins_with_published_updates(make_update, ctx):
    from portal.queries import published

    live = make_update(en={"title": "Koalas", "body": "x"})
    make_update(en={"title": "Koalas draft", "body": "x"}, status="draft")
    hits = search.matching("en", "koala").subquery()
    ids = db.session.scalars(
        published().join(hits, hits.c.update_id == Update.id).order_by(hits.c.rank)
    ).all()
    assert [u.id for u in ids] == [live]


@pytest.mark.parametrize(
    "q",
    [
        '"',
        'model"',
        "AND OR NEAR",
        "NEAR(model data)",
        "*",
        "mod*",
        "((",
        "model)",
        "title:model",
        "-model ^model",
        "\x00\x1f",
        "model\x00",
        "x" * 2000,
        "model " * 400,
        "'; DROP TABLE update_search; --",
    ],
)
def test_hostile_queries_are_safe(make_update, ctx, q):
    uid = make_update(en={"title": "Model", "body": "A model about NEAR and OR things."})
    result = found("en", q)
    assert result in ([], [uid])
    assert search.snippet("A model about things.", q, "en")  # no exception either
    assert db.session.scalar(text("SELECT count(*) FROM update_search")) == 1


def test_query_terms_are_capped_and_empty_means_none(ctx):
    assert len(search.query_terms(" ".join(f"w{i}" for i in range(100)), "en")) == 32
    assert search.matching("en", "") is None
    assert search.matching("en", "  ?! \x00 ") is None


def test_snippet_escapes_before_marking():
    result = search.snippet("Beware <script>alert(1)</script> of the models & data.", "model", "en")
    assert isinstance(result, Markup)
    assert "<script>" not in result
    assert "&lt;script&gt;" in result
    assert "<mark>models</mark>" in result
    assert "&amp;" in result


def test_snippet_marks_stem_matches_and_accents():
    result = search.snippet("Nieuwe fietspaden bij het café.", "fietspad cafe", "nl")
    assert result == Markup("Nieuwe <mark>fietspaden</mark> bij het <mark>café</mark>.")


def test_snippet_cuts_around_first_match():
    value = " ".join(["filler"] * 100) + " the needle here " + " ".join(["tail"] * 100)
    result = search.snippet(value, "needle", "en", width=80)
    assert "<mark>needle</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
    assert len(result) < 120


def test_snippet_without_match_is_the_start():
    result = search.snippet("Short <b>text</b>.", "absent", "en")
    assert result == Markup("Short &lt;b&gt;text&lt;/b&gt;.")


def _snippet_word_by_word(value: str, q: str, lang: str, width: int = 200) -> str:
    """What `snippet` quotes, found the slow way: every word of the text stemmed in turn."""
    value = " ".join(value.split())
    wanted = set(search.query_terms(q, lang))
    matches = [m for m in re.finditer(r"\w+", value) if wanted & set(search.stems(m[0], lang))]
    first = matches[0] if matches else None
    start, end = 0, min(len(value), width)
    if first:
        start = max(0, first.start() - width // 4)
        if start:
            space = value.find(" ", start, first.start())
            start = space + 1 if space != -1 else first.start()
        end = max(first.end(), min(len(value), start + width))
    if end < len(value):
        space = value.rfind(" ", start, end + 1)
        if space > (first.end() if first else start):
            end = space
    out, pos = "… " if start > 0 else "", start
    for m in (m for m in matches if m.end() <= end):
        out += str(escape(value[pos : m.start()])) + f"<mark>{m[0]}</mark>"
        pos = m.end()
    return out + str(escape(value[pos:end])) + (" …" if end < len(value) else "")


QUERIES = [
    ("en", "model"),
    ("en", "the models"),
    ("en", "release 2025 data"),
    ("en", "café a"),
    ("nl", "de"),
    ("nl", "modellen het"),
    ("nl", "fietspad café"),
    ("de", "Straße modelle"),
]


def test_snippet_marks_what_stemming_every_word_marks(seeded, ctx):
    """`snippet` finds its words through each word's kept stems (search.Quotable), not
    by stemming word by word: it quotes and marks exactly what the slow way does."""
    texts = [
        search.searched_body(*row)
        for row in db.session.execute(
            select(
                UpdateTranslation.lede,
                UpdateTranslation.body,
                UpdateTranslation.impact,
                UpdateTranslation.takeaways_text,
            )
        )
    ]
    texts += [
        "Café cafe CAFÉ, café-model; models & <models> modelling 2025 2025's the the",
        "Straße strasse Modelle des Modells ½ ĳs fietspaden de De DE",
        "x " * 150 + "model " + "y " * 40 + "models the data 2025 " + "z " * 200,
        "",
    ]
    for (lang, q), value, width in itertools.product(QUERIES, texts, (40, 200)):
        expected = _snippet_word_by_word(value, q, lang, width)
        assert search.snippet(value, q, lang, width) == expected


HIDDEN_AND_MARKUP = (
    "# Heading words\n\nOur **bold claim** about the "
    "[launch page](https://example.com/zanzibar-launch) "
    "<!-- embargo note: not before Friday --> is out.\n\n"
    "![okapi chart](https://example.com/chart.png)"  # the page shows no images
)


def test_index_holds_only_what_a_reader_sees(make_update, ctx):
    uid = make_update(en={"title": "Quarterly news", "body": HIDDEN_AND_MARKUP})
    for _ in ("saved", "rebuilt"):
        assert found("en", "embargo") == []  # only in an HTML comment the page strips
        assert found("en", "zanzibar") == []  # only in a link's URL
        assert found("en", "okapi") == []  # only in an image's text, which the page drops
        assert found("en", "launch page heading") == [uid]
        search.rebuild()


def test_snippet_quotes_only_what_a_reader_sees(client, make_update):
    make_update(en={"title": "Quarterly news", "body": HIDDEN_AND_MARKUP})
    assert "Quarterly news" not in client.get("/en/updates/?q=embargo").get_data(as_text=True)
    html = client.get("/en/updates/?q=claim").get_data(as_text=True)
    snippet = re.search(r'<p class="lede snippet">(.*?)</p>', html, re.S).group(1)
    assert "Heading words Our bold <mark>claim</mark> about the launch page is out." in snippet
    for raw in ("&lt;!--", "embargo", "**", "# ", "zanzibar", "https://", "okapi", "!["):
        assert raw not in snippet


def test_rebuild_reindexes_everything(make_update, ctx):
    uid = make_update(en={"title": "Lemurs", "body": "x"}, nl={"title": "Lemuren", "body": "x"})
    db.session.execute(text("DELETE FROM update_search"))
    db.session.commit()
    assert found("en", "lemur") == []
    assert search.rebuild() == 2
    assert found("en", "lemur") == [uid]
    assert found("nl", "lemuren") == [uid]


def test_reindex_command(app, make_update):
    uid = make_update(en={"title": "Lemurs", "body": "x"})
    result = app.test_cli_runner().invoke(args=["search-reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 1 translations." in result.output
    with app.app_context():
        assert found("en", "lemur") == [uid]


def test_seed_demo_is_searchable(seeded, ctx):
    assert db.session.scalar(text("SELECT count(*) FROM update_search")) == db.session.scalar(
        select(db.func.count()).select_from(UpdateTranslation)
    )
