"""Reading a feed's bytes from a URL or a file: bounded in time and size, errors in words."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

USER_AGENT = "portal-feed-import/1"
CHUNK = 64 * 1024


class FetchError(Exception):
    """The feed could not be read; the message says why, for the operator."""


@dataclass(frozen=True)
class Fetched:
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # for feedparser: type, base URL


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(source: str, timeout: float, max_bytes: int) -> Fetched:
    """The bytes of a feed at a URL (http/https) or in a file, at most `max_bytes`."""
    if is_url(source):
        return _download(source, timeout, max_bytes)
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


def _download(url: str, timeout: float, max_bytes: int) -> Fetched:
    """GET `url`; `timeout` bounds each wait for the server and the whole download."""
    deadline = time.monotonic() + timeout
    try:
        with requests.get(
            url, timeout=timeout, stream=True, headers={"User-Agent": USER_AGENT}
        ) as response:
            if response.status_code >= 400:
                reason = f" {response.reason}" if response.reason else ""
                raise FetchError(f"{url} answered HTTP {response.status_code}{reason}.")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url} is larger than {max_bytes:,} bytes.")
            chunks, size = [], 0
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url} is larger than {max_bytes:,} bytes.")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url} took longer than {timeout:g} seconds.")
                chunks.append(chunk)
            headers = {
                "content-type": response.headers.get("Content-Type", ""),
                "content-location": response.url,
            }
            return Fetched(b"".join(chunks), headers)
    except requests.Timeout as error:
        raise FetchError(f"{url} did not answer within {timeout:g} seconds.") from error
    except requests.ConnectionError as error:
        raise FetchError(f"Cannot connect to {url}: {_reason(error)}.") from error
    except requests.RequestException as error:
        raise FetchError(f"Cannot fetch {url}: {_reason(error)}.") from error


def _reason(error: BaseException) -> str:
    """The operating system's words for the innermost cause ("Connection refused")."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return type(error).__name__
