"""Editors record an update's changes in the update form (issue 14): add one with a new
product, edit it, remove it; a refused change saves nothing and says why in the language."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from test_editor_updates import form, maker_id  # noqa: F401

from portal.extensions import db
from portal.models import Change, Product, Update


def change_row(index: int = 0, **fields) -> dict:
    row = {
        "kind": "price",
        "effective_date": "2025-06-10",
        "new_product": "o3",
        "old_price": "10",
        "new_price": "2",
        "price_unit": "1m-input-tokens",
        "currency": "USD",
        "description_en": "Input is 80% cheaper.",
        "description_nl": "Invoer is 80% goedkoper.",
    } | fields
    return {f"changes-{index}-{name}": value for name, value in row.items()}


def changes(app) -> list[Change]:
    with app.app_context():
        found = db.session.scalars(select(Change).order_by(Change.id)).all()
        for change in found:
            _ = [p.name for p in change.products], change.translations
        return found


def test_add_edit_and_remove_a_change_in_the_update_form(app, editor, maker_id):  # noqa: F811
    response = editor.post(
        "/en/editor/updates/new", data=form(editor, maker_id, "publish") | change_row()
    )
    assert response.status_code == 303, response.get_data(as_text=True)[-3000:]
    (change,) = changes(app)
    assert (change.kind, change.old_price, change.new_price) == ("price", Decimal(10), Decimal(2))
    assert [p.name for p in change.products] == ["o3"]
    assert {t.lang: t.description for t in change.translations}["nl"] == "Invoer is 80% goedkoper."
    page = editor.get("/en/updates/codex-learns-to-review-pull-requests/").get_data(as_text=True)
    assert "What changes, when" in page and "$10.00 → $2.00 per 1M input tokens" in page

    edit_url = response.headers["Location"]
    loaded = editor.get(edit_url).get_data(as_text=True)
    assert 'name="changes-0-id"' in loaded and 'name="changes-2-kind"' in loaded  # 2 blank rows
    version = loaded.split('name="version" type="hidden" value="')[1].split('"')[0]
    with app.app_context():
        product_id = db.session.scalar(select(Product.id))
    data = form(editor, maker_id, "publish") | {"version": version}
    data |= change_row(
        0, id=str(change.id), new_product="", products=str(product_id), new_price="3"
    )
    data |= change_row(
        1,
        kind="retirement",
        effective_date="2026-01-05",
        new_product="",
        products=str(product_id),
        old_price="",
        new_price="",
        currency="",
    )
    assert editor.post(edit_url, data=data).status_code == 303
    first, second = changes(app)
    assert first.id == change.id and first.new_price == Decimal(3)
    assert second.kind == "retirement" and [p.name for p in second.products] == ["o3"]

    loaded = editor.get(edit_url).get_data(as_text=True)
    version = loaded.split('name="version" type="hidden" value="')[1].split('"')[0]
    data = form(editor, maker_id, "publish") | {"version": version}
    data |= change_row(0, id=str(first.id), remove="y", new_product="", products=str(product_id))
    data |= change_row(
        1,
        id=str(second.id),
        kind="retirement",
        new_product="",
        products=str(product_id),
        old_price="",
        new_price="",
        currency="",
    )
    assert editor.post(edit_url, data=data).status_code == 303
    assert [c.id for c in changes(app)] == [second.id]


def test_a_refused_change_saves_nothing_and_says_why(app, editor, maker_id):  # noqa: F811
    data = form(editor, maker_id, "publish") | change_row(
        0, kind="deprecation", effective_date="2025-06-01", old_price="", new_price="", currency=""
    )
    data |= change_row(
        1,
        kind="retirement",
        effective_date="2025-05-01",
        new_product="o3",
        old_price="",
        new_price="",
        currency="",
    )
    response = editor.post("/nl/editor/updates/new", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "O3 kan niet buiten gebruik gaan" in html or "o3 kan niet buiten gebruik gaan" in html
    assert "Er is niets opgeslagen" in html or "niets opgeslagen" in html.lower()
    with app.app_context():
        assert db.session.scalars(select(Update)).all() == []
        assert db.session.scalars(select(Product)).all() == []

    for bad, message in (
        ({"new_price": "-2"}, "Prijzen moeten hoger zijn dan nul."),
        ({"effective_date": ""}, "Elke wijziging heeft de datum nodig waarop ze ingaat."),
        ({"currency": ""}, "Een prijs heeft een valuta nodig."),
        ({"effective_time": "17:00", "time_zone": "Mars/Base"}, "Europe/Amsterdam"),
        ({"products": "99999", "new_product": ""}, "changes-0-products-error"),
    ):
        data = form(editor, maker_id, "publish") | change_row(**bad)
        response = editor.post("/nl/editor/updates/new", data=data)
        assert response.status_code == 422, bad
        assert message.lower() in response.get_data(as_text=True).lower(), bad
    assert changes(app) == []


def test_products_create_rename_and_merge(app, editor, maker_id):  # noqa: F811
    data = {"csrf_token": editor.csrf, "slug": "gpt-x", "name": "GPT-X", "maker": maker_id}
    assert editor.post("/en/editor/products/", data=data).status_code == 303
    taken = editor.post("/nl/editor/products/", data=data | {"name": "Again"})
    assert taken.status_code == 422
    assert "Een ander product gebruikt dit adres al." in taken.get_data(as_text=True)
    other = data | {"slug": "gpt-x-old", "name": "GPT-X (old name)"}
    assert editor.post("/en/editor/products/", data=other).status_code == 303
    with app.app_context():
        ids = {p.slug: p.id for p in db.session.scalars(select(Product))}
    rename = data | {"name": "GPT-X1", "name_nl": "GPT-X1 (NL)", "description_en": "A model."}
    assert editor.post(f"/en/editor/products/{ids['gpt-x']}/", data=rename).status_code == 303

    # Two changes on an update, one per product; merging moves the old one's to the new.
    response = editor.post(
        "/en/editor/updates/new",
        data=form(editor, maker_id, "publish")
        | change_row(
            0,
            kind="launch",
            new_product="",
            products=str(ids["gpt-x"]),
            old_price="",
            new_price="",
            currency="",
        )
        | change_row(
            1,
            kind="deprecation",
            new_product="",
            products=str(ids["gpt-x-old"]),
            old_price="",
            new_price="",
            currency="",
        ),
    )
    assert response.status_code == 303
    same = {"csrf_token": editor.csrf, "source": ids["gpt-x"], "target": ids["gpt-x"]}
    assert editor.post("/en/editor/products/merge", data=same).status_code == 422
    merge = {"csrf_token": editor.csrf, "source": ids["gpt-x-old"], "target": ids["gpt-x"]}
    assert editor.post("/en/editor/products/merge", data=merge).status_code == 303
    assert [[p.slug for p in c.products] for c in changes(app)] == [["gpt-x"], ["gpt-x"]]
    html = editor.get("/nl/products/gpt-x/").get_data(as_text=True)
    assert "<h1>GPT-X1 (NL)</h1>" in html and "Uitfasering" in html and "Lancering" in html
    assert editor.get("/en/products/gpt-x-old/").status_code == 404
    listing = editor.get("/en/editor/products/").get_data(as_text=True)
    assert "GPT-X1" in listing and "GPT-X (old name)" not in listing
