"""One endpoint, two outputs: the whole page, or only a block of it for htmx."""

from flask import Flask, make_response, render_template
from jinja2_fragments.flask import render_block

from portal.extensions import htmx


def wants_fragment() -> bool:
    """A real htmx swap: not a history restore, not a boosted navigation."""
    return bool(htmx) and not htmx.history_restore_request and not htmx.boosted


def render_page_or_block(template: str, block: str, **context):
    """Render the page, or only `block` of it for an htmx swap; caches must key on HX-Request."""
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body)
    response.vary.add("HX-Request")
    return response


def init_app(app: Flask) -> None:
    htmx.init_app(app)
    app.jinja_env.globals["fragment"] = wants_fragment
