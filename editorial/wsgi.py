"""WSGI entry point for gunicorn (`make serve`)."""

import os
import sys

from django.core.wsgi import get_wsgi_application

from editorial.settings.env import ConfigurationError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "editorial.settings.production")

try:
    application = get_wsgi_application()
except ConfigurationError as error:
    sys.exit(f"Configuration error: {error}")
