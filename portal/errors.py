"""Translated, styled error pages in the reader's language."""

from flask import Flask, g, make_response, render_template
from flask_babel import lazy_gettext as _l
from jinja2_fragments.flask import render_block
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.htmx import wants_fragment
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


def render_error(error: HTTPException, text: str | None = None):
    """Show the error in the reader's language, in the site's layout or as an htmx fragment."""
    code = error.code or 500
    if not g.get("lang"):
        g.lang = best_language()
    g.alternates = {}  # the switcher leads to the other language's front page
    title, default_text = MESSAGES.get(code, (error.name, error.description))
    context = {"code": code, "title": title, "text": text or default_text}
    if wants_fragment():
        body = render_block("errors/error.html", "problem", **context)
    else:
        body = render_template("errors/error.html", **context)
    response = make_response(body, code)
    response.vary.add("HX-Request")
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
