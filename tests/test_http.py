"""HTTP: caching headers and 304s, compression, hashed static files, security headers,
/healthz, the 503 page while the database is away, and the production secret key."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import socket
import subprocess
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path

import brotli
import lxml.html
import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from portal import create_app
from portal.config import ConfigurationError, load
from portal.extensions import db
from portal.http.compression import MIN_SIZE
from portal.models import Feedback, Maker, UpdateTranslation

ROOT = Path(__file__).resolve().parent.parent
HX = {"HX-Request": "true"}
PUBLIC = "public, max-age=60, stale-while-revalidate=300"
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.fixture
def boom(app):
    """A route that fails, registered before the app serves its first request."""

    @app.route("/<lang>/boom/")
    def failing():
        raise RuntimeError("boom")

    return app


@pytest.fixture
def content(app, make_update, make_tag):
    """Two updates in both languages, one tagged, and one in English only."""
    make_tag("agents", en="Agents", nl="Agenten")
    make_update(en={"title": "First title"}, nl={"title": "Eerste titel"}, tags=["agents"])
    make_update(en={"title": "Second title"}, nl={"title": "Tweede titel"}, published="2025-07-12")
    make_update(en={"title": "Only English"}, published="2025-07-13")
    return app


def public_urls(lang: str) -> list[str]:
    """One URL of every kind of public page and feed."""
    slug = {"en": "first-title", "nl": "eerste-titel"}[lang]
    return [
        f"/{lang}/",
        f"/{lang}/updates/",
        f"/{lang}/updates/?type=article&q=title",
        f"/{lang}/updates/{slug}/",
        f"/{lang}/makers/",
        f"/{lang}/makers/openai/",
        f"/{lang}/tags/agents/",
        f"/{lang}/feed.xml",
        f"/{lang}/updates/feed.xml?maker=openai",
        f"/{lang}/makers/openai/feed.xml",
        f"/{lang}/tags/agents/feed.xml",
    ]


def vary(response) -> set[str]:
    return {token.strip() for token in response.headers.get("Vary", "").split(",") if token}


def set_changed_at(app, moment: str) -> None:
    """Put the last content change at `moment`, as if nothing changed since."""
    with app.app_context():
        db.session.execute(
            text(
                "UPDATE site_state SET content_changed_at = :moment, "
                "content_version = content_version + 1"
            ),
            {"moment": moment},
        )
        db.session.commit()


# --- caching headers and conditional requests -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_public_pages_and_feeds_may_be_kept_briefly_by_any_cache(content, client, lang):
    for url in public_urls(lang):
        for headers in ({}, HX):
            response = client.get(url, headers=headers)
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == PUBLIC, url
            assert response.headers["ETag"].startswith('"'), url
            assert response.headers["Last-Modified"].endswith(" GMT"), url
            assert "Accept-Encoding" in vary(response), url
            assert "Accept-Language" not in vary(response), url
            listing = re.search(r"/(updates|makers/openai|tags/agents)/(\?|$)", url)
            assert ("HX-Request" in vary(response)) is bool(listing), url


def test_cache_lifetimes_are_configurable(content, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": content.config["SQLALCHEMY_DATABASE_URI"],
            "CACHE_MAX_AGE": 5,
            "CACHE_STALE_WHILE_REVALIDATE": 30,
        }
    )
    response = app.test_client().get("/en/updates/")
    with app.app_context():
        db.engine.dispose()
    assert response.headers["Cache-Control"] == "public, max-age=5, stale-while-revalidate=30"


def test_last_modified_is_the_newest_change_or_go_live(content, client):
    set_changed_at(content, "2025-01-01 08:00:00")
    # The newest published update went live after that change: it is the last modification.
    response = client.get("/en/updates/")
    assert response.headers["Last-Modified"] == "Sun, 13 Jul 2025 00:00:00 GMT"
    set_changed_at(content, "2025-08-01 10:30:00")
    assert client.get("/en/updates/").headers["Last-Modified"] == "Fri, 01 Aug 2025 10:30:00 GMT"


@pytest.mark.parametrize("cache_bytes", [64 * 1024 * 1024, 0], ids=["page-cache", "no-cache"])
def test_if_modified_since_gives_a_304_until_the_content_changes(content, cache_bytes):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": content.config["SQLALCHEMY_DATABASE_URI"],
            "PAGE_CACHE_BYTES": cache_bytes,
        }
    )
    client = app.test_client()
    set_changed_at(app, "2025-08-01 10:30:00")
    first = client.get("/en/updates/first-title/")
    since = first.headers["Last-Modified"]

    again = client.get("/en/updates/first-title/", headers={"If-Modified-Since": since})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["Cache-Control"] == PUBLIC
    older = "Fri, 01 Aug 2025 10:29:59 GMT"
    stale = client.get("/en/updates/first-title/", headers={"If-Modified-Since": older})
    assert stale.status_code == 200
    assert "First title" in stale.get_data(as_text=True)

    with app.app_context():
        translation = db.session.query(UpdateTranslation).filter_by(slug="first-title").one()
        translation.title = "First title, corrected"
        db.session.commit()
    changed = client.get("/en/updates/first-title/", headers={"If-Modified-Since": since})
    assert changed.status_code == 200
    assert "First title, corrected" in changed.get_data(as_text=True)
    assert changed.headers["Last-Modified"] != since
    with app.app_context():
        db.engine.dispose()


def test_if_none_match_takes_precedence_over_if_modified_since(content, client):
    first = client.get("/en/updates/")
    future = format_datetime(datetime(2100, 1, 1, tzinfo=UTC), usegmt=True)
    other = client.get(
        "/en/updates/", headers={"If-None-Match": '"other"', "If-Modified-Since": future}
    )
    assert other.status_code == 200
    assert "First title" in other.get_data(as_text=True)
    same = client.get(
        "/en/updates/",
        headers={"If-None-Match": first.headers["ETag"], "If-Modified-Since": "garbage"},
    )
    assert same.status_code == 304
    assert same.headers["ETag"] == first.headers["ETag"]
    weak = client.get("/en/updates/", headers={"If-None-Match": "W/" + first.headers["ETag"]})
    assert weak.status_code == 304


def test_editor_pages_are_never_cacheable_nor_compressed(content, editor):
    for url in ("/en/editor/", "/en/editor/updates/new", "/nl/editor/login"):
        response = editor.get(url, headers={"Accept-Encoding": "gzip, br"})
        assert response.status_code in (200, 302), url
        assert response.headers["Cache-Control"] == "private, no-store", url
        assert "ETag" not in response.headers and "Last-Modified" not in response.headers
        # CSRF tokens are never compressed next to reader-chosen text (BREACH).
        assert "Content-Encoding" not in response.headers, url


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_error_pages_are_not_kept_as_public_pages(boom, content, client, lang):
    missing = client.get(f"/{lang}/updates/no-such-update/")
    assert missing.status_code == 404
    assert missing.headers["Cache-Control"] == "no-cache"
    assert "Last-Modified" not in missing.headers
    broken = client.get(f"/{lang}/boom/")
    assert broken.status_code == 500
    assert broken.headers["Cache-Control"] == "no-store"


def test_only_the_root_redirect_varies_on_the_readers_language(client):
    response = client.get("/", headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/nl/")
    assert {"Accept-Language", "Cookie"} <= vary(response)
    assert "public" not in response.headers["Cache-Control"]


# --- compression ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pages_fragments_and_feeds_are_compressed_when_accepted(content, client, encoding, lang):
    for url in public_urls(lang):
        for headers in ({}, HX):
            plain = client.get(url, headers=headers | {"Accept-Encoding": "identity"})
            assert "Content-Encoding" not in plain.headers
            for _ in range(2):  # rendered, then served from the page cache
                packed = client.get(url, headers=headers | {"Accept-Encoding": encoding})
                assert packed.headers["Content-Encoding"] == encoding, url
                assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data)
                assert DECODE[encoding](packed.data) == plain.data, url
                assert packed.headers["ETag"] == plain.headers["ETag"][:-1] + f'-{encoding}"'
                assert "Accept-Encoding" in vary(packed)
            revalidated = client.get(
                url,
                headers=headers
                | {"Accept-Encoding": encoding, "If-None-Match": packed.headers["ETag"]},
            )
            assert revalidated.status_code == 304, url
            assert revalidated.headers["ETag"] == packed.headers["ETag"]


@pytest.mark.parametrize(
    ("accepted", "chosen"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip;q=1.0, br;q=0.5", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("*", "br"),
        ("deflate", None),
        ("identity", None),
        ("", None),
    ],
)
def test_the_encoding_follows_the_clients_preferences(content, client, accepted, chosen):
    response = client.get("/en/updates/", headers={"Accept-Encoding": accepted})
    assert response.headers.get("Content-Encoding") == chosen
    assert "First title" in (
        DECODE[chosen](response.data).decode() if chosen else response.get_data(as_text=True)
    )


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_responses_outside_the_page_cache_are_compressed_too(content, encoding):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": content.config["SQLALCHEMY_DATABASE_URI"],
            "PAGE_CACHE_BYTES": 0,
        }
    )
    client = app.test_client()
    for url in ("/en/updates/", "/nl/feed.xml", "/nl/no-such-page/"):
        plain = client.get(url)
        packed = client.get(url, headers={"Accept-Encoding": encoding})
        assert packed.headers["Content-Encoding"] == encoding, url
        assert DECODE[encoding](packed.data) == plain.data, url
        assert "Accept-Encoding" in vary(packed)
    with app.app_context():
        db.engine.dispose()


def test_small_answers_are_not_compressed(client):
    response = client.get("/healthz", headers={"Accept-Encoding": "gzip, br"})
    assert response.data == b"ok"
    assert "Content-Encoding" not in response.headers


# --- static files -----------------------------------------------------------------------


def static_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_files_have_content_hashed_names_and_live_a_year(content, client):
    html = client.get("/en/").get_data(as_text=True)
    links = static_links(html)
    assert len(links) == 4  # the icon, the stylesheet, htmx, the site's script
    for link in links:
        found = re.fullmatch(r"/static/(?P<stem>.+)\.(?P<hash>[0-9a-f]{12})(?P<ext>\.\w+)", link)
        assert found, link
        on_disk = (ROOT / "static" / (found["stem"] + found["ext"])).read_bytes()
        assert found["hash"] == hashlib.sha256(on_disk).hexdigest()[:12]
        response = client.get(link)
        assert response.status_code == 200
        assert response.data == on_disk
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        again = client.get(link, headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304


def test_static_files_keep_their_plain_names_with_a_short_lifetime(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response.data == (ROOT / "static" / "css" / "site.css").read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert response.mimetype == "text/css"


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_static_text_files_are_compressed_when_accepted(client, encoding):
    html = client.get("/en/").get_data(as_text=True)
    for link in static_links(html):
        name = re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", link.removeprefix("/static/"))
        on_disk = (ROOT / "static" / name).read_bytes()
        response = client.get(link, headers={"Accept-Encoding": encoding})
        if len(on_disk) < MIN_SIZE:  # the icon: too small to gain
            assert "Content-Encoding" not in response.headers, link
            continue
        assert response.headers["Content-Encoding"] == encoding, link
        assert DECODE[encoding](response.data) == on_disk, link
        assert "Accept-Encoding" in vary(response)
        assert response.headers["ETag"].endswith(f'-{encoding}"')


def test_a_wrong_hash_or_a_missing_file_is_a_404(client):
    assert client.get("/static/css/site.000000000000.css").status_code == 404
    assert client.get("/static/css/nothing.css").status_code == 404
    assert client.get("/static/../portal/config.py").status_code == 404


def test_favicon_ico_answers_with_the_sites_icon(client):
    """Browsers ask /favicon.ico on their own (for a feed, say): an icon, not a 404."""
    icon = (ROOT / "static" / "favicon.svg").read_bytes()
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data == icon
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    again = client.get("/favicon.ico", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_every_page_links_the_icon(boom, content, editor):
    icon = (ROOT / "static" / "favicon.svg").read_bytes()
    pages = [
        (label, response.get_data(as_text=True))
        for label, response in every_kind_of_response(boom.test_client(), editor_client=editor)
        if response.get_data(as_text=True).startswith("<!DOCTYPE html>")
    ]
    assert len(pages) > 30
    client = boom.test_client()
    for label, html in pages:
        links = lxml.html.fromstring(html).find("head").findall("link[@rel='icon']")
        assert [link.get("type") for link in links] == ["image/svg+xml"], label
        href = links[0].get("href")
        assert re.fullmatch(r"/static/favicon\.[0-9a-f]{12}\.svg", href), label
        assert client.get(href).data == icon, label


# --- security headers -------------------------------------------------------------------


def every_kind_of_response(client, editor_client=None):
    """(label, response) for every page type: public, fragment, feed, static, errors, …
    (the app needs the `boom` fixture)."""
    responses = []
    for lang in ("en", "nl"):
        for url in public_urls(lang):
            responses.append((url, client.get(url)))
            responses.append((url + " (served again)", client.get(url)))
        responses += [
            (f"/{lang}/updates/ fragment", client.get(f"/{lang}/updates/?type=video", headers=HX)),
            ("untranslated", client.get("/nl/updates/only-english/")),
            ("404", client.get(f"/{lang}/no-such-page/")),
            ("untrusted host", client.get(f"/{lang}/", headers={"Host": "evil.example"})),
            ("500", client.get(f"/{lang}/boom/")),
            ("login", client.get(f"/{lang}/editor/login")),
            ("feedback", client.post(f"/{lang}/feedback", data={"message": ""})),
        ]
    responses += [
        ("/", client.get("/")),
        ("static", client.get("/static/css/site.css")),
        ("healthz", client.get("/healthz")),
    ]
    if editor_client is not None:
        for url in ("/en/editor/", "/en/editor/updates/new", "/nl/editor/feedback/"):
            responses.append((url, editor_client.get(url)))
    return responses


def test_every_response_carries_the_security_headers(boom, content, editor):
    for label, response in every_kind_of_response(boom.test_client(), editor_client=editor):
        headers = response.headers
        policy = headers.get("Content-Security-Policy", "")
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'", label
        assert directives["script-src"] == "'self'", label
        assert directives["style-src"] == "'self'", label
        assert directives["frame-ancestors"] == "'none'", label
        assert directives["object-src"] == "'none'", label
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, label
        assert headers["X-Content-Type-Options"] == "nosniff", label
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", label
        assert "camera=()" in headers["Permissions-Policy"], label
        assert "geolocation=()" in headers["Permissions-Policy"], label
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", label
        assert "Strict-Transport-Security" not in headers, label  # plain http


class InlineCode(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if "style" in names:
            self.found.append(f"<{tag} style=…>")
        self.found += [f"<{tag} {name}=…>" for name in names if name.startswith("on")]
        if any(str(value).lower().startswith("javascript:") for value in names.values()):
            self.found.append(f"<{tag} …javascript:>")
        # Data blocks (JSON-LD) are never executed, so script-src does not apply to them.
        is_data = names.get("type") in ("application/ld+json", "application/json")
        self.in_script = tag == "script" and "src" not in names and not is_data

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.found.append("inline <script>")

    def handle_endtag(self, tag):
        self.in_script = False


def test_no_page_needs_inline_script_or_style(boom, content, editor):
    for label, response in every_kind_of_response(boom.test_client(), editor_client=editor):
        if response.mimetype != "text/html":
            continue
        parser = InlineCode()
        parser.feed(response.get_data(as_text=True))
        assert parser.found == [], label


def test_htmx_is_configured_to_need_no_inline_style_and_no_eval(content, client):
    html = client.get("/en/updates/").get_data(as_text=True)
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html).group(1)
    assert '"includeIndicatorStyles": false' in config
    assert '"allowEval": false' in config


@pytest.mark.parametrize("url", ["/en/updates/", "/nl/feed.xml", "/static/css/site.css"])
def test_hsts_only_over_https_even_from_the_page_cache(content, client, url):
    assert "Strict-Transport-Security" not in client.get(url).headers
    secure = client.get(url, base_url="https://portal.example")
    assert secure.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(url).headers


@pytest.mark.parametrize(("proxies", "hsts"), [(1, True), (0, False)])
def test_hsts_behind_a_trusted_proxy_follows_x_forwarded_proto(content, proxies, hsts):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": content.config["SQLALCHEMY_DATABASE_URI"],
            "TRUSTED_PROXIES": proxies,
        }
    )
    response = app.test_client().get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert ("Strict-Transport-Security" in response.headers) is hsts
    with app.app_context():
        db.engine.dispose()


# --- the Host header -----------------------------------------------------------------------

HOST_URLS = ["/en/", "/nl/updates/", "/en/updates/first-title/", "/en/feed.xml", "/robots.txt"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_untrusted_host_gets_a_translated_400(content, client, lang):
    """SITE_URL names the site: another Host is refused, in the reader's language."""
    for headers in ({"Host": "evil.example"}, {"Host": "EVIL.example:8080"}, {"Host": "a b"}):
        response = client.get(f"/{lang}/updates/", headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 400, headers
        assert f'<html lang="{lang}">' in html
        text = {"en": "not served at that address", "nl": "niet bereikbaar via dat adres"}
        assert text[lang] in html
        assert "evil" not in html.lower() and response.headers["Cache-Control"] == "no-cache"
    # SITE_URL's host (any port) and, outside production, localhost are served.
    for host in ("portal.example", "portal.example:8443", "localhost", "127.0.0.1:5000"):
        assert client.get(f"/{lang}/updates/", headers={"Host": host}).status_code == 200


def _links(response) -> str:
    """Every absolute address a page or feed gives out, one per line."""
    return "\n".join(sorted(set(re.findall(r"(?:https?://|tag:)[^\s\"'<]+", response.text))))


@pytest.fixture
def hostless(content):
    """The site without SITE_URL (a laptop's default): links come from the Host asked."""
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": content.config["SQLALCHEMY_DATABASE_URI"]}
        | {"SITE_URL": ""}
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize("url", HOST_URLS)
def test_a_poisoned_host_never_reaches_another_reader(content, client, hostless, url):
    """Canonical, hreflang, feed ids and links and robots.txt's Sitemap line come from
    SITE_URL, or without it from the reader's own Host: never from someone else's."""
    before = _links(client.get(url))
    assert "https://portal.example/" in before
    assert client.get(url, headers={"Host": "evil.example"}).status_code == 400
    assert _links(client.get(url)) == before
    laptop = hostless.test_client()
    evil = laptop.get(url, headers={"Host": "evil.example"})
    assert evil.status_code == 200 and "http://evil.example/" in _links(evil)
    for _ in range(2):  # served again from the page cache too
        own = laptop.get(url)
        assert "evil.example" not in own.text and "http://localhost/" in _links(own)
        assert _links(laptop.get(url, base_url="https://example.org")).count("evil") == 0


# --- health and the database going away -------------------------------------------------


@pytest.fixture
def database_down(app):
    """down() makes every statement fail as if the server were gone; up() brings it back."""
    with app.app_context():
        engine = db.engine

    def refuse(conn, cursor, statement, *args):
        raise OperationalError(statement, {}, ConnectionError("server closed the connection"))

    class Switch:
        def down(self):
            event.listen(engine, "before_cursor_execute", refuse)

        def up(self):
            event.remove(engine, "before_cursor_execute", refuse)

    switch = Switch()
    yield switch
    if event.contains(engine, "before_cursor_execute", refuse):
        switch.up()


def test_healthz_says_ok_or_503(content, client, database_down):
    ok = client.get("/healthz")
    assert (ok.status_code, ok.data, ok.mimetype) == (200, b"ok", "text/plain")
    assert ok.headers["Cache-Control"] == "no-store"
    database_down.down()
    down = client.get("/healthz")
    assert down.status_code == 503
    assert down.headers["Cache-Control"] == "no-store"
    database_down.up()
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Temporarily unavailable"), ("nl", "Tijdelijk niet beschikbaar")]
)
def test_readers_get_a_translated_503_while_the_database_is_down(
    content, client, database_down, lang, title
):
    url = f"/{lang}/updates/"
    assert client.get(url).status_code == 200  # now kept by the page cache
    database_down.down()
    for address in (url, f"/{lang}/", f"/{lang}/feed.xml", f"/{lang}/makers/openai/"):
        response = client.get(address)
        html = response.get_data(as_text=True)
        assert response.status_code == 503, address
        assert response.headers["Retry-After"] == "30"
        assert response.headers["Cache-Control"] == "no-store"
        assert f'<html lang="{lang}">' in html and f"<h1>{title}</h1>" in html
        assert 'class="site-header"' in html  # the site's layout
        assert "OperationalError" not in html and "Traceback" not in html
    fragment = client.get(url + "?type=video", headers=HX)
    assert fragment.status_code == 503 and "<html" not in fragment.get_data(as_text=True)
    database_down.up()
    back = client.get(url)  # no restart: the very next request is served
    assert back.status_code == 200
    assert {"en": "First title", "nl": "Eerste titel"}[lang] in back.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Temporarily unavailable"), ("nl", "Tijdelijk niet beschikbaar")]
)
def test_feedback_gets_a_translated_503_while_the_rate_limit_store_is_down(
    migrated_database, lang, title
):
    with socket.socket() as probe:  # a port nothing listens on: Redis is "down"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": migrated_database("limits_down"),
            "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{port}/0",
        }
    )
    with app.app_context():
        db.session.add(Maker(slug="m", name="M", website="https://m.example/"))
        db.session.commit()
        maker_id = db.session.query(Maker.id).scalar()
    response = app.test_client().post(
        f"/{lang}/feedback",
        data={"maker": maker_id, "message": "Please cover the new models."},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert f'<html lang="{lang}">' in html and f"<h1>{title}</h1>" in html
    assert "Traceback" not in html and "ConnectionError" not in html
    with app.app_context():
        assert db.session.query(Feedback).count() == 0  # nothing stored unguarded
        db.session.remove()
        db.engine.dispose()


def test_the_app_recovers_when_the_sqlite_file_comes_back(sqlite_template, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    database = sqlite_template.copy_to(folder / "portal.db")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database})
    client = app.test_client()
    assert client.get("/nl/updates/").status_code == 200
    with app.app_context():
        db.engine.dispose()  # as a server restart drops the connections
    folder.rename(tmp_path / "away")
    gone = client.get("/nl/updates/")
    assert gone.status_code == 503
    assert "Tijdelijk niet beschikbaar" in gone.get_data(as_text=True)
    assert client.get("/healthz").status_code == 503
    (tmp_path / "away").rename(folder)
    assert client.get("/nl/updates/").status_code == 200
    assert client.get("/healthz").data == b"ok"
    with app.app_context():
        db.engine.dispose()


