"""`flask import-feed` and `import-feeds`: makers' RSS and Atom items wait on the desk."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import DeskItem, Maker, Update

FEEDS = Path(__file__).parent / "data" / "feeds"


def feed(name: str) -> str:
    return str(FEEDS / name)


@pytest.fixture
def run(app):
    """run("import-feed", ...) → the Click result of the command on the test app."""
    runner = app.test_cli_runner()

    def invoke(*args):
        return runner.invoke(args=list(args))

    return invoke


@pytest.fixture
def maker(make_maker):
    make_maker("example", "Example AI")
    return "example"


def stored(app) -> list[dict]:
    """Every desk item, oldest id first."""
    with app.app_context():
        found = [
            {
                "maker": d.maker.slug,
                "state": d.state,
                "link": d.link,
                "guid": d.guid,
                "published_at": d.published_at,
                "author": d.author,
                "lang": d.lang,
                "title": d.title,
                "summary": d.summary,
            }
            for d in db.session.scalars(select(DeskItem).order_by(DeskItem.id))
        ]
        db.session.remove()
        return found


def count(app) -> int:
    with app.app_context():
        n = db.session.scalar(select(func.count(DeskItem.id)))
        assert db.session.scalar(select(func.count(Update.id)).where(Update.status == "draft")) == 0
        db.session.remove()
        return n


# --- files --------------------------------------------------------------------------


def test_an_rss_feed_goes_on_the_desk_with_title_link_date_and_plain_summary(app, run, maker):
    result = run("import-feed", feed("rss.xml"), "--maker", maker)
    assert result.exit_code == 0, result.output
    assert result.stdout == "3 new on the desk, 0 already known\n"
    drafts = stored(app)
    assert count(app) == 3
    assert [d["title"] for d in drafts] == [
        "Example Model 5 is here",
        "Safety report for spring",
        "Developer day recap",
    ]
    first = drafts[0]
    assert first | {"published_at": None} == {
        "maker": "example",
        "state": "waiting",
        "link": "https://maker.example/news/model-5",
        "guid": "urn:example:news:5",
        "published_at": None,
        "author": "press@maker.example (Press Team)",
        "lang": "en",
        "title": "Example Model 5 is here",
        "summary": "Our fastest model yet, at half the price.",
    }
    # "Tue, 08 Jul 2025 16:30:00 +0200" is stored in UTC, as every time is.
    assert first["published_at"] == datetime(2025, 7, 8, 14, 30)
    assert {d["state"] for d in drafts} == {"waiting"}


def test_an_atom_feed_goes_on_the_desk_in_the_language_asked_for(app, run, maker):
    result = run("import-feed", feed("atom.xml"), "--maker", maker, "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 new on the desk, 0 already known\n"
    lab, research = stored(app)
    assert (lab["lang"], lab["title"], lab["link"], lab["author"]) == (
        "nl",
        "Open weights for Lab-7B",
        "https://lab.example/blog/lab-7b",
        "Ada Example",
    )
    assert lab["guid"] == "tag:lab.example,2025:blog/lab-7b"
    assert lab["summary"] == "Download the weights & run it on your laptop."
    assert lab["published_at"] == datetime(2025, 7, 1, 10, 0)
    # A plain-text title keeps its angle brackets; the lede comes from the content.
    assert research["title"] == "Research: long context <really> works"
    assert research["summary"] == "A paper on reading a million tokens."
    assert research["published_at"] == datetime(2025, 6, 20, 12, 0)  # only <updated>


def test_html_in_titles_and_summaries_is_stored_as_plain_text(app, run, maker):
    result = run("import-feed", feed("html-titles.xml"), "--maker", maker)
    assert result.exit_code == 0, result.output
    big, truths = stored(app)
    assert big["title"] == "Big news: GPT & friends"
    assert big["summary"] == "A link and café <3"  # no script, no tags, entities decoded
    assert truths["title"] == "New: 5 < 6 & other truths"
    assert truths["summary"] == "Line one Line two"


def test_running_again_adds_nothing(app, run, maker):
    assert run("import-feed", feed("rss.xml"), "--maker", maker).exit_code == 0
    before = stored(app)
    result = run("import-feed", feed("rss.xml"), "--maker", maker)
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 new on the desk, 3 already known\n"
    assert stored(app) == before


def test_duplicates_in_a_feed_are_known_by_id_and_by_link_and_linkless_items_skipped(
    app, run, maker
):
    result = run("import-feed", feed("duplicates.xml"), "--maker", maker)
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 new on the desk, 2 already known, 1 skipped: no link\n"
    assert [d["title"] for d in stored(app)] == ["First announcement", "Second announcement"]
    again = run("import-feed", feed("duplicates.xml"), "--maker", maker)
    assert again.stdout == "0 new on the desk, 4 already known, 1 skipped: no link\n"
    assert count(app) == 2


def test_an_item_whose_link_an_update_already_has_is_known(app, run, maker, make_update):
    make_update(en={"title": "Written by hand"}, source_url="https://maker.example/news/devday")
    result = run("import-feed", feed("rss.xml"), "--maker", maker)
    assert result.stdout == "2 new on the desk, 1 already known\n"
    assert "Developer day recap" not in [d["title"] for d in stored(app)]


def test_a_progress_bar_goes_to_standard_error(run, maker):
    result = run("import-feed", feed("rss.xml"), "--maker", maker)
    assert "Importing example" in result.stderr
    assert "Importing" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["broken.xml", "--maker", "example"], "is not a readable RSS or Atom feed"),
        (["missing.xml", "--maker", "example"], "Cannot read"),
        (["rss.xml", "--maker", "nobody"], "There is no maker 'nobody'."),
        (["rss.xml", "--maker", "example", "--lang", "fr"], "'fr' is not a site language"),
    ],
)
def test_bad_input_is_a_clear_error_and_changes_nothing(app, run, maker, args, message):
    args[0] = feed(args[0])
    result = run("import-feed", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert count(app) == 0


def test_a_page_that_is_not_a_feed_is_refused(app, run, maker, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>Hello</p></body></html>")
    result = run("import-feed", str(page), "--maker", maker)
    assert result.exit_code == 1
    assert "is not a readable RSS or Atom feed" in result.output
    assert count(app) == 0


def test_a_database_error_halfway_rolls_back_every_item(app, run, maker, monkeypatch):
    from portal.importing import feed_import

    real = feed_import._desk_item
    made = []

    def failing(maker, item, lang, feed):
        made.append(item)
        if len(made) == 3:
            # The third draft reuses the first one's id at its maker: the unique index says no.
            item = item.__class__(
                **(vars(item) | {"guid": made[0].guid, "link": "https://x.example/3"})
            )
        return real(maker, item, lang, feed)

    monkeypatch.setattr(feed_import, "_desk_item", failing)
    result = run("import-feed", feed("rss.xml"), "--maker", maker)
    assert result.exit_code == 1
    assert "Nothing was imported" in result.output
    assert count(app) == 0


# --- what editors and readers see ---------------------------------------------------


def test_items_wait_on_the_desk_and_not_on_public_pages(app, run, maker, editor):
    assert run("import-feed", feed("rss.xml"), "--maker", maker).exit_code == 0
    desk = editor.get("/en/editor/desk/").get_data(as_text=True)
    assert "Example Model 5 is here" in desk
    assert "Example Model 5 is here" not in editor.get("/en/editor/").get_data(as_text=True)
    reader = app.test_client()
    for url in ("/en/", "/en/updates/", "/en/feed.xml"):
        page = reader.get(url)
        assert page.status_code == 200, url
        assert "Example Model 5 is here" not in page.get_data(as_text=True), url
    assert reader.get("/en/makers/example/").status_code == 404  # nothing of it published yet
    assert reader.get("/en/updates/example-model-5-is-here/").status_code == 404
    assert "Example Model" not in reader.get("/en/updates/?q=fastest").get_data(as_text=True)


# --- URLs ---------------------------------------------------------------------------


DRIP = 600  # bytes, one every 0.1 s: a minute in all


class FeedServer(http.server.ThreadingHTTPServer):
    """A feed server on a loopback address; `seen` lists the paths it was asked for."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, host: str):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, 0), Handler)
        self.url = f"http://{f'[{host}]' if ':' in host else host}:{self.server_address[1]}"
        self.seen: list[str] = []
        self.dripped = 0  # bytes of a drip sent so far


