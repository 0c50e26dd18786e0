"""Markdown a machine may translate without breaking it.

Fenced code blocks, blank lines and lines without words (rules, table borders) are kept as
they are; every other line is sent without its block markers (headings, list items, quotes,
kept aside) as XML-safe text, in which code spans, URLs (links keep their text, which is
translated), images, raw HTML and protected terms are placeholders `<x id="N"/>`, links
are `<a id="N">…</a>`, and emphasis is `<b>`/`<i>`. `restore` turns the machine's answer
back into Markdown and refuses one that lost a placeholder.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
PREFIX = re.compile(r"^[ \t]*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*")
INLINE = re.compile(
    r"(?P<code>(`+).+?(?<!`)\2(?!`))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+(?:\s+\"[^\"]*\")?)\)"
    r"|(?P<auto><https?://[^>\s]+>)"
    r"|(?P<bare>https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"])"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
)
EMPHASIS = (
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), "b"),
    (re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])"), "i"),
)
ANSWER = re.compile(r'<x id="(\d+)"\s*/?>(?:</x>)?|<a id="(\d+)">|</a>|<(/?)(b|i)>|&#?\w+;')
MARKS = {"b": "**", "i": "*"}


class LostMarkup(ValueError):
    """The machine's answer dropped a protected part."""


@dataclass
class Protected:
    """One field's text taken apart: `segments` go to the machine, the rest stays here."""

    terms: dict[str, str] = field(default_factory=dict)  # term -> how it must come out
    lines: list[tuple[str, int | None]] = field(default_factory=list)  # (prefix/kept, segment)
    segments: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # placeholder id -> text
    urls: dict[int, str] = field(default_factory=dict)  # link id -> its URL part

    def _keep(self, text: str) -> str:
        self.kept.append(text)
        return f'<x id="{len(self.kept) - 1}"/>'

    def _plain(self, text: str) -> str:
        out = html.escape(text, quote=False)
        if self.terms:
            names = sorted(self.terms, key=len, reverse=True)
            pattern = (
                r"(?<!\w)(?:"
                + "|".join(re.escape(html.escape(n, False)) for n in names)
                + r")(?!\w)"
            )
            lookup = {html.escape(n, False): n for n in names}
            out = re.sub(pattern, lambda m: self._keep(self.terms[lookup[m[0]]]), out)
        for pattern, tag in EMPHASIS:
            out = pattern.sub(rf"<{tag}>\1</{tag}>", out)
        return out

    def _inline(self, text: str) -> str:
        out, at = [], 0
        for m in INLINE.finditer(text):
            out.append(self._plain(text[at : m.start()]))
            if m["text"] is not None:
                self.kept.append("")  # the id, so links and placeholders never share one
                self.urls[len(self.kept) - 1] = m["url"]
                out.append(f'<a id="{len(self.kept) - 1}">{self._plain(m["text"])}</a>')
            else:
                out.append(self._keep(m[0]))
            at = m.end()
        out.append(self._plain(text[at:]))
        return "".join(out)

    @classmethod
    def of(cls, markdown: str, terms: dict[str, str] | None = None) -> Protected:
        p = cls(terms=dict(terms or {}))
        fence = None
        for line in markdown.split("\n"):
            opened = FENCE.match(line)
            if fence or opened or not re.search(r"\w", line):
                if opened and (
                    fence is None or opened[1][0] == fence[0] and len(opened[1]) >= len(fence)
                ):
                    fence = None if fence else opened[1]
                p.lines.append((line, None))
                continue
            prefix = PREFIX.match(line)[0]
            p.lines.append((prefix, len(p.segments)))
            p.segments.append(p._inline(line[len(prefix) :]))
        return p

    def restore(self, answers: list[str]) -> str:
        """The Markdown from the machine's translated segments."""
        used: set[int] = set()
        links: list[int] = []

        def back(m: re.Match) -> str:
            if m[1] is not None:
                used.add(int(m[1]))
                return self.kept[int(m[1])] if int(m[1]) < len(self.kept) else ""
            if m[2] is not None:
                links.append(int(m[2]))
                used.add(int(m[2]))
                return "["
            if m[0] == "</a>":
                return f"]({self.urls.get(links.pop(), '')})" if links else ""
            if m[4]:
                return MARKS[m[4]]
            return html.unescape(m[0])

        texts = [ANSWER.sub(back, answer).strip() for answer in answers]
        if used != set(range(len(self.kept))) or links:
            raise LostMarkup("a protected part of the text was lost")
        return "\n".join(line if seg is None else line + texts[seg] for line, seg in self.lines)
