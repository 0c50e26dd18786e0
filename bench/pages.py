"""Save the HTML of a set of pages (both languages, full pages and htmx fragments) with
the page cache off, to compare before and after a change that must not alter output:

    python bench/pages.py DB OUTDIR      # then: diff -r BEFORE AFTER
    python bench/pages.py DB --profile   # cProfile of one warm request of each kind
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pages(slug: str) -> list[tuple[str, bool]]:
    listings = [
        "/{lang}/updates/",
        "/{lang}/updates/?maker=openai",
        "/{lang}/updates/?maker=openai&type=article",
        "/{lang}/updates/?q=model&maker=openai&audience=developers&level=beginner",
        "/{lang}/updates/?level=beginner&page=2",
        "/{lang}/makers/openai/",
        "/{lang}/makers/openai/?type=article",
        "/{lang}/updates/tags/",
        "/{lang}/",
        "/{lang}/makers/",
    ]
    found = []
    for lang in ("en", "nl"):
        for url in listings:
            found += [(url.format(lang=lang), False), (url.format(lang=lang), True)]
        found += [(f"/{lang}/updates/{slug}/", False)]
    return found


def main() -> None:
    from sqlalchemy import text

    from portal import create_app
    from portal.extensions import db

    database, out = sys.argv[1:3]
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "PAGE_CACHE_BYTES": 0})
    with app.app_context():
        slugs = db.session.execute(
            text("SELECT slug FROM update_translations WHERE lang = 'en' ORDER BY id LIMIT 3")
        ).scalars()
        slugs = list(slugs)
    client = app.test_client()
    if out == "--profile":
        for url, hx in (
            (f"/en/updates/{slugs[0]}/", False),
            ("/en/updates/?maker=openai", False),
            ("/en/updates/?maker=openai&type=article", True),
            ("/nl/updates/?q=model&maker=openai&audience=developers&level=beginner", False),
        ):
            headers = {"HX-Request": "true"} if hx else {}
            for _ in range(3):
                client.get(url, headers=headers)
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(5):
                client.get(url, headers=headers)
            profile.disable()
            print(f"\n===== {url} hx={hx} (5 requests)")
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        return
    Path(out).mkdir(parents=True, exist_ok=True)
    for n, (url, hx) in enumerate(
        pages(slugs[0])
        + [(f"/{lang}/updates/{s}/", False) for s in slugs[1:] for lang in ("en", "nl")]
    ):
        response = client.get(url, headers={"HX-Request": "true"} if hx else {})
        name = f"{n:02d}-{response.status_code}-{'hx' if hx else 'page'}.html"
        Path(out, name).write_bytes(url.encode() + b"\n" + response.data)


if __name__ == "__main__":
    main()
