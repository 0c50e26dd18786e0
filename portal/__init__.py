"""The portal: a bilingual tracker of what AI makers publish."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the app: configuration, then each feature (its extensions, blueprint, commands),
    then the WSGI layers."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    from portal import config as config_module

    app.config.from_mapping(config_module.load(app.instance_path))
    if config:
        app.config.from_mapping(config)
    app.config["LANGUAGES"] = config_module.site_languages(
        app.config["LANGUAGES"], app.config["BABEL_TRANSLATION_DIRECTORIES"]
    )
    if app.config["TRUSTED_HOSTS"] is None:  # unless the caller gave its own list
        app.config["TRUSTED_HOSTS"] = config_module.trusted_hosts(app.config)

    from portal import (
        backup,
        briefing,
        calendar,
        database,
        demo,
        digests,
        editor,
        errors,
        feedback,
        feeds,
        frame,
        htmx,
        i18n,
        importing,
        public,
        rendering,
        search,
        seo,
        translation,
    )
    from portal.http import compression, health, pagecache, security, sessions, static_files

    features = [
        database,
        i18n,
        htmx,
        rendering,
        frame,
        search,
        public,
        calendar,
        feeds,
        briefing,
        seo,
        feedback,
        digests,
        editor,
        errors,
        health,
        sessions,
        static_files,
        demo,
        importing,
        backup,
        translation,
    ]
    for feature in features:
        feature.init_app(app)
    # WSGI layers, innermost first: the page cache (keeps pages with their compressed
    # variants), compression of everything else, security headers on every response.
    pagecache.init_app(app)
    compression.init_app(app)
    security.init_app(app)
    if proxies := app.config["TRUSTED_PROXIES"]:
        # Behind that many proxies the client address comes from X-Forwarded-For;
        # with none, the socket's address is the client and the header buys nothing.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    return app
