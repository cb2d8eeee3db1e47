"""Settings shared by every environment. Environment variables are read here and nowhere else."""

import ipaddress
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "directory",
    "search",
    # Features built on the catalogue and search; none imports another.
    "exchange",
    "commissioning",
    "demo",
    # Before django_tasks_db: its db_worker command is ours, with a heartbeat.
    "background",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
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
    "django_filters",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so it compresses what every later middleware has finished with. JSON only.
    "config.middleware.GZipJSONMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "directory.providers.middleware.HiddenPagesNotFoundMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.csp.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of the whole login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # As APP_DIRS would, with the project's own HTML templates loaded without their
            # indentation (config/template_loaders.py), cached once loaded.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "config.template_loaders.FilesystemLoader",
                        "config.template_loaders.AppDirectoriesLoader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "directory.shortlist.context.shortlist",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Write-ahead logging: searches keep reading while a search-log row is written, and
            # with synchronous=NORMAL a commit does not wait for the disk (a power cut can lose
            # the last commits, never corrupt the file). Without it each search's log row
            # waited 3-17 ms for an fsync. Reads go through a memory map of the file, shared
            # by every process, instead of read() into each connection's 2 MB page cache:
            # searches at 10,000 services read tens of MB of indexes (facet counts 76 -> 54 ms).
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824"
            ),
            # Writers take the lock when their transaction starts, so two gunicorn workers
            # never deadlock upgrading read locks ("database is locked"); they wait instead.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The search entries' place-and-ages index carries the page id on PostgreSQL (INCLUDE); on
# SQLite, whose indexes hold the row id anyway, Django leaves it out, as it should, and warns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]


