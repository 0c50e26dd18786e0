"""The text of an update as it is searched: what a reader sees, folded and stemmed.

SQLite's index stores these stems; PostgreSQL stems with its own configurations and
gets only the reader-visible text (`fields`) and a query's plain words (`query_words`).
"""

from __future__ import annotations

import re
import threading
import unicodedata

import snowballstemmer

from portal.rendering import plain_text

MAX_TERMS = 32
MAX_QUERY_CHARS = 2000  # longer input is cut before tokenizing

# Snowball stemmer per site language (SQLite; PostgreSQL uses its own configuration per
# language, made by a migration: portal_english, portal_dutch, portal_german). A language
# without one is searched by its folded words, unstemmed, on both engines. Dutch uses
# the classic Porter-style Snowball algorithm (as PostgreSQL's 'dutch' did): Snowball 3's
# new 'dutch' lengthens vowels, so "fietspaden" -> "fietspaad" would no longer meet
# "fietspad". Changing a stemmer needs `flask search-reindex`.
STEMMERS = {"en": "english", "nl": "dutch_porter", "de": "german"}

WORD = re.compile(r"\w+")
_DOUBLED_END = re.compile(r"([^aeiou\d])\1$")
_local = threading.local()  # Snowball stemmers keep state: one per thread


def _stemmer(lang: str):
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        algorithm = STEMMERS.get(lang)
        cache[lang] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return cache[lang]


def _fold(value: str) -> str:
    """Lowercase, with accents removed (é -> e, ĳ -> ij)."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stems(value: str, lang: str) -> list[str]:
    """The stems of the words of `value`, in order, as stored in and searched for."""
    words = WORD.findall(_fold(value))
    stemmer = _stemmer(lang)
    if not stemmer:
        return words
    found = stemmer.stemWords(words)
    if lang == "nl":  # "modellen" -> "modell": undouble so it meets "model"
        found = [_DOUBLED_END.sub(r"\1", stem) for stem in found]
    return found


def query_terms(q: str, lang: str) -> list[str]:
    """The distinct stems of a reader's query, at most MAX_TERMS of them."""
    seen = dict.fromkeys(s for s in stems((q or "")[:MAX_QUERY_CHARS], lang) if s)
    return list(seen)[:MAX_TERMS]


def query_words(q: str) -> str:
    """The distinct words of a query, folded, at most MAX_TERMS, space-separated: what
    PostgreSQL stems (plain words: never tsquery syntax, never a NUL byte)."""
    words = dict.fromkeys(WORD.findall(_fold((q or "")[:MAX_QUERY_CHARS])))
    return " ".join(list(words)[:MAX_TERMS])


def fields(t) -> tuple[str, str]:
    """(title, body) as a reader sees them, for an UpdateTranslation or a row with the same
    fields: the Markdown body rendered and sanitised to plain text, so what the page hides
    (an HTML comment) is never found or quoted, and Markdown syntax never shows."""
    return t.title or "", searched_body(t.lede, t.body, t.impact, t.takeaways_text)


def searched_body(lede: str, body: str, impact: str, takeaways: str) -> str:
    """The text searched beside the title, as `fields` gives it, from the raw columns."""
    return "\n".join((lede or "", plain_text(body or ""), impact or "", takeaways or ""))


def document(t) -> tuple[str, str]:
    """(title, body) stemmed, for an UpdateTranslation or a row with the same fields."""
    title, body = fields(t)
    return " ".join(stems(title, t.lang)), " ".join(stems(body, t.lang))
