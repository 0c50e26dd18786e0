"""Machine-translation backends: DeepL and LibreTranslate, chosen by configuration.

`DEEPL_API_KEY` (a key ending in `:fx` is a free account: api-free.deepl.com; else
api.deepl.com; `DEEPL_API_URL` overrides the address) wins over `LIBRETRANSLATE_URL`
(with `LIBRETRANSLATE_API_KEY` when the server needs one). Neither set: no machine
translation is offered. Calls go through urllib3 with `MACHINE_TRANSLATION_TIMEOUT`
seconds (default 15) for connecting and for each read, no retries; every failure is a
`MachineError` whose message an editor can act on."""

from __future__ import annotations

import hashlib
import json
import os

import urllib3
from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from portal.translation.markdown import LostMarkup, Protected

BATCH = 50  # DeepL takes at most 50 texts per request
_http = urllib3.PoolManager(retries=False)
_glossaries: dict[tuple[str, str], str] = {}  # (base URL, entries' digest) -> DeepL glossary id

TIMEOUT = _l(
    "The translation service did not answer in time. Nothing was changed; try again later."
)
QUOTA = _l("The translation service's quota is used up (DeepL 456). Nothing was changed.")
BAD_KEY = _l(
    "The translation service refused the key (403): check DEEPL_API_KEY or "
    "LIBRETRANSLATE_API_KEY. Nothing was changed."
)
BUSY = _l("The translation service is busy (429). Nothing was changed; try again in a minute.")
DOWN = _l("The translation service is not available. Nothing was changed; try again later.")
LOST = _l(
    "The machine translation lost part of the text (a link, code or a protected term). "
    "Nothing was changed."
)


class MachineError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def init_app(app: Flask) -> None:
    for name, default in (
        ("DEEPL_API_KEY", ""),
        ("DEEPL_API_URL", ""),
        ("LIBRETRANSLATE_URL", ""),
        ("LIBRETRANSLATE_API_KEY", ""),
        ("MACHINE_TRANSLATION_TIMEOUT", "15"),
    ):
        app.config.setdefault(name, os.environ.get(name, default).strip())


def configured() -> bool:
    config = current_app.config
    return bool(config.get("DEEPL_API_KEY") or config.get("LIBRETRANSLATE_URL"))


def _call(url: str, body: dict, headers: dict | None = None) -> dict:
    """POST JSON, answer JSON; failures as MachineError."""
    seconds = float(current_app.config.get("MACHINE_TRANSLATION_TIMEOUT") or 15)
    try:
        response = _http.request(
            "POST",
            url,
            body=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", **(headers or {})},
            timeout=urllib3.Timeout(connect=seconds, read=seconds),
            redirect=False,
        )
    except urllib3.exceptions.TimeoutError as error:
        raise MachineError(TIMEOUT) from error
    except urllib3.exceptions.HTTPError as error:
        raise MachineError(DOWN) from error
    if response.status >= 400:
        raise MachineError(
            {456: QUOTA, 403: BAD_KEY, 401: BAD_KEY, 429: BUSY}.get(response.status, DOWN)
        )
    try:
        return json.loads(response.data)
    except ValueError as error:
        raise MachineError(DOWN) from error


def _deepl_base() -> str:
    config = current_app.config
    if config.get("DEEPL_API_URL"):
        return config["DEEPL_API_URL"].rstrip("/")
    free = config["DEEPL_API_KEY"].endswith(":fx")
    return "https://api-free.deepl.com" if free else "https://api.deepl.com"


def _deepl_glossary(base: str, headers: dict, source: str, target: str, pairs: dict) -> str:
    """The id of a DeepL glossary holding `pairs`, made once per process and content."""
    entries = "\n".join(f"{a}\t{b}" for a, b in sorted(pairs.items()))
    key = (base, hashlib.sha256(f"{source}>{target}\n{entries}".encode()).hexdigest())
    if key not in _glossaries:
        made = _call(
            f"{base}/v2/glossaries",
            {
                "name": f"portal {source}-{target} {key[1][:12]}",
                "source_lang": source,
                "target_lang": target,
                "entries": entries,
                "entries_format": "tsv",
            },
            headers,
        )
        if not isinstance(made, dict) or not isinstance(made.get("glossary_id"), str):
            raise MachineError(DOWN)
        _glossaries[key] = made["glossary_id"]
    return _glossaries[key]


def _deepl(texts: list[str], source: str, target: str, pairs: dict) -> list[str]:
    base = _deepl_base()
    headers = {"Authorization": f"DeepL-Auth-Key {current_app.config['DEEPL_API_KEY']}"}
    body = {
        "text": texts,
        "source_lang": source.upper(),
        "target_lang": {"en": "EN-GB", "pt": "PT-PT"}.get(target, target.upper()),
        "tag_handling": "xml",
        "ignore_tags": ["x"],
    }
    if pairs:
        body["glossary_id"] = _deepl_glossary(base, headers, source, target, pairs)
    answer = _call(f"{base}/v2/translate", body, headers)
    try:
        return [item["text"] for item in answer["translations"]]
    except (KeyError, TypeError) as error:
        raise MachineError(DOWN) from error


def _libre(texts: list[str], source: str, target: str) -> list[str]:
    config = current_app.config
    body = {"q": texts, "source": source, "target": target, "format": "html"}
    if config.get("LIBRETRANSLATE_API_KEY"):
        body["api_key"] = config["LIBRETRANSLATE_API_KEY"]
    answer = _call(f"{config['LIBRETRANSLATE_URL'].rstrip('/')}/translate", body)
    found = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(found, list) or not all(isinstance(t, str) for t in found):
        raise MachineError(DOWN)
    return found


def translate(fields: dict[str, str], source: str, target: str, glossary) -> dict[str, str]:
    """Every field's Markdown from `source` into `target`, in as few calls as can be.

    `glossary`: (keep, pairs): terms never translated, and source term -> target term.
    DeepL gets the pairs as a DeepL glossary; LibreTranslate as protected terms."""
    keep, pairs = glossary
    deepl = bool(current_app.config.get("DEEPL_API_KEY"))
    terms = {term: term for term in keep} | ({} if deepl else dict(pairs))
    parts = {name: Protected.of(text, terms) for name, text in fields.items() if text.strip()}
    segments = [s for p in parts.values() for s in p.segments]
    answers: list[str] = []
    for at in range(0, len(segments), BATCH):
        batch = segments[at : at + BATCH]
        got = _deepl(batch, source, target, pairs) if deepl else _libre(batch, source, target)
        if len(got) != len(batch):
            raise MachineError(DOWN)
        answers += got
    out, at = {}, 0
    try:
        for name, p in parts.items():
            out[name] = p.restore(answers[at : at + len(p.segments)])
            at += len(p.segments)
    except LostMarkup as error:
        raise MachineError(LOST) from error
    return out