class Handler(http.server.BaseHTTPRequestHandler):
    """/rss.xml and /atom.xml from tests/data/feeds; /404, /500; /slow sleeps;
    /redirect?to=URL; /loop redirects to itself; /drip-body and /drip-headers send a
    byte every 0.1 s for a minute."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.server.seen.append(self.path)
        path, _, query = self.path.partition("?")
        if path in ("/redirect", "/loop"):
            target = parse_qs(query)["to"][0] if path == "/redirect" else "/loop"
            return self.answer(302, b"", {"Location": target})
        if path == "/drip-body":
            self.answer(200, b"", {"Content-Length": str(DRIP)}, end=False)
            return self.drip(b"x" * DRIP)
        if path == "/drip-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            return self.drip(b"X-Drip: " + b"x" * DRIP)
        if path == "/slow":
            time.sleep(2)
        if path in ("/rss.xml", "/atom.xml", "/slow"):
            name = "rss.xml" if path == "/slow" else path.lstrip("/")
            body = (FEEDS / name).read_bytes()
            return self.answer(200, body, {"Content-Type": "application/rss+xml; charset=utf-8"})
        code = int(path.strip("/")) if path.strip("/").isdigit() else 404
        self.answer(code, b"no", {"Content-Type": "text/plain"})

    def answer(self, code: int, body: bytes, headers: dict, end: bool = True) -> None:
        self.send_response(code)
        for name, value in ({"Content-Length": str(len(body))} | headers).items():
            self.send_header(name, value)
        self.end_headers()
        if end:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # the slow client may have given up

    def drip(self, data: bytes) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for byte in data:
                self.server.dripped += 1  # counted before the client can have it
                self.wfile.write(bytes([byte]))
                time.sleep(0.1)

    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """serve(host) → a FeedServer on that loopback address, in a thread."""
    servers = []

    def start(host: str = "127.0.0.1") -> FeedServer:
        httpd = FeedServer(host)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return httpd

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def feeds(app, serve):
    """A feed server on 127.0.0.1, allowed by FEED_FETCH_ALLOW."""
    app.config["FEED_FETCH_ALLOW"] = "127.0.0.1"
    return serve()


@pytest.fixture
def server(feeds):
    """The allowed feed server's base URL."""
    return feeds.url


