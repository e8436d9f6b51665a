# The few commands people type. `make run` and `make test` do all set-up themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=

.PHONY: run test venv migrate seed lint messages bench clean

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
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

messages: $(STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) makemessages -l fr -l ar --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	DJANGO_SETTINGS_MODULE=lms.settings.dev $(MANAGE) compilemessages --ignore=.venv

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) db.sqlite3 media
