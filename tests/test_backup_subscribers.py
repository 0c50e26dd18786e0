"""Digest subscribers in backups: version 2 carries them; a version 1 file still imports."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from portal import create_app
from portal.backup.restore import VERSION_2
from portal.extensions import db
from portal.models import Subscriber


@pytest.fixture
def empty(sqlite_template, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": sqlite_template.copy_to(tmp_path / "restored.db"),
            "SITE_URL": "https://portal.example",
        }
    )
    yield app
    with app.app_context():
        db.engine.dispose()


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def stored(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(select(Subscriber).order_by(Subscriber.id)).all()
        return [
            (s.id, s.email, s.lang, s.frequency, s.filters, s.status, s.sent_until, s.failures)
            for s in rows
        ]


def test_subscribers_survive_export_and_import(app, empty, make_update, tmp_path):
    make_update(en={"title": "July"}, published="2025-07-08")
    with app.app_context():
        db.session.add_all(
            [
                Subscriber(
                    email="a@example.org",
                    lang="nl",
                    frequency="daily",
                    filters="maker=openai",
                    status="active",
                    confirmed_at=datetime(2025, 7, 1),
                    sent_until=datetime(2025, 7, 2),
                ),
                Subscriber(email="b@example.org", lang="en", status="paused", failures=3),
            ]
        )
        db.session.commit()
    path = tmp_path / "backup.json"
    assert run(app, "export-json", str(path)).exit_code == 0
    doc = json.loads(path.read_text())
    assert doc["version"] == 2
    assert [s["email"] for s in doc["subscribers"]] == ["a@example.org", "b@example.org"]

    result = run(empty, "import-json", str(path))

    assert result.exit_code == 0, result.output
    assert stored(empty) == stored(app)
    again = tmp_path / "again.json"
    run(empty, "export-json", str(again))
    assert again.read_bytes() == path.read_bytes()


def test_a_version_1_file_still_imports_without_subscribers(app, empty, make_update, tmp_path):
    make_update(en={"title": "July"}, published="2025-07-08")
    path = tmp_path / "backup.json"
    run(app, "export-json", str(path))
    doc = json.loads(path.read_text())
    doc["version"] = 1
    for key in VERSION_2:
        doc.pop(key, None)
    path.write_text(json.dumps(doc))

    result = run(empty, "import-json", str(path))

    assert result.exit_code == 0, result.output
    assert stored(empty) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: [d.pop(k) for k in VERSION_2 - {"subscribers"}] and d.update(version=1),
            "unknown key 'subscribers' (not in version 1)",
        ),
        (lambda d: d["subscribers"][0].update(status="gone"), "subscribers[0].status: 'gone'"),
        (lambda d: d["subscribers"][0].update(lang="de"), "subscribers[0].lang: 'de'"),
        (lambda d: d["subscribers"][0].pop("email"), "subscribers[0]: 'email' is missing"),
    ],
)
def test_a_bad_subscriber_is_refused_with_where_and_why(app, empty, tmp_path, change, message):
    with app.app_context():
        db.session.add(Subscriber(email="a@example.org", lang="en", status="active"))
        db.session.commit()
    path = tmp_path / "backup.json"
    run(app, "export-json", str(path))
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))

    result = run(empty, "import-json", str(path))

    assert result.exit_code != 0
    assert message in result.output
    assert stored(empty) == []
