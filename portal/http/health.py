"""`/healthz` for load balancers, and a 503 for readers while the database is away.

When the database cannot be reached, every request that needs it gets the translated
"temporarily unavailable" page (status 503, `Retry-After`), not a stack trace. Nothing
has to be restarted when it comes back: the next request opens a new connection, and
`pool_pre_ping` (set for every engine but SQLite's, see portal/database.py) replaces
pooled connections that the database server closed meanwhile.
"""

from __future__ import annotations

from contextlib import suppress

from flask import Blueprint, Flask, Response, current_app
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import ServiceUnavailable

from portal.errors import render_error
from portal.extensions import db

bp = Blueprint("health", __name__)

DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeout)
RETRY_AFTER = "30"  # seconds


def _forget_transaction() -> None:
    with suppress(DATABASE_DOWN):  # the connection is gone already; the pool replaces it
        db.session.rollback()


def _plain(body: str, status: int) -> Response:
    response = Response(body, status=status, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/healthz")
def healthz():
    """Say `ok` when this worker can query the database, else answer 503."""
    try:
        db.session.execute(text("SELECT 1"))
    except DATABASE_DOWN:
        current_app.logger.warning("Health check: the database is unavailable", exc_info=True)
        _forget_transaction()
        return _plain("database unavailable", 503)
    return _plain("ok", 200)


def database_down(error: Exception):
    """The database is unreachable: a translated 503 page, rendered without it."""
    current_app.logger.error("Database unavailable: %s", error)
    _forget_transaction()
    response = render_error(ServiceUnavailable())
    response.headers["Retry-After"] = RETRY_AFTER
    return response


def limits_down(error: Exception):
    """The rate-limit store (Redis) is unreachable: a translated 503, not a 500.

    Failing closed: the limits guard the anonymous feedback form, and letting every post
    through while they cannot be counted would open it to floods.
    """
    current_app.logger.error("Rate-limit storage unavailable: %s", error)
    response = render_error(ServiceUnavailable())
    response.headers["Retry-After"] = RETRY_AFTER
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    for kind in DATABASE_DOWN:
        app.register_error_handler(kind, database_down)
    app.register_error_handler(RedisError, limits_down)
