"""The test suite. DATABASE_URL picks SQLite (default) or PostgreSQL."""

import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-" + "y" * 20
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", "sqlite:///" + str(BASE_DIR / "var" / "test.sqlite3")),
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests point the SMTP settings at their own local server.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Replaced by the smtp_server fixture (nothing listens on port 1); worker processes started by
# a test get the fixture's port through the environment.
EMAIL_HOST = env("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(env("EMAIL_PORT", "1"))
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(tempfile.gettempdir()) / "samverkan-test-uploads"

# Tests roll back their transactions, so nothing would invalidate a cached page between
# tests; the page cache has its own tests (core/tests/test_pagecache.py).
PAGE_CACHE = False
CACHES["pages"]["LOCATION"] = str(Path(tempfile.gettempdir()) / "samverkan-test-pages")  # noqa: F405
