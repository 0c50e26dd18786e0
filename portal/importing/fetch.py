"""Reading a feed's bytes from a URL or a file: bounded in time and size, errors in words.

A URL is fetched from the public internet only, never from the host itself or its
networks (the address of a cloud's metadata service, a database, an admin page): every
address a host name resolves to is checked when connecting, and the connection goes to
the address that was checked, so a name that answers differently a moment later gains
nothing. Redirects are followed here, at most `MAX_REDIRECTS`, to http and https only,
each checked the same way. An operator allows an intranet host or network with
FEED_FETCH_ALLOW (`allow`). One deadline covers the whole fetch: connecting, every
redirect, the headers and every read of the body, however few bytes each brings.
"""

from __future__ import annotations

import http.client
import io
import socket
import time
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from pathlib import Path
from urllib.parse import urljoin

import certifi
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, Timeout
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError, NameResolutionError, NewConnectionError
from urllib3.exceptions import TimeoutError as ReadOrConnectTimeout
from urllib3.util import make_headers, parse_url

USER_AGENT = "portal-feed-import/1"
CHUNK = 64 * 1024
MAX_REDIRECTS = 5
HEADERS = make_headers(user_agent=USER_AGENT, accept_encoding=True)
# Global by Python's reckoning, yet leading to any IPv4 address: NAT64 and 6to4.
EMBEDDING = tuple(ip_network(net) for net in ("64:ff9b::/96", "64:ff9b:1::/48", "2002::/16"))


class FetchError(Exception):
    """The feed could not be read; the message says why, for the operator."""


@dataclass(frozen=True)
class Fetched:
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # for feedparser: type, base URL


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(source: str, timeout: float, max_bytes: int, allow: str = "") -> Fetched:
    """The bytes of a feed at a URL (http/https) or in a file, at most `max_bytes`."""
    if is_url(source):
        return _download(source, _Guard(timeout, Allowance.parse(allow)), max_bytes)
    path = Path(source)
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as error:
        raise FetchError(f"Cannot read {source}: {error.strerror or error}.") from error
    if len(body) > max_bytes:
        raise FetchError(f"{source} is larger than {max_bytes:,} bytes.")
    # No base URL: a relative link in a file means nothing, and ids must not depend on
    # where the file happens to lie (feedparser resolves permalink guids against it).
    return Fetched(body)


# --- which addresses may be fetched -------------------------------------------------


def internal(address: IPv4Address | IPv6Address) -> bool:
    """Loopback, private, link-local, multicast, unspecified or reserved (IPv4 or IPv6)."""
    address = _plain(address)
    return (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or getattr(address, "is_site_local", False)
        or any(address in net for net in EMBEDDING)
    )


def _plain(address: IPv4Address | IPv6Address) -> IPv4Address | IPv6Address:
    """An IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it is."""
    return getattr(address, "ipv4_mapped", None) or address


@dataclass(frozen=True)
class Allowance:
    """Hosts (by name) and networks that may be fetched although internal."""

    hosts: frozenset[str] = frozenset()
    networks: tuple = ()

    @classmethod
    def parse(cls, setting: str) -> Allowance:
        """From FEED_FETCH_ALLOW: `intranet.example, 10.1.2.0/24, 192.168.1.5, ::1`."""
        hosts, networks = set(), []
        for entry in (part.strip().lower().strip("[]") for part in setting.split(",")):
            try:
                networks.append(ip_network(entry, strict=False))
            except ValueError:
                if entry:
                    hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def refuses(self, host: str, address: IPv4Address | IPv6Address) -> bool:
        """Whether `host`, at `address`, is internal and not allowed."""
        if host.lower().rstrip(".").strip("[]") in self.hosts or not internal(address):
            return False
        return not any(_plain(address) in net for net in self.networks)

    def refuses_url(self, url: str) -> bool:
        """Whether `url` names an internal address itself (no name to resolve) not allowed."""
        host = parse_url(url).host or ""
        try:
            return self.refuses(host, ip_address(host.strip("[]")))
        except ValueError:
            return False


class _Refused(Exception):
    """Raised while connecting to an address that may not be fetched (not an OSError:
    urllib3 lets it through as it is)."""

    def __init__(self, address: str):
        super().__init__(address)
        self.address = address


class _Guard:
    """One fetch's deadline and allowance, shared by the connections of its redirects."""

    def __init__(self, timeout: float, allowance: Allowance):
        self.timeout, self.allowance = timeout, allowance
        self.deadline = time.monotonic() + timeout

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def addresses(self, host: str, port: int) -> list[str]:
        """Every address `host` resolves to, once; _Refused if any may not be fetched."""
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(info[4][0] for info in found))
        for address in addresses:
            if self.allowance.refuses(host, ip_address(address)):
                raise _Refused(address)
        return addresses


