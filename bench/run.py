"""Time the reader pages in-process (Flask test client) on the generated databases.

    python bench/run.py [--requests 200] [--uncached-requests 50] [--no-callgrind]
    python bench/run.py --postgres postgresql+psycopg://user@host/db [--uncached-requests 20]

Writes its section of bench/RESULTS.md (between its markers; the notes on earlier passes
and bench/load.sh's section are kept): median and p95 per page kind (update page,
listings, htmx fragment, search with three filters for "model" and for each language's
most common word, a sitemap part, feeds), page-cache mode, the targets met or missed,
CPU instructions per request counted by callgrind at 2,000 updates for the four targets
of issue 13, and EXPLAIN QUERY PLAN (with per-statement time) of the SQL that the
listing, fragment and update requests emit at 100k with the cache off.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"
SIZES = (1000, 100000)
CALLGRIND_SIZE = 2000
WARMUP = 20
TARGETS = {
    "update": 3.0,
    "fragment": 8.0,
    "listing": 12.0,
    "search": 25.0,
    "search_common": 25.0,
    "sitemap": 50.0,
    "feed": 50.0,
}
LABELS = {
    "update": "update page `/en/updates/<slug>/`",
    "listing": "all updates `/en/updates/`, and by maker `?maker=`",
    "fragment": "filter fragment (HX-Request) `?maker=&type=article`",
    "search": "`/nl/updates/?q=model&maker=&type=&level=`",
    "search_common": "each language's most common word, `/en/…?q=the` and `/nl/…?q=de`, "
    "with maker, type and level",
    "sitemap": "a sitemap part of updates (`/sitemap.xml` when one file holds all)",
    "feed": "a feed, `/<lang>/feed.xml` and a maker's",
}
SEARCH_WORD = "model"  # among the most frequent words of both vocabularies
SEARCH_QUERY = f"q={SEARCH_WORD}&maker=openai&audience=developers&level=beginner"
CACHE_COUNTED = ("update page", "listing filtered by maker")  # also counted as cache hits
# The most frequent word of each generated language (bench/generate.py's Zipf vocabulary).
COMMON_WORDS = {"en": "the", "nl": "de"}


def _urls(path: Path) -> dict[str, list[tuple[str, dict]]]:
    con = sqlite3.connect(path)
    slugs = [
        r[0]
        for r in con.execute(
            "SELECT t.slug FROM update_translations t JOIN updates u ON u.id = t.update_id "
            "WHERE t.lang = 'en' AND u.status = 'published' ORDER BY (t.id * 7919) % 100003 "
            "LIMIT 50"
        )
    ]
    makers = [r[0] for r in con.execute("SELECT slug FROM makers ORDER BY id")]
    con.close()
    hx = {"HX-Request": "true"}
    levels = ["beginner", "intermediate", "expert"]
    types = ["article", "release", "paper"]
    return {
        "update": [(f"/en/updates/{s}/", {}) for s in slugs],
        "listing": [("/en/updates/", {})] + [(f"/en/updates/?maker={m}", {}) for m in makers],
        "fragment": [(f"/en/updates/?maker={m}&type=article", hx) for m in makers],
        "search": [
            (
                f"/nl/updates/?q={SEARCH_WORD}&maker={m}&type={types[i % 3]}&level={levels[i % 3]}",
                {},
            )
            for i, m in enumerate(makers)
        ],
        "search_common": [
            (
                f"/{lang}/updates/?q={word}&maker={m}&type={types[i % 3]}&level={levels[i % 3]}",
                {},
            )
            for i, m in enumerate(makers)
            for lang, word in COMMON_WORDS.items()
        ],
        "sitemap": [],  # found by asking the app (`_sitemap_parts`)
        "feed": [(f"/{lang}/feed.xml", {}) for lang in ("en", "nl")]
        + [(f"/en/makers/{m}/feed.xml", {}) for m in makers],
    }


def _sitemap_parts(client) -> list[tuple[str, dict]]:
    """The update parts the sitemap index names, or the sitemap itself when it is one file."""
    body = client.get("/sitemap.xml").get_data(as_text=True)
    parts = re.findall(r"<loc>[^<]*?(/sitemap-updates-\d+\.xml)</loc>", body)
    return [(part, {}) for part in parts] or [("/sitemap.xml", {})]


def _time(client, urls, n: int) -> tuple[list[float], list[str]]:
    bad = []
    for i in range(WARMUP):
        url, headers = urls[i % len(urls)]
        client.get(url, headers=headers)
    times = []
    for i in range(n):
        url, headers = urls[i % len(urls)]
        t0 = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            bad.append(f"{response.status_code} {url}")
    return times, bad


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _capture(app, client, url: str, headers: dict) -> list[tuple[str, tuple, float]]:
    """Every statement one request sends, with parameters and its execution time."""
    from sqlalchemy import event

    from portal.extensions import db

    with app.app_context():
        engine = db.engine
    captured: list = []
    started: dict = {}

    def before(conn, cursor, statement, parameters, context, executemany):
        started[id(cursor)] = time.perf_counter()

    def after(conn, cursor, statement, parameters, context, executemany):
        ms = (time.perf_counter() - started.pop(id(cursor), time.perf_counter())) * 1000
        captured.append((statement, parameters, ms))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        client.get(url, headers=headers)
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return captured


def _plans(path: Path, captured) -> str:
    con = sqlite3.connect(path)
    out = []
    total = sum(ms for _, _, ms in captured)
    out.append(f"{len(captured)} statements, {total:.1f} ms in SQLite (cursor execute only)\n")
    for n, (statement, params, ms) in enumerate(captured, 1):
        out.append(f"**Statement {n}** — {ms:.2f} ms\n")
        out.append("```sql\n" + statement.strip() + "\n```")
        out.append(f"parameters: `{params!r}`"[:600] + "\n")
        try:
            rows = con.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            plan = "\n".join(f"{'  ' * 0}{r[0]:>3} {r[1]:>3}  {r[3]}" for r in rows)
        except sqlite3.Error as exc:
            plan = f"(could not explain: {exc})"
        out.append("```\n" + plan + "\n```\n")
    con.close()
    return "\n".join(out)


def _instructions(database: Path, path: str, query: str, hx: bool, cache: bool) -> float:
    """Millions of CPU instructions per request, counted by callgrind.

    A run serving the URL N times minus a run serving it 0 times, divided by N: ten
    requests when the page renders, a hundred when the cache serves it (a hit costs so
    little that start-up noise would otherwise show)."""
    repeat = 100 if cache else 10
    totals = []
    env = {k: v for k, v in os.environ.items() if k != "PAGE_CACHE_BYTES"}
    env["PYTHONHASHSEED"] = "0"
    if not cache:
        env["PAGE_CACHE_BYTES"] = "0"
    for n in (0, repeat):
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                str(ROOT / "bench" / "instructions.py"),
                str(database),
                path,
                query,
                "1" if hx else "0",
                str(n),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        found = re.search(r"Collected : (\d+)", out.stderr)
        totals.append(int(found.group(1)))
    return (totals[1] - totals[0]) / repeat / 1e6


def _open(path: Path, cache: bool):
    from portal import create_app

    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path.resolve()}"}
    if not cache:
        config["PAGE_CACHE_BYTES"] = 0
    return create_app(config)


def _upgrade(path: Path) -> None:
    """Bring an older generated database to the current schema (new indexes, tables)."""
    import flask_migrate

    from portal.extensions import db

    app = _open(path, cache=False)
    with app.app_context():
        flask_migrate.upgrade()
        db.engine.dispose()


def _write(results: Path, section: str) -> None:
    """Put this run's section between its markers, keeping the rest of the file (the notes
    of earlier passes, bench/load.sh's section); a file without them gets it at the top."""
    begin, end = "<!-- bench/run.py: begin -->", "<!-- bench/run.py: end -->"
    text = results.read_text() if results.exists() else ""
    block = f"{begin}\n{section}\n{end}"
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = block + "\n\n" + text
    results.write_text(text)


