"""Markdown bodies rendered to sanitised HTML."""

import html
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

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
