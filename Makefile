# The README's two commands (`make start`, `make test`) and the helpers behind them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: start test install install-dev assets lint format postgres-test bench clean

# The setup steps run their tasks at once (TASKS_BACKEND=immediate), so the site is complete
# when it starts; then the background worker runs beside the development server, and Ctrl+C
# (or the server stopping) stops both.
start: install  ## Install, migrate, load the demo borough, index it, print the admin login, serve.
	$(BIN)/python manage.py migrate --noinput
	TASKS_BACKEND=immediate $(BIN)/python manage.py setup_site
	TASKS_BACKEND=immediate $(BIN)/python manage.py load_demo
	TASKS_BACKEND=immediate $(BIN)/python manage.py rebuild_search_index
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py ensure_admin
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker (Ctrl+C to stop)"
	export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev  ## Install with test dependencies; lint; run the whole suite.
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest $(PYTEST_ARGS)

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

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The suite again on a throwaway PostgreSQL, OpenSearch node and Redis, as CI runs it.
postgres-test: install-dev
	DATABASE_URL=$$(scripts/postgres.sh start) OPENSEARCH_URL=$$(scripts/opensearch.sh start) \
		REDIS_URL=$$(scripts/redis.sh start) \
		REQUIRE_BACKENDS=postgres,opensearch,redis $(BIN)/pytest $(PYTEST_ARGS)

# The search results map: Leaflet and leaflet.markercluster from npm (package-lock.json), copied
# into static/vendor/ for Django's static files. No npm: a warning, and the page lists results
# without a map.
NPM ?= npm
NPM_STAMP := node_modules/.npm-ci-done
LEAFLET_DIST := node_modules/leaflet/dist
CLUSTER_DIST := node_modules/leaflet.markercluster/dist
VENDOR := static/vendor
# The .map files are there because collectstatic's manifest storage follows sourceMappingURL.
VENDOR_FILES := \
	$(addprefix $(VENDOR)/leaflet/, leaflet.js leaflet.js.map leaflet.css \
		images/marker-icon.png images/marker-icon-2x.png images/marker-shadow.png \
		images/layers.png images/layers-2x.png) \
	$(addprefix $(VENDOR)/leaflet.markercluster/, leaflet.markercluster.js \
		leaflet.markercluster.js.map MarkerCluster.css MarkerCluster.Default.css)

ifneq ($(shell command -v $(NPM) 2>/dev/null),)
assets: $(VENDOR_FILES)  ## Map libraries from npm into static/vendor/.
else
assets:
	@echo "Warning: npm not found, so no map libraries: search results will show as a list only (install Node.js and npm, then run 'make assets')."
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

clean:
	rm -rf $(VENV) db.sqlite3 .admin-login staticfiles node_modules $(VENDOR)
