"""Test settings: fast, isolated, deterministic."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Tasks run at once, with their arguments as the worker would read them. The tests of the queue
# switch to the database backend, and start real workers (tests/processes.py) with
# TEST_TASKS_BACKEND=database.
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS[os.environ.get("TEST_TASKS_BACKEND", "immediate")]}  # noqa: F405
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the worker, app servers and live server the tests start as other
    # processes must see the same database. (pytest-xdist adds each runner's suffix.)
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405  (a fresh clone has no var/)
    # TEST_DATABASE_FILE lets two test runs in one checkout keep apart.
    default_file = BASE_DIR / "var" / "test-db.sqlite3"  # noqa: F405
    test_database = os.environ.get("TEST_DATABASE_FILE") or str(default_file)
    DATABASES["default"]["TEST"] = {"NAME": test_database}  # noqa: F405
# Each test process its own cache, even when REDIS_URL is set: clearing a shared Redis in one
# runner would pull counts from under another's feet. The tests of shared state
# (tests/test_shared_state.py) give the app servers they start TEST_SHARED_CACHE=1 and a
# CACHE_KEY_PREFIX of their own.
if not env_bool("TEST_SHARED_CACHE"):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
# Search-log rows saved in the test's own transaction (search.log_writer has its own tests).
SEARCH_LOG_ASYNC = False
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
# Never the collectstatic output a developer may have: tests see static files as the finders do.
STATIC_ROOT = BASE_DIR / "var" / "test-static"  # noqa: F405

# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
