"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get_str("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_CONTENT_ALLOWED = True
DEMO_PASSWORD = env.get_str("DEMO_PASSWORD", "demo-2020-2025")

# The site's Vietnamese 404 and 500 pages, not Django's debug pages (editorial.dev_errors).
if not env.get_bool("TECHNICAL_ERRORS", False):
    MIDDLEWARE = [
        *MIDDLEWARE[:1],  # noqa: F405
        "editorial.dev_errors.ReaderErrorPagesMiddleware",
        *MIDDLEWARE[1:],  # noqa: F405
    ]
