# The few commands people type. `make run` and `make test` do all set-up themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=
# Test processes (pytest-xdist); 0 runs everything in one process.
PYTEST_WORKERS ?= 2

.PHONY: run test check venv migrate seed lint messages bench bench-quick clean

$(STAMP): pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	  [ -x $(PY) ] || "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

venv: $(STAMP)

migrate: $(STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) migrate --no-input

seed: migrate
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) seed_demo

run: seed
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# What CI checks besides the tests: lint, and no model change without its migration.
check: lint
	DJANGO_SETTINGS_MODULE=lms.settings.test $(MANAGE) makemigrations --check --dry-run

messages: $(STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) makemessages -l fr -l ar --no-obsolete --no-location --ignore=.venv --ignore=tests --ignore=bench
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) compilemessages --ignore=.venv

bench: $(STAMP)
	$(PY) -m bench

bench-quick: $(STAMP)
	$(PY) -m bench --quick

clean:
	rm -rf $(VENV) db.sqlite3 media
