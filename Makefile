# Build and test the course. `make book` and `make test` do all set-up on a fresh Debian machine.
# Targets: book (site + PDFs), html (site only), pdf, test, test-fast, serve, benchmark, clean.
# The layout and the data that flows between the steps: ARCHITECTURE.md.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
JB     := $(VENV)/bin/jupyter-book
STAMP  := $(VENV)/.requirements-installed
JBFLAGS := -W -n --keep-going
# Front-end assets from npm (package.json, pinned with integrity hashes in package-lock.json):
# the in-browser Python runtime (pyodide). `npm ci` installs exactly the lock file; the build copies
# the few files it needs into the site (course/sphinxext/runtime.py).
NPM_STAMP := node_modules/.installed

.PHONY: book html pdf test test-fast serve benchmark clean system system-test readability

book: html pdf
	@echo ""
	@echo "Klaar."
	@echo "  Website:  _build/html/index.html   (open in je browser, of: make serve)"
	@echo "  Handboek: _build/pdf/handboek.pdf"
	@echo "  Voor trainers: _build/pdf/trainershandleiding.pdf en _build/pdf/werkbladen.pdf (losse bladen in _build/pdf/werkbladen/)"

# Python environment: rebuilt when requirements.txt changes.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 of nieuwer is nodig.")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@bash tools/system-deps.sh build
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

system:
	@bash tools/system-deps.sh build

system-test:
	@bash tools/system-deps.sh test

# A page edit re-runs no notebook; a change to exercises/cursus/ re-runs them all
# (course/sphinxext/notebooks.py).
html: $(STAMP) $(NPM_STAMP)
	$(JB) build . $(JBFLAGS)

# The print editions are made from the built site (tools/printbook).
pdf: html system
	$(PY) -m tools.printbook

test: $(STAMP) system-test book
	$(PY) -m pytest

# The inner loop: every test that needs no full build (small test books, helpers, data).
test-fast: $(STAMP)
	$(PY) -m pytest -m "not built and not browser"

serve: html
	@echo "De website staat op http://127.0.0.1:8000/ (stoppen: Ctrl+C)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

benchmark: $(STAMP) system-test
	$(PY) -m tools.benchmark

clean:
	rm -rf _build

# Readability per page (Flesch-Douma, average sentence length, sentences over 25 words);
# also written to _build/reports/leesbaarheid.txt. The quality gates run in `make test`.
readability: $(STAMP)
	@$(PY) -m tools.quality.readability
