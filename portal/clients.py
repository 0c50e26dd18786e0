"""Who is asking, without knowing who: the client as a keyed hash that rotates daily."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

from flask import current_app, request


def client_hash(address: str | None = None, day: str | None = None) -> str:
    """HMAC-SHA256 of the client address, keyed with SECRET_KEY and today's UTC date.

    Enough to count repeats from one client on one day; useless to recover the address,
    and unlinkable across days. The raw address is never stored or logged.
    """
    address = request.remote_addr if address is None else address
    day = day or datetime.now(UTC).date().isoformat()
    key = f"{current_app.config['SECRET_KEY']}|{day}".encode()
    return hmac.new(key, (address or "").encode(), hashlib.sha256).hexdigest()
