"""Local stand-ins for the DeepL and LibreTranslate APIs, answering with the request and
response shapes of their public documentation (DeepL API v2: /v2/translate, /v2/glossaries;
LibreTranslate: /translate). They "translate" English into Dutch word by word from a small
dictionary, leave markup alone as the real services do with tag handling, and apply a
DeepL glossary's entries before their own words."""

from __future__ import annotations

import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = {
    "the": "de",
    "new": "nieuwe",
    "model": "model",
    "writes": "schrijft",
    "code": "code",
    "read": "lees",
    "post": "bericht",
    "fast": "snel",
    "and": "en",
    "safe": "veilig",
    "release": "uitgave",
    "notes": "notities",
    "claude": "Klaus",
    "hello": "hallo",
    "world": "wereld",
    "example": "voorbeeld",
    "today": "vandaag",
    "what": "wat",
    "changed": "veranderde",
    "first": "eerste",
    "second": "tweede",
    "item": "punt",
}
TAG = re.compile(r"(<[^>]+>)")


def word_by_word(text: str, glossary: dict[str, str] | None = None) -> str:
    """Dutch from English: markup kept, glossary terms first, then known words."""
    out = []
    for part in TAG.split(text):
        if part.startswith("<"):
            out.append(part)
            continue
        held = {}
        for n, (term, target) in enumerate(
            sorted((glossary or {}).items(), key=lambda i: -len(i[0]))
        ):
            key = f"\x00{n}\x00"
            part, found = re.subn(rf"(?<!\w){re.escape(term)}(?!\w)", key, part)
            if found:
                held[key] = target

        def swap(m: re.Match) -> str:
            word = WORDS.get(m[0].lower(), m[0])
            return word[0].upper() + word[1:] if m[0][0].isupper() else word

        part = re.sub(r"[A-Za-z]+", swap, part)
        for key, target in held.items():
            part = part.replace(key, target)
        out.append(part)
    return "".join(out)


class Fake:
    """One fake service on a free loopback port; `mode` makes it fail: "456", "403",
    "429", "500", "slow" (answers only when the test ends), "garbled" (drops markup)."""

    def __init__(self, kind: str, key: str = ""):
        self.kind, self.key, self.mode = kind, key, ""
        self.requests: list[tuple[str, dict, dict]] = []
        self.glossaries: dict[str, dict] = {}
        self.released = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                fake.requests.append((self.path, dict(self.headers), body))
                status, answer = fake.answer(self.path, self.headers, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def answer(self, path: str, headers, body: dict) -> tuple[int, dict]:
        if self.mode == "slow":
            self.released.wait(30)
        if self.mode in ("456", "429", "500"):
            return int(self.mode), {"message": "failure"}
        return self.deepl(path, headers, body) if self.kind == "deepl" else self.libre(body)

    def deepl(self, path: str, headers, body: dict) -> tuple[int, dict]:
        if self.mode == "403" or headers.get("Authorization") != f"DeepL-Auth-Key {self.key}":
            return 403, {"message": "Wrong endpoint or authorization key."}
        if path == "/v2/glossaries":
            assert body["entries_format"] == "tsv"
            entries = dict(line.split("\t") for line in body["entries"].split("\n"))
            glossary_id = str(uuid.uuid4())
            self.glossaries[glossary_id] = entries
            return 201, {
                "glossary_id": glossary_id,
                "name": body["name"],
                "ready": True,
                "source_lang": body["source_lang"],
                "target_lang": body["target_lang"],
                "creation_time": "2026-12-01T06:00:00.000Z",
                "entry_count": len(entries),
            }
        assert path == "/v2/translate", path
        assert body["source_lang"] == "EN" and body["target_lang"] == "NL", body
        assert body["tag_handling"] == "xml" and isinstance(body["text"], list)
        glossary = self.glossaries.get(body.get("glossary_id", ""), {})
        return 200, {
            "translations": [
                {"detected_source_language": "EN", "text": self.render(t, glossary)}
                for t in body["text"]
            ]
        }

    def libre(self, body: dict) -> tuple[int, dict]:
        if self.mode == "403" or body.get("api_key", "") != self.key:
            return 403, {"error": "Invalid API key"}
        assert (body["source"], body["target"], body["format"]) == ("en", "nl", "html"), body
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        return 200, {"translatedText": [self.render(t) for t in texts]}

    def render(self, text: str, glossary: dict | None = None) -> str:
        done = word_by_word(text, glossary)
        return TAG.sub("", done) if self.mode == "garbled" else done
