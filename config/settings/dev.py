"""The demo and local development: SQLite, email printed to the console."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Pages are not cached while templates are being edited.
PAGE_CACHE = env_bool("PAGE_CACHE", not DEBUG)
