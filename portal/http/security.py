"""Security headers on every response: pages, fragments, feeds, static files, errors.

They are added by a WSGI layer outside the page cache, so a page served from the cache
carries them exactly as a freshly rendered one, and HSTS follows the scheme of each
request, not of the request that happened to fill the cache. Behind `TRUSTED_PROXIES`
reverse proxies the scheme comes from their `X-Forwarded-Proto` (ProxyFix sits outside
this layer).

The Content-Security-Policy allows no inline script or style and no eval: the templates
load their script and stylesheet from /static/, and htmx is configured (the htmx-config
meta in base.html) to inject no indicator styles and to evaluate nothing.
"""

from __future__ import annotations

from flask import Flask

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "browsing-topics=(), interest-cohort=()"
)
HSTS = "max-age=63072000; includeSubDomains"


def security_headers(config) -> list[tuple[str, str]]:
    return [
        ("Content-Security-Policy", config.get("CONTENT_SECURITY_POLICY", CONTENT_SECURITY_POLICY)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate CSP 2
    ]


class SecurityHeaders:
    """WSGI middleware: add the headers a response does not set itself."""

    def __init__(self, wsgi_app, headers: list[tuple[str, str]], hsts: str | None):
        self.wsgi_app = wsgi_app
        self.plain = headers
        self.secure = [*headers, ("Strict-Transport-Security", hsts)] if hsts else headers

    def __call__(self, environ: dict, start_response):
        extra = self.secure if environ.get("wsgi.url_scheme") == "https" else self.plain

        def start(status, headers, exc_info=None):
            present = {key.lower() for key, _ in headers}
            added = [(key, value) for key, value in extra if key.lower() not in present]
            return start_response(status, [*headers, *added], exc_info)

        return self.wsgi_app(environ, start)


def init_app(app: Flask) -> None:
    app.wsgi_app = SecurityHeaders(
        app.wsgi_app, security_headers(app.config), app.config.get("HSTS", HSTS) or None
    )
