"""In-process medians of the first request of each URL, page cache off (issue 13's measure).

    python bench/first_ms.py bench/data/portal-100000.db [N]

For each kind of `bench/instructions.py` (update, listing, fragment, search), serves its
warm-up URLs (20 other URLs of the kind), then times N URLs never served before, each once,
and prints their median and slowest in ms. Wall time: run it on a quiet machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.instructions import first_requests  # noqa: E402

KINDS = ("update", "listing", "fragment", "search")


def main() -> None:
    from portal import create_app

    database = str(Path(sys.argv[1]).resolve())
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "PAGE_CACHE_BYTES": 0})
    client = app.test_client()

    def get(path: str, query: str, hx: bool) -> None:
        response = client.get(f"{path}?{query}", headers={"HX-Request": "true"} if hx else {})
        if response.status_code != 200:
            sys.exit(f"{path}?{query}: {response.status_code}")

    plans = {kind: first_requests(database, kind, n) for kind in KINDS}
    for warm, _ in plans.values():
        for url in warm:
            get(*url)
    for kind, (_, counted) in plans.items():
        times = []
        for url in counted:
            t0 = time.perf_counter()
            get(*url)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{kind}: median {statistics.median(times):.2f} ms, slowest {max(times):.2f} ms")


if __name__ == "__main__":
    main()
