"""Production: gunicorn behind a TLS-terminating proxy, PostgreSQL, optional Redis.

Fails fast (one line, no traceback; see manage.py and wsgi.py) when a secret is missing.
"""

from .base import *  # noqa: F403
from .base import env

if not SECRET_KEY:  # noqa: F405
    raise env.ConfigurationError("SECRET_KEY is not set; production refuses to start without it.")
# What `check --deploy` only warns about (security.W009) refuses to start here: sessions,
# password resets and signed preview links are only as safe as this key.
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):  # noqa: F405
    raise env.ConfigurationError(
        "SECRET_KEY is too weak: use 50 or more random characters, not Django's "
        "'django-insecure' development key "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise env.ConfigurationError("ALLOWED_HOSTS is not set; list the site's host names.")
# A wildcard lets any Host header through, and with it poisoned absolute links in the
# notification mails and password resets.
if any("*" in host for host in ALLOWED_HOSTS):  # noqa: F405
    raise env.ConfigurationError(
        "ALLOWED_HOSTS must name the site's hosts; a wildcard ('*') is refused."
    )

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS is terminated by the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
if not SECURE_SSL_REDIRECT:
    # The proxy redirects plain HTTP itself; say so explicitly instead of warning forever.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.get_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.get_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# "__Host-" cookies: browsers take them only when Secure, with Path=/ and no Domain, so
# neither a sibling subdomain nor plain HTTP can plant or overwrite the session or the
# CSRF token. Django's defaults leave Domain unset and Path "/"; keep them so.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_PATH = "/"
CSRF_COOKIE_PATH = "/"
