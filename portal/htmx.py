"""One endpoint, two outputs: the whole page, or only a block of it for htmx.

`is_fragment_request` is the one rule that decides, for the view, the page cache's key and
the error pages alike; nginx's micro-cache key (`$portal_fragment` in
deploy/nginx/portal.conf) spells the same rule, so no cache ever keeps one output under
the other's key.
"""

from flask import Flask, Response, make_response, render_template, request
from jinja2_fragments.flask import render_block

from portal.extensions import htmx

# The request headers the rule reads: every answer that depends on it names them in Vary,
# so a browser's or a proxy's cache never answers one kind of request with the other's
# output (htmx's history restore sends `HX-Request: true` too).
VARY = ("HX-Request", "HX-Boosted", "HX-History-Restore-Request")


def is_fragment_request(environ: dict) -> bool:
    """A real htmx swap: `HX-Request: true` exactly (as htmx sends it), with neither
    `HX-Boosted` nor `HX-History-Restore-Request` (a boosted link and a history restore
    replace the whole page). An empty header counts as absent, as it does for nginx."""
    return (
        environ.get("HTTP_HX_REQUEST") == "true"
        and not environ.get("HTTP_HX_BOOSTED")
        and not environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST")
    )


def wants_fragment() -> bool:
    """`is_fragment_request` for the request being handled."""
    return is_fragment_request(request.environ)


def vary_on_htmx(response: Response) -> Response:
    """Name the headers `is_fragment_request` reads in the response's Vary."""
    for header in VARY:
        response.vary.add(header)
    return response


def render_page_or_block(
    template: str, block: str, push_url: str | None = None, **context
) -> Response:
    """Render the page, or only `block` of it for an htmx swap (see `is_fragment_request`).

    `push_url`: the address the swap puts in the address bar, as a new history entry
    (`HX-Push-Url` wins over the address htmx asked for, which carries every empty field).
    It depends on the URL alone, never on request headers, so caches may keep it."""
    if not wants_fragment():
        return vary_on_htmx(make_response(render_template(template, **context)))
    response = make_response(render_block(template, block, **context))
    if push_url:
        response.headers["HX-Push-Url"] = push_url
    return vary_on_htmx(response)


def init_app(app: Flask) -> None:
    htmx.init_app(app)
    app.jinja_env.globals["fragment"] = wants_fragment
