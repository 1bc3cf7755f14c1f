# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test checks suite install install-dev lint hooks constraints serve serve-cached worker migrate demo clean messages compilemessages faults
.DEFAULT_GOAL := help

## make help: this list (each target's `## make` comment).
help:
	@sed -n 's/^## \{0,1\}//p' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml or the pins change. Installs go through
# constraints.txt, the versions CI last passed with (`make constraints` moves them on).
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@ $(VENV)/.installed

## make install / make install-dev: the virtualenv with the app (and the test tools).
## make migrate / make demo: the database migrated / with the demo newsroom loaded.
install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

## make run: install, migrate, load demo content, start the worker and the site.
## `make run PORT=8001` for another port; mail links follow it.
## The banner comes once the site answers; the background log goes to .run/workers.log.
run: demo
	@mkdir -p .run
	@export WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}"; \
	trap 'kill $$workers $$server 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py run_workers >> .run/workers.log 2>&1 & workers=$$!; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT) & server=$$!; \
	$(BIN)/python manage.py announce_site "http://$(HOST):$(PORT)" --log .run/workers.log; \
	wait $$server

## make constraints: re-resolve pyproject.toml's ranges as a fresh machine would and pin
## the result in constraints.txt (commit it once the suite passes on the new pins).
constraints: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --dry-run --ignore-installed \
	  --report $(VENV)/resolution.json -e ".[dev]"
	$(BIN)/python .ci/write_constraints.py $(VENV)/resolution.json > constraints.txt

## make hooks: run ruff (check and format) before every commit (pre-commit).
hooks: install-dev
	$(BIN)/pre-commit install

## make lint: ruff's rules (with bandit's S and no print) and its formatter, checked.
lint: install-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

## make test: lint, Django checks (dev and production), then the whole suite.
test: lint checks suite

## make checks: Django's system checks, migrations in step with the models, check --deploy.
checks: install-dev
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=editorial.settings.production \
	  SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=tapchicongsan.example \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

## make suite: the pytest suite on every core, in random order (the seed is in the header).
suite: install-dev
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

## make serve: gunicorn with production settings on 127.0.0.1 (needs SECRET_KEY, ALLOWED_HOSTS).
serve: install
	DJANGO_SETTINGS_MODULE=editorial.settings.production $(BIN)/python manage.py collectstatic --no-input -v0
	DJANGO_SETTINGS_MODULE=editorial.settings.production $(BIN)/gunicorn editorial.wsgi \
	  --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

## make serve-cached: `make serve` behind Varnish (deploy/varnish/default.vcl) on CACHE_PORT,
## purged by the app on publish (VARNISH_PURGE_URL). Needs varnishd (apt-get install varnish).
CACHE_PORT ?= 6081
serve-cached: install
	@command -v varnishd >/dev/null || { echo "varnishd not found: apt-get install -y varnish"; exit 1; }
	DJANGO_SETTINGS_MODULE=editorial.settings.production $(BIN)/python manage.py collectstatic --no-input -v0
	@work=$$(mktemp -d); chmod 755 $$work; \
	sed 's/\.port = "8000"/.port = "$(PORT)"/' deploy/varnish/default.vcl > $$work/default.vcl; \
	trap 'kill $$app $$cache 2>/dev/null; wait; rm -rf $$work' EXIT INT TERM; \
	VARNISH_PURGE_URL=http://$(HOST):$(CACHE_PORT) DJANGO_SETTINGS_MODULE=editorial.settings.production \
	  $(BIN)/gunicorn editorial.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} \
	  --access-logfile - & app=$$!; \
	varnishd -F -a $(HOST):$(CACHE_PORT) -f $$work/default.vcl -n $$work/varnish \
	  -s malloc,$${VARNISH_MEMORY:-256m} & cache=$$!; \
	echo "Readers through Varnish: http://$(HOST):$(CACHE_PORT)/ (app: http://$(HOST):$(PORT)/)"; \
	wait $$app

## make worker: the background task worker (emails) and the scheduler (scheduled
## publishing, overdue reminders), each restarted if it exits, stopped together.
worker: install
	$(BIN)/python manage.py run_workers

## make faults: the fault test (Redis killed, PostgreSQL restarted and crashed under
## writes, SMTP down) on its own PostgreSQL, Redis and gunicorn; `make faults FAULTS_ARGS=--quick`.
faults: install
	$(BIN)/python bench/faults.py $(FAULTS_ARGS)

## make messages: refresh the Vietnamese catalogues from the code (needs GNU gettext).
## Editorial code and templates/ go to editorial/locale, coverage code to coverage/locale.
## editorial/locale_wagtail (Wagtail's own strings, curated from its msgids) is never
## written: every source file finds editorial/locale or coverage/locale first.
I18N_IGNORE := --ignore=tests --ignore=.venv --ignore=media --ignore=static \
	--ignore=.test-media --ignore=test-artifacts
messages: install
	$(BIN)/python manage.py makemessages -l vi $(I18N_IGNORE) --no-obsolete --add-location=file

## make compilemessages: build the .mo files (committed: a fresh machine has no msgfmt),
## every catalogue in LOCALE_PATHS, the override's django and djangojs ones included.
compilemessages: install
	$(BIN)/python manage.py compilemessages -l vi $(I18N_IGNORE)

## make clean: remove the virtualenv, collected static files and test leftovers.
clean:
	rm -rf $(VENV) static .test-media test-artifacts .pytest_cache .ruff_cache .hypothesis
