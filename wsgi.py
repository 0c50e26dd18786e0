"""WSGI entry point: gunicorn wsgi:app, flask --app wsgi ..."""

import sys

from portal import create_app
from portal.config import ConfigurationError

try:
    app = create_app()
except ConfigurationError as error:  # say what to set, without a stack trace; exit 1
    sys.exit(f"portal: {error}")
