"""What SQLite takes and PostgreSQL refuses (NUL bytes in text) gets the same answer on both."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from test_editor_updates import form

from portal.extensions import db
from portal.models import Revision, Update


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/updates/a%00b/", "Page not found"),
        ("/nl/makers/open%00ai/", "Pagina niet gevonden"),
        ("/en/tags/x%00/", "Page not found"),
        ("/en/%00/", "Page not found"),
    ],
)
def test_a_nul_byte_in_an_address_is_a_translated_404(client, make_update, path, heading):
    make_update(en={"title": "Hello"}, nl={"title": "Hallo"})
    response = client.get(path)
    assert response.status_code == 404
    assert heading in response.get_data(as_text=True)


def test_a_nul_byte_in_an_editors_text_is_kept_or_refused_whole(app, editor, make_maker):
    """SQLite keeps the byte; PostgreSQL cannot: a translated 400 and nothing half-saved."""
    with app.app_context():
        maker_id = db.session.merge(make_maker("openai", "OpenAI")).id
    data = form(editor, maker_id, en={"body": "Before\x00after"})
    response = editor.post("/en/editor/updates/new", data=data)
    with app.app_context():
        saved = db.session.scalars(select(Update)).all()
        if db.engine.dialect.name == "sqlite":
            assert response.status_code == 303
            assert saved[0].translation("en").body == "Before\x00after"
        else:
            assert response.status_code == 400
            assert "We could not understand that request." in response.get_data(as_text=True)
            assert saved == []
            assert db.session.scalar(select(func.count()).select_from(Revision)) == 0


def test_makers_are_listed_a_to_z_whatever_the_collation(client, make_maker, make_update):
    for slug, name in (("zeta", "Zeta"), ("xai", "xAI"), ("alpha", "alpha labs")):
        make_maker(slug, name)
        make_update(en={"title": f"News from {slug}"}, maker=slug)  # only then is it listed
    html = client.get("/en/makers/").get_data(as_text=True)
    positions = [html.index(name) for name in ("alpha labs", "xAI", "Zeta")]
    assert positions == sorted(positions)


def test_stop_words_count_in_a_search_on_both_engines(make_update, ctx):
    """SQLite's index keeps every word; PostgreSQL's configurations must too, or "the who"
    would find everything about "who"."""
    from portal import search

    the_who = make_update(en={"title": "The Who", "body": "A band."}, nl={"title": "De band"})
    make_update(en={"title": "Who else", "body": "Nobody."}, nl={"title": "Een band"})

    def found(lang, q):
        return [row.update_id for row in db.session.execute(search.matching(lang, q))]

    assert found("en", "the who") == [the_who]
    assert found("nl", "de band") == [the_who]
