"""Markdown bodies rendered to sanitised HTML, and what every template gets: the `markdown`
filter, the vocabularies (`vocab`), blocks without stray whitespace."""

import html
from functools import lru_cache

import markdown
import nh3
from flask import Flask
from markupsafe import Markup

from portal import vocab

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


@lru_cache(maxsize=1024)  # keyed by the text itself, so an edited body is never served stale
def render_markdown(text: str) -> Markup:
    """Markdown to HTML that keeps only safe tags; links open without a referrer leak."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"])
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


@lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """What a reader sees of a Markdown body, as plain text: the rendered and sanitised
    page without its tags (so no Markdown syntax, link URLs or stripped HTML comments)."""
    return html.unescape(nh3.clean(render_markdown(text), tags=set()))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.globals["vocab"] = vocab
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
