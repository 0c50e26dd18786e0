"""Products and changes in `export-json` / `import-json` (backup format version 2); a
version 1 file still imports, with no products and changes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from test_backup import cli, empty, export, full, refused  # noqa: F401

from portal.backup.restore import VERSION_2
from portal.extensions import db
from portal.models import Change, Product

PAGES = ["/en/calendar/", "/nl/products/o3/", "/en/products/gemini-1-5-pro/", "/nl/calendar.ics"]


def restore(app, tmp_path, raw: bytes) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(raw)
    result = cli(app, "import-json", str(path))
    assert result.exit_code == 0, result.output


def test_products_and_changes_survive_a_restore(full, empty, tmp_path):  # noqa: F811
    raw = export(full, tmp_path)
    doc = json.loads(raw)
    o3 = next(p for p in doc["products"] if p["slug"] == "o3")
    cut = next(c for c in doc["changes"] if o3["id"] in c["product_ids"])
    assert (cut["old_price"], cut["new_price"], cut["currency"]) == ("10", "2", "USD")
    assert cut["effective_date"] == "2025-06-10" and set(cut["descriptions"]) == {"en", "nl"}
    before = {url: full.test_client().get(url).data for url in PAGES}
    restore(empty, tmp_path, raw)
    after = {url: empty.test_client().get(url).data for url in PAGES}
    assert after == before
    assert export(empty, tmp_path, "again.json") == raw


def test_a_version_1_file_imports_without_products(full, empty, tmp_path):  # noqa: F811
    doc = json.loads(export(full, tmp_path))
    for key in VERSION_2:
        del doc[key]
    doc["version"] = 1
    restore(empty, tmp_path, json.dumps(doc).encode())
    with empty.app_context():
        assert db.session.scalar(select(func.count(Product.id))) == 0
        assert db.session.scalar(select(func.count(Change.id))) == 0
    assert empty.test_client().get("/en/calendar/").status_code == 200


def _retire_early(doc):
    claude = next(p["id"] for p in doc["products"] if p["slug"] == "claude-3-sonnet")
    retired = next(
        c for c in doc["changes"] if claude in c["product_ids"] and c["kind"] == "retirement"
    )
    retired["effective_date"] = "2024-01-01"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_retire_early, "Claude 2 cannot retire before its deprecation (2025-01-21)."),
        (lambda d: d["changes"][0].update(product_ids=[999]), "no product has id 999"),
        (lambda d: d["changes"][0].update(new_price="-1"), "Prices must be more than zero."),
        (lambda d: d["changes"][0].update(new_price="NaN"), "cannot be read"),
        (lambda d: d["changes"][0].update(effective_date="2025-13-01"), "cannot be read"),
        (lambda d: d["changes"][0].update(kind="rumour"), "Choose what kind of change this is."),
        (lambda d: d["changes"][0].update(update_id=99999), "no update has id 99999"),
        (lambda d: d["products"][0].update(slug="Not A Slug"), "a slug like gpt-4-1"),
        (lambda d: d["products"][0].update(colour="red"), "unknown key 'colour'"),
    ],
)
def test_a_bad_product_or_change_is_refused(full, empty, tmp_path, change, message):  # noqa: F811
    doc = json.loads(export(full, tmp_path))
    change(doc)
    refused(empty, tmp_path, json.dumps(doc).encode(), message)
    with empty.app_context():
        assert db.session.scalar(select(func.count(Product.id))) == 0
