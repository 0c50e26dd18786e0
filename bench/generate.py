"""Generate a large, realistic SQLite database for the portal's benchmarks.

    python bench/generate.py --updates 100000 --out bench/data/portal-100000.db

What it makes: 12 makers, 300 tags and `--updates` updates, 85 % of them in English and
Dutch, the rest in one of the two; bodies of 300-900 words in paragraphs of 3-8
sentences, from a closed, Zipf-weighted vocabulary per language (so a common word like
"model" hits most texts). The schema comes from the app's own migrations
(`flask_migrate.upgrade()`); the FTS5 search index (`portal.search`) holds exactly what
the app would index. Deterministic: the same seed and `--now` (a fixed day by default)
give the same database, byte for byte, whatever the number of processes.

How it works (100k updates, 2.6 GB, ~120 s of CPU: 1.5 minutes when it has both cores
of a 2-core machine, longer when other work takes one):

* Text. Each language has a corpus of 2**15 seeded sentences of 6-20 words, kept as one
  string, and the same sentences' stems as a second string: each vocabulary word is
  stemmed once by the app's own `portal.search.stems` (Snowball stems word by word, so
  the stems of a run of sentences are the run of their stems). A lede, an impact or a
  paragraph of a body is a run of consecutive sentences from a random start, a takeaway
  one sentence: one slice of each string, the end found with `bisect` on running word
  counts. No Python loop per sentence or word; a translation's indexed document (lede,
  body, impact, takeaways: `portal.search.document`) is the join of its runs' stems.
* Processes. Each batch of BATCH updates has its own `random.Random`, seeded with its
  first id, so batches are independent: WORKERS forked processes make them in turn (rows
  as tuples; dates formatted by SQLAlchemy's own SQLite DateTime bind processor), a
  batch or two ahead of the load, which takes them in id order.
* Loading. FTS5's tokenising and segment writing are most of the work, so they run in a
  thread of their own (SQLite runs without the GIL) into a copy of the freshly migrated,
  empty database, while the main thread writes the other tables into the real one with
  the `sqlite3` module's executemany. Each batch is indexed one language at a time
  (~25 % faster: FTS5's pending terms hold one vocabulary), without segment merges
  (`automerge` 0, a high `crisismerge`), then merged once by `optimize` (one segment,
  as `flask search-reindex` leaves it; both options are then reset to the migration's
  defaults), and its shadow tables are copied into the real database as they are.
  Both connections load in one transaction with `journal_mode=OFF`, `synchronous=OFF`
  (a failed run is simply redone), a large page cache and `temp_store=MEMORY`; foreign
  keys are enforced, as in the app; the cyclic garbage collector is off (millions of
  tuples, no cycles). At the end the file is switched back to WAL, the app's mode.
* Checks. Every column written must exist, and every other one must be one the app
  would leave NULL or to the database's default (a column added by a migration with a
  Python-side default, or NOT NULL without a default, fails loudly). For the first
  translation of every batch the worker also computes the app's own
  `portal.search.document()` (plain Snowball over the whole text), and the row read
  back from the finished search table must equal it.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import queue
import random
import re
import shutil
import sqlite3
import sys
import threading
import time
import traceback
from bisect import bisect_left
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20250711
NOW = "2026-11-27"  # the generated updates are published in the 3 years before this day
BATCH = 2000  # updates per batch (each batch has its own seed: changing this changes rows)
WORKERS = 2  # generating processes (2 cores; the load waits on SQLite, not on them)
AHEAD = 4  # batches waiting for the indexer, at most
# FTS5 writes a new segment for every ~1 MB of indexed text (~700 at 100k updates) and by
# default merges them as it goes; during the load it only merges once this many pile up
# (FTS5's limit is 2000), then `optimize` merges them all into one
CRISISMERGE = 1000

MAKERS = [
    ("openai", "OpenAI", "https://openai.com"),
    ("google", "Google", "https://ai.google"),
    ("anthropic", "Anthropic", "https://www.anthropic.com"),
    ("mistral", "Mistral AI", "https://mistral.ai"),
    ("meta", "Meta", "https://ai.meta.com"),
    ("microsoft", "Microsoft", "https://www.microsoft.com/ai"),
    ("amazon", "Amazon", "https://aws.amazon.com/ai"),
    ("nvidia", "NVIDIA", "https://www.nvidia.com/ai"),
    ("cohere", "Cohere", "https://cohere.com"),
    ("xai", "xAI", "https://x.ai"),
    ("deepseek", "DeepSeek", "https://www.deepseek.com"),
    ("alibaba", "Alibaba Qwen", "https://qwenlm.github.io"),
]

# Real words first: with Zipf weights they are the most frequent ones, so a search
# for e.g. "model" hits a large share of the texts (a realistic "common word").
EN_COMMON = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "for",
    "that",
    "with",
    "on",
    "as",
    "it",
    "by",
    "this",
    "model",
    "models",
    "are",
    "be",
    "from",
    "at",
    "new",
    "or",
    "can",
    "data",
    "training",
    "agents",
    "developers",
    "release",
    "research",
    "safety",
    "api",
    "open",
    "tools",
    "language",
    "performance",
    "benchmark",
    "reasoning",
    "image",
    "video",
    "code",
    "users",
]
NL_COMMON = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "is",
    "op",
    "te",
    "dat",
    "met",
    "voor",
    "zijn",
    "niet",
    "aan",
    "er",
    "model",
    "modellen",
    "ook",
    "als",
    "bij",
    "nieuwe",
    "gegevens",
    "training",
    "ontwikkelaars",
    "onderzoek",
    "veiligheid",
    "taal",
    "prestaties",
    "afbeelding",
    "video",
    "code",
    "gebruikers",
]
EN_SYLL = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "co",
    "de",
    "di",
    "fa",
    "fe",
    "ga",
    "go",
    "ha",
    "he",
    "in",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "no",
    "pa",
    "pe",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "tra",
    "ver",
    "vi",
    "wa",
    "we",
]
NL_SYLL = [
    "aa",
    "be",
    "da",
    "de",
    "di",
    "ee",
    "ge",
    "ha",
    "he",
    "ij",
    "in",
    "ke",
    "kl",
    "la",
    "le",
    "lo",
    "ma",
    "me",
    "ni",
    "oe",
    "oo",
    "pa",
    "re",
    "ri",
    "sch",
    "sp",
    "st",
    "te",
    "ui",
    "va",
    "ve",
    "vo",
    "wa",
    "we",
    "ze",
    "zi",
]
EN_ENDS = ["", "", "s", "ed", "ing", "er", "ion", "ly", "ment", "ness"]
NL_ENDS = ["", "", "en", "te", "de", "heid", "ing", "lijk", "tje", "s"]


def _vocabulary(rng: random.Random, common, syll, ends, size: int) -> list[str]:
    words = list(common)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syll) for _ in range(rng.randint(1, 4))) + rng.choice(ends)
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _cum_weights(n: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank**0.9
        out.append(total)
    return out


class Text:
    """Seeded text for one language: a Zipf-weighted vocabulary and a corpus of sentences.

    The corpus is SENTENCES sentences of 6-20 words (plus MAX_RUN more, so that a run may
    start at any of the first SENTENCES), kept as one string, with the same sentences'
    stems as a second string: each vocabulary word is stemmed once by the app's own
    stemmer (`stem_word`), and Snowball stems word by word, so the stems of a run of
    sentences are the run of their stems. `off`, `stem_off` and `words_before` give,
    for sentence i, where it starts in either string and how many words precede it.
    Texts are runs of consecutive sentences (lede, impact, each paragraph of a body) or
    single sentences (takeaways), cut from both strings with one slice each.
    """

    SENTENCES = 1 << 15  # a power of 2: `start` draws one with getrandbits
    MAX_RUN = 8  # sentences: a paragraph's most; a lede (<= 36 words) or impact has fewer

    def __init__(self, words: list[str], rng: random.Random, stem_word) -> None:
        self.words = words
        self.cum = _cum_weights(len(words))
        self.stem = {w: stem_word(w) for w in words}
        lengths = [rng.randint(6, 20) for _ in range(self.SENTENCES + self.MAX_RUN)]
        flat = rng.choices(words, cum_weights=self.cum, k=sum(lengths))
        sentences, stems, i = [], [], 0
        for k in lengths:
            ws = flat[i : i + k]
            i += k
            sentences.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
            stems.append(" ".join(map(self.stem.__getitem__, ws)))
        self.corpus, self.corpus_stems = " ".join(sentences), " ".join(stems)
        self.off = list(accumulate((len(x) + 1 for x in sentences), initial=0))
        self.stem_off = list(accumulate((len(x) + 1 for x in stems), initial=0))
        self.words_before = list(accumulate(lengths, initial=0))

    def phrase(self, rng: random.Random, k: int) -> tuple[str, list[str]]:
        """k fresh Zipf-weighted words, the first capitalised: (text, words)."""
        ws = rng.choices(self.words, cum_weights=self.cum, k=k)
        return ws[0].capitalize() + " " + " ".join(ws[1:]), ws

    def sentence(self, rng: random.Random, k: int) -> str:
        return self.phrase(rng, k)[0] + "."

    def start(self, rng: random.Random) -> int:
        """A random sentence to start a run at."""
        return rng.getrandbits(self.SENTENCES.bit_length() - 1)

    def end(self, i: int, words: int) -> int:
        """Where a run from sentence i must end to hold at least `words` words."""
        before = self.words_before
        j = bisect_left(before, before[i] + words, i + 1)
        assert j - i <= self.MAX_RUN
        return j

    def run(self, i: int, j: int) -> tuple[str, str]:
        """Sentences i..j-1: (text, stems)."""
        return (
            self.corpus[self.off[i] : self.off[j] - 1],
            self.corpus_stems[self.stem_off[i] : self.stem_off[j] - 1],
        )

    def body(self, rng: random.Random, words: int) -> tuple[str, list[str]]:
        """Paragraphs of 3-8 sentences until `words` words, the last one cut short if
        that is enough: (text, the paragraphs' stems)."""
        before = self.words_before
        paragraphs, stems, total = [], [], 0
        while total < words:
            i = self.start(rng)
            j = i + rng.randint(3, 8)
            if total + before[j] - before[i] >= words:
                j = self.end(i, words - total)
            text, stem = self.run(i, j)
            paragraphs.append(text)
            stems.append(stem)
            total += before[j] - before[i]
        return "\n\n".join(paragraphs), stems


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(value: str) -> str:
    """ASCII letters and digits, runs of anything else as one '-', at most 120 long."""
    return _NOT_SLUG.sub("-", value.lower()).strip("-")[:120]


# --- generation (in the worker processes) ----------------------------------------------

_CTX: SimpleNamespace | None = None  # set before the workers fork


def make_batch(start: int, stop: int) -> tuple:
    """Rows of updates start..stop-1 (ids), deterministic per batch.

    (updates, translations, links, search rows, check): tuples in each table's column
    order (see COLUMNS), and for the first translation (id, lang, the app's own
    `_document()` of it) to compare with what the search table holds.
    """
    ctx = _CTX
    rng = random.Random(f"{SEED}-{start}")
    stamp = ctx.stamp
    updates, translations, links, found = [], [], [], []
    for uid in range(start, stop):
        published = ctx.now - timedelta(seconds=rng.randint(3600, 3 * 365 * 86400))
        when = stamp(published)
        status = "published" if rng.random() < 0.98 else "draft"
        updates.append(
            (
                uid,
                rng.choices(ctx.maker_ids, cum_weights=ctx.maker_cum)[0],
                rng.choices(ctx.types, cum_weights=ctx.type_cum)[0],
                f"https://example.org/{uid}/{rng.getrandbits(32):08x}",
                when,
                status,
                rng.choice(ctx.audiences),
                rng.choices(ctx.levels, cum_weights=ctx.level_cum)[0],
                rng.choices(ctx.importances, cum_weights=ctx.importance_cum)[0],
                rng.choice(ctx.authors),
                stamp(published - timedelta(hours=rng.randint(1, 48))),
                "",
            )
        )
        r = rng.random()
        langs = ("en", "nl") if r < 0.85 else (("en",) if r < 0.95 else ("nl",))
        for lang in langs:
            text = ctx.text[lang]
            title, title_words = text.phrase(rng, rng.randint(6, 10))
            i = text.start(rng)
            lede, lede_stems = text.run(i, text.end(i, rng.randint(24, 36)))
            body, body_stems = text.body(rng, rng.randint(300, 900))
            i = text.start(rng)
            impact, impact_stems = text.run(i, text.end(i, 20))
            takeaways = [text.run(i, i + 1) for i in [text.start(rng) for _ in range(3)]]
            tid = uid * 2 + (0 if lang == "en" else 1)
            translations.append(
                (
                    tid,
                    uid,
                    lang,
                    f"{slugify(title)}-{uid}",
                    title,
                    lede,
                    body,
                    impact,
                    "\n".join(t for t, _ in takeaways),
                    when,
                )
            )
            # what the app indexes: the title's stems, and those of lede, body, impact and
            # takeaways (`search.document`), each the stems of its sentences in order
            document = [lede_stems, *body_stems, impact_stems, *(s for _, s in takeaways)]
            title_stems = " ".join(map(text.stem.__getitem__, title_words))
            found.append((tid, lang, tid, uid, title_stems, " ".join(document)))
        for tag_id in sorted(
            set(rng.choices(ctx.tag_ids, cum_weights=ctx.tag_cum, k=rng.randint(2, 5)))
        ):
            links.append((uid, tag_id))
    # indexed one language at a time (in id order within each): FTS5's pending terms then
    # hold one vocabulary, not two, and the search load takes ~25 % less time
    found.sort(key=lambda row: row[1])
    t = dict(zip(COLUMNS["update_translations"], translations[0], strict=True))
    expected = ctx.document(
        SimpleNamespace(
            lang=t["lang"],
            title=t["title"],
            lede=t["lede"],
            body=t["body"],
            impact=t["impact"],
            takeaways_text=t["takeaways"],
        )
    )
    return updates, translations, links, found, (t["id"], t["lang"], *expected)


# --- loading (in the main process) ---------------------------------------------------

COLUMNS = {
    "makers": ("id", "slug", "name", "website"),
    "maker_translations": ("maker_id", "lang", "description"),  # id: SQLite's rowid
    "tags": ("id", "slug"),
    "tag_translations": ("tag_id", "lang", "label"),  # id: SQLite's rowid
    "updates": (
        "id",
        "maker_id",
        "type",
        "source_url",
        "published_at",
        "status",
        "audience",
        "level",
        "importance",
        "author",
        "created_at",
        "review_comment",
    ),
    "update_translations": (
        "id",
        "update_id",
        "lang",
        "slug",
        "title",
        "lede",
        "body",
        "impact",
        "takeaways",
        "updated_at",
    ),
    "update_tags": ("update_id", "tag_id"),
}
SEARCH_COLUMNS = ("rowid", "lang", "translation_id", "update_id", "title", "body")
SEARCH_SHADOW = ("data", "idx", "content", "docsize", "config")  # FTS5's own tables
AUTO_ID = {"maker_translations", "tag_translations"}


def _insert_sql(table: str, columns) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _check_columns(con: sqlite3.Connection, models: dict) -> None:
    """Every column we write exists; every other one may be left to its default.

    A column we leave out gets NULL or the database's default, as a Core insert of the
    app's models would give it, unless the model has a Python-side default (the app would
    write a value) or it is NOT NULL without a default: that fails loudly, so a column
    added by a migration is never left empty unnoticed.
    """
    for table, columns in COLUMNS.items():
        have = {row[1]: row for row in con.execute(f"PRAGMA table_info({table})")}
        assert set(columns) <= set(have), f"{table}: no {sorted(set(columns) - set(have))}"
        for name in set(have) - set(columns) - ({"id"} if table in AUTO_ID else set()):
            _, _, _, notnull, db_default, _ = have[name]
            default = models[table].c[name].default if name in models[table].c else None
            python_default = default is not None and not (default.is_scalar and default.arg is None)
            assert not python_default and not (notnull and db_default is None), (
                f"{table}.{name} needs a value: add it to COLUMNS and make_batch"
            )


def _connect(path: Path) -> sqlite3.Connection:
    """A connection for the bulk load: no journal, no syncing (a failed run is redone)."""
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode=OFF",
        "synchronous=OFF",
        "cache_size=-500000",
        "temp_store=MEMORY",
    ):
        con.execute(f"PRAGMA {pragma}")
    return con


