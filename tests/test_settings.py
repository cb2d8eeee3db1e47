"""Production settings refuse to start insecurely; the admin login resists brute force."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k7#Qv9!xR2mZ8pL4sT6wY1nB3cF5hJ0dG" * 2


def run_production(secret_key: str, code: str, **environ: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secret_key,
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("key", ["", "short", "dev-only-insecure-key" + "x" * 40, "a" * 60])
def test_production_refuses_an_insecure_secret_key(key):
    result = run_production(key, "")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_is_locked_down():
    result = run_production(
        GOOD_KEY,
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_SSL_REDIRECT, 'config.csp.SiteCSPMiddleware' in s.MIDDLEWARE, "
        "'axes.middleware.AxesMiddleware' in s.MIDDLEWARE, "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "31536000",
        "True",
        "True",
        "True",
        "True",
    ]


def test_database_url_is_read_from_the_environment():
    result = run_production(
        GOOD_KEY,
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], "
        "s.DATABASES['default']['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    # With no DATABASE_URL the default is SQLite; CI sets PostgreSQL.
    engine, name = result.stdout.split()
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert engine == "django.db.backends.postgresql" and name == "directory"
    else:
        assert engine == "django.db.backends.sqlite3" and name.endswith("db.sqlite3")


def test_sqlite_files_use_write_ahead_logging_and_a_memory_map(tmp_path):
    # So a search's log write does not wait for the disk, workers do not lock each other out,
    # and searches read the file through one map all processes share.
    result = run_production(
        GOOD_KEY,
        "from django.db import connection as c; cursor = c.cursor(); "
        "print(*[cursor.execute(f'PRAGMA {name}').fetchone()[0] "
        "for name in ('journal_mode', 'synchronous', 'mmap_size')]); print(c.transaction_mode)",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "1", str(2**30), "IMMEDIATE"]


def test_the_wsgi_application_freezes_what_it_loaded():
    result = run_production(
        GOOD_KEY, "import gc; from config.wsgi import application; print(gc.get_freeze_count())"
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000


@pytest.mark.django_db
def test_public_pages_send_a_content_security_policy(client, site_structure):
    response = client.get("/search/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_production_sets_no_policy_setting_that_django_csp_ignores():
    # django-csp 4 reads only these two; CONTENT_SECURITY_POLICY_EXCLUDE_URL_PREFIXES (django-csp
    # 3) was silently ignored, and the admin's scripts were blocked.
    result = run_production(
        GOOD_KEY,
        "from django.conf import settings as s; "
        "print(*[name for name in dir(s) if name.startswith('CONTENT_SECURITY_POLICY')])",
    )
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) <= {
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    }


def policy_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.django_db
def test_the_admin_gets_the_site_policy_plus_its_inline_scripts(client, site_structure):
    public = policy_directives(client.get("/search/"))
    for path in ("/admin/login/", "/django-admin/login/"):
        admin = policy_directives(client.get(path))
        assert admin["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert admin["style-src"] == ["'self'", "'unsafe-inline'"], path
        # Everything else is the public policy: no other site's scripts, frames or plugins.
        for directive in ("default-src", "connect-src", "frame-ancestors", "object-src"):
            assert admin[directive] == public[directive], (path, directive)
    assert public["script-src"] == ["'self'"] and public["style-src"] == ["'self'"]
    # A public path that merely starts like the admin's keeps the strict policy.
    assert policy_directives(client.get("/administration/"))["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_admin_login_locks_out_after_repeated_failures(client, settings):
    User.objects.create_superuser("boss", "boss@example.org", "correct horse battery")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "boss", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "boss", "password": "correct horse battery"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