class _Checked:
    """A urllib3 connection that connects only to checked addresses of its host (the
    Host header and TLS name stay the host's) and reads a response by the deadline."""

    def __init__(self, *args, guard: _Guard, **kwargs):
        super().__init__(*args, **kwargs)
        self.guard = guard

    def _new_conn(self) -> socket.socket:
        name = self._dns_host
        try:
            addresses = self.guard.addresses(name, self.port)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        failed = None
        for address in addresses:
            self._dns_host = address  # what urllib3 connects to; it resolves nothing
            try:
                sock = super()._new_conn()
            except NewConnectionError as error:  # refused: the next address, as urllib3 does
                failed = error
                continue
            finally:
                self._dns_host = name
            sock.settimeout(max(self.guard.left(), 0.001))  # the TLS handshake too
            return sock
        raise failed

    def response_class(self, sock, **kwargs) -> http.client.HTTPResponse:
        """What http.client reads the response with (it calls `response_class(sock)`)."""
        return _Response(sock, deadline=self.guard.deadline, **kwargs)


class _Response(http.client.HTTPResponse):
    def __init__(self, sock, *, deadline: float, **kwargs):
        super().__init__(sock, **kwargs)
        self.fp = io.BufferedReader(_Reader(self.fp.detach(), sock, deadline))


class _Reader(io.RawIOBase):
    """A socket's bytes, each wait for them ending at the deadline: a server that sends
    a byte a second cannot hold a read (of headers or body) past it."""

    def __init__(self, raw, sock, deadline: float):
        self.raw, self.sock, self.deadline = raw, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("timed out")
        self.sock.settimeout(left)
        return self.raw.readinto(buffer)

    def close(self) -> None:
        self.raw.close()
        super().close()


class _HTTPConnection(_Checked, HTTPConnection):
    pass


class _HTTPSConnection(_Checked, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


# --- downloading --------------------------------------------------------------------


def _download(url: str, guard: _Guard, max_bytes: int) -> Fetched:
    """GET `url`, following redirects, by the guard's deadline; FetchError says why not."""
    started = False
    try:
        for _ in range(MAX_REDIRECTS + 1):
            response = _get(url, guard)
            location = response.get_redirect_location()
            if not location:
                break
            response.close()
            url = urljoin(url, location)
        else:
            raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times.")
        with response:
            if response.status >= 400:
                reason = f" {response.reason}" if response.reason else ""
                raise FetchError(f"{url} answered HTTP {response.status}{reason}.")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url} is larger than {max_bytes:,} bytes.")
            started, chunks, size = True, [], 0
            for chunk in response.stream(CHUNK, decode_content=True):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url} is larger than {max_bytes:,} bytes.")
                if guard.left() < 0:
                    raise TimeoutError
                chunks.append(chunk)
            headers = {
                "content-type": response.headers.get("Content-Type", ""),
                "content-location": url,
            }
            return Fetched(b"".join(chunks), headers)
    except _Refused as refused:
        raise FetchError(
            f"Refused {url}: {refused.address} is an internal address (loopback, private, "
            "link-local or reserved); FEED_FETCH_ALLOW can allow a host or network."
        ) from refused
    except NewConnectionError as error:
        raise FetchError(f"Cannot connect to {url}: {_reason(error)}.") from error
    except (ReadOrConnectTimeout, TimeoutError) as error:
        if started:
            raise FetchError(f"{url} took longer than {guard.timeout:g} seconds.") from error
        raise FetchError(f"{url} did not answer within {guard.timeout:g} seconds.") from error
    except HTTPError as error:
        raise FetchError(f"Cannot fetch {url}: {_reason(error)}.") from error


def _get(url: str, guard: _Guard):
    """The response (headers read, body not) to one GET of `url`: http or https only."""
    parts = parse_url(url)
    if parts.scheme not in ("http", "https") or not parts.host:
        raise FetchError(f"Cannot fetch {url}: only http and https addresses are fetched.")
    left = max(guard.left(), 0.001)
    if parts.scheme == "https":
        pool = _HTTPSPool(parts.host, parts.port, ca_certs=certifi.where(), guard=guard)
    else:
        pool = _HTTPPool(parts.host, parts.port, guard=guard)
    return pool.urlopen(
        "GET",
        parts.request_uri,
        headers=HEADERS,
        redirect=False,
        retries=False,
        preload_content=False,
        timeout=Timeout(connect=left, read=left),
        release_conn=False,
    )


def _reason(error: BaseException) -> str:
    """The operating system's words for the innermost cause ("Connection refused")."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return type(error).__name__
