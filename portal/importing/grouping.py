"""Which desk items tell the same story, across makers' feeds.

Two items are *linked* when they name the same page, or when, published within `WINDOW`
of each other, their normalised titles are near copies (rapidfuzz `token_set_ratio` ≥
`TITLE_RATIO`) or they share a name (a word written with a capital or a digit: "GPT-4o",
"Sora", "405B") and the words they share carry at least `THRESHOLD` of information (the
sum of their inverse document frequencies over the desk). Groups grow from the strongest
links down; two groups join only when at least `LINKED_SHARE` of the pairs between them
are linked (average linkage), so one stray link does not chain two stories together. The
numbers are tuned on tests/data/announcements.json, 201 real announcements of 66 stories:
pairwise precision 0.961, recall 0.957 (tests/test_grouping.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import select

from portal.extensions import db
from portal.models import DeskItem
from portal.models.desk import WAITING

WINDOW = timedelta(days=7)
THRESHOLD = 5.0
TITLE_RATIO = 90
LINKED_SHARE = 0.5
PRIOR_DOCUMENTS = 100  # a small desk still weighs a shared rare word as rare
# Words every announcement uses: they say nothing about which story it is.
_STOP = """a an and are as at be by can for from has have in into is it its of on or our s
    that the their this to we with you your new now introducing announcing announces
    announced available launches launch launched releases release released unveils model
    models ai today yet more most than all what how here meet"""
STOPWORDS = frozenset(_STOP.split())
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Entry:
    """What grouping looks at of an item."""

    title: str
    summary: str
    link: str
    published_at: datetime | None


@dataclass(frozen=True)
class Terms:
    words: frozenset[str]
    names: frozenset[str]


def terms(text: str) -> Terms:
    """The words of `text` (lower case, stopwords out; "gpt-4o-mini" also as "gpt-4o" and
    "gpt") and which of them are names: written with a capital or a digit."""
    words, names = set(), set()
    for word in _WORD.findall(re.sub(r"['’]s\b", "", text)):
        lower = word.lower()
        if lower in STOPWORDS:
            continue
        parts = lower.split("-")
        forms = {lower} | {"-".join(parts[:n]) for n in range(1, len(parts))}
        words |= forms
        if any(c.isdigit() or c.isupper() for c in word):
            names |= forms
    return Terms(frozenset(words), frozenset(names))


def title_words(text: str) -> str:
    """A title for comparing: lower case, punctuation and stopwords out."""
    return " ".join(w for w in default_process(text).split() if w not in STOPWORDS)


def page(link: str) -> str:
    """A link without scheme, `www.` or final slash: the page it names (a fragment stays:
    a changelog's entries are one page each)."""
    parts = urlsplit(link.lower())
    return parts._replace(
        scheme="", netloc=parts.netloc.removeprefix("www."), path=parts.path.rstrip("/")
    ).geturl()


def _close(a: Entry, b: Entry) -> bool:
    if a.published_at is None or b.published_at is None:
        return True
    return abs(a.published_at - b.published_at) <= WINDOW


def _similarities(entries: Sequence[Entry], corpus: Iterable[Terms]) -> dict[tuple, float]:
    """Every linked pair (i < j) with its strength; `corpus` adds documents to the counts."""
    found = [terms(f"{e.title}. {e.summary}") for e in entries]
    documents = [*found, *corpus]
    counts = Counter(w for t in documents for w in t.words)
    size = len(documents) + PRIOR_DOCUMENTS
    weight = {w: math.log(size / (n + 1)) for w, n in counts.items()}
    titles = [title_words(e.title) for e in entries]
    pages = [page(e.link) for e in entries]
    linked = {}
    for i, j in combinations(range(len(entries)), 2):
        if pages[i] == pages[j]:
            linked[i, j] = math.inf
        elif not _close(entries[i], entries[j]):
            continue
        elif fuzz.token_set_ratio(titles[i], titles[j]) >= TITLE_RATIO:
            linked[i, j] = math.inf
        elif found[i].names & found[j].names:
            strength = sum(weight[w] for w in found[i].words & found[j].words)
            if strength >= THRESHOLD:
                linked[i, j] = strength
    return linked


def clusters(entries: Sequence[Entry], corpus: Iterable[Terms] = ()) -> list[list[int]]:
    """The groups of `entries`, as lists of their indexes in the order given."""
    linked = _similarities(entries, corpus)
    group = list(range(len(entries)))
    members = {i: [i] for i in range(len(entries))}
    for i, j in sorted(linked, key=linked.get, reverse=True):
        a, b = group[i], group[j]
        if a == b:
            continue
        pairs = [(min(x, y), max(x, y)) for x in members[a] for y in members[b]]
        if sum(pair in linked for pair in pairs) >= LINKED_SHARE * len(pairs):
            for x in members[b]:
                group[x] = a
            members[a] += members.pop(b)
    return sorted(sorted(m) for m in members.values())


def regroup() -> None:
    """Give every waiting item the group id of its story: the smallest id in its group.
    Items already used or dismissed only count towards how rare a word is."""
    items = db.session.scalars(
        select(DeskItem).where(DeskItem.state == WAITING).order_by(DeskItem.id)
    ).all()
    done = db.session.execute(
        select(DeskItem.title, DeskItem.summary).where(DeskItem.state != WAITING)
    )
    corpus = [terms(f"{title}. {summary}") for title, summary in done]
    entries = [Entry(d.title, d.summary, d.link, d.published_at) for d in items]
    for indexes in clusters(entries, corpus):
        for index in indexes:
            if items[index].group_id != items[indexes[0]].id:
                items[index].group_id = items[indexes[0]].id
