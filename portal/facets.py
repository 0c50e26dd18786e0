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
an index is never labelled with a version newer than its rows. Each change also writes
which updates it touched (`record`, table content_changes), so the next request after an
edit re-reads only those updates and patches a copy of the kept index (`_patch`: each is
cut out of every bitset and inserted where it now belongs); a version without its row (a
restore), a changed maker or tag slug, or many changes at once rebuild it from scratch.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import chain
from weakref import WeakKeyDictionary

from sqlalchemy import Text, delete, insert, inspect, literal, select
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import Maker, Tag, TagTranslation, Update, UpdateTranslation, update_tags
from portal.models.desk import UpdateSource
from portal.models.products import (
    Change,
    ChangeTranslation,
    Product,
    ProductTranslation,
    change_products,
)
from portal.models.state import ContentChange, SiteState
from portal.models.translation_status import FieldStatus

VERSION_SQL = select(SiteState.content_version).where(SiteState.id == 1)
MAX_CHANGED = 200  # updates changed since the kept index: more are read by a full rebuild
KEPT_CHANGES = 1000  # versions whose changes are kept (`record`)


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
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet → value → bits
    importance: dict[int, int] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # other things read once per version
    # Per update, pieces rendered from it (portal.public.pieces, .update_parts): a patch
    # keeps the other updates' pieces, a rebuild starts with none.
    pieces: dict[int, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ascending = self.dates[::-1]

    # Read by search only, and O(updates) to make: a patched index makes them when first
    # asked, from the last index that had them (`_base`) and the texts changed since.
    _base: Index | None = field(default=None, repr=False, compare=False)
    _changed: dict[int, list] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def position(self) -> dict[int, int]:
        """Update id → position."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    @cached_property
    def translations(self) -> dict[int, tuple[int, str]]:
        """Translation id → (update id, language)."""
        base, changed = self._base, self._changed
        translations, by_update = dict(base.translations), dict(base.texts)
        for update_id, rows in changed.items():
            for t in by_update.pop(update_id, ()):
                del translations[t]
            for t, lang in rows:
                translations[t] = (update_id, lang)
                by_update.setdefault(update_id, []).append(t)
        self.__dict__["texts"] = by_update
        self._base = None  # its memory can go
        return translations

    @cached_property
    def texts(self) -> dict[int, list[int]]:
        """Update id → its translation ids."""
        self.translations  # noqa: B018 (makes both)
        return self.__dict__["texts"]

    def find(self, update_id: int, published_at: datetime) -> int | None:
        """The position of an update published at this moment, if it is in the index."""
        for p in range(self.newer_than(published_at), self.newer_than(published_at, True)):
            if self.ids[p] == update_id:
                return p
        return None

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


FACETS = ("maker", "type", "audience", "level", "tag")


def _read(session, only: list[int] | None = None):
    """The published updates' indexed columns (newest first), tags and translations; with
    `only`, of those updates alone."""
    published = Update.status == "published"
    if only is not None:
        published &= Update.id.in_(only)
    rows = session.execute(
        select(Update.id, Update.published_at, Maker.slug, Update.type)
        .add_columns(Update.audience, Update.level, Update.importance)
        .join(Maker, Maker.id == Update.maker_id)
        .where(published)
        .order_by(Update.published_at.desc(), Update.id.desc())
    ).all()
    tagged = session.execute(
        select(update_tags.c.update_id, Tag.slug)
        .join(Tag, Tag.id == update_tags.c.tag_id)
        .join(Update, Update.id == update_tags.c.update_id)
        .where(published)
    ).all()
    texts = session.execute(
        select(UpdateTranslation.id, UpdateTranslation.update_id, UpdateTranslation.lang)
        .join(Update, Update.id == UpdateTranslation.update_id)
        .where(published)
    ).all()
    return rows, tagged, texts


def _build(session, version: int | None) -> Index:
    rows, tagged, texts = _read(session)
    ids = [row[0] for row in rows]
    position = {update_id: p for p, update_id in enumerate(ids)}
    grouped: dict[str, dict[str, list[int]]] = {name: {} for name in FACETS}
    importance: dict[int, list[int]] = {}
    for p, (_, _, maker, kind, audience, level, weight) in enumerate(rows):
        for name, value in (("maker", maker), ("type", kind), ("audience", audience)):
            grouped[name].setdefault(value, []).append(p)
        grouped["level"].setdefault(level, []).append(p)
        importance.setdefault(weight, []).append(p)
    for update_id, slug in tagged:
        grouped["tag"].setdefault(slug, []).append(position[update_id])
    index = Index(
        version=version,
        ids=ids,
        dates=[row[1] for row in rows],
        facets={
            name: {value: bitset(ps) for value, ps in values.items()}
            for name, values in grouped.items()
        },
        importance={value: bitset(ps) for value, ps in importance.items()},
    )
    translations, by_update = {}, {}
    for t, u, lang in texts:
        translations[t] = (u, lang)
        by_update.setdefault(u, []).append(t)
    index.__dict__.update(position=position, translations=translations, texts=by_update)
    return index


def _cut(bits: int, p: int) -> int:
    """The bitset without position p, the later positions moved down by one."""
    return bits & ((1 << p) - 1) | bits >> (p + 1) << p


def _open(bits: int, p: int, bit: bool) -> int:
    """The bitset with `bit` inserted at position p, the later positions moved up by one."""
    return bits & ((1 << p) - 1) | bits >> p << (p + 1) | bit << p


def _patch(session, old: Index, changed: set[int], version: int) -> Index:
    """`old` after the changes to these updates: each is taken out, and put back where it
    now belongs if it is published, so the result equals a full rebuild at `version`."""
    rows, tagged, texts = _read(session, sorted(changed))
    ids, dates = list(old.ids), list(old.dates)
    sets = {name: dict(values) for name, values in old.facets.items()}
    sets["importance"] = dict(old.importance)
    if "position" in old.__dict__:
        gone = [old.position[u] for u in changed if u in old.position]
    else:  # a pass in C per changed update, rather than making the whole map in Python
        gone = [old.ids.index(u) for u in changed if u in old.ids]
    for p in sorted(gone, reverse=True):
        del ids[p], dates[p]
        for values in sets.values():
            for value, bits in values.items():
                values[value] = _cut(bits, p)
    tags: dict[int, set[str]] = {}
    for update_id, slug in tagged:
        tags.setdefault(update_id, set()).add(slug)
    for update_id, published_at, maker, kind, audience, level, weight in rows:
        low, high = 0, len(ids)  # the first position older than this update
        while low < high:
            middle = (low + high) // 2
            if (dates[middle], ids[middle]) > (published_at, update_id):
                low = middle + 1
            else:
                high = middle
        ids.insert(low, update_id)
        dates.insert(low, published_at)
        own = {"maker": {maker}, "type": {kind}, "audience": {audience}, "level": {level}}
        own |= {"tag": tags.get(update_id, set()), "importance": {weight}}
        for name, values in sets.items():
            for value in own[name] - values.keys():
                values[value] = 0
            for value, bits in values.items():
                values[value] = _open(bits, low, value in own[name])
    for values in sets.values():
        for value in [value for value, bits in values.items() if not bits]:
            del values[value]
    base = old._base  # read once: making old's maps clears it
    if base is None or "translations" in old.__dict__:
        base, texts_changed = old, {}
    else:
        texts_changed = dict(old._changed)
    texts_changed.update((update_id, []) for update_id in changed)
    for t, update_id, lang in texts:
        texts_changed[update_id].append((t, lang))
    # The changed updates' pieces go; the others' are copied, not shared, so a piece
    # rendered from rows read before this version can only land in the old index.
    pieces = {u: kept for u, kept in old.pieces.items() if u not in changed}
    return Index(
        version=version,
        pieces=pieces,
        ids=ids,
        dates=dates,
        importance=sets.pop("importance"),
        facets=sets,
        _base=base,
        _changed=texts_changed,
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
            kept = _follow(session, kept, version)
            _kept[engine] = kept
    return kept


def _follow(session, kept: Index | None, version: int | None) -> Index:
    """The index at `version`: `kept` patched with the updates the versions since changed,
    when every one of them says which (`record`), else a full rebuild."""
    if kept is None or kept.version is None or version is None:
        return _build(session, version)
    changed = changed_between(session, kept.version, version)
    if changed is None or len(changed) > MAX_CHANGED:
        return _build(session, version)
    return _patch(session, kept, changed, version)


def changed_between(session, old: int, new: int) -> set[int] | None:
    """The updates that the content versions after `old` up to `new` changed (`record`);
    None when one of them may have changed any (or has no row: a restore, or too old)."""
    changes = session.scalars(
        select(ContentChange.updates).where(
            ContentChange.version > old, ContentChange.version <= new
        )
    ).all()
    if len(changes) != new - old or None in changes:
        return None
    return {int(update_id) for updates in changes for update_id in updates.split()}


def _fresh(kept: Index | None, version: int | None) -> bool:
    """Whether the kept index serves a request that read `version`: it is that version or
    a newer one (a request that started before an edit may see it; never an older one)."""
    if kept is None or kept.version is None or version is None:
        return False
    return kept.version >= version


def record(session: Session) -> None:
    """Write which updates the flush being made changed, under the content version it has
    just raised (portal.http.pagecache), and forget the versions older than KEPT_CHANGES.
    `changed_updates` says which; None (more than MAX_CHANGED, or not known) makes the
    next request rebuild the index."""
    changed = changed_updates(session)
    if changed is not None and (None in changed or len(changed) > MAX_CHANGED):
        changed = None
    current = VERSION_SQL.scalar_subquery()
    updates = None if changed is None else " ".join(map(str, sorted(changed)))
    connection = session.connection()
    connection.execute(
        insert(ContentChange).from_select(
            ["version", "updates"], select(current, literal(updates, Text))
        )
    )
    connection.execute(delete(ContentChange).where(ContentChange.version < current - KEPT_CHANGES))


def changed_updates(session: Session) -> set[int] | None:
    """The updates whose indexed columns or whose page (portal.public.update_parts) the
    flush being made changed: an update itself, or its texts, tags, sources, changes (and
    their texts and products) or machine-translation notes; the updates with a tag whose
    label changed, or with a change on a product that changed. None when it cannot say
    cheaply: a changed maker (its slug is indexed, its name on every one of its pages) or
    tag slug, a deleted maker, tag or product, a deleted row whose columns were not loaded.
    New makers, tags and products change nothing until an update or change has them."""
    changed: set[int] = set()
    products: set[int] = set()
    try:
        for obj in chain(session.new, session.dirty, session.deleted):
            if isinstance(obj, Update):
                changed.add(obj.id)
            elif isinstance(obj, UpdateTranslation | UpdateSource | Change | FieldStatus):
                changed |= _values(obj, "update_id")
            elif isinstance(obj, ChangeTranslation):
                on = select(Change.update_id).where(Change.id.in_(_values(obj, "change_id")))
                changed |= set(session.scalars(on))
            elif isinstance(obj, TagTranslation):
                tagged = update_tags.c.tag_id.in_(_values(obj, "tag_id"))
                changed |= set(session.scalars(select(update_tags.c.update_id).where(tagged)))
            elif isinstance(obj, ProductTranslation):
                products |= _values(obj, "product_id")
            elif obj in session.new:
                continue  # a new maker, tag or product: shown once an update or change has it
            elif isinstance(obj, Maker | Tag | Product) and obj in session.deleted:
                return None
            elif isinstance(obj, Product):
                products.add(obj.id)  # its name, slug or maker, or which changes it has
                changed |= {c.update_id for c in inspect(obj).attrs.changes.history.deleted}
            elif isinstance(obj, Maker | Tag) and session.is_modified(
                obj, include_collections=False
            ):
                return None
    except _Unknown:
        return None
    if products:
        on = select(Change.update_id).join(
            change_products, change_products.c.change_id == Change.id
        )
        changed |= set(session.scalars(on.where(change_products.c.product_id.in_(products))))
    return changed


class _Unknown(Exception):
    """A deleted row whose columns were not loaded: what it was on is not known."""


def _values(obj, column: str) -> set[int]:
    """The value of a row's column, and the one it had before this flush if it changed
    (a text or change moved to another update changes both)."""
    state = inspect(obj)
    if column in state.unloaded:
        raise _Unknown
    history = state.attrs[column].history
    return {state.dict.get(column), *history.deleted} - {None}
