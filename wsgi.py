"""WSGI entry point: gunicorn wsgi:app, flask --app wsgi ..."""

import sys

from portal import create_app
from portal.config import ConfigurationError

# gunicorn stops (instead of starting new workers forever) when a worker exits with 3.
BOOT_ERROR = 3

try:
    app = create_app()
except ConfigurationError as error:  # say what to set, without a stack trace
    print(f"portal: {error}", file=sys.stderr)
    sys.exit(BOOT_ERROR)