def test_a_feed_is_fetched_from_a_url(app, run, maker, server):
    result = run("import-feed", f"{server}/rss.xml", "--maker", maker)
    assert result.exit_code == 0, result.output
    assert result.stdout == "3 new on the desk, 0 already known\n"
    assert stored(app)[0]["link"] == "https://maker.example/news/model-5"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/404", "answered HTTP 404 Not Found."),
        ("/500", "answered HTTP 500 Internal Server Error."),
    ],
)
def test_an_http_error_is_a_clear_message_and_changes_nothing(
    app, run, maker, server, path, message
):
    result = run("import-feed", server + path, "--maker", maker)
    assert result.exit_code == 1
    assert f"Error: {server}{path} {message}" in result.output
    assert count(app) == 0


def test_a_server_slower_than_the_timeout_is_a_clear_message(app, run, maker, server):
    result = run("import-feed", f"{server}/slow", "--maker", maker, "--timeout", "0.3")
    assert result.exit_code == 1
    assert f"{server}/slow did not answer within 0.3 seconds." in result.output
    assert count(app) == 0


def test_a_refused_connection_is_a_clear_message(app, run, maker, server):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("import-feed", f"http://127.0.0.1:{port}/feed", "--maker", maker)
    assert result.exit_code == 1
    assert f"Cannot connect to http://127.0.0.1:{port}/feed: Connection refused." in result.output
    assert count(app) == 0


