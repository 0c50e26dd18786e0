"""The first request of each page type after an editor publishes one update, page cache off.

    python bench/after_edit.py bench/data/portal-2000.db [EDITS]

Warms every page type, then EDITS times: raises one published update's importance (an
ORM edit and commit, as the editors' form makes) and times the first request of an update
page, the listing, a maker's fragment and a search with three filters, each a URL not
requested before; prints the medians (ms) and how long the content index took to follow.
Every edit is undone at the end (the database keeps its content, not its version).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import _open, _sitemap_parts, _upgrade, _urls  # noqa: E402


def main() -> None:
    from sqlalchemy import select

    from portal import facets
    from portal.extensions import db
    from portal.models import Update

    database = Path(sys.argv[1])
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    _upgrade(database)
    urls = _urls(database)
    app = _open(database, cache=False)
    client = app.test_client()
    urls["sitemap"] = _sitemap_parts(client)
    for kind in urls:
        client.get(*urls[kind][0][:1], headers=urls[kind][0][1])
    timings: dict[str, list[float]] = {"index": [], **{kind: [] for kind in urls}}
    with app.app_context():
        ids = db.session.scalars(
            select(Update.id).where(Update.status == "published").order_by(Update.id).limit(edits)
        ).all()
    for n, update_id in enumerate(ids, start=1):
        with app.app_context():
            db.session.get(Update, update_id).importance += 1
            db.session.commit()
            t0 = time.perf_counter()
            facets.current()
            timings["index"].append((time.perf_counter() - t0) * 1000)
            db.session.get(Update, update_id).importance -= 1
            db.session.commit()
        for kind, choices in urls.items():
            url, headers = choices[n % len(choices)]
            t0 = time.perf_counter()
            assert client.get(url, headers=headers).status_code == 200
            timings[kind].append((time.perf_counter() - t0) * 1000)
    for kind, values in timings.items():
        print(f"{kind}: median {statistics.median(values):.1f} ms over {len(values)} edits")


if __name__ == "__main__":
    main()