def redis_cache(url: str, key_prefix: str) -> dict:
    """Django's own Redis cache at ``url``. Short timeouts: a Redis outage must cost a request
    milliseconds, not hang it (callers that count, such as rate limits, carry on without)."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


# The cache: shared by every process through Redis when REDIS_URL is set (rate limits, the
# geocoder's answers, Wagtail's caches); otherwise each process's memory, which suits one
# process only. CACHE_KEY_PREFIX separates sites sharing one Redis.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "directory"))}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Brute-force protection on every login form, the Wagtail admin's included.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "directory@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Family Support Directory")
# Shown in the footer: "Part of <council>'s early help offer".
COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Open Referral UK API (/api/openreferral/). What one client address may use a minute, in units
# of one simple request (a page of many nested services counts for more; see
# exchange/openreferral/throttling.py): 600 lets a client pull 10,000 services, list and every
# /services/{id}, in about 17 minutes. 0 = no limit.
OPENREFERRAL_RATE_LIMIT = int(os.environ.get("OPENREFERRAL_RATE_LIMIT", "600"))
# How many large API requests (big pages of nested objects) may run at once, across all clients:
# the other web workers stay free for the public site. 0 = no cap.
OPENREFERRAL_COSTLY_REQUESTS = int(os.environ.get("OPENREFERRAL_COSTLY_REQUESTS", "1"))
# Our own reverse proxies' addresses or networks, comma-separated (e.g. "127.0.0.1,10.0.0.0/8"):
# only from them is X-Forwarded-For believed when rate limits look for a client's address.
TRUSTED_PROXIES = [
    str(ipaddress.ip_network(entry.strip(), strict=False))
    for entry in os.environ.get("TRUSTED_PROXIES", "").split(",")
    if entry.strip()
]
# Importing from a feed's URL (exchange/openreferral/safe_http.py): hosts (names, addresses or
# networks such as 10.20.0.0/16) that may be reached although they are not public addresses, e.g.
# a council intranet's feed; one request's deadline and how long a silent server is waited for;
# how many requests run at once against one feed.
IMPORT_ALLOWED_HOSTS = [
    host.strip() for host in os.environ.get("IMPORT_ALLOWED_HOSTS", "").split(",") if host.strip()
]
IMPORT_FETCH_SECONDS = float(os.environ.get("IMPORT_FETCH_SECONDS", "60"))
IMPORT_IDLE_SECONDS = float(os.environ.get("IMPORT_IDLE_SECONDS", "15"))
IMPORT_FETCH_CONCURRENCY = int(os.environ.get("IMPORT_FETCH_CONCURRENCY", "4"))
# Review reminders (manage.py send_review_reminders, daily): "review coming up" this many days
# before a service's review date, a reminder this many days before; "overdue" after it.
REVIEW_DUE_DAYS_BEFORE = int(os.environ.get("REVIEW_DUE_DAYS_BEFORE", "30"))
REVIEW_REMINDER_DAYS_BEFORE = int(os.environ.get("REVIEW_REMINDER_DAYS_BEFORE", "7"))
# How long a reminder's one-click "still accurate" link works.
REVIEW_CONFIRM_LINK_DAYS = int(os.environ.get("REVIEW_CONFIRM_LINK_DAYS", "45"))
# The admin's own search; the public directory search is ours (search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Public search engine. Unset: the database engine. Set to an Elasticsearch 8/9 or OpenSearch
# 2/3 URL (credentials may go in it: https://user:password@host:9200) to search there.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "").strip()
# The alias searches read; rebuilds create "<alias>-<timestamp>" indices behind it.
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "directory-services")
# Seconds before a slow engine is given up on and the database answers instead.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "3"))
# Whether the engine keeps whole answers in its shard request cache. Most searches repeat
# (A to Z, the popular needs, a need with a level), and the facet counts over every service are
# most of the engine's work at county scale (100 ms of 110 for A to Z at 100,000 services); a
# repeated search is answered from memory until the index next changes. The benchmarks turn it
# off to measure the engine's work itself.
ELASTICSEARCH_REQUEST_CACHE = env_bool("ELASTICSEARCH_REQUEST_CACHE", True)
# After a failure, how long searches skip the engine before trying it again.
SEARCH_ENGINE_RETRY_SECONDS = float(os.environ.get("SEARCH_ENGINE_RETRY_SECONDS", "30"))
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No background autosave in the editor: it posts the whole service form after every pause in
# typing, so a contact or location half filled in fails the form's checks (a 400 and "could not
# save" while the editor is still typing), each post validates, geocodes and writes a revision,
# and the warnings it raises pile up for the next page. Editors save or submit themselves;
# leaving with unsaved changes still asks first.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
TAGGIT_CASE_INSENSITIVE = True

# Background work through django-tasks (see background/): imports, feed pulls, reminders,
# reindexing, Wagtail's own index and reference updates. "database" (the default) queues them
# for the worker, `manage.py db_worker`, which production and `make start` run; "immediate"
# runs each in the process that asked, for one-off commands and the tests.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "background.backends.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND not in TASK_BACKENDS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
# Queued once a night by `manage.py enqueue_nightly_tasks` (cron; docs/deploy.md).
NIGHTLY_TASKS = [
    "commissioning.reviews.tasks.send_review_reminders",
    "search.tasks.check_search_index",
    "search.tasks.purge_search_log",
    # Feeds more often than daily need `manage.py pull_feeds` every 15 minutes (docs/deploy.md).
    "exchange.feeds.tasks.pull_due_feeds",
]
# The anonymous search log (search.log): rows older than this are purged every night (13 months
# by default: a year's demand, compared with the same month last year). Written by a thread off
# the search's critical path unless SEARCH_LOG_ASYNC is off.
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("SEARCH_LOG_RETENTION_DAYS", "396"))
SEARCH_LOG_ASYNC = env_bool("SEARCH_LOG_ASYNC", True)

# Geocoding: the local postcode table by default. An online geopy geocoder is opt-in, e.g.
# GEOCODER_BACKEND=geopy.geocoders.Nominatim with GEOCODER_OPTIONS_USER_AGENT=my-council-directory.
GEOCODER = {
    "BACKEND": os.environ.get("GEOCODER_BACKEND", "directory.geocoding.PostcodeTableGeocoder"),
    "OPTIONS": {
        key.removeprefix("GEOCODER_OPTIONS_").lower(): value
        for key, value in os.environ.items()
        if key.startswith("GEOCODER_OPTIONS_")
    },
    "TIMEOUT": float(os.environ.get("GEOCODER_TIMEOUT", "3")),
    "CACHE_SECONDS": int(os.environ.get("GEOCODER_CACHE_SECONDS", str(30 * 24 * 3600))),
}

# Content Security Policy (django-csp 4). No inline scripts or styles. JSON-LD needs no nonce:
# browsers never execute application/ld+json.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The admin screens' own inline scripts and styles (config/csp.py). Nothing from other sites:
# no gravatar avatars (they would also tell gravatar.com every editor's email) and no update
# check from releases.wagtail.io.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Every page save runs tasks; their start/finish lines drown out what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # The search clients log every request at INFO.
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}

# "Get directions" on a service page: a maps link with {destination} (latitude,longitude, or the
# address when the position is only the postcode district's). The default opens the phone's maps
# app; for OpenStreetMap: https://www.openstreetmap.org/directions?to={destination}
DIRECTIONS_URL = os.environ.get(
    "DIRECTIONS_URL", "https://www.google.com/maps/dir/?api=1&destination={destination}"
)

# Search results map (Leaflet from npm, `make assets`): the tile server, and its host allowed in
# the CSP's img-src. An empty MAP_TILES_URL shows the markers without a background map.
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = os.environ.get("MAP_TILES_ATTRIBUTION", "&copy; OpenStreetMap contributors")


def _map_tiles_source(url: str) -> str:
    """The CSP source for a tile URL template: scheme and host, with a `{s}` subdomain as `*`."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if not (parts.scheme and parts.netloc):
        return ""  # empty, or relative to this site: 'self' covers it
    host = parts.netloc.rpartition("@")[2]
    first, dot, rest = host.partition(".")
    if "{" in first and dot:
        host = f"*.{rest}"
    return f"{parts.scheme}://{host}"


_map_tiles_host = _map_tiles_source(MAP_TILES_URL)
if _map_tiles_host and _map_tiles_host not in CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_map_tiles_host)