def test_a_feed_larger_than_the_cap_is_refused(app, run, maker, server):
    app.config["FEED_MAX_BYTES"] = 100
    result = run("import-feed", f"{server}/rss.xml", "--maker", maker)
    assert result.exit_code == 1
    assert "is larger than 100 bytes." in result.output
    assert count(app) == 0


def test_a_redirect_is_followed_and_the_feed_keeps_its_final_address(app, run, maker, feeds):
    result = run("import-feed", f"{feeds.url}/redirect?to=/rss.xml", "--maker", maker)
    assert result.exit_code == 0, result.output
    assert result.stdout == "3 new on the desk, 0 already known\n"
    assert feeds.seen == ["/redirect?to=/rss.xml", "/rss.xml"]


def test_endless_redirects_are_given_up(app, run, maker, feeds):
    result = run("import-feed", f"{feeds.url}/loop", "--maker", maker)
    assert result.exit_code == 1
    assert f"Error: {feeds.url}/loop redirects more than 5 times." in result.output
    assert len(feeds.seen) == 6
    assert count(app) == 0


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/drip-body", "took longer than 0.5 seconds."),
        ("/drip-headers", "did not answer within 0.5 seconds."),
    ],
)
def test_a_server_that_drips_bytes_is_given_up_at_the_deadline(
    app, run, maker, feeds, path, message
):
    result = run("import-feed", feeds.url + path, "--maker", maker, "--timeout", "0.5")
    assert result.exit_code == 1
    assert f"Error: {feeds.url}{path} {message}" in result.output
    assert feeds.dripped < DRIP  # given up long before the minute of dripping ended
    assert count(app) == 0


# --- internal addresses -------------------------------------------------------------


def refused(result, url: str, address: str) -> bool:
    return result.exit_code == 1 and (
        f"Error: Refused {url}: {address} is an internal address" in result.output
    )


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "127.0.0.1"),  # a name is checked by the addresses it resolves to
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
    ],
)
def test_a_loopback_address_is_refused_without_connecting(app, run, maker, serve, host, address):
    loopback = serve()
    url = loopback.url.replace("127.0.0.1", host) + "/rss.xml"
    result = run("import-feed", url, "--maker", maker)
    assert refused(result, url, address), result.output
    assert "FEED_FETCH_ALLOW can allow a host or network." in result.output
    assert loopback.seen == []
    assert count(app) == 0


@pytest.mark.parametrize("address", ["127.0.0.2", "::1"])
def test_a_redirect_to_an_internal_address_is_refused_without_connecting(
    app, run, maker, feeds, serve, address
):
    inside = serve(address)
    target = f"{inside.url}/rss.xml"
    result = run("import-feed", f"{feeds.url}/redirect?to={quote(target)}", "--maker", maker)
    assert refused(result, target, address), result.output
    assert len(feeds.seen) == 1 and inside.seen == []
    assert count(app) == 0


def test_a_redirect_to_a_file_is_refused(app, run, maker, feeds):
    result = run("import-feed", f"{feeds.url}/redirect?to=file:///etc/passwd", "--maker", maker)
    assert result.exit_code == 1
    assert "file:///etc/passwd: only http and https addresses are fetched." in result.output


