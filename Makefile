# The front door: `make run` serves the seeded demo site, `make test` checks everything.
VENV    ?= .venv
PY      := $(VENV)/bin/python
FLASK   := $(VENV)/bin/flask --app wsgi
PYBABEL := $(VENV)/bin/pybabel
HOST    ?= 127.0.0.1
PORT    ?= 5000

.PHONY: run install install-test catalogs translations migrate seed test system-packages lint format clean bench-data bench load

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml
	$(VENV)/bin/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Compile the .po catalogs into .mo files (built, never committed).
catalogs: install
	$(PYBABEL) compile -d translations

## Re-extract interface strings and merge them into every catalog.
translations: install
	$(PYBABEL) extract -F babel.cfg -k _l -k lazy_gettext --no-location --omit-header \
		-o translations/messages.pot .
	$(PYBABEL) update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --width 100

migrate: install
	$(FLASK) db upgrade

## Load the demo content; idempotent, so running it on a filled database adds nothing.
seed: migrate
	$(FLASK) seed-demo

run: catalogs seed
	$(FLASK) run --host $(HOST) --port $(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## The whole set-up and the whole suite, as CI runs it: the Debian packages the tests need
## (installed when missing, as root or with sudo), the virtualenv, vnu-jar, the catalogs,
## ruff, then the suite on SQLite and on PostgreSQL, with a throwaway PostgreSQL and Redis
## unless TEST_DATABASE_URL / TEST_REDIS_URL name servers (scripts/test-suite.sh).
test: system-packages install-test node_modules/.installed catalogs lint
	scripts/test-suite.sh

system-packages:
	@scripts/system-packages.sh

clean:
	rm -rf $(VENV) node_modules instance .pytest_cache .ruff_cache
	find translations -name '*.mo' -delete

## Benchmarks: generate 1,000-, 2,000- and 100,000-update databases, then time the reader
## pages and count their CPU instructions (needs valgrind: apt-get install valgrind).
BENCH_DBS := bench/data/portal-1000.db bench/data/portal-2000.db bench/data/portal-100000.db

bench/data/portal-%.db:
	$(PY) bench/generate.py --updates $* --out $@

bench-data: install
	$(PY) bench/generate.py --updates 1000 --out bench/data/portal-1000.db
	$(PY) bench/generate.py --updates 2000 --out bench/data/portal-2000.db
	$(PY) bench/generate.py --updates 100000 --out bench/data/portal-100000.db

bench: install catalogs $(BENCH_DBS)
	$(PY) bench/run.py

## Load test: gunicorn (deploy/gunicorn.conf.py) and nginx (deploy/nginx/) under wrk, into
## bench/RESULTS.md; needs wrk, nginx, curl, openssl. BENCH_DATABASE_URL adds PostgreSQL.
load: install catalogs bench/data/portal-1000.db
	bench/load.sh
