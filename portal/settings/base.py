"""
The whole configuration of Warta, secure by default.

This is the only settings module that reads the environment; ``dev``, ``test``
and ``production`` import it and add conveniences or hardening. Every variable
is listed in the README's "Configuration" section.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number") from error


# Core -----------------------------------------------------------------------

# No default: a settings module that wants one (dev, test) sets it itself, and
# production refuses to start without it.
SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)

# The three public sites. Each is a Wagtail ``Site`` with its own page tree;
# ``portal.services.sites_setup`` creates them from these values.
# The port the public sites are reached on, used in absolute links (sitemaps,
# feeds, canonical links). Behind a TLS proxy that is 443; dev.py uses 8000
# when the environment does not say.
WARTA_SITE_PORT_FROM_ENV = env_int("WARTA_SITE_PORT", None)
WARTA_SITE_PORT = WARTA_SITE_PORT_FROM_ENV or 443
WARTA_SITES = {
    "media_center": {
        "hostname": env("WARTA_MEDIA_CENTER_HOST", "mediacenter.localhost"),
        "site_name": "Media Center Kota Palangka Raya",
        "is_default_site": False,
    },
    "infopublik": {
        "hostname": env("WARTA_INFOPUBLIK_HOST", "infopublik.localhost"),
        "site_name": "Info Publik Kota Palangka Raya",
        "is_default_site": False,
    },
    "portal": {
        "hostname": env("WARTA_PORTAL_HOST", "portal.localhost"),
        "site_name": "Portal Resmi Pemerintah Kota Palangka Raya",
        "is_default_site": True,
    },
}

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or [
    site["hostname"] for site in WARTA_SITES.values()
]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "media_center",
    "infopublik",
    "moderation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "wagtailmedia",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Before staticfiles, so runserver too serves static files through
    # whitenoise, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands
# (PostgreSQL in production) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set (needed with several
# application servers, so they share one cache).
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "warta",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time -----------------------------------------------------------

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("id", "Bahasa Indonesia")]

# Static and media files -----------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# Whitenoise serves static files in every mode; production switches to
# compressed files with hashed names (see production.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# S3-compatible object storage for media, for several application servers.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)

FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email -----------------------------------------------------------------------

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Warta <warta@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Superusers are not sent every moderation email of every workflow; the SOP
# workflows' emails come from moderation/notifications.py, which also keeps
# Wagtail's own ones from doubling them.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Security defaults that hold in every mode -----------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the token
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Warta — Diskominfo Kota Palangka Raya"
# Absolute address of the admin for notification emails (no /admin/ suffix).
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", "https://" + WARTA_SITES["portal"]["hostname"]
)
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
# Photos only (issue 7): JPEG, PNG and WebP. Wagtail refuses any other type,
# a file whose content is not what its extension says, one larger than the
# maximum size and one with more pixels than the maximum (a 50-megapixel
# camera's photo passes). Its form stores the photo without its location.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WARTA_IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WARTA_IMAGE_MAX_MEGAPIXELS", 50) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.forms.ImageForm"
# Video and audio (wagtailmedia): the types browsers play, each within its
# own size limit; the form checks that the content is what the extension
# says and reads the duration from the file (PyAV).
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "portal.forms.MediaForm",
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg"],
}
WARTA_MEDIA_MAX_UPLOAD_SIZE = {
    "video": env_int("WARTA_VIDEO_MAX_UPLOAD_MB", 500) * 1024 * 1024,
    "audio": env_int("WARTA_AUDIO_MAX_UPLOAD_MB", 100) * 1024 * 1024,
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WARTA_DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL full-text search with its Indonesian stemmer; ignored on
        # SQLite, which uses FTS5.
        "SEARCH_CONFIG": "indonesian",
    }
}
WAGTAIL_DATE_FORMAT = "d/m/Y"
WAGTAIL_DATETIME_FORMAT = "d/m/Y H:i"
WAGTAIL_TIME_FORMAT = "H:i"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Warta -----------------------------------------------------------------------

WARTA_NEWS_PER_PAGE = 12
WARTA_DEMO_PASSWORD = "Warta-Demo-2026"  # noqa: S105 - demo data only, refused in production

# The integrity check (docs/integrity.md), run hourly by cron. The dashboard
# warns when no run finished for longer than WARTA_INTEGRITY_STALE_HOURS; a
# run unfinished after WARTA_INTEGRITY_RUN_TIMEOUT_HOURS counts as stopped and
# no longer keeps the next one from starting; links to the agency's own
# domains (and their subdomains) are not links to other sites.
WARTA_INTEGRITY_STALE_AFTER = datetime.timedelta(
    hours=env_int("WARTA_INTEGRITY_STALE_HOURS", 2)
)
WARTA_INTEGRITY_RUN_TIMEOUT = datetime.timedelta(
    hours=env_int("WARTA_INTEGRITY_RUN_TIMEOUT_HOURS", 3)
)
WARTA_INTEGRITY_OWN_DOMAINS = env_list("WARTA_INTEGRITY_OWN_DOMAINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task and page action is noise on a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # bagit reports each file of each archive package it writes.
        "bagit": {"level": "WARNING"},
    },
}