def test_feed_fetch_allow_names_hosts_and_networks(app, run, maker, serve):
    inside = serve("127.0.0.2")
    app.config["FEED_FETCH_ALLOW"] = "intranet.example, localhost, 127.0.0.0/30"
    by_name = run(
        "import-feed", f"{serve().url.replace('127.0.0.1', 'localhost')}/rss.xml", "--maker", maker
    )
    assert by_name.stdout == "3 new on the desk, 0 already known\n", by_name.output
    by_network = run("import-feed", f"{inside.url}/atom.xml", "--maker", maker)
    assert by_network.stdout == "2 new on the desk, 0 already known\n", by_network.output


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fe80::1",
        "fd00::1",
        "fec0::1",
        "ff02::1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:a9fe:a9fe::1",
    ],
)
def test_internal_addresses_are_recognised(address):
    from ipaddress import ip_address

    from portal.importing.fetch import Allowance, internal

    assert internal(ip_address(address))
    assert Allowance.parse("").refuses("host.example", ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_fetched(address):
    from ipaddress import ip_address

    from portal.importing.fetch import internal

    assert not internal(ip_address(address))


# --- stored feed URLs ---------------------------------------------------------------


def set_feed(app, slug: str, url: str | None) -> None:
    with app.app_context():
        db.session.scalar(select(Maker).where(Maker.slug == slug)).feed_url = url
        db.session.commit()
        db.session.remove()


def test_import_feeds_reads_every_maker_that_has_a_feed(app, run, make_maker, server):
    for slug in ("alpha", "beta", "gamma"):
        make_maker(slug, slug.capitalize())
    set_feed(app, "alpha", f"{server}/rss.xml")
    set_feed(app, "gamma", f"{server}/atom.xml")
    result = run("import-feeds")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "alpha: 3 new on the desk, 0 already known\ngamma: 2 new on the desk, 0 already known\n"
    )
    assert {d["maker"] for d in stored(app)} == {"alpha", "gamma"}
    again = run("import-feeds")
    assert again.stdout == (
        "alpha: 0 new on the desk, 3 already known\ngamma: 0 new on the desk, 2 already known\n"
    )


def test_one_failing_feed_does_not_stop_the_others(app, run, make_maker, server):
    for slug in ("alpha", "beta", "gamma"):
        make_maker(slug, slug.capitalize())
    set_feed(app, "alpha", f"{server}/rss.xml")
    set_feed(app, "beta", f"{server}/500")
    set_feed(app, "gamma", f"{server}/atom.xml")
    result = run("import-feeds")
    assert result.exit_code == 1
    assert "alpha: 3 new on the desk, 0 already known" in result.stdout
    assert "gamma: 2 new on the desk, 0 already known" in result.stdout
    assert f"beta: failed: {server}/500 answered HTTP 500" in result.stderr
    assert "1 of 3 feeds failed: beta." in result.stderr
    assert count(app) == 5


def test_import_feeds_reads_no_file_a_maker_has_as_feed(app, run, make_maker):
    make_maker("alpha", "Alpha")
    set_feed(app, "alpha", feed("rss.xml"))  # stored before the form refused such values
    result = run("import-feeds")
    assert result.exit_code == 1
    assert f"alpha: failed: {feed('rss.xml')} is not an http or https address." in result.stderr
    assert count(app) == 0


def test_import_feeds_without_any_feed_says_so(run, maker):
    result = run("import-feeds")
    assert result.exit_code == 0
    assert "No maker has a feed URL" in result.stdout


# --- the editors' maker form --------------------------------------------------------


def maker_form(csrf: str, **fields) -> dict:
    data = {
        "slug": "example",
        "name": "Example AI",
        "website": "https://maker.example/",
        "description_en": "Builds AI.",
        "description_nl": "Bouwt AI.",
        "feed_url": "",
        "csrf_token": csrf,
    }
    return data | fields


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_editor_stores_a_feed_url_on_a_maker(app, editor, maker, lang):
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == maker))
    page = editor.get(f"/{lang}/editor/makers/{maker_id}/").get_data(as_text=True)
    label = {"en": "Feed (RSS or Atom)", "nl": "Feed (RSS of Atom)"}[lang]
    assert label in page
    response = editor.post(
        f"/{lang}/editor/makers/{maker_id}/",
        data=maker_form(editor.csrf, feed_url=" https://maker.example/feed.xml "),
    )
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(Maker, maker_id).feed_url == "https://maker.example/feed.xml"
    form = editor.get(f"/{lang}/editor/makers/{maker_id}/").get_data(as_text=True)
    assert 'value="https://maker.example/feed.xml"' in form
    editor.post(f"/{lang}/editor/makers/{maker_id}/", data=maker_form(editor.csrf))
    with app.app_context():
        assert db.session.get(Maker, maker_id).feed_url is None


