# fairsite: `make run` serves the site, `make test` runs the suite. Both work on a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
FONTS := node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2 \
         node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2 \
         node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2 \
         node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2 \
         node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf \
         node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po locale/allauth/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: install run test test-at bench static messages makemessages migrate lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

static: static/vendor/.copied

static/vendor/.copied: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor/fonts static/vendor/js static/vendor/data
	mkdir -p static/vendor/flags
	cp $(FONTS) static/vendor/fonts/
	cp node_modules/jsqr/dist/jsQR.js static/vendor/js/
	cp node_modules/world-atlas/countries-110m.json static/vendor/data/
	cp node_modules/flag-icons/LICENSE $(patsubst %,node_modules/flag-icons/flags/4x3/%.svg,ma fr sn ci mr cm) static/vendor/flags/
	touch $@

messages: $(MO_FILES)

%.mo: %.po
	msgfmt --check-format -o $@ $<

makemessages: install
	$(PY) manage.py makemessages --locale ar --locale fr --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*" --no-obsolete

migrate: install messages
	mkdir -p var
	$(PY) manage.py migrate --noinput

run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install static messages migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver --periodic $(HOST):$(PORT)

test: install messages static
	$(PY) -m pytest tests --ignore=tests/bench $(PYTEST_ARGS)

# The suite at another hour of the fair's clock, e.g. `make test-at HOUR=08:30`.
test-at: install messages static
	TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME="$$($(PY) tests/clock_at.py $(HOUR))" \
	  LD_PRELOAD="$$($(PY) tests/clock_at.py --library)" \
	  $(PY) -m pytest tests --ignore=tests/bench $(PYTEST_ARGS)

bench: install messages static
	$(PY) -m pytest tests/bench -p no:randomly -s $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var node_modules static/vendor $(MO_FILES)
