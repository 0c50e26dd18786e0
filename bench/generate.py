"""Generate a large, realistic SQLite database for the portal's benchmarks.

    python bench/generate.py --updates 100000 --out bench/data/portal-100000.db

The schema comes from the app's own migrations (`flask_migrate.upgrade()`), the rows
from a seeded `random.Random` (same seed, same database), inserted with SQLAlchemy Core
executemany in batches; the FTS5 search index is filled with the app's own
`portal.search._index_rows`, batch by batch after each batch's rows.

Speed: the app's stemmer (pure-Python Snowball) costs ~65 µs a word, far too slow for
~100M words. The generator therefore gives `portal.search` a *memoising* wrapper around
the very same Snowball stemmers (the vocabulary is a few thousand words, so nearly every
call is a cache hit) and an ASCII fast path for `_fold` (NFKD of ASCII is the identity, so
`lower()` is exactly equal). The indexed text is byte-for-byte what the app would write.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20250711
BATCH = 2000

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
    """Seeded text for one language: a Zipf-weighted vocabulary and a pool of sentences.

    Bodies are drawn sentence by sentence from a fixed pool (cheap: ~50 draws a body
    instead of ~600), so word frequencies stay Zipf-like and the vocabulary is closed.
    Each pooled sentence is stemmed once with the app's own `portal.search.stems`; the
    stems of a text made of pooled sentences are the stems of its sentences in order
    (Snowball stems word by word, words never cross the spaces between sentences).
    """

    POOL = 20000

    def __init__(self, words: list[str], rng: random.Random, lang: str, stems):
        self.words = words
        self.lang = lang
        self.cum = _cum_weights(len(words))
        self.pool = [self.sentence(rng, rng.randint(6, 20)) for _ in range(self.POOL)]
        self.pool_len = [s.count(" ") + 1 for s in self.pool]
        self.pool_stems = [" ".join(stems(s, lang)) for s in self.pool]

    def words_(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)

    def sentence(self, rng: random.Random, k: int) -> str:
        ws = self.words_(rng, k)
        return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."

    def sentences(self, rng: random.Random, words: int) -> list[int]:
        out, n = [], 0
        lengths, size = self.pool_len, self.POOL
        while n < words:
            i = int(rng.random() * size)
            out.append(i)
            n += lengths[i]
        return out

    def joined(self, picks: list[int], sep: str = " ") -> tuple[str, str]:
        """(text, its stems joined by spaces)."""
        pool, st = self.pool, self.pool_stems
        return sep.join(pool[i] for i in picks), " ".join(st[i] for i in picks)

    def title(self, rng: random.Random) -> str:
        ws = self.words_(rng, rng.randint(6, 10))
        return ws[0].capitalize() + " " + " ".join(ws[1:])

    def body(self, rng: random.Random) -> tuple[str, str]:
        picks = self.sentences(rng, rng.randint(300, 900))
        paragraphs, stemmed, i = [], [], 0
        while i < len(picks):
            step = rng.randint(3, 8)
            text, stem = self.joined(picks[i : i + step])
            paragraphs.append(text)
            stemmed.append(stem)
            i += step
        return "\n\n".join(paragraphs), " ".join(stemmed)


def slugify(value: str) -> str:
    out = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in value.lower())
    return "-".join(p for p in out.split("-") if p)[:120]


# --- speeding up the app's own indexing, without changing its output ----------------


def _speed_up_search(search, precomputed: dict) -> None:
    """Give `portal.search` an exact, memoised `stems()` for this process.

    Snowball stems every word on its own, so stemming a text equals stemming its words
    one by one: cache word -> final stem (after the app's own folding, stemming and
    Dutch undoubling, computed by the original `stems`), and fall back to the original
    for any text with a non-ASCII character (where `_fold` matters).
    """
    original = search.stems
    word_re = search._WORD
    caches: dict[str, dict[str, str]] = {}

    def stems(value: str, lang: str) -> list[str]:
        hit = precomputed.pop((lang, value), None)
        if hit is not None:  # " ".join([hit]) == hit
            return [hit]
        if not value.isascii():
            return original(value, lang)
        cache = caches.setdefault(lang, {})
        words = word_re.findall(value.lower())
        try:
            return list(map(cache.__getitem__, words))
        except KeyError:
            for w in words:
                if w not in cache:
                    found = original(w, lang)
                    cache[w] = found[0] if len(found) == 1 else " ".join(found)
            return list(map(cache.__getitem__, words))

    search.stems = stems
    return original


# --- generation ------------------------------------------------------------------------


def make_batch(start: int, stop: int, ctx) -> dict[str, list]:
    """Rows of updates start..stop-1 (ids), deterministic per batch."""
    rng = random.Random(f"{SEED}-{start}")
    updates, translations, links = [], [], []
    for uid in range(start, stop):
        published = ctx.now - timedelta(seconds=rng.randint(3600, 3 * 365 * 86400))
        status = "published" if rng.random() < 0.98 else "draft"
        updates.append(
            {
                "id": uid,
                "maker_id": rng.choices(ctx.maker_ids, weights=ctx.maker_weights)[0],
                "type": rng.choices(ctx.types, weights=[45, 20, 12, 15, 8])[0],
                "source_url": f"https://example.org/{uid}/{rng.getrandbits(32):08x}",
                "published_at": published,
                "status": status,
                "audience": rng.choice(ctx.audiences),
                "level": rng.choices(ctx.levels, weights=[35, 45, 20])[0],
                "importance": rng.choices([1, 2, 3, 4, 5], weights=[10, 25, 35, 20, 10])[0],
                "author": rng.choice(ctx.authors),
                "created_at": published - timedelta(hours=rng.randint(1, 48)),
            }
        )
        r = rng.random()
        langs = ["en", "nl"] if r < 0.85 else (["en"] if r < 0.95 else ["nl"])
        for lang in langs:
            text = ctx.text[lang]
            title = text.title(rng)
            lede, lede_s = text.joined(text.sentences(rng, rng.randint(24, 36)))
            body, body_s = text.body(rng)
            impact, impact_s = text.joined(text.sentences(rng, 20))
            takeaways, takeaways_s = text.joined(
                [text.sentences(rng, 1)[0] for _ in range(3)], sep="\n"
            )
            document = "\n".join((lede, body, impact, takeaways))
            ctx.precomputed[(lang, document)] = " ".join((lede_s, body_s, impact_s, takeaways_s))
            translations.append(
                {
                    "id": uid * 2 + (0 if lang == "en" else 1),
                    "update_id": uid,
                    "lang": lang,
                    "slug": f"{slugify(title)}-{uid}",
                    "title": title,
                    "lede": lede,
                    "body": body,
                    "impact": impact,
                    "takeaways": takeaways,
                    "updated_at": published,
                }
            )
        for tag_id in set(rng.choices(ctx.tag_ids, cum_weights=ctx.tag_cum, k=rng.randint(2, 5))):
            links.append({"update_id": uid, "tag_id": tag_id})
    return {"updates": updates, "translations": translations, "links": links}


def _progress(label: str, done: int, total: int, started: float) -> None:
    pct = 100 * done / total if total else 100
    sys.stderr.write(
        f"\r  {label}: {done:>7}/{total} {pct:5.1f}%  {time.perf_counter() - started:6.1f}s"
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def generate(n: int, out: Path) -> float:
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)

    import flask_migrate
    from sqlalchemy import insert

    from portal import create_app, search, vocab
    from portal.extensions import db
    from portal.models import (
        Maker,
        MakerTranslation,
        Tag,
        TagTranslation,
        Update,
        UpdateTranslation,
        update_tags,
    )

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{out.resolve()}"})
    precomputed: dict = {}
    original_stems = _speed_up_search(search, precomputed)
    rng = random.Random(SEED)
    en = Text(_vocabulary(rng, EN_COMMON, EN_SYLL, EN_ENDS, 3000), rng, "en", search.stems)
    nl = Text(_vocabulary(rng, NL_COMMON, NL_SYLL, NL_ENDS, 3000), rng, "nl", search.stems)

    with app.app_context():
        flask_migrate.upgrade()
        engine = db.engine
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.exec_driver_sql("PRAGMA cache_size=-200000")

            conn.execute(
                insert(Maker.__table__),
                [
                    {"id": i, "slug": s, "name": name, "website": url}
                    for i, (s, name, url) in enumerate(MAKERS, 1)
                ],
            )
            conn.execute(
                insert(MakerTranslation.__table__),
                [
                    {
                        "maker_id": i,
                        "lang": lang,
                        "description": ctx_text.sentence(rng, 20),
                    }
                    for i in range(1, len(MAKERS) + 1)
                    for lang, ctx_text in (("en", en), ("nl", nl))
                ],
            )
            tag_rows, tag_tr, seen = [], [], set()
            while len(tag_rows) < 300:
                label_en = " ".join(
                    en.words[rng.randrange(40, 3000)] for _ in range(rng.randint(1, 2))
                )
                slug = slugify(label_en)
                if slug in seen:
                    continue
                seen.add(slug)
                tid = len(tag_rows) + 1
                tag_rows.append({"id": tid, "slug": slug})
                label_nl = " ".join(
                    nl.words[rng.randrange(40, 3000)] for _ in range(rng.randint(1, 2))
                )
                tag_tr += [
                    {"tag_id": tid, "lang": "en", "label": label_en.capitalize()},
                    {"tag_id": tid, "lang": "nl", "label": label_nl.capitalize()},
                ]
            conn.execute(insert(Tag.__table__), tag_rows)
            conn.execute(insert(TagTranslation.__table__), tag_tr)

            ctx = SimpleNamespace(
                now=datetime.now().replace(microsecond=0),
                maker_ids=list(range(1, len(MAKERS) + 1)),
                maker_weights=[30, 25, 18, 10, 14, 12, 8, 7, 5, 4, 5, 6],
                types=list(vocab.TYPES),
                audiences=list(vocab.AUDIENCES),
                levels=list(vocab.LEVELS),
                authors=[
                    f"{a} {b}"
                    for a in ("Ada", "Bram", "Chen", "Dana", "Eva", "Femke")
                    for b in ("de Vries", "Smith", "Jansen", "Lee")
                ],
                tag_ids=[t["id"] for t in tag_rows],
                tag_cum=_cum_weights(len(tag_rows)),
                text={"en": en, "nl": nl},
                precomputed=precomputed,
            )
            ins_u = insert(Update.__table__)
            ins_t = insert(UpdateTranslation.__table__)
            ins_l = insert(update_tags)
            done = 0
            load_started = time.perf_counter()
            for start in range(1, n + 1, BATCH):
                batch = make_batch(start, min(start + BATCH, n + 1), ctx)
                conn.execute(ins_u, batch["updates"])
                conn.execute(ins_t, batch["translations"])
                conn.execute(ins_l, batch["links"])
                search._index_rows(
                    conn,
                    [
                        SimpleNamespace(
                            id=t["id"],
                            update_id=t["update_id"],
                            lang=t["lang"],
                            title=t["title"],
                            lede=t["lede"],
                            body=t["body"],
                            impact=t["impact"],
                            takeaways_text=t["takeaways"],
                        )
                        for t in batch["translations"]
                    ],
                )
                precomputed.clear()
                t = batch["translations"][0]  # prove the shortcut equals the app's stemming
                doc = "\n".join((t["lede"], t["body"], t["impact"], t["takeaways"]))
                row = conn.exec_driver_sql(
                    f"SELECT title, body FROM {search.TABLE} WHERE rowid = ?", (t["id"],)
                ).one()
                assert row == (
                    " ".join(original_stems(t["title"], t["lang"])),
                    " ".join(original_stems(doc, t["lang"])),
                ), f"indexed text differs from the app's for translation {t['id']}"
                done += len(batch["updates"])
                _progress("updates", done, n, load_started)
            t0 = time.perf_counter()
            conn.exec_driver_sql(f"INSERT INTO {search.TABLE} ({search.TABLE}) VALUES ('optimize')")
            print(f"  fts optimize: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    elapsed = time.perf_counter() - started
    size = out.stat().st_size / 1e6
    print(f"{out}: {n} updates, {size:.0f} MB, generated in {elapsed:.1f}s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "data" / f"portal-{args.updates}.db"
    os.chdir(ROOT)
    generate(args.updates, out)


if __name__ == "__main__":
    main()
