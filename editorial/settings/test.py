"""Lean settings for the test suite: fast hasher, memory cache and mail, immediate tasks."""

from .base import *  # noqa: F403
from .base import BASE_DIR

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No page cache and no purges: tests that read a page after changing it in a rolled-back
# transaction would see the cached copy. tests/test_page_cache.py turns them on.
COVERAGE_PAGE_CACHE = None
WAGTAILFRONTENDCACHE = {}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = str(BASE_DIR / ".test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CONTENT_ALLOWED = True
DEMO_PASSWORD = "demo-2020-2025"
# Static files come from the app finders; there is no collectstatic in tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
# Close connections at the end of each request: the suite's database snapshots copy and
# replace whole databases, which PostgreSQL refuses while the live server holds sessions.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# The API's per-address limit is for the open web; tests that count it set their own.
COVERAGE_API_RATE = "100000/m"
