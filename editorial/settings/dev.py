"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get_str("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_CONTENT_ALLOWED = True
DEMO_PASSWORD = env.get_str("DEMO_PASSWORD", "demo-2020-2025")