# --- secrets ----------------------------------------------------------------------------


def _start(env_changes: dict, tmp_path) -> subprocess.CompletedProcess:
    unset = ("SECRET_KEY", "PORTAL_ENV", "SITE_URL", "EXTRA_HOSTS")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'prod.db'}"} | env_changes
    return subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


PRODUCTION = {"PORTAL_ENV": "production", "SITE_URL": "https://portal.example.org"}


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    refused = _start({"PORTAL_ENV": "production"}, tmp_path)
    assert refused.returncode == 3
    assert "SECRET_KEY is not set" in refused.stderr
    assert "Traceback" not in refused.stderr
    blank = _start(PRODUCTION | {"SECRET_KEY": "  "}, tmp_path)
    assert blank.returncode == 3
    started = _start(PRODUCTION | {"SECRET_KEY": "k" * 64}, tmp_path)
    assert started.returncode == 0, started.stderr


@pytest.mark.parametrize("site_url", [None, " ", "portal.example.org", "https://x.example/portal"])
def test_production_refuses_to_start_without_its_address(tmp_path, site_url):
    """Without SITE_URL the links in pages would come from whatever Host a request names."""
    env = {"PORTAL_ENV": "production", "SECRET_KEY": "k" * 64}
    refused = _start(env | ({"SITE_URL": site_url} if site_url is not None else {}), tmp_path)
    assert refused.returncode == 3
    assert "SITE_URL" in refused.stderr and "https://portal.example.org" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_production_answers_only_its_own_host(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "k" * 64)
    monkeypatch.setenv("SITE_URL", "https://Portal.Example.org/")
    monkeypatch.setenv("EXTRA_HOSTS", "10.0.0.11, health.internal")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})
    assert app.config["SITE_URL"] == "https://Portal.Example.org"
    assert app.config["TRUSTED_HOSTS"] == ["portal.example.org", "10.0.0.11", "health.internal"]
    with app.app_context():
        db.engine.dispose()


