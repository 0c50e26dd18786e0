"""Turn deploy/nginx/ into a configuration that runs on this machine, as any user.

    python bench/nginx_conf.py DEST --app 127.0.0.1:58010 [--app ...] --site-port 58080 \
        --static-port 58090 [--check]

DEST gets conf/nginx.conf (the main file: pid, logs and temp paths under DEST), conf/portal/
(deploy/nginx/portal.conf and site.conf with only their host-specific values changed: app
servers, listen ports, certificate, cache and log paths, where static/ lives), a throwaway
self-signed certificate, and static-page/ (for the static-file comparison of bench/load.sh).
Besides the two servers of portal.conf (HTTP redirect and HTTPS site) it adds a plain-HTTP
server with the same site.conf on --site-port, and a server of static files from
DEST/static-page on --static-port, logging the same way. Every expected value must be found
in deploy/nginx/: when those files change shape, this fails instead of silently testing
something else. Prints the path of nginx.conf; --check runs `nginx -t` on it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "nginx"
APP_SERVER_LINE = re.compile(r"^(\s*)server 10\.0\.0\.\d+:8000 (.*);\n", re.M)


def _replace(text: str, old: str, new: str, name: str) -> str:
    if old not in text:
        raise SystemExit(f"deploy/nginx/{name} no longer contains {old!r}: update {__file__}")
    return text.replace(old, new)


def _portal_conf(dest: Path, apps: list[str], http_port: int, https_port: int) -> str:
    text = (DEPLOY / "portal.conf").read_text()
    matches = APP_SERVER_LINE.findall(text)
    if not matches:
        raise SystemExit(f"deploy/nginx/portal.conf has no app server lines: update {__file__}")
    indent, options = matches[0]
    servers = "".join(f"{indent}server {app} {options};\n" for app in apps)
    text = APP_SERVER_LINE.sub("", text, count=len(matches) - 1)
    text = APP_SERVER_LINE.sub(servers, text, count=1)
    text = re.sub(r"^\s*listen \[::\].*\n", "", text, flags=re.M)  # IPv6 may be missing here
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/var/cache/nginx/portal", str(dest / "cache")),
        ("/var/www/letsencrypt", str(dest / "acme")),
        ("/etc/letsencrypt/live/portal.example.org/fullchain.pem", str(dest / "tls/cert.pem")),
        ("/etc/letsencrypt/live/portal.example.org/privkey.pem", str(dest / "tls/key.pem")),
    ):
        text = _replace(text, old, new, "portal.conf")
    return text


def _site_conf(dest: Path, static_root: Path) -> str:
    text = (DEPLOY / "site.conf").read_text()
    text = _replace(text, "root /srv/portal;", f"root {static_root};", "site.conf")
    return _replace(
        text, "/var/log/nginx/portal.access.log", str(dest / "logs/access.log"), "site.conf"
    )


def _certificate(tls: Path) -> None:
    if (tls / "cert.pem").exists():
        return
    openssl = shutil.which("openssl")
    if openssl is None:
        raise SystemExit("openssl is needed for the HTTPS server's throwaway certificate")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "2", "-subj", "/CN=localhost"]
        + ["-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")],
        check=True,
        capture_output=True,
    )


def render(
    dest: Path,
    apps: list[str],
    site_port: int,
    static_port: int,
    http_port: int | None = None,
    https_port: int | None = None,
    static_root: Path = ROOT,
    extra: str = "",
) -> Path:
    """Write the configuration into dest; return the main file's path.

    static_root is the folder holding static/ (the checkout by default); `extra` goes at
    the end of the http block (the tests add a server there that shows nginx's variables).
    """
    dest = dest.resolve()
    http_port = http_port or site_port + 1
    https_port = https_port or site_port + 2
    for sub in ("conf/portal", "cache", "acme", "tls", "logs", "tmp", "static-page"):
        (dest / sub).mkdir(parents=True, exist_ok=True)
    _certificate(dest / "tls")
    (dest / "conf/portal/portal.conf").write_text(_portal_conf(dest, apps, http_port, https_port))
    (dest / "conf/portal/site.conf").write_text(_site_conf(dest, static_root))
    temp = "\n".join(
        f"    {kind}_temp_path {dest}/tmp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would be nobody
    main = f"""# Written by bench/nginx_conf.py; deploy/nginx/ is the source.
{user}worker_processes auto;
pid {dest}/nginx.pid;
error_log {dest}/logs/error.log warn;

events {{
    worker_connections 4096;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
{temp}

    include portal/portal.conf;

    # The site of portal.conf's HTTPS server, over plain HTTP for the load test.
    server {{
        listen 127.0.0.1:{site_port};
        include portal/site.conf;
    }}

    # The same page as a file, for comparison: what nginx does without the app.
    server {{
        listen 127.0.0.1:{static_port};
        server_tokens off;
        root {dest}/static-page;
        access_log {dest}/logs/static.log portal buffer=64k flush=5s;
        open_file_cache max=1000 inactive=60s;
    }}
{extra}
}}
"""
    path = dest / "conf/nginx.conf"
    path.write_text(main)
    return path


def check(conf: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a rendered configuration (prefix: its DEST)."""
    return subprocess.run(
        ["nginx", "-t", "-p", str(conf.parent.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--app", action="append", required=True, help="host:port of gunicorn")
    parser.add_argument("--site-port", type=int, required=True)
    parser.add_argument("--static-port", type=int, required=True)
    parser.add_argument("--check", action="store_true", help="run nginx -t on the result")
    args = parser.parse_args()
    conf = render(args.dest, args.app, args.site_port, args.static_port)
    if args.check:
        result = check(conf)
        if result.returncode != 0:
            sys.exit(result.stderr)
    print(conf)


if __name__ == "__main__":
    main()
