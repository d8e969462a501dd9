# Warta: one command to run the three sites, one to run the tests.
# Needs only python3; everything else goes into .venv from requirements.lock.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

# Absolute links (sitemaps, feeds, links between the sites) use the port served on.
setup demo run: export WARTA_SITE_PORT = $(PORT)
.PHONY: help install run demo setup test test-postgres lint format check messages ci lock clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "Warta needs Python 3.11 (found: $$($(PYTHON) --version 2>&1)). Set PYTHON=python3.11."; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
		{ echo "Python's venv module is missing. On Debian or Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

setup: install ## Migrate, create the three sites, the SOP workflows and the demo content (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_sites
	$(MANAGE) setup_sop
	$(MANAGE) seed_demo
	$(MANAGE) syndicate_news

demo: install ## (Re)create the demo content only
	$(MANAGE) seed_demo

run: setup ## Set everything up and serve the three sites on 127.0.0.1:8000
	@$(MANAGE) warta_urls --port $(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)
	$(BIN)/pytest

test-postgres: install ## Run the test suite on the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/warta} $(BIN)/pytest

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## System checks, migrations up to date, deploy checks of production settings
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	DJANGO_SECRET_KEY=check-deploy-dummy-key-0123456789-abcdefghijklmnopqrstuvwxyz \
	DJANGO_ALLOWED_HOSTS=portal.example.go.id \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

messages: install ## Update the Indonesian catalog and compile it
	$(MANAGE) makemessages --locale id --no-obsolete --ignore '.venv/*' --ignore 'static_collected/*' --ignore 'tests/*'
	$(MANAGE) compilemessages --locale id --ignore '.venv/*'

ci: lint check test test-postgres ## What CI runs

lock: ## Re-resolve dependencies from pyproject.toml into requirements.lock
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet ".[dev]"
	.venv-lock/bin/python -m pip freeze --exclude warta > requirements.lock
	rm -rf .venv-lock

clean: ## Remove .venv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static_collected