@pytest.mark.parametrize(
    ("lang", "error"),
    [
        ("en", "Give a full web address, starting with https://."),
        ("nl", "Geef een volledig webadres, beginnend met https://."),
    ],
)
@pytest.mark.parametrize("bad", ["ftp://maker.example/feed", "maker.example/feed", "https://"])
def test_a_feed_url_that_is_not_http_is_refused(app, editor, maker, lang, error, bad):
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == maker))
    response = editor.post(
        f"/{lang}/editor/makers/{maker_id}/", data=maker_form(editor.csrf, feed_url=bad)
    )
    assert response.status_code == 422
    assert error in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Maker, maker_id).feed_url is None


@pytest.mark.parametrize(
    ("lang", "error"),
    [
        ("en", "This is an address on an internal network; feeds are fetched from public"),
        ("nl", "Dit is een adres op een intern netwerk; feeds worden alleen van openbare"),
    ],
)
@pytest.mark.parametrize(
    "bad",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:8080/feed",
        "https://10.0.0.5/feed.xml",
    ],
)
def test_a_feed_url_at_an_internal_address_is_refused(app, editor, maker, lang, error, bad):
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == maker))
    response = editor.post(
        f"/{lang}/editor/makers/{maker_id}/", data=maker_form(editor.csrf, feed_url=bad)
    )
    assert response.status_code == 422
    assert error in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Maker, maker_id).feed_url is None


def test_an_allowed_internal_feed_url_is_stored(app, editor, maker):
    app.config["FEED_FETCH_ALLOW"] = "10.0.0.0/8"
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == maker))
    data = maker_form(editor.csrf, feed_url="https://10.0.0.5/feed.xml")
    assert editor.post(f"/en/editor/makers/{maker_id}/", data=data).status_code == 303
    with app.app_context():
        assert db.session.get(Maker, maker_id).feed_url == "https://10.0.0.5/feed.xml"


def test_a_website_that_is_not_http_is_refused(app, editor, maker):
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == maker))
    bad = "javascript://maker.example/%0Aalert(1)"
    response = editor.post(
        f"/en/editor/makers/{maker_id}/", data=maker_form(editor.csrf, website=bad)
    )
    assert response.status_code == 422
    assert "Give a full web address, starting with https://." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Maker, maker_id).website == "https://example.example/"


# --- the migration ------------------------------------------------------------------


def test_the_migration_adds_the_columns_and_keeps_every_translation(tmp_path):
    import sqlite3

    from flask_migrate import downgrade, upgrade

    from portal import create_app

    path = tmp_path / "migrated.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})

    def columns(table):
        with sqlite3.connect(path) as conn:
            return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}

    def translations():
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT title FROM update_translations").fetchall()

    with app.app_context():
        upgrade(revision="c7d2e9f4a1b8")
        with sqlite3.connect(path) as conn:
            conn.executescript(
                "INSERT INTO makers (id, slug, name, website) VALUES (1, 'm', 'M', '');"
                "INSERT INTO updates (id, maker_id, type, source_url, published_at, status,"
                " audience, level, importance, author, created_at) VALUES (1, 1, 'article',"
                " 'https://m.example/', '2025-01-01 00:00:00', 'published', 'everyone',"
                " 'beginner', 3, '', '2025-01-01 00:00:00');"
                "INSERT INTO update_translations (update_id, lang, slug, title, lede, body,"
                " impact, takeaways, updated_at) VALUES (1, 'en', 'kept', 'Kept', '', '',"
                " '', '', '2025-01-01 00:00:00');"
            )
        upgrade()
        assert "feed_url" in columns("makers") and "source_guid" in columns("updates")
        assert translations() == [("Kept",)]
        with sqlite3.connect(path) as conn, pytest.raises(sqlite3.IntegrityError):
            conn.executescript(
                "UPDATE updates SET source_guid = 'g';"
                "INSERT INTO updates (maker_id, type, source_url, source_guid, published_at,"
                " status, audience, level, importance, author, created_at) VALUES (1,"
                " 'article', 'https://m.example/2', 'g', '2025-01-01 00:00:00', 'draft',"
                " 'everyone', 'beginner', 3, '', '2025-01-01 00:00:00');"
            )
        downgrade(revision="c7d2e9f4a1b8")
        assert "feed_url" not in columns("makers") and "source_guid" not in columns("updates")
        assert translations() == [("Kept",)]
        db.engine.dispose()
