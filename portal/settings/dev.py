"""Local development: debug on, a fixed secret key, the sites on port 8000."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, WARTA_SITE_PORT_FROM_ENV, WARTA_SITES

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"] + [
    site["hostname"] for site in WARTA_SITES.values()
]
WARTA_SITE_PORT = WARTA_SITE_PORT_FROM_ENV or 8000
WAGTAILADMIN_BASE_URL = f"http://{WARTA_SITES['portal']['hostname']}:{WARTA_SITE_PORT}"

# Whitenoise finds static files where they live and picks up edits.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