def _postgres(url: str, n: int) -> None:
    """Time every case with the page cache off against PostgreSQL holding the rows of the
    largest generated database (copied by bench/copy_database.py), and print the medians:
    reported beside the SQLite figures, not written into RESULTS.md by this run."""
    from portal import create_app
    from portal.extensions import db

    path = DATA / f"portal-{max(SIZES)}.db"
    urls = _urls(path)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PAGE_CACHE_BYTES": 0})
    client = app.test_client()
    urls["sitemap"] = _sitemap_parts(client)
    print(f"| page | PostgreSQL {max(SIZES):,} median | p95 | target | met |")
    print("| --- | ---: | ---: | ---: | --- |")
    for case, case_urls in urls.items():
        for page, headers in case_urls:
            client.get(page, headers=headers)
        times, bad = _time(client, case_urls, n)
        median, p95 = statistics.median(times), _p95(times)
        met = "met" if median <= TARGETS[case] else f"**missed** ({median / TARGETS[case]:.1f}×)"
        note = f" ({len(bad)} non-200)" if bad else ""
        print(
            f"| {LABELS[case]} | {median:.2f} ms | {p95:.2f} ms | ≤ {TARGETS[case]:g} ms | "
            f"{met}{note} |",
            flush=True,
        )
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="only time the pages (cache off) on this PostgreSQL database, which holds the "
        "largest generated database's rows (bench/copy_database.py), and print the table",
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--uncached-requests", type=int, default=20, help="timed requests with the cache off"
    )
    parser.add_argument("--no-callgrind", action="store_true")
    args = parser.parse_args()
    os.chdir(ROOT)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if args.postgres:
        _postgres(args.postgres, args.uncached_requests)
        return

    from portal.extensions import db

    results: dict[tuple[int, str], dict[str, tuple[float, float]]] = {}
    failures: list[str] = []
    plans = ""
    for size in SIZES:
        path = DATA / f"portal-{size}.db"
        if not path.exists():
            sys.exit(f"{path} is missing: run `make bench-data`")
        _upgrade(path)
        urls = _urls(path)
        for mode, n in (("cached", args.requests), ("uncached", args.uncached_requests)):
            app = _open(path, cache=mode == "cached")
            client = app.test_client()
            urls["sitemap"] = _sitemap_parts(client)
            results[size, mode] = {}
            for case, case_urls in urls.items():
                for url, headers in case_urls:  # every URL seen once: the steady state
                    client.get(url, headers=headers)
                times, bad = _time(client, case_urls, n)
                failures += [f"{size} {mode}: {b}" for b in bad]
                results[size, mode][case] = (statistics.median(times), _p95(times))
                median, p95 = results[size, mode][case]
                print(
                    f"{size:>7} {mode:<8} {case:<9} median {median:8.2f} ms  "
                    f"p95 {p95:8.2f} ms  ({len(bad)} non-200)",
                    flush=True,
                )
            if size == max(SIZES) and mode == "uncached":
                for title, case in (
                    ("Listing `/en/updates/`", "listing"),
                    ("Fragment `/en/updates/?maker=…&type=article` (HX-Request)", "fragment"),
                    ("Update page", "update"),
                ):
                    url, headers = urls[case][0]
                    plans += f"\n### {title} — `{url}`\n\n"
                    plans += _plans(path, _capture(app, client, url, headers))
            with app.app_context():
                db.engine.dispose()

    counts = []
    if not args.no_callgrind:
        path = DATA / f"portal-{CALLGRIND_SIZE}.db"
        _upgrade(path)
        slug = _urls(path)["update"][0][0]
        for label, kind, url, query, target in (
            ("update page", "update", slug, "", 6.5),
            ("listing filtered by maker", "listing", "/en/updates/", "maker=openai", 8.7),
            ("htmx fragment", "fragment", "/en/updates/", "maker=openai&type=article", 6.0),
            ("search, three filters", "search", "/nl/updates/", SEARCH_QUERY, 25.0),
        ):
            hx = label == "htmx fragment"
            shown = url + ("?" + query if query else "") + (" (HX-Request)" if hx else "")
            for cache in (True, False) if label in CACHE_COUNTED else (False,):
                m = _instructions(path, url, query, hx=hx, cache=cache)
                mode = "on" if cache else "off, URL served before"
                counts.append((label, shown, mode, m, target))
                print(f"callgrind {label} cache={cache}: {m:.2f} M instructions", flush=True)
            # The measure: the first request of its URL (bench/instructions.py @kind).
            m = _instructions(path, f"@{kind}", "-", hx=False, cache=False)
            counts.append((label, f"@{kind}", "off, first request of its URL", m, target))
            print(f"callgrind {label} first request: {m:.2f} M instructions", flush=True)

    small, big = min(SIZES), max(SIZES)
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/run.py`) between its markers, the rest of this file "
        "kept as it is; the databases come from `make bench-data`.",
        "",
        f"- date: {datetime.now().isoformat(timespec='seconds')}",
        f"- machine: `nproc` = {os.cpu_count()}, {platform.machine()}, {platform.platform()}",
        f"- python: {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        "- in-process Flask test client (no network), one thread; every URL of a case is "
        "requested once before timing",
        f"- **cached**: the normal configuration, with the page cache on ({args.requests} timed "
        "requests per case); each hit still reads the content version from the database",
        f"- **uncached**: `PAGE_CACHE_BYTES=0`, every request renders ({args.uncached_requests} "
        "timed requests per case): what the first reader after an edit waits",
        f"- non-200 responses: {len(failures)}"
        + (": " + ", ".join(failures[:10]) if failures else ""),
        "",
        f"| page | mode | {small:,} median | {small:,} p95 | {big:,} median | {big:,} p95 | "
        f"target at {big:,} | target met | {big:,} ≤ 2× {small:,} |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for case in TARGETS:
        for mode in ("cached", "uncached"):
            sm, sp = results[small, mode][case]
            bm, bp = results[big, mode][case]
            met = "met" if bm <= TARGETS[case] else f"**missed** ({bm / TARGETS[case]:.1f}×)"
            scale = "met" if bm <= 2 * sm else f"**missed** ({bm / sm:.1f}×)"
            lines.append(
                f"| {LABELS[case]} | {mode} | {sm:.2f} ms | {sp:.2f} ms | {bm:.2f} ms | "
                f"{bp:.2f} ms | ≤ {TARGETS[case]:g} ms | {met} | {scale} |"
            )
    if counts:
        lines += [
            "",
            f"## CPU instructions per request at {CALLGRIND_SIZE:,} updates (callgrind)",
            "",
            "N requests through the WSGI app (environ built by hand, no test client) after "
            "20 warm-up requests, minus a run with none, divided by N (10 with the cache off, "
            '100 with it on); `PYTHONHASHSEED=0`. "URL served before": the same URL each '
            'time. "First request of its URL" (issue 13\'s measure): 20 other URLs of the '
            "kind first, then 10 never served before, each once (`bench/instructions.py "
            "DB @kind - - N` says which).",
            "",
            "| page | URL | page cache | M instructions | target | met |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        for label, url, cache, m, target in counts:
            met = "met" if m <= target else f"**missed** ({m / target:.1f}×)"
            lines.append(f"| {label} | `{url}` | {cache} | {m:.2f} | ≤ {target:g} | {met} |")
    lines += ["", f"## Query plans at {big:,} updates (cache off)", plans]
    results = ROOT / "bench" / "RESULTS.md"
    _write(results, "\n".join(lines))
    print("\n".join(lines[:40]))
    if failures:
        sys.exit(f"{len(failures)} responses were not 200")


if __name__ == "__main__":
    main()
