"""Extensions, created once and bound to the app in create_app()."""

from flask_babel import Babel
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase

from portal.clients import client_hash


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True)
babel = Babel()
htmx = HTMX()
# No default limits: only the views that say so are limited, per hashed client (no raw IP).
limiter = Limiter(key_func=client_hash, default_limits=[])
