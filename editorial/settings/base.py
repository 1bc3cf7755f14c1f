"""Settings shared by every environment. Production-safe: DEBUG off, no secrets.

Environment variables are read through ``editorial.settings.env`` only.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from . import env

BASE_DIR = env.BASE_DIR

DEBUG = False
SECRET_KEY = env.get_str("SECRET_KEY")  # production.py refuses to start without it
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before ours (it has no templates): coverage.purge replaces the purge handlers it
    # connects in its ready() with ones purging everything a change affects.
    "wagtail.contrib.frontend_cache",
    # Ours first, so our templates and translations override Wagtail's.
    "editorial",
    "coverage",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # The public read API at /api/v2/ (coverage.api).
    "wagtail.api.v2",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: replaces Wagtail's moderation mail receivers with ours.
    "editorial.pipelines",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Failed sign-ins per account and per address (editorial.access.lockouts).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (reader and admin policies) and Permissions-Policy.
    "editorial.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous reader pages from the cache (off behind Varnish): before the session,
    # CSRF and locale middleware, so a hit costs no query and no cookie is ever stored.
    "coverage.page_cache.ReaderPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Slides the 8 h idle expiry with one session write per few minutes, not per request.
    "editorial.access.sessions.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A publication refused anywhere is shown, not a 500 (editorial.pipelines.refusals).
    "editorial.pipelines.refusals.PublicationRefusedMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "editorial.urls"
WSGI_APPLICATION = "editorial.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.get_database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = env.get_cache()
# The anonymous page cache and its purge on publish (coverage.page_cache, coverage.purge).
COVERAGE_PAGE_CACHE, WAGTAILFRONTENDCACHE = env.get_page_cache()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time -------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
# Our catalogues, then the Wagtail strings its own Vietnamese catalogue leaves in English
# (curated by hand from Wagtail's msgids; `make messages` never writes it: README,
# "Translations"). Every LOCALE_PATHS catalogue wins over the apps' own, for the
# JavaScript catalogue (djangojs) too; the earlier path wins over the later.
LOCALE_PATHS = [
    BASE_DIR / "editorial" / "locale",
    BASE_DIR / "coverage" / "locale",
    BASE_DIR / "editorial" / "locale_wagtail",
]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Day-first input formats for "vi" (Django ships none and would read 05/03 as 3 May).
FORMAT_MODULE_PATH = ["editorial.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and media files ----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get_str("MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Request bounds ------------------------------------------------------------------
# What a person sends, with room to spare; a request past them is refused (400) before
# any view runs. README "Running in production" lists them with the proxy's own limit.
# Form fields per request: the demo's largest forms carry 110 (a nine-item plan) and 43
# (an article of five blocks); a 100-item plan or a 300-block article stays under 2,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 3000
# The request body less its files: an article's text and blocks are a few hundred KB.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
# Uploads larger than this are streamed to a temporary file instead of held in memory.
# The largest file accepted is WAGTAILIMAGES_MAX_UPLOAD_SIZE / WAGTAILDOCS_MAX_UPLOAD_SIZE.
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
# Inline rows per formset: each InlinePanel's max_num, enforced by editorial.formset_limits.

# --- Background work -------------------------------------------------------------
# Wagtail (and our notifications) enqueue through django-tasks; a `db_worker`
# process runs them. The test settings run them immediately instead.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Email ------------------------------------------------------------------------
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get_str(
    "DEFAULT_FROM_EMAIL", "Ban Biên tập <toasoan@tapchicongsan.org.vn>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security that holds everywhere ------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
SESSION_COOKIE_HTTPONLY = True
# An admin session ends after 8 hours without a request: editorial.access.sessions re-saves a
# session that exists (readers have none, so they cost nothing) at most every 5 minutes,
# pushing its expiry 8 hours on in the cookie and in the database row, so an idle session
# is dead on the server too. Wagtail's "remember me" sets the expiry to this same age;
# without it the cookie also ends with the browser.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_REFRESH_EVERY = 5 * 60

# --- Sign-in and password limits ------------------------------------------------------
# The axes backend runs first and refuses every sign-in (even the right password) from a
# locked account or address; the model backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failures lock the account (whatever address tries it) and, separately, the
# address (a spray over many accounts from one place), for 30 minutes after the last
# failure; the editor-in-chief may unlock sooner (Settings → Sign-in lockouts).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
# The Wagtail login page with the lockout message, answered 429.
AXES_LOCKOUT_CALLABLE = "editorial.access.lockouts.lockout_response"
# A successful sign-in does not wipe the count: with it, anyone holding one account could
# clear their address's failures between guesses at the others.
AXES_RESET_ON_SUCCESS = False

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Tạp chí Cộng sản · Khối Doanh nghiệp Trung ương"
WAGTAILADMIN_BASE_URL = env.get_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
# The public read API (coverage.api): items per page at most, and requests per reader
# address (coverage.search.client_address) a minute before 429s.
WAGTAILAPI_LIMIT_MAX = 50
COVERAGE_API_RATE = env.get_str("COVERAGE_API_RATE", "120/m")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Python strftime formats (not Django's "d/m/Y"): Wagtail's date widgets render and parse
# with them, and they must be among the "vi" input formats in editorial/formats/vi/.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILIMAGES_IMAGE_MODEL = "coverage.CreditedImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Width × height × frames: an animation counts every frame (coverage/forms/images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "coverage.forms.images.CreditedImageForm"
# SVG is off: it can carry script, and photos are never vector art.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Beat-log attachments and other documents: briefing notes and letters, not archives.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "txt", "xls", "xlsx", "ods", "jpg", "png"]
# One message for an oversize upload, not a second about its extension.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "coverage.forms.documents.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# The pipeline's last approval publishes through the pipeline (editorial/pipelines/publishing.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.pipelines.publishing.publish_on_approval"
WAGTAILADMIN_COMMENTS_ENABLED = True
# Wagtail's database backend, folding Vietnamese accents and đ (coverage/search/backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "coverage.search.backend", "SEARCH_CONFIG": "vietnamese_unaccent"}
}

LOGIN_URL = "wagtailadmin_login"

# --- Newsroom desk ------------------------------------------------------------------
# The page model "start draft" creates: editorial reaches articles through this name,
# never by importing coverage's classes.
EDITORIAL_ARTICLE_MODEL = "coverage.ArticlePage"
# The daily reminder run mails about assignments due within this many days.
EDITORIAL_DUE_SOON_DAYS = 2
# A background task RUNNING this long has lost its worker: the scheduler queues it again
# (editorial/task_recovery.py). Far beyond any task's run, so a slow one is never doubled.
EDITORIAL_TASK_STUCK_AFTER = datetime.timedelta(minutes=30)

# Behind a proxy every request comes from the proxy: name the header carrying the
# reader's address (e.g. HTTP_X_REAL_IP) so search rate limits apply per reader. The
# header is read by coverage.search.client_address, which falls back to the peer's
# address when it is missing or not an address (django-ratelimit, given the header name
# itself, answered such a request with a 500).
COVERAGE_CLIENT_IP_META_KEY = env.get_str("RATELIMIT_IP_META_KEY") or None
RATELIMIT_IP_META_KEY = "coverage.search.client_address.reader_address"
# The counts live in the cache. When it cannot count (Redis down), django-ratelimit's
# default is to limit: every search and suggestion would answer 429 for the whole outage.
# The limit only slows scrapers down; refusing every reader is the worse failure, so a
# request it cannot count goes through (the proxy's own rate limit still applies).
RATELIMIT_FAIL_OPEN = True
# The same reader's address for sign-in lockouts: one header, one truth.
AXES_CLIENT_IP_CALLABLE = RATELIMIT_IP_META_KEY
# Password resets (editorial.access.password_reset) and private-page passwords
# (editorial.access.page_passwords) count in the same cache, as django-ratelimit rates.
PASSWORD_RESET_RATE_PER_ADDRESS = "5/h"
PASSWORD_RESET_RATE_PER_EMAIL = "3/h"
PAGE_PASSWORD_RATE = "10/h"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.access.password_reset.ThrottledPasswordResetForm"
# Gravatar would leak editors' hashed emails to a third party and fails offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
}

# Labels reused by several apps' verbose names.
PROJECT_TITLE = _("Coverage desk")

# `load_demo` creates users with a known password: never on a production install.
DEMO_CONTENT_ALLOWED = False
DEMO_PASSWORD = env.get_str("DEMO_PASSWORD", "")
