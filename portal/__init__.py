"""The portal: a bilingual tracker of what AI makers publish."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error pages, commands."""
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
    if app.config["TRUSTED_HOSTS"] is None:  # unless the caller gave its own list
        app.config["TRUSTED_HOSTS"] = config_module.trusted_hosts(app.config)

    from portal import (
        backup,
        cli,
        compression,
        editor,
        errors,
        feedback,
        health,
        htmx,
        i18n,
        importing,
        pagecache,
        search,
        security,
        static_files,
        vocab,
    )
    from portal.database import init_db
    from portal.extensions import limiter
    from portal.feeds import bp as feeds_bp
    from portal.public import bp as public_bp
    from portal.rendering import preview, render_markdown
    from portal.seo import bp as seo_bp

    init_db(app)
    i18n.init_app(app)
    htmx.init_app(app)
    search.init_app(app)
    limiter.init_app(app)
    app.register_blueprint(public_bp)
    app.register_blueprint(feeds_bp)
    app.register_blueprint(seo_bp)
    feedback.init_app(app)
    editor.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    static_files.init_app(app)
    cli.init_app(app)
    importing.init_app(app)
    backup.init_app(app)
    # WSGI layers, innermost first: the page cache (keeps pages with their compressed
    # variants), compression of everything else, security headers on every response.
    pagecache.init_app(app)
    app.wsgi_app = compression.Compressor(app.wsgi_app)
    security.init_app(app)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["markdown_preview"] = preview  # or why it would be refused
    app.jinja_env.globals["vocab"] = vocab
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    if proxies := app.config["TRUSTED_PROXIES"]:
        # Behind that many proxies the client address comes from X-Forwarded-For;
        # with none, the socket's address is the client and the header buys nothing.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    return app
