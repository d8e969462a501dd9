"""Test runs: fast hashing, in-memory media, the sites on the test client's port."""

import tempfile

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, WARTA_SITES

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost"] + [
    site["hostname"] for site in WARTA_SITES.values()
]
# Django's test client speaks to port 80.
WARTA_SITE_PORT = 80
WAGTAILADMIN_BASE_URL = f"http://{WARTA_SITES['portal']['hostname']}"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="warta-test-media-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Whitenoise finds static files where they live; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
