"""The page frame's fixed links (templates/base.html), built once per language and root.

Every page links the same icon, stylesheet and scripts, and its header the same main
navigation and search form. `url_for` builds each of them by walking the URL map, with the
language put in (portal.i18n) and the static file's hashed name (portal.http.static_files):
ten builds a page. What they give depends only on the page's language and the app's root
path (SCRIPT_NAME), since the URL map and the static files are fixed when the app starts,
so they are built once per app, language and root and kept in `app.extensions`.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request, url_for

LINKS = {
    "icon": ("static", {"filename": "favicon.svg"}),
    "stylesheet": ("static", {"filename": "css/site.css"}),
    "htmx": ("static", {"filename": "vendor/htmx.min.js"}),
    "script": ("static", {"filename": "js/site.js"}),
    "feed": ("feeds.site", {}),
    "front": ("public.front", {}),
    "updates": ("public.updates", {}),
    "makers": ("public.makers", {}),
    "briefing": ("briefing.current", {}),
    "calendar": ("calendar.calendar", {}),
}


def frame_links() -> dict[str, str]:
    """The frame's links (`LINKS`' names → addresses) for this page's language and root."""
    kept = current_app.extensions["frame_links"]
    key = (g.get("lang"), request.script_root)
    if (found := kept.get(key)) is None:
        found = {name: url_for(endpoint, **values) for name, (endpoint, values) in LINKS.items()}
        kept[key] = found
    return found


def init_app(app: Flask) -> None:
    app.extensions["frame_links"] = {}
    app.jinja_env.globals["frame_links"] = frame_links