def test_a_laptop_generates_its_secret_key_once(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PORTAL_ENV", raising=False)
    first = load(str(tmp_path))["SECRET_KEY"]
    assert len(first) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert load(str(tmp_path))["SECRET_KEY"] == first
    monkeypatch.setenv("PORTAL_ENV", "production")
    with pytest.raises(ConfigurationError):
        load(str(tmp_path / "elsewhere"))


def test_the_secret_key_file_is_created_private_with_no_window(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PORTAL_ENV", raising=False)

    def chmod(*args, **kwargs):
        raise AssertionError("made readable first, then narrowed: others could read it between")

    # With a wide-open umask and no chmod allowed, only a file created 0600 ends up 0600.
    monkeypatch.setattr(os, "chmod", chmod)
    monkeypatch.setattr(Path, "chmod", chmod)
    umask = os.umask(0)
    try:
        key = load(str(tmp_path))["SECRET_KEY"]
    finally:
        os.umask(umask)
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "secret_key").read_text() == key
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary file left


def test_a_worker_that_loses_the_race_for_the_secret_key_uses_the_winners(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PORTAL_ENV", raising=False)
    link = os.link

    def another_worker_first(source, target):
        Path(target).write_text("the-winners-key")
        link(source, target)

    monkeypatch.setattr(os, "link", another_worker_first)
    assert load(str(tmp_path))["SECRET_KEY"] == "the-winners-key"
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


# --- the migration that stores the time of the last change ------------------------------


def test_migration_adds_the_change_time_and_keeps_the_version(tmp_path):
    from flask_migrate import downgrade, upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}"})
    with app.app_context():
        upgrade(revision="c7d2e9f4a1b8")
        db.session.execute(text("UPDATE site_state SET content_version = 41"))
        db.session.commit()
        upgrade(revision="e2f4a6b8c0d1")
        version, changed = db.session.execute(
            text("SELECT content_version, content_changed_at FROM site_state")
        ).one()
        assert version == 41
        assert changed is not None
        downgrade(revision="c7d2e9f4a1b8")
        assert db.session.execute(text("SELECT content_version FROM site_state")).scalar() == 41
        db.session.remove()
        db.engine.dispose()
