# The README's two commands (`make start`, `make test`) and the helpers behind them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: start serve test install install-dev assets lint lint-js format postgres-test bench audit lock clean

# The setup steps run their tasks at once (TASKS_BACKEND=immediate), so the public site is
# complete when it starts, except Wagtail's admin page search and usage index for the demo's
# pages: load_demo queues those for the background worker, which runs beside the development
# server and catches up within seconds. Ctrl+C (or the server stopping) stops both.
start: install  ## Install, migrate, load the demo borough, index it, print the admin login, serve.
	$(BIN)/python manage.py migrate --noinput
	TASKS_BACKEND=immediate $(BIN)/python manage.py setup_site
	$(BIN)/python manage.py load_demo
	TASKS_BACKEND=immediate $(BIN)/python manage.py rebuild_search_index
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py ensure_admin
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker (Ctrl+C to stop)"
	export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine (docs/deploy.md): production settings, gunicorn and the
# background worker, on PostgreSQL, the OpenSearch node and Redis from scripts/ (or the
# DATABASE_URL, ELASTICSEARCH_URL and REDIS_URL already set). Plain HTTP on HOST:PORT, so
# cookies marked Secure (admin login) need a TLS proxy in front; /healthz says how it is.
SERVE_WORKERS ?= 2
serve: install  ## Production settings: gunicorn + worker on PostgreSQL, OpenSearch and Redis.
	@set -e; \
	export DJANGO_SETTINGS_MODULE=config.settings.production SECURE_SSL_REDIRECT=false; \
	export DATABASE_URL="$${DATABASE_URL:-$$(scripts/postgres.sh start)}"; \
	export ELASTICSEARCH_URL="$${ELASTICSEARCH_URL:-$$(scripts/opensearch.sh start)}"; \
	export REDIS_URL="$${REDIS_URL:-$$(scripts/redis.sh start)}"; \
	test -s .serve-secret-key || $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))' > .serve-secret-key; \
	export SECRET_KEY="$$(cat .serve-secret-key)"; \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1}"; \
	export WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}"; \
	$(BIN)/python manage.py migrate --noinput; \
	$(BIN)/python manage.py collectstatic --noinput -v 0; \
	TASKS_BACKEND=immediate $(BIN)/python manage.py setup_site; \
	$(BIN)/python manage.py load_demo; \
	$(BIN)/python manage.py rebuild_search_index --if-stale; \
	$(BIN)/python manage.py ensure_admin; \
	echo "Serving production settings on http://$(HOST):$(PORT)/ (health: /healthz), with a worker (Ctrl+C to stop)"; \
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(SERVE_WORKERS) --access-logfile -

# The suite runs in one test process per core (pytest-xdist; TEST_WORKERS=0 for a single process),
# each with its own test database; each test file goes whole to one process, so its module
# fixtures are set up once and its tests keep their order. Files are handed out longest first
# (tests/scheduling.py, from tests/file_seconds.json), so the short ones even the processes up
# at the end, and the browser tests, which keep the demo committed until the end of the
# session, come after every other test of their process (--no-loadscope-reorder keeps that).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: install-dev  ## Install with test dependencies; lint; run the whole suite.
	$(BIN)/ruff check .
	$(BIN)/mypy
	@$(MAKE) --no-print-directory lint-js
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PYTEST) $(PYTEST_ARGS)

bench: install-dev  ## The scale benchmark: prints and saves the table in docs/performance.md.
	@command -v wrk >/dev/null || { echo "Installing wrk (Debian) for the load test"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

install: $(VENV)/.installed assets
install-dev: $(VENV)/.installed-dev assets

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exactly the locked versions, each checked against its hash (requirements.lock,
# requirements-dev.lock: `make lock` writes them from pyproject.toml), then the project itself.
# Reinstall only when a lock changes.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e ".[dev]"
	touch $@ $(VENV)/.installed

# The locks, from pyproject.toml's ranges: the newest versions that fit, for Python 3.11 and
# later on any platform, with every file's hash. Commit them; `make audit` checks them.
lock: install-dev
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
		--quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --quiet -o requirements-dev.lock

# Known vulnerabilities in the locked versions (PyPI's advisory database); docs/dependencies.md
# keeps the latest run.
audit: install-dev
	$(BIN)/pip-audit --strict --require-hashes --disable-pip -r requirements.lock
	$(BIN)/pip-audit --strict --require-hashes --disable-pip -r requirements-dev.lock

lint:
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/ruff format --check .
	@$(MAKE) --no-print-directory lint-js

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The suite again on a throwaway PostgreSQL, OpenSearch node and Redis, as CI runs it.
postgres-test: install-dev
	DATABASE_URL=$$(scripts/postgres.sh start) OPENSEARCH_URL=$$(scripts/opensearch.sh start) \
		REDIS_URL=$$(scripts/redis.sh start) \
		REQUIRE_BACKENDS=postgres,opensearch,redis $(PYTEST) $(PYTEST_ARGS)

# Browser libraries from npm (package-lock.json), copied into static/vendor/ for Django's static
# files: Leaflet and leaflet.markercluster for the maps, accessible-autocomplete for search as
# you type. No npm: a warning, and pages work without them (lists without a map, plain boxes).
NPM ?= npm
NPM_STAMP := node_modules/.npm-ci-done
LEAFLET_DIST := node_modules/leaflet/dist
CLUSTER_DIST := node_modules/leaflet.markercluster/dist
AUTOCOMPLETE_DIST := node_modules/accessible-autocomplete/dist
VENDOR := static/vendor
# The .map files are there because collectstatic's manifest storage follows sourceMappingURL.
VENDOR_FILES := \
	$(addprefix $(VENDOR)/leaflet/, leaflet.js leaflet.js.map leaflet.css \
		images/marker-icon.png images/marker-icon-2x.png images/marker-shadow.png \
		images/layers.png images/layers-2x.png) \
	$(addprefix $(VENDOR)/leaflet.markercluster/, leaflet.markercluster.js \
		leaflet.markercluster.js.map MarkerCluster.css MarkerCluster.Default.css) \
	$(addprefix $(VENDOR)/accessible-autocomplete/, accessible-autocomplete.min.js \
		accessible-autocomplete.min.js.map accessible-autocomplete.min.css \
		accessible-autocomplete.min.css.map)

ifneq ($(shell command -v $(NPM) 2>/dev/null),)
assets: $(VENDOR_FILES)  ## Map and search-box libraries from npm into static/vendor/.
# ESLint on the project's own scripts (eslint.config.js: static/js/, never static/vendor/).
lint-js: $(NPM_STAMP)
	$(NPM) run --silent lint:js
else
lint-js:
	@echo "Warning: npm not found, so the JavaScript in static/js/ was not linted (install Node.js and npm)."
assets:
	@echo "Warning: npm not found, so no map or search-as-you-type libraries: search results will show as a list only and search boxes stay plain (install Node.js and npm, then run 'make assets')."
endif

# Reinstall only when the lock file changes.
$(NPM_STAMP): package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

$(VENDOR)/leaflet/%: $(NPM_STAMP)
	@mkdir -p $(@D)
	cp $(LEAFLET_DIST)/$* $@

$(VENDOR)/leaflet.markercluster/%: $(NPM_STAMP)
	@mkdir -p $(@D)
	cp $(CLUSTER_DIST)/$* $@

$(VENDOR)/accessible-autocomplete/%: $(NPM_STAMP)
	@mkdir -p $(@D)
	cp $(AUTOCOMPLETE_DIST)/$* $@

clean:
	rm -rf $(VENV) db.sqlite3 .admin-login .serve-secret-key staticfiles node_modules $(VENDOR)
