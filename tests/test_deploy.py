"""deploy/: the gunicorn configuration, and nginx's site running in front of gunicorn.

The nginx tests render deploy/nginx/ for free local ports (bench/nginx_conf.py), run it in
front of gunicorn started with deploy/gunicorn.conf.py on a migrated SQLite database, and
look at what a reader and an editor get. Without nginx or openssl they fail and say how to
install them (`make test` does).
"""

from __future__ import annotations

import http.client
import importlib.util
import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gunicorn.config import Config
from sqlalchemy import select
from sqlalchemy.pool import Pool

from portal import create_app
from portal.demo.seed import seed_demo
from portal.extensions import db
from portal.htmx import is_fragment_request
from portal.models import UpdateTranslation

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
HOOKS = {"post_fork"}


def _gunicorn_settings(monkeypatch, **env) -> dict:
    for name in ("PORTAL_BIND", "WEB_CONCURRENCY", "PORTAL_THREADS", "PORTAL_ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(str(GUNICORN_CONF))
    return {k: v for k, v in namespace.items() if not k.startswith("_") and k[0].islower()}


def test_every_name_in_the_gunicorn_configuration_is_a_gunicorn_setting(monkeypatch):
    settings = _gunicorn_settings(monkeypatch)
    config = Config()
    modules = {"os", "sys", "annotations"}
    unknown = set(settings) - set(config.settings) - modules
    assert unknown == set()
    for name, value in settings.items():
        if name not in modules:
            config.set(name, value)  # gunicorn's own validation of each value
    assert config.worker_class_str == "gthread"
    assert config.preload_app is True
    assert config.max_requests > 0 and config.max_requests_jitter > 0
    assert callable(config.post_fork)


def test_gunicorn_binds_and_scales_from_the_environment(monkeypatch):
    settings = _gunicorn_settings(
        monkeypatch, PORTAL_BIND="10.0.0.11:8000", WEB_CONCURRENCY="3", PORTAL_THREADS="8"
    )
    assert (settings["bind"], settings["workers"], settings["threads"]) == (
        ["10.0.0.11:8000"],
        3,
        8,
    )
    assert _gunicorn_settings(monkeypatch)["workers"] == (os.cpu_count() or 1)


def test_the_access_log_format_has_no_client_address(monkeypatch):
    log_format = _gunicorn_settings(monkeypatch)["access_log_format"]
    assert "%(h)s" not in log_format
    assert "forwarded" not in log_format.lower()


def test_a_forked_worker_does_not_reuse_the_masters_connections(app, monkeypatch):
    """post_fork throws away the pool the worker inherited; the master's stays usable."""
    with app.app_context():
        db.session.execute(db.text("SELECT 1"))
        db.session.remove()
        engine = db.engine
        inherited = engine.pool
        assert inherited.checkedin() == 1
    module = type(sys)("wsgi")
    module.app = app
    monkeypatch.setitem(sys.modules, "wsgi", module)
    runpy.run_path(str(GUNICORN_CONF))["post_fork"](None, None)
    assert isinstance(engine.pool, Pool) and engine.pool is not inherited
    assert engine.pool.checkedin() == 0
    with app.app_context():
        assert db.session.execute(db.text("SELECT 2")).scalar() == 2
        db.session.remove()
    # In a real worker the inherited connections belong to the master; here, in one
    # process, close them so no open connection is left to the garbage collector.
    inherited.dispose()


# --- nginx in front of gunicorn -----------------------------------------------------------


def _nginx_conf():
    spec = importlib.util.spec_from_file_location("nginx_conf", ROOT / "bench" / "nginx_conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _get(port: int, path: str, headers: dict | list[tuple[str, str]] | None = None):
    """GET path; headers as a dict, or as (name, value) pairs to send one name twice."""
    pairs = list(headers.items()) if isinstance(headers, dict) else headers or []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=any(k.lower() == "host" for k, _ in pairs))
        for name, value in pairs:
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _wait(port: int, path: str, process: subprocess.Popen, log: Path) -> None:
    for _ in range(150):
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text()}")
        try:
            if _get(port, path)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"no answer on port {port}:\n{log.read_text()}")


