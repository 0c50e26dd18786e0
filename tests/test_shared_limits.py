"""Rate limits hold across app instances that share one Redis (TEST_REDIS_URL, or a
redis-server the test starts).

The second instance runs in its own Python process, as a second gunicorn worker or host
would: Flask-Limiter keeps its storage on the one `limiter` object of a process, so two
apps in one process could never prove anything.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from portal import create_app
from portal.extensions import db
from portal.models import Feedback


@pytest.fixture(scope="module")
def redis_url(require, tmp_path_factory) -> Iterator[str]:
    """TEST_REDIS_URL (`make test` starts a throwaway server), else a redis-server of this
    module's own on a free loopback port, stopped at the end."""
    if given := os.environ.get("TEST_REDIS_URL"):
        yield given
        return
    require("redis-server")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # until it accepts connections
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("redis-server did not start", pytrace=False)
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


# The other instance: an app on the same database and limit storage, sending `n` messages
# as one reader; prints the status codes.
OTHER_INSTANCE = """
import json, sys
from portal import create_app
config, update_id, n = json.loads(sys.argv[1])
client = create_app(config).test_client()
codes = [
    client.post("/en/feedback", data={"update": update_id, "message": f"Other {i}"}).status_code
    for i in range(n)
]
print(json.dumps(codes))
"""


def instance_config(database_uri: str, storage: str, secret_key: str) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "SECRET_KEY": secret_key,  # the client hash, and so the limit's key, depends on it
        "RATELIMIT_STORAGE_URI": storage,
        "RATELIMIT_KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}",  # nothing left from before
        "FEEDBACK_RATE_LIMIT": "3 per minute",
        "PAGE_CACHE_BYTES": 0,
    }


def other_instance(config: dict, update_id: int, n: int) -> list[int]:
    done = subprocess.run(
        [sys.executable, "-c", OTHER_INSTANCE, json.dumps([config, update_id, n])],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def post(client, update_id: int, n: int) -> int:
    message = {"update": update_id, "message": f"This instance {n}"}
    return client.post("/en/feedback", data=message).status_code


@pytest.fixture
def update_id(make_update):
    return make_update(en={"title": "Hello world"})


def stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Feedback))


@pytest.mark.parametrize("storage", ["redis", "memory"])
def test_a_reader_limit_holds_across_instances_sharing_redis(
    app, database_uri, update_id, storage, request
):
    """3 per minute: 2 here, then 2 from another process, then 1 here again. With Redis
    the limit counts all 5 (3 accepted); with per-process memory each instance counts its
    own, which is why production needs RATELIMIT_STORAGE_URI pointing at Redis."""
    uri = request.getfixturevalue("redis_url") if storage == "redis" else "memory://"
    config = instance_config(database_uri, uri, app.config["SECRET_KEY"])
    here = create_app(config)
    client = here.test_client()

    first = [post(client, update_id, n) for n in range(2)]
    elsewhere = other_instance(config, update_id, 2)
    last = post(client, update_id, 3)

    if storage == "redis":
        assert (first, elsewhere, last) == ([303, 303], [303, 429], 429)
        assert stored(here) == 3
    else:
        assert (first, elsewhere, last) == ([303, 303], [303, 303], 303)
        assert stored(here) == 5
    with here.app_context():
        db.engine.dispose()
