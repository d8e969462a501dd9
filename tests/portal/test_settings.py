"""Settings: production hardening, environment, error pages, language."""

import ast
import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.test import SimpleTestCase
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "check-deploy-dummy-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "palangkaraya.go.id",
    "WARTA_PORTAL_HOST": "palangkaraya.go.id",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WARTA_"))
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_a_secret_key(self):
        env = {**DEPLOY_ENV, "DJANGO_SECRET_KEY": ""}

        result = run_manage("check", env=env)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_SECRET_KEY must be set", result.stderr)

    def test_check_deploy_warns_without_a_shared_cache(self):
        env = {key: value for key, value in DEPLOY_ENV.items() if key != "REDIS_URL"}

        result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("warta.W001", result.stderr + result.stdout)

    def test_passes_check_deploy(self):
        result = run_manage(
            "check", "--deploy", "--fail-level", "WARNING", env=DEPLOY_ENV
        )

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class BaseSettingsTests(SimpleTestCase):
    def test_language_and_time_zone(self):
        self.assertEqual(settings.LANGUAGE_CODE, "id")
        self.assertEqual(settings.TIME_ZONE, "Asia/Jakarta")

    def test_whitenoise_serves_static_files(self):
        self.assertIn("whitenoise.middleware.WhiteNoiseMiddleware", settings.MIDDLEWARE)

    def test_database_url_selects_postgresql(self):
        result = run_manage(
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
            env={"DATABASE_URL": "postgres://warta@db.example:5432/warta"},
        )

        self.assertEqual(
            result.stdout.strip().splitlines()[-1], "django.db.backends.postgresql"
        )

    def test_500_page_renders_without_a_request(self):
        html = render_to_string("500.html")

        self.assertIn('lang="id"', html)
        self.assertIn("Terjadi kesalahan", html)


class CatalogTests(SimpleTestCase):
    """Every user-facing string of ours has its Indonesian translation."""

    def test_catalog_has_no_untranslated_or_fuzzy_entries(self):
        po = (BASE_DIR / "locale/id/LC_MESSAGES/django.po").read_text(encoding="utf-8")
        entries = po.split("\n\n")[1:]  # the first entry is the header
        # An empty msgstr not continued on the next line is untranslated.
        empty = re.compile(r'^msgstr(\[\d+\])? ""$(?!\n")', re.MULTILINE)
        untranslated = [entry for entry in entries if empty.search(entry)]
        fuzzy = [entry for entry in entries if "#, fuzzy" in entry]

        self.assertGreater(len(entries), 100)
        self.assertEqual(untranslated, [])
        self.assertEqual(fuzzy, [])

    def test_compiled_catalog_matches_the_source(self):
        po = (BASE_DIR / "locale/id/LC_MESSAGES/django.po").read_text(encoding="utf-8")
        with (BASE_DIR / "locale/id/LC_MESSAGES/django.mo").open("rb") as mo:
            compiled = gettext.GNUTranslations(mo)

        def joined(block):
            return "".join(
                ast.literal_eval(part)
                for part in re.findall(r'"(?:[^"\\]|\\.)*"', block)
            )

        stale = []
        for entry in po.split("\n\n")[1:]:
            match = re.search(
                r'^msgid (".*?)\nmsgstr (".*?)(?:\n\n|\Z)', entry + "\n\n", re.S | re.M
            )
            if match is None:  # plural entries
                continue
            msgid, msgstr = joined(match.group(1)), joined(match.group(2))
            if compiled.gettext(msgid) != msgstr:
                stale.append(msgid)

        self.assertEqual(stale, [], "run `make messages` to compile the catalog")

    def test_compiled_catalog_is_used(self):
        with translation.override("id"):
            self.assertEqual(
                translation.gettext("Skip to main content"), "Langsung ke isi utama"
            )