def test_the_nginx_site_passes_nginx_t(tmp_path, require):
    require("nginx")
    module = _nginx_conf()
    conf = module.render(tmp_path / "nginx", ["127.0.0.1:8000", "127.0.0.1:8001"], 8080, 8090)
    result = module.check(conf)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


# A server beside the site that answers with how nginx read a request: the micro-cache's
# page-or-fragment decision, then the three headers as site.conf hands them to the app.
SHOWN = "$portal_fragment $http_hx_request $http_hx_history_restore_request $http_hx_boosted"
PROBE = (
    "server { listen 127.0.0.1:PORT; default_type text/plain; location / { return 200 "
    + '"'
    + "\\n".join(SHOWN.split())
    + '"; } }'
)


@pytest.fixture(scope="module")
def stack(tmp_path_factory, sqlite_template, require):
    """gunicorn (deploy/gunicorn.conf.py, 1 worker) and nginx (deploy/nginx/) in front."""
    require("nginx", "openssl")
    tmp = tmp_path_factory.mktemp("stack")
    app_port, site_port, static_port, http_port, https_port, probe_port = _free_ports(6)
    env = {
        **os.environ,
        "DATABASE_URL": sqlite_template.copy_to(tmp / "portal.db"),
        "SECRET_KEY": "test-deploy",
        "PORTAL_ENV": "production",
        "SITE_URL": f"http://127.0.0.1:{site_port}",
        "TRUSTED_PROXIES": "1",
        "PORTAL_BIND": f"127.0.0.1:{app_port}",
        "WEB_CONCURRENCY": "1",
        "PORTAL_ACCESS_LOG": str(tmp / "gunicorn-access.log"),
    }
    # The demo content in the database gunicorn will serve (as the conftest's `app` does).
    seeding = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"]})
    with seeding.app_context():
        seed_demo()
        db.engine.dispose()
    static_root = tmp / "checkout"
    (static_root / "static").mkdir(parents=True)
    (static_root / "static" / "site.0123456789abcdef.css").write_text("body { color: red }\n")
    (static_root / "static" / "robots-like.txt").write_text("plain\n")
    module = _nginx_conf()
    conf = module.render(
        tmp / "nginx",
        [f"127.0.0.1:{app_port}"],
        site_port,
        static_port,
        http_port=http_port,
        https_port=https_port,
        static_root=static_root,
        extra=PROBE.replace("PORT", str(probe_port)),
    )
    processes = []
    log = tmp / "gunicorn.log"
    with open(log, "w") as out:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    processes.append(gunicorn)
    nginx_log = tmp / "nginx" / "logs" / "error.log"
    nginx = subprocess.Popen(
        ["nginx", "-p", str(tmp / "nginx"), "-c", str(conf), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    processes.append(nginx)
    try:
        _wait(app_port, "/en/", gunicorn, log)
        _wait(site_port, "/en/", nginx, nginx_log)
        yield {
            "site": site_port,
            "app": app_port,
            "probe": probe_port,
            "tmp": tmp,
            "nginx": nginx,
            "database": env["DATABASE_URL"],
        }
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _fresh(path: str) -> str:
    """A URL no earlier test has put in nginx's cache."""
    _fresh.n = getattr(_fresh, "n", 0) + 1
    return f"{path}{'&' if '?' in path else '?'}fresh={_fresh.n}"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_nginx_keeps_a_public_page_and_serves_the_apps_bytes(stack, lang):
    path = _fresh(f"/{lang}/updates/")
    status, headers, first = _get(stack["site"], path)
    assert (status, headers["x-cache-status"]) == (200, "MISS")
    status, headers, second = _get(stack["site"], path)
    assert (status, headers["x-cache-status"]) == (200, "HIT")
    assert second == first == _get(stack["app"], path)[2]
    assert f'lang="{lang}"'.encode() in second


def test_an_edit_shows_through_nginx_once_its_copy_expires(stack):
    """The micro-cache keeps a page seconds, not longer: the edited title arrives."""
    editing = create_app({"SQLALCHEMY_DATABASE_URI": stack["database"]})
    with editing.app_context():
        translation = db.session.execute(
            select(UpdateTranslation).where(UpdateTranslation.lang == "en").limit(1)
        ).scalar_one()
        path, old_title = f"/en/updates/{translation.slug}/", translation.title
    _get(stack["site"], path)
    status, headers, body = _get(stack["site"], path)
    assert headers["x-cache-status"] == "HIT" and old_title.encode() in body
    with editing.app_context():
        db.session.get(UpdateTranslation, translation.id).title = "Edited behind nginx"
        db.session.commit()
        db.engine.dispose()
    seen = []
    for _ in range(150):  # the copy lives 5 s; up to 15 s for a busy machine
        status, headers, body = _get(stack["site"], path)
        seen.append(headers["x-cache-status"])
        if b"Edited behind nginx" in body:
            break
        time.sleep(0.1)
    assert b"Edited behind nginx" in body and old_title.encode() not in body
    assert "HIT" in seen  # it was kept meanwhile: this is the cache expiring, not a bypass


def test_nginx_keeps_the_htmx_fragment_apart_from_the_page(stack):
    path = _fresh("/en/updates/?type=article")
    _, _, page = _get(stack["site"], path)
    status, headers, fragment = _get(stack["site"], path, {"HX-Request": "true"})
    assert (status, headers["x-cache-status"]) == (200, "MISS")
    assert b"<html" in page and b"<html" not in fragment
    _, headers, again = _get(stack["site"], path, {"HX-Request": "true"})
    assert headers["x-cache-status"] == "HIT" and again == fragment
    # A history restore asks for the whole page, as the app's own page cache decides.
    _, _, restored = _get(
        stack["site"], path, {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert restored == page


# Headers a reader may send, and the output the app's rule gives (None: it depends on
# how this nginx reads a header sent twice; the cache must stay consistent either way).
ODD_HEADERS = [
    ({"HX-Request": "true", "HX-Boosted": "no"}, "page"),
    ({"HX-Request": "true", "HX-Boosted": "true"}, "page"),
    ({"HX-Request": "TRUE"}, "page"),
    ({"HX-Request": "1"}, "page"),
    ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, "page"),
    ([("HX-Request", "true"), ("HX-Request", "true")], None),
    ([("HX-Request", "true"), ("HX-Boosted", "true"), ("HX-Boosted", "true")], "page"),
]


def _decision(stack, headers) -> str:
    return _get(stack["probe"], "/", headers)[2].decode().split("\n")[0]


def _label(headers) -> str:
    pairs = headers.items() if isinstance(headers, dict) else headers
    return "+".join(f"{name}:{value}" for name, value in pairs) or "none"


def _output(answer) -> str:
    status, _, body = answer
    assert status == 200 and b'id="results"' in body
    return "page" if body.startswith(b"<!DOCTYPE html>") else "fragment"


@pytest.mark.parametrize(
    ("headers", "output"), ODD_HEADERS, ids=[_label(h) for h, _ in ODD_HEADERS]
)
def test_no_request_header_makes_nginx_serve_the_other_output(stack, headers, output):
    """nginx keys its copies by the app's own rule: whatever the first reader sent, a plain
    request gets the page and an htmx swap the fragment, from the app or from the cache."""
    path = _fresh("/en/updates/?x=1")
    first = _output(_get(stack["site"], path, headers))
    assert output is None or first == output
    assert first == _decision(stack, headers)  # the app answered what nginx keyed it as
    for _ in range(2):  # then from nginx's cache
        assert _output(_get(stack["site"], path, headers)) == first
        assert _output(_get(stack["site"], path)) == "page"
        assert _output(_get(stack["site"], path, {"HX-Request": "true"})) == "fragment"
        restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
        assert _output(_get(stack["site"], path, restore)) == "page"
    if isinstance(headers, dict):
        assert _output(_get(stack["app"], path, headers)) == first


@pytest.mark.parametrize(
    "headers",
    [{}, {"HX-Request": "true"}, {"HX-Request": "true", "HX-Boosted": ""}]
    + [headers for headers, _ in ODD_HEADERS]
    + [[("HX-Request", "TRUE"), ("HX-Request", "true")], {"HX-History-Restore-Request": "true"}],
    ids=_label,
)
def test_nginx_decides_page_or_fragment_by_the_apps_own_rule(stack, headers):
    """$portal_fragment (the micro-cache key) says what is_fragment_request says of the
    headers the app then receives from nginx."""
    status, _, body = _get(stack["probe"], "/", headers)
    decision, *values = body.decode().split("\n")
    names = ("HTTP_HX_REQUEST", "HTTP_HX_HISTORY_RESTORE_REQUEST", "HTTP_HX_BOOSTED")
    environ = {name: value for name, value in zip(names, values, strict=True) if value}
    assert decision == ("fragment" if is_fragment_request(environ) else "page")


def test_an_untrusted_host_is_refused_and_never_kept(stack):
    path = _fresh("/en/updates/")
    for _ in range(2):
        status, headers, body = _get(stack["site"], path, {"Host": "evil.example"})
        assert (status, headers["x-cache-status"]) == (400, "MISS")
        assert b"evil.example" not in body and b"not served at that address" in body
    status, _, body = _get(stack["site"], path)
    assert status == 200 and b"evil.example" not in body
    assert f'href="http://127.0.0.1:{stack["site"]}/en/updates/'.encode() in body


def test_nginx_never_keeps_the_editors_pages(stack):
    for _ in range(2):
        status, headers, body = _get(stack["site"], "/en/editor/login")
        assert status == 200 and "x-cache-status" not in headers
        assert b'name="csrf_token"' in body


def test_an_editor_with_a_session_cookie_gets_the_apps_own_answer(stack):
    path = _fresh("/en/")
    _get(stack["site"], path)
    assert _get(stack["site"], path)[1]["x-cache-status"] == "HIT"
    _, headers, _ = _get(stack["site"], path, {"Cookie": "theme=dark; session=abc"})
    assert headers["x-cache-status"] == "BYPASS"


def test_the_language_redirect_is_not_kept(stack):
    dutch = _get(stack["site"], "/", {"Accept-Language": "nl"})
    english = _get(stack["site"], "/", {"Accept-Language": "en"})
    assert (dutch[0], dutch[1]["location"].rstrip("/").rsplit("/", 1)[-1]) == (302, "nl")
    assert (english[0], english[1]["location"].rstrip("/").rsplit("/", 1)[-1]) == (302, "en")
    assert "x-cache-status" not in dutch[1]


def test_a_missing_page_is_not_kept(stack):
    path = _fresh("/en/updates/no-such-update/")
    for _ in range(2):
        status, headers, _ = _get(stack["site"], path)
        assert status == 404 and headers["x-cache-status"] == "MISS"


def test_static_files_from_disk_hashed_names_for_a_year(stack):
    status, headers, body = _get(stack["site"], "/static/site.0123456789abcdef.css")
    assert (status, body) == (200, b"body { color: red }\n")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, _ = _get(stack["site"], "/static/robots-like.txt")
    assert (status, headers["cache-control"]) == (200, "public, max-age=3600")


def test_a_static_file_nginx_does_not_have_comes_from_the_app(stack):
    status, _, body = _get(stack["site"], "/static/css/site.css")
    assert status == 200 and body == (ROOT / "static" / "css" / "site.css").read_bytes()


def test_a_body_over_one_megabyte_is_refused_by_nginx(stack):
    conn = http.client.HTTPConnection("127.0.0.1", stack["site"], timeout=10)
    conn.request("POST", "/en/feedback", body=b"x" * (1024 * 1024 + 1))
    response = conn.getresponse()
    assert response.status == 413 and b"nginx" in response.read()
    conn.close()


def test_no_reader_address_in_the_access_logs(stack):
    _get(stack["site"], _fresh("/en/"), {"X-Forwarded-For": "203.0.113.7"})
    _get(stack["app"], _fresh("/nl/"))
    stack["nginx"].send_signal(__import__("signal").SIGUSR1)  # reopen: flushes the buffer
    nginx_log = stack["tmp"] / "nginx" / "logs" / "access.log"
    gunicorn_log = stack["tmp"] / "gunicorn-access.log"
    for _ in range(50):
        if nginx_log.exists() and "fresh" in nginx_log.read_text():
            break
        time.sleep(0.1)
    for log in (nginx_log, gunicorn_log):
        text = log.read_text()
        assert "GET /" in text
        assert "127.0.0.1" not in text and "203.0.113.7" not in text
