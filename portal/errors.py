"""Translated, styled error pages in the reader's language."""

from flask import Flask, current_app, g, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from portal.htmx import render_page_or_block
from portal.i18n import best_language

MESSAGES = {
    400: (_l("Bad request"), _l("We could not understand that request.")),
    403: (_l("Not allowed"), _l("This request is not allowed.")),
    404: (_l("Page not found"), _l("There is no page at this address. It may have moved.")),
    405: (_l("Method not allowed"), _l("This page cannot be used that way.")),
    413: (_l("Too large"), _l("What you sent is too large.")),
    422: (_l("Check your input"), _l("Some of what you sent could not be accepted.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (_l("Something went wrong"), _l("Our fault, not yours. Please try again in a moment.")),
    503: (_l("Temporarily unavailable"), _l("The site is briefly unavailable. Try again soon.")),
}
UNTRUSTED_HOST = _l("This site is not served at that address.")


def render_error(error: HTTPException, text: str | None = None):
    """Show the error in the reader's language, in the site's layout or as an htmx fragment."""
    code = error.code or 500
    if isinstance(error, SecurityError):  # a Host outside TRUSTED_HOSTS (portal/config.py)
        text = text or UNTRUSTED_HOST
        # Flask made no URL builder for that host; the page's links are relative, so
        # build them as for the site's own.
        request_ctx.url_adapter = current_app.url_map.bind(
            current_app.config["TRUSTED_HOSTS"][0],
            script_name=request.script_root or "/",
            url_scheme=request.scheme,
        )
    if not g.get("lang"):
        g.lang = best_language()
    g.alternates = {}  # the switcher leads to each language's front page
    title, default_text = MESSAGES.get(code, (error.name, error.description))
    context = {"code": code, "title": title, "text": text or default_text}
    response = render_page_or_block("errors/error.html", "problem", **context)
    response.status_code = code
    # Never kept by a shared cache as if it were the page: a 404 may become a page soon,
    # and a 5xx is not to be stored at all.
    response.headers["Cache-Control"] = "no-store" if code >= 500 else "no-cache"
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("Unhandled error")
        return render_error(InternalServerError())
