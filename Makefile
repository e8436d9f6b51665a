# The few commands people type. `make run` and `make test` do all set-up themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=
# Test processes (pytest-xdist); 0 runs everything in one process.
PYTEST_WORKERS ?= 2

.PHONY: run test check venv lock migrate seed lint format-check messages bench bench-quick clean

# The locked requirements (exact versions with their hashes); `make lock` writes them.
LOCK := requirements/dev.txt
# uv installs the lock in seconds; it is itself installed into the virtualenv by pip, at this
# version. Where it cannot be installed, pip installs the same lock.
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv

$(STAMP): $(LOCK) pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	  [ -x $(PY) ] || "$$python" -m venv $(VENV)
	@if [ -x $(UV) ] || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"; then \
	  echo "uv pip install --require-hashes -r $(LOCK)"; \
	  $(UV) pip install --quiet --python $(PY) --require-hashes -r $(LOCK) \
	  && $(UV) pip install --quiet --python $(PY) --no-deps -e .; \
	else \
	  echo "uv is not available: pip install --require-hashes -r $(LOCK)"; \
	  $(PY) -m pip install --quiet --require-hashes -r $(LOCK) \
	  && $(PY) -m pip install --quiet --no-deps -e .; \
	fi
	@touch $(STAMP)

# Writes requirements/base.txt (what the platform runs on) and requirements/dev.txt (base, plus
# tests and lint) from pyproject.toml, for every platform and Python >= 3.12. Versions already
# locked are kept: `make lock UPGRADE=--upgrade` moves everything to the newest allowed,
# `make lock UPGRADE="--upgrade-package django"` one package.
UPGRADE ?=
COMPILE = $(UV) pip compile pyproject.toml --quiet --universal --python-version 3.12 \
	--generate-hashes --custom-compile-command "make lock" $(UPGRADE)
lock: | $(STAMP)
	$(COMPILE) --output-file requirements/base.txt
	$(COMPILE) --extra dev --output-file requirements/dev.txt

venv: $(STAMP)

migrate: $(STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) migrate --no-input

seed: migrate
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) seed_demo

run: seed
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) runserver 127.0.0.1:8000

# `make test` measures coverage (pytest-cov, settings in pyproject.toml) and fails below the floor:
# the share of lines the whole suite ran when it was set, rounded down. For part of the suite,
# `make test PYTEST_ARGS=tests/courses COVERAGE=` (or pytest directly); `.venv/bin/coverage
# report` then lists the lines missed by the last run.
COVERAGE_FLOOR := 95
COVERAGE ?= --cov --cov-report= --cov-fail-under=$(COVERAGE_FLOOR)

# sys.monitoring (Python 3.12+) makes measuring nearly free, where the classic tracer doubled
# the suite's time.
test: $(STAMP)
	COVERAGE_CORE=sysmon $(PY) -m pytest -n $(PYTEST_WORKERS) $(COVERAGE) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

format-check: $(STAMP)
	$(VENV)/bin/ruff format --check .

# What CI checks besides the tests (which `make test` runs, coverage floor included): lint,
# formatting, and no model change without its migration.
check: lint format-check
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
