import shutil

from django.conf import settings


def pytest_sessionfinish(session, exitstatus):
    # Uploaded and generated test images live in a temporary folder per run.
    if "warta-test-media-" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
