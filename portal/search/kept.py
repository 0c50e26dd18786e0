"""Full-text matches kept across edits: the first search after an edit matches only the
texts the edit changed, not the whole index again.

`matches(index, lang, q)` is what a listing's search asks for (portal.queries keeps its
answer for the rest of that content version with the content index). Per process and
database, the last `MAX_KEPT` queries' matches (at most `MAX_MATCHES` in all) are kept
with the content version they are of: update id → rank. Asked at a later version, a kept
match takes out the updates that the versions since then changed (portal.facets.
changed_between, the content_changes table) and matches their texts in `lang` again on
their own; every other update keeps its rank. So whether an update is found is always
exact (every word of the query in its text now, published now), but on SQLite its rank is
not quite what a fresh match would give: bm25 weighs a word by how many texts hold it and
a text by its length against the average, figures of the whole index that each edit moves
a little, and the kept ranks were computed with those of their time. After `MAX_PATCHED`
changed updates, or when the versions in between are not all recorded (a restore, a
changed slug, very old), the query is matched afresh. PostgreSQL's `ts_rank` reads the
document alone: there kept ranks are a fresh match's. `flask search-reindex` raises no
content version: restart the workers after it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from portal import facets
from portal.extensions import db
from portal.search.queries import ranks

MAX_KEPT = 64  # queries kept per process and database
MAX_MATCHES = 400_000  # and matches, all queries together (~40 MB): the oldest go first
MAX_PATCHED = 200  # changed updates matched on their own before a fresh match


@dataclass(frozen=True)
class Kept:
    version: int
    ranks: dict[int, float]  # update id → rank, lower is better
    patched: int = 0  # updates matched on their own since the last fresh match


_kept: WeakKeyDictionary = WeakKeyDictionary()  # engine → OrderedDict[(lang, q), Kept]
_lock = threading.Lock()


def matches(index: facets.Index, lang: str, q: str) -> dict[int, float]:
    """Update id → rank (lower is better) of every update of `index` (portal.facets) whose
    `lang` text holds every word of `q`."""
    if index.version is None:
        return ranks(lang, q, index.translations)
    with _lock:
        kept = _kept.setdefault(db.engine, OrderedDict()).get((lang, q))
    if kept is not None and kept.version == index.version:
        return kept.ranks
    changed = None
    if kept is not None and kept.version < index.version:
        changed = facets.changed_between(db.session, kept.version, index.version)
    if changed is None or kept.patched + len(changed) > MAX_PATCHED:
        found = Kept(index.version, ranks(lang, q, index.translations))
    else:
        texts = [
            t for u in changed for t in index.texts.get(u, ()) if index.translations[t][1] == lang
        ]
        again = ranks(lang, q, index.translations, only=texts) if texts else {}
        others = dict(kept.ranks)
        for update_id in changed:
            others.pop(update_id, None)
        found = Kept(index.version, others | again, kept.patched + len(changed))
    with _lock:
        searches = _kept.setdefault(db.engine, OrderedDict())
        latest = searches.get((lang, q))
        if latest is None or latest.version <= found.version:  # never replace a newer one
            searches[(lang, q)] = found
            searches.move_to_end((lang, q))
            total = sum(len(other.ranks) for other in searches.values())
            while len(searches) > 1 and (len(searches) > MAX_KEPT or total > MAX_MATCHES):
                total -= len(searches.popitem(last=False)[1].ranks)
    return found.ranks
