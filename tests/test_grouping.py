"""Grouping desk items into stories, measured on real announcements (tests/data)."""

from __future__ import annotations

import json
from datetime import datetime
from itertools import combinations
from pathlib import Path

from portal.importing.grouping import Entry, clusters

DATA = Path(__file__).parent / "data" / "announcements.json"
# What the grouping achieves on the data set (pairwise), less a small margin.
PRECISION, RECALL = 0.94, 0.94


def load() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))["items"]


def scores(items: list[dict]) -> tuple[float, float]:
    """Pairwise precision and recall of the groups against the `story` labels."""
    entries = [
        Entry(i["title"], i["summary"], i["link"], datetime.fromisoformat(i["date"])) for i in items
    ]
    label = {index: n for n, group in enumerate(clusters(entries)) for index in group}
    together = same = both = 0
    for a, b in combinations(range(len(items)), 2):
        predicted = label[a] == label[b]
        actual = items[a]["story"] == items[b]["story"]
        together += predicted
        same += actual
        both += predicted and actual
    return both / together, both / same


def test_the_data_set_is_large_real_and_varied():
    items = load()
    assert len(items) >= 200
    stories = {i["story"] for i in items}
    assert len(stories) >= 60
    assert all(sum(i["story"] == s for i in items) >= 2 for s in stories)
    assert len({i["maker"] for i in items}) >= 8
    assert len({i["link"] for i in items}) == len(items)


def test_grouping_finds_the_stories_with_high_precision_and_recall():
    precision, recall = scores(load())
    print(f"precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= PRECISION
    assert recall >= RECALL


def test_one_story_across_makers_is_one_group_and_neighbours_stay_apart():
    items = [i for i in load() if i["story"] in ("gpt-5", "gpt-oss", "opus-4.1")]
    entries = [
        Entry(i["title"], i["summary"], i["link"], datetime.fromisoformat(i["date"])) for i in items
    ]
    groups = [{items[n]["story"] for n in group} for group in clusters(entries)]
    assert sorted(map(sorted, groups)) == [["gpt-5"], ["gpt-oss"], ["opus-4.1"]]


def test_the_same_page_is_one_story_whatever_its_words():
    entries = [
        Entry("Hello", "", "https://www.maker.example/news/x/", None),
        Entry("Something else entirely", "", "http://maker.example/news/x", None),
    ]
    assert clusters(entries) == [[0, 1]]
