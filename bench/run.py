"""Time the reader pages in-process (Flask test client) on the generated databases.

    python bench/run.py [--requests 200]

Writes bench/RESULTS.md: median and p95 per page and database size, the targets
met or missed, and EXPLAIN QUERY PLAN (with per-statement time) of the SQL that the
listing and fragment requests emit at 100k.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"
SIZES = (1000, 100000)
WARMUP = 20
TARGETS = {"update": 3.0, "fragment": 8.0, "listing": 12.0, "search": 25.0}
LABELS = {
    "update": "update page `/en/updates/<slug>/`",
    "listing": "all updates `/en/updates/`",
    "fragment": "filter fragment (HX-Request) `?maker=&type=article`",
    "search": "`/nl/updates/?q=model&maker=&type=&level=`",
}
SEARCH_WORD = "model"  # among the most frequent words of both vocabularies


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
        "listing": [("/en/updates/", {})],
        "fragment": [(f"/en/updates/?maker={m}&type=article", hx) for m in makers],
        "search": [
            (
                f"/nl/updates/?q={SEARCH_WORD}&maker={m}&type={types[i % 3]}&level={levels[i % 3]}",
                {},
            )
            for i, m in enumerate(makers)
        ],
    }


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.chdir(ROOT)

    from portal import create_app

    results: dict[int, dict[str, tuple[float, float]]] = {}
    failures: list[str] = []
    plans = ""
    for size in SIZES:
        path = DATA / f"portal-{size}.db"
        if not path.exists():
            sys.exit(f"{path} is missing: run `make bench-data`")
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path.resolve()}"})
        client = app.test_client()
        urls = _urls(path)
        results[size] = {}
        for case, case_urls in urls.items():
            times, bad = _time(client, case_urls, args.requests)
            failures += [f"{size}: {b}" for b in bad]
            results[size][case] = (statistics.median(times), _p95(times))
            print(
                f"{size:>7} {case:<9} median {results[size][case][0]:8.2f} ms  "
                f"p95 {results[size][case][1]:8.2f} ms  ({len(bad)} non-200)",
                flush=True,
            )
        if size == max(SIZES):
            for title, case in (
                ("Listing `/en/updates/`", "listing"),
                ("Fragment `/en/updates/?maker=…&type=article` (HX-Request)", "fragment"),
            ):
                url, headers = urls[case][0]
                plans += f"\n### {title} — `{url}`\n\n"
                plans += _plans(path, _capture(app, client, url, headers))
        from portal.extensions import db

        with app.app_context():
            db.engine.dispose()

    small, big = min(SIZES), max(SIZES)
    lines = [
        "# Benchmark results",
        "",
        f"- date: {datetime.now().isoformat(timespec='seconds')}",
        f"- machine: `nproc` = {os.cpu_count()}, {platform.machine()}, {platform.platform()}",
        f"- python: {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        f"- {args.requests} timed requests per page after {WARMUP} warm-up requests, in-process "
        "Flask test client (no network), one thread",
        f"- non-200 responses: {len(failures)}"
        + (": " + ", ".join(failures[:10]) if failures else ""),
        "",
        f"| page | {small:,} median | {small:,} p95 | {big:,} median | {big:,} p95 | "
        f"target at {big:,} | target met | {big:,} ≤ 2× {small:,} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for case in ("update", "listing", "fragment", "search"):
        sm, sp = results[small][case]
        bm, bp = results[big][case]
        met = "met" if bm <= TARGETS[case] else "**missed**"
        scale = "met" if bm <= 2 * sm else f"**missed** ({bm / sm:.1f}×)"
        lines.append(
            f"| {LABELS[case]} | {sm:.2f} ms | {sp:.2f} ms | {bm:.2f} ms | {bp:.2f} ms | "
            f"≤ {TARGETS[case]:g} ms | {met} | {scale} |"
        )
    lines += ["", f"## Query plans at {big:,} updates", plans]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:20]))
    if failures:
        sys.exit(f"{len(failures)} responses were not 200")


if __name__ == "__main__":
    main()
