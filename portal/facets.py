"""An in-memory index of the published updates, one per content version and process.

Listings, their facet counts, the activity chart and search results all ask the same
question of the same few columns: which published updates have these values? Asking the
database walks every match once per facet (five GROUP BYs, a count and the chart: at
100,000 updates that is 100,000 rows several times a request). This module reads those
columns once per content version into bitsets (Python ints, bit i for the i-th newest
update) so that a request answers with a few ANDs and popcounts:

- `positions`: update ids newest first (published_at, then id, descending), and the dates;
- one bitset per facet value (maker, type, audience, level, tag) and per importance;
- the translation id → (update id, language) map, so that search reads only the
  full-text index's rowids and ranks, never its content rows.

Every published update is kept, scheduled ones too: whether an update is visible yet is
a date range decided per request (`visible`), so a scheduled update going live needs no
rebuild. The index is keyed by `site_state.content_version`, which every content change
raises in its own transaction (portal.http.pagecache); the version is read before the rows, so
an index is never labelled with a version newer than its rows. An edit makes the next
request rebuild it (one pass over the published updates and their tags).
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from weakref import WeakKeyDictionary

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import Maker, Tag, Update, UpdateTranslation, update_tags
from portal.models.state import SiteState

VERSION_SQL = select(SiteState.content_version).where(SiteState.id == 1)


def bitset(positions) -> int:
    """The bitset with these bits set."""
    positions = list(positions)
    if not positions:
        return 0
    bits = bytearray(max(positions) // 8 + 1)
    for p in positions:
        bits[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(bits, "little")


def span(start: int, stop: int) -> int:
    """The bitset of positions start ≤ p < stop."""
    return ((1 << stop) - 1) ^ ((1 << start) - 1) if stop > start else 0


def positions(bits: int) -> list[int]:
    """The positions of every set bit, in order."""
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    return [i * 8 + j for i, byte in enumerate(raw) if byte for j in range(8) if byte >> j & 1]


def first_positions(bits: int, skip: int, count: int) -> list[int]:
    """The positions of the set bits of `bits` after the first `skip`, at most `count`."""
    if skip:
        if skip >= bits.bit_count():
            return []
        low, high = 0, bits.bit_length()  # the smallest prefix holding `skip` set bits
        while low < high:
            middle = (low + high) // 2
            if (bits & ((1 << middle) - 1)).bit_count() >= skip:
                high = middle
            else:
                low = middle + 1
        bits = bits >> low << low
    found = []
    while bits and len(found) < count:
        lowest = bits & -bits
        found.append(lowest.bit_length() - 1)
        bits ^= lowest
    return found


@dataclass
class Index:
    version: int | None
    ids: list[int] = field(default_factory=list)  # position → update id, newest first
    dates: list[datetime] = field(default_factory=list)  # position → published_at
    position: dict[int, int] = field(default_factory=dict)  # update id → position
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet → value → bits
    importance: dict[int, int] = field(default_factory=dict)
    translations: dict[int, tuple[int, str]] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # other things read once per version

    def __post_init__(self) -> None:
        self.ascending = self.dates[::-1]

    @property
    def size(self) -> int:
        return len(self.ids)

    def newer_than(self, moment: datetime, inclusive: bool = False) -> int:
        """How many updates were published after `moment` (or at it, if inclusive): the
        first position of the ones that were not."""
        cut = bisect_left if inclusive else bisect_right
        return self.size - cut(self.ascending, moment)

    def between(self, start: datetime | None, end: datetime | None) -> int:
        """The bitset of start ≤ published_at < end (either end open)."""
        first = self.newer_than(end, inclusive=True) if end else 0
        last = self.newer_than(start, inclusive=True) if start else self.size
        return span(first, last)

    def visible(self, now: datetime) -> int:
        """Published and not scheduled for later than `now`."""
        return span(self.newer_than(now), self.size)

    def any_of(self, facet: str, values) -> int:
        bits = 0
        for value in values:
            bits |= self.facets[facet].get(value, 0)
        return bits

    def at_least(self, importance: int) -> int:
        bits = 0
        for value, ones in self.importance.items():
            if value >= importance:
                bits |= ones
        return bits

    def public(self, facet: str, now: datetime) -> set[str]:
        """The values of a facet with a visible update (public makers and tags)."""
        visible = self.visible(now)
        return {value for value, bits in self.facets[facet].items() if bits & visible}


def _build(session, version: int | None) -> Index:
    published = Update.status == "published"
    rows = session.execute(
        select(Update.id, Update.published_at, Maker.slug, Update.type)
        .add_columns(Update.audience, Update.level, Update.importance)
        .join(Maker, Maker.id == Update.maker_id)
        .where(published)
        .order_by(Update.published_at.desc(), Update.id.desc())
    ).all()
    ids = [row[0] for row in rows]
    position = {update_id: p for p, update_id in enumerate(ids)}
    grouped: dict[str, dict[str, list[int]]] = {
        name: {} for name in ("maker", "type", "audience", "level", "tag")
    }
    importance: dict[int, list[int]] = {}
    for p, (_, _, maker, kind, audience, level, weight) in enumerate(rows):
        for name, value in (("maker", maker), ("type", kind), ("audience", audience)):
            grouped[name].setdefault(value, []).append(p)
        grouped["level"].setdefault(level, []).append(p)
        importance.setdefault(weight, []).append(p)
    tagged = session.execute(
        select(update_tags.c.update_id, Tag.slug)
        .join(Tag, Tag.id == update_tags.c.tag_id)
        .join(Update, Update.id == update_tags.c.update_id)
        .where(published)
    )
    for update_id, slug in tagged:
        grouped["tag"].setdefault(slug, []).append(position[update_id])
    texts = session.execute(
        select(UpdateTranslation.id, UpdateTranslation.update_id, UpdateTranslation.lang)
        .join(Update, Update.id == UpdateTranslation.update_id)
        .where(published)
    )
    return Index(
        version=version,
        ids=ids,
        dates=[row[1] for row in rows],
        position=position,
        facets={
            name: {value: bitset(ps) for value, ps in values.items()}
            for name, values in grouped.items()
        },
        importance={value: bitset(ps) for value, ps in importance.items()},
        translations={t: (u, lang) for t, u, lang in texts},
    )


_kept: WeakKeyDictionary = WeakKeyDictionary()  # engine → Index
_lock = threading.Lock()


def current(version: int | None = None) -> Index:
    """The index at the current content version, kept per process and database and rebuilt
    after any content change. `version` is the one the request read before any content
    (portal.http.pagecache); without it, it is read here. Built on a connection of its own, so
    only committed content is kept."""
    engine = db.engine
    if _fresh(kept := _kept.get(engine), version):
        return kept
    with _lock, Session(engine) as session:
        if version is None:
            version = session.scalar(VERSION_SQL)
        if not _fresh(kept := _kept.get(engine), version):
            kept = _build(session, version)
            _kept[engine] = kept
    return kept


def _fresh(kept: Index | None, version: int | None) -> bool:
    """Whether the kept index serves a request that read `version`: it is that version or
    a newer one (a request that started before an edit may see it; never an older one)."""
    if kept is None or kept.version is None or version is None:
        return False
    return kept.version >= version
