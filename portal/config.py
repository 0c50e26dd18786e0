"""Configuration from the environment; every value optional on a laptop."""

import contextlib
import os
import re
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

# Host names a laptop also answers on when SITE_URL names another (the dev server, tests).
LOCAL_HOSTS = ("localhost", "127.0.0.1")


class ConfigurationError(RuntimeError):
    """The environment cannot run the portal; the message says what to set."""


def _secret_key(instance_path: str) -> str:
    """Return SECRET_KEY, generating one into instance/ the first time on a laptop."""
    if key := os.environ.get("SECRET_KEY", "").strip():
        return key
    if os.environ.get("PORTAL_ENV") == "production":
        raise ConfigurationError(
            "SECRET_KEY is not set. In production (PORTAL_ENV=production) the portal needs a "
            "secret key shared by all its workers and hosts, e.g. "
            "SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_hex(32))')\"."
        )
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole into a file only its owner can ever read (mkstemp: 0600 whatever the
        # umask), then linked into place: never readable by others, never seen half-written,
        # and a worker that loses the race to create it reads the winner's key.
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_hex(32))
            with contextlib.suppress(FileExistsError):
                os.link(temp, path)
        finally:
            os.unlink(temp)
    return path.read_text().strip()


def _site_url() -> str:
    """SITE_URL without a trailing slash: required in production, and only an address."""
    url = os.environ.get("SITE_URL", "").strip().rstrip("/")
    if not url:
        if os.environ.get("PORTAL_ENV") == "production":
            raise ConfigurationError(
                "SITE_URL is not set. In production (PORTAL_ENV=production) the portal needs "
                "its public address for canonical, hreflang and feed links, and answers only "
                "requests for that host, e.g. SITE_URL=https://portal.example.org."
            )
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ConfigurationError(
            f"SITE_URL={url!r} is not a site address such as https://portal.example.org."
        )
    return url


CATALOGS = Path(__file__).parent.parent / "translations"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def site_languages(value, catalogs: str | Path = CATALOGS) -> dict[str, str]:
    """LANGUAGES ("en,nl,de", the first the default; or the codes as a list or mapping) as
    code → the language's own name ("Deutsch"), for the URL prefixes and the switcher.
    Every code needs an interface catalog in `catalogs` (English is the source text)."""
    codes = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    codes = [code.strip().lower() for code in codes]
    if not codes:
        raise ConfigurationError("LANGUAGES is empty; name at least one, e.g. LANGUAGES=en,nl.")
    names = {}
    for code in codes:
        if code in names:
            raise ConfigurationError(f"LANGUAGES names {code!r} twice.")
        try:
            locale = Locale.parse(code) if LANGUAGE_CODE.match(code) else None
        except (UnknownLocaleError, ValueError):
            locale = None
        if locale is None:
            raise ConfigurationError(
                f"LANGUAGES: {code!r} is not a language code such as en, nl or de."
            )
        folder = Path(catalogs) / code / "LC_MESSAGES"
        if code != "en" and not any(folder.glob("messages.[pm]o")):
            raise ConfigurationError(
                f"LANGUAGES names {code!r}, but there is no interface catalog for it: add "
                f"{folder / 'messages.po'} (a copy of the Dutch one, translated; see the "
                "README, Adding a language), or leave it out of LANGUAGES."
            )
        name = locale.get_display_name(code) or code
        names[code] = name[:1].upper() + name[1:]
    return names


def trusted_hosts(config) -> list[str] | None:
    """The Host names the app answers (Flask's TRUSTED_HOSTS; others get a 400): SITE_URL's,
    EXTRA_HOSTS and, outside production, localhost. Without SITE_URL (a laptop) any host:
    pages then link to the host asked, and the page cache keys on it."""
    if not config["SITE_URL"]:
        return None
    hosts = [urlsplit(config["SITE_URL"]).hostname, *config["EXTRA_HOSTS"]]
    if config["PORTAL_ENV"] != "production":
        hosts += LOCAL_HOSTS
    return hosts


def load(instance_path: str) -> dict:
    """Build the configuration mapping for an app whose instance folder is given."""
    default_db = "sqlite:///" + str(Path(instance_path) / "portal.db")
    idle_hours = float(os.environ.get("EDITOR_IDLE_HOURS", "8"))
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "SITE_URL": _site_url(),
        # More host names to answer besides SITE_URL's, e.g. the address a health check uses.
        "EXTRA_HOSTS": os.environ.get("EXTRA_HOSTS", "").replace(",", " ").split(),
        "PORTAL_ENV": os.environ.get("PORTAL_ENV", "development"),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Anonymous feedback per client (Flask-Limiter syntax, ";" between limits).
        "FEEDBACK_RATE_LIMIT": os.environ.get("FEEDBACK_RATE_LIMIT", "5 per minute;30 per day"),
        # Digest sign-ups per client (same syntax).
        "SUBSCRIBE_RATE_LIMIT": os.environ.get("SUBSCRIBE_RATE_LIMIT", "5 per minute;20 per day"),
        # Mail for email digests: smtp://user:password@host:587/?starttls=1 (smtps:// for
        # implicit TLS) and the sender; without SMTP_URL digests are hidden.
        "SMTP_URL": os.environ.get("SMTP_URL", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", ""),
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # Bigger request bodies are refused with a 413 before they are read.
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        # Languages the site is published in, each with a catalog; the first is the default.
        "LANGUAGES": site_languages(os.environ.get("LANGUAGES", "en,nl")),
        "BABEL_DEFAULT_LOCALE": "en",
        # The site's time zone: its days and ISO weeks (the briefing, daily digests).
        "SITE_TIMEZONE": os.environ.get("SITE_TIMEZONE", "Europe/Amsterdam"),
        "BABEL_DEFAULT_TIMEZONE": os.environ.get("SITE_TIMEZONE", "Europe/Amsterdam"),
        "BABEL_TRANSLATION_DIRECTORIES": str(CATALOGS),
        "UPDATES_PER_PAGE": 20,
        # HTTP caching of public pages and feeds (seconds): how long any cache may keep
        # one, and how much longer it may serve it while fetching a fresh one.
        "CACHE_MAX_AGE": int(os.environ.get("CACHE_MAX_AGE", "60")),
        "CACHE_STALE_WHILE_REVALIDATE": int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "300")),
        # Sent on HTTPS responses only; empty turns it off (e.g. when the proxy sends it).
        "HSTS": os.environ.get("HSTS", "max-age=63072000; includeSubDomains"),
        # Rendered public pages kept per process (bytes); 0 turns the page cache off.
        "PAGE_CACHE_BYTES": int(os.environ.get("PAGE_CACHE_BYTES", 64 * 1024 * 1024)),
        # Internal hosts or networks (comma-separated: intranet.example, 10.1.0.0/16) that
        # feed imports may fetch from; every other loopback, private, link-local or
        # reserved address is refused.
        "FEED_FETCH_ALLOW": os.environ.get("FEED_FETCH_ALLOW", ""),
        # Editors' session cookie: only the editor area writes it (public pages set none).
        "EDITOR_IDLE_HOURS": idle_hours,
        # ...and this many hours after logging in, however active (a copied cookie too).
        "EDITOR_MAX_SESSION_HOURS": float(os.environ.get("EDITOR_MAX_SESSION_HOURS", "24")),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=idle_hours),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("PORTAL_ENV") == "production",
        # The editor area refreshes its own cookie; a public page never sends one back.
        "SESSION_REFRESH_EACH_REQUEST": False,
        # CSRF tokens live as long as the editor's session, not one hour: long articles.
        "WTF_CSRF_TIME_LIMIT": None,
    }
