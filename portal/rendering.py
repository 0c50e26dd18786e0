"""Markdown bodies rendered to sanitised HTML, in time linear in the text.

cmark-gfm (through cmarkgfm) parses CommonMark with tables linearly and without recursion
(lists deeper than its limit go on as text). nh3 then keeps only the tags below; its HTML
parser slows down with the square of the nesting depth, so HTML nested deeper than
MAX_DEPTH (hundreds of quotes, or raw tags left open) is never handed to it: the editors'
form refuses such a body (`refusal`), as it does one over MAX_BODY characters, and one
stored before is shown as plain text.

Also what every template gets: the `markdown` filters, the vocabularies (`vocab`), blocks
without stray whitespace."""

import html
import re
from functools import lru_cache

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from flask import Flask
from flask_babel import lazy_gettext as _l
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
MAX_BODY = 100_000  # characters
MAX_DEPTH = 40  # HTML elements inside each other: about twenty levels of lists
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr", "param"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
TOO_LONG = _l("The body can be at most 100,000 characters long.")  # MAX_BODY
TOO_DEEP = _l("The body nests lists, quotes or HTML tags too deeply; use at most 20 levels.")


def _html(text: str) -> str:
    # Raw HTML goes through to nh3 (an <abbr> is kept), which drops whatever is not allowed.
    return cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=["table"]
    )


def _too_deep(markup: str) -> bool:
    """True when elements nest deeper than MAX_DEPTH, counting every start tag of a
    non-void element as open until an end tag (an overestimate: a browser closes some)."""
    depth = 0
    for match in TAG.finditer(markup):
        if match[1]:
            depth = max(depth - 1, 0)
        elif match[2].lower() not in VOID:
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


def refusal(text: str):
    """Why a body cannot be published (too long, or nested too deeply), or None."""
    if len(text) > MAX_BODY:
        return TOO_LONG
    return TOO_DEEP if _too_deep(_html(text)) else None


@lru_cache(maxsize=1024)  # keyed by the text itself, so an edited body is never served stale
def render_markdown(text: str) -> Markup:
    """Markdown to HTML that keeps only safe tags; links open without a referrer leak."""
    text = text or ""
    markup = _html(text) if len(text) <= MAX_BODY else None
    if markup is None or _too_deep(markup):  # only a body stored before the form refused it
        return Markup("<p>%s</p>") % text
    clean = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


def preview(text: str) -> Markup:
    """The body as readers will see it, or why it cannot be published (before rendering)."""
    problem = refusal(text or "")
    return Markup('<p class="field-error">%s</p>') % problem if problem else render_markdown(text)


@lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """What a reader sees of a Markdown body, as plain text: the rendered and sanitised
    page without its tags (so no Markdown syntax, link URLs or stripped HTML comments)."""
    if len(text or "") > MAX_BODY:  # shown as it is (see render_markdown)
        return text
    return html.unescape(nh3.clean(render_markdown(text), tags=set()))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["markdown_preview"] = preview  # or why it would be refused
    app.jinja_env.globals["vocab"] = vocab
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