class _Indexer(threading.Thread):
    """Fills the FTS5 table of a copy of the empty database, batch by batch, in order.

    FTS5's tokenising and segment writing are the longest part of the load, so they run
    in a thread of their own (SQLite works without the GIL) and into their own database
    file, whose shadow tables are copied into the real one at the end. No segment
    merging during the load (`automerge` 0, `crisismerge` CRISISMERGE): `optimize`
    merges all the segments into one at the end, as `flask search-reindex` leaves the
    index; the two options are then reset to the defaults the migration left.
    """

    def __init__(self, path: Path, table: str, total: int) -> None:
        super().__init__(name="indexer", daemon=True)
        self.path, self.table, self.total = path, table, total
        self.rows: queue.Queue = queue.Queue(maxsize=AHEAD)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._load()
        except BaseException as exc:  # raised in the main thread by put() / finish()
            self.error = exc

    def _load(self) -> None:
        table = self.table
        con = _connect(self.path)
        config = con.execute(f"SELECT k, v FROM {table}_config ORDER BY k").fetchall()
        for option, value in (("automerge", 0), ("crisismerge", CRISISMERGE)):
            con.execute(f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)", (option, value))
        insert = _insert_sql(table, SEARCH_COLUMNS)
        done, started = 0, time.perf_counter()
        con.execute("BEGIN")
        while (item := self.rows.get()) is not None:
            count, rows = item
            con.executemany(insert, rows)
            done += count
            _progress("updates", done, self.total, started)
        con.execute("COMMIT")
        t0 = time.perf_counter()
        con.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        print(f"  fts optimize: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        con.execute(f"DELETE FROM {table}_config WHERE k IN ('automerge', 'crisismerge')")
        assert con.execute(f"SELECT k, v FROM {table}_config ORDER BY k").fetchall() == config
        con.close()

    def put(self, item) -> None:
        while True:
            if self.error is not None:
                raise RuntimeError("the indexer failed") from self.error
            try:
                self.rows.put(item, timeout=0.5)
                return
            except queue.Full:
                pass

    def finish(self) -> None:
        self.put(None)
        self.join()
        if self.error is not None:
            raise RuntimeError("the indexer failed") from self.error


def _progress(label: str, done: int, total: int, started: float) -> None:
    pct = 100 * done / total if total else 100
    sys.stderr.write(
        f"\r  {label}: {done:>7}/{total} {pct:5.1f}%  {time.perf_counter() - started:6.1f}s"
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


class _Generators:
    """WORKERS forked processes making the batches of updates 1..n; read in id order.

    Worker w makes batches w, w + WORKERS, ... and sends each through its own pipe, so
    reading the pipes in turn gives the batches in order; a send waits until the batch
    is read, which keeps each worker at most a batch or two ahead. (Not a
    `multiprocessing.Pool`: its worker-handler thread busy-loops while a large result
    is in transit, costing CPU and, worse, the GIL the indexer thread needs.)
    """

    def __init__(self, n: int) -> None:
        fork = multiprocessing.get_context("fork")
        self.n, self.pipes, self.processes = n, [], []
        for worker in range(WORKERS):
            pipe, child = fork.Pipe(duplex=False)
            process = fork.Process(target=self._run, args=(worker, n, child), daemon=True)
            process.start()
            child.close()  # so that a dead worker reads as EOFError
            self.pipes.append(pipe)
            self.processes.append(process)

    @staticmethod
    def _run(worker: int, n: int, pipe) -> None:
        for start in range(1 + worker * BATCH, n + 1, WORKERS * BATCH):
            try:
                batch = make_batch(start, min(start + BATCH, n + 1))
            except BaseException:
                pipe.send(("error", traceback.format_exc()))
                return
            pipe.send(("ok", batch))

    def __iter__(self):
        for k, start in enumerate(range(1, self.n + 1, BATCH)):
            status, batch = self.pipes[k % WORKERS].recv()
            if status != "ok":
                raise RuntimeError(f"making updates {start}.. failed:\n{batch}")
            yield batch
        for process in self.processes:
            process.join()


def _context(now: datetime, rng: random.Random) -> SimpleNamespace:
    """What the workers need: the texts, the weights, the app's own functions."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from portal import search, vocab
    from portal.models import Update, UpdateTranslation

    text = {}
    for lang, common, syll, ends in (
        ("en", EN_COMMON, EN_SYLL, EN_ENDS),
        ("nl", NL_COMMON, NL_SYLL, NL_ENDS),
    ):
        words = _vocabulary(rng, common, syll, ends, 3000)
        text[lang] = Text(words, rng, lambda w, lang=lang: " ".join(search.stems(w, lang)))

    # dates as the app's models store them: SQLAlchemy's SQLite DateTime bind processor
    dialect = sqlite_dialect.dialect()
    stamps = [
        col.type.dialect_impl(dialect).bind_processor(dialect)
        for col in (
            Update.__table__.c.published_at,
            Update.__table__.c.created_at,
            UpdateTranslation.__table__.c.updated_at,
        )
    ]
    assert len({f(now) for f in stamps}) == 1, "the date columns differ in storage format"

    def cum(weights):
        return list(accumulate(weights))

    ctx = SimpleNamespace(
        now=now,
        stamp=stamps[0],
        maker_ids=list(range(1, len(MAKERS) + 1)),
        maker_cum=cum([30, 25, 18, 10, 14, 12, 8, 7, 5, 4, 5, 6]),
        types=list(vocab.TYPES),
        type_cum=cum([45, 20, 12, 15, 8]),
        audiences=list(vocab.AUDIENCES),
        levels=list(vocab.LEVELS),
        level_cum=cum([35, 45, 20]),
        importances=[1, 2, 3, 4, 5],
        importance_cum=cum([10, 25, 35, 20, 10]),
        authors=[
            f"{a} {b}"
            for a in ("Ada", "Bram", "Chen", "Dana", "Eva", "Femke")
            for b in ("de Vries", "Smith", "Jansen", "Lee")
        ],
        tag_ids=list(range(1, 301)),
        tag_cum=_cum_weights(300),
        text=text,
        document=search.document,
    )
    assert len(ctx.maker_cum) == len(MAKERS) and len(ctx.type_cum) == len(ctx.types)
    assert len(ctx.level_cum) == len(ctx.levels)
    return ctx


def generate(n: int, out: Path, now: datetime) -> float:
    global _CTX
    started = time.perf_counter()
    # millions of short-lived tuples and no reference cycles: the collector would keep
    # re-scanning the corpora and the batches (~8 % of the main process's time); the
    # forked workers inherit this
    gc.disable()
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal", ".search"):
        Path(str(out) + suffix).unlink(missing_ok=True)

    import flask_migrate

    from portal import create_app, search

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{out.resolve()}"})

    rng = random.Random(SEED)
    _CTX = ctx = _context(now, rng)
    text = ctx.text

    makers = [(i, s, name, url) for i, (s, name, url) in enumerate(MAKERS, 1)]
    maker_tr = [
        (i, lang, text[lang].sentence(rng, 20))
        for i in range(1, len(MAKERS) + 1)
        for lang in ("en", "nl")
    ]
    tags, tag_tr, seen = [], [], set()
    while len(tags) < len(ctx.tag_ids):
        label_en = " ".join(
            text["en"].words[rng.randrange(40, 3000)] for _ in range(rng.randint(1, 2))
        )
        slug = slugify(label_en)
        if slug in seen:
            continue
        seen.add(slug)
        tid = len(tags) + 1
        tags.append((tid, slug))
        label_nl = " ".join(
            text["nl"].words[rng.randrange(40, 3000)] for _ in range(rng.randint(1, 2))
        )
        tag_tr += [(tid, "en", label_en.capitalize()), (tid, "nl", label_nl.capitalize())]

    # fork the generators now, before any database connection or thread: they start at
    # once, the migrations run meanwhile
    aux = Path(f"{out}.search")
    batches = _Generators(n)
    with app.app_context():
        flask_migrate.upgrade()
        from portal.extensions import db

        db.engine.dispose()
    shutil.copyfile(out, aux)  # the same, empty schema: the search index is built there

    con = _connect(out)
    _check_columns(con, db.metadata.tables)
    con.execute("PRAGMA foreign_keys=ON")  # as the app does
    insert = {t: _insert_sql(t, c) for t, c in COLUMNS.items()}
    indexer = _Indexer(aux, search.TABLE, n)
    indexer.start()
    con.execute("BEGIN")
    con.executemany(insert["makers"], makers)
    con.executemany(insert["maker_translations"], maker_tr)
    con.executemany(insert["tags"], tags)
    con.executemany(insert["tag_translations"], tag_tr)
    checks = []
    for updates, translations, links, found, check in batches:
        indexer.put((len(updates), found))
        con.executemany(insert["updates"], updates)
        con.executemany(insert["update_translations"], translations)
        con.executemany(insert["update_tags"], links)
        checks.append(check)
    con.execute("COMMIT")
    indexer.finish()  # all rows indexed, optimised

    t0 = time.perf_counter()
    table = search.TABLE
    config = con.execute(f"SELECT k, v FROM {table}_config ORDER BY k").fetchall()
    con.execute("ATTACH DATABASE ? AS aux", (str(aux),))
    con.execute("BEGIN")
    for shadow in SEARCH_SHADOW:
        con.execute(f"DELETE FROM main.{table}_{shadow}")
        con.execute(f"INSERT INTO main.{table}_{shadow} SELECT * FROM aux.{table}_{shadow}")
    con.execute("COMMIT")
    con.execute("DETACH DATABASE aux")
    aux.unlink()
    assert con.execute(f"SELECT k, v FROM {table}_config ORDER BY k").fetchall() == config
    print(f"  search index copied: {time.perf_counter() - t0:.1f}s", file=sys.stderr)

    # prove the shortcut equals the app's stemming, one translation a batch
    read_back = f"SELECT lang, translation_id, update_id, title, body FROM {table} WHERE rowid = ?"
    for tid, lang, title, body in checks:
        row = con.execute(read_back, (tid,)).fetchone()
        assert row == (lang, tid, tid // 2, title, body), (
            f"indexed text differs from the app's for translation {tid}"
        )
    con.execute("PRAGMA journal_mode=WAL")  # the app's mode (it sets it on connect, too)
    con.close()

    elapsed = time.perf_counter() - started
    size = out.stat().st_size / 1e6
    print(f"{out}: {n} updates, {size:.0f} MB, generated in {elapsed:.1f}s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=datetime.fromisoformat(NOW),
        help=f"updates are published in the 3 years before this moment (default {NOW})",
    )
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "data" / f"portal-{args.updates}.db"
    os.chdir(ROOT)
    generate(args.updates, out, args.now)


if __name__ == "__main__":
    main()
