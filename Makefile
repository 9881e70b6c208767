# Build and test the course. `make book` and `make test` do all set-up on a fresh Debian machine.
# Targets: book (site + PDFs + SCORM packages), html (site only), pdf, lms, test, test-fast, serve, benchmark, clean.
# The layout and the data that flows between the steps: ARCHITECTURE.md.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
JB     := $(VENV)/bin/jupyter-book
STAMP  := $(VENV)/.requirements-installed
JBFLAGS := -W -n --keep-going

.PHONY: book html pdf lms test test-fast serve benchmark clean system system-test readability lock

book: html pdf lms
	@echo ""
	@echo "Klaar."
	@echo "  Website:  _build/html/index.html   (open in je browser, of: make serve)"
	@echo "  Handboek: _build/pdf/handboek.pdf en _build/epub/handboek.epub (voor e-readers)"
	@echo "  Voor trainers: _build/pdf/trainershandleiding.pdf en _build/pdf/werkbladen.pdf (losse bladen in _build/pdf/werkbladen/)"
	@echo "  Workshopmateriaal per draaiboek (draaiboek, presentatie, printpakket, hand-out, formulieren, uitnodiging):"
	@for d in _build/workshop/*/; do echo "    $$d"; done
	@echo "    ook als zip op de website: _build/html/downloads/workshop-<draaiboek>.zip"
	@echo "  Voor organisaties (leeromgeving): _build/lms/*-scorm12.zip en _build/lms/*-scorm2004.zip"
	@echo "    met _build/pdf/handleiding-leeromgeving.pdf en _build/pdf/accreditatiedossier.pdf"

# Python environment: rebuilt when the lock changes. Every file is checked against its sha256 hash.
$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 of nieuwer is nodig.")'
	$(PYTHON) -m venv $(VENV)
	@# pip itself first, from its own lines of the lock (hash-checked): older pips (23.2.1 comes with
	@# Python 3.11.7's venv) resolve a package asked for with an extra, such as fonttools[woff], to the
	@# newest release on the index and then refuse it under --require-hashes.
	sed -n '/^pip==/,/[^\\]$$/p' requirements.lock > $(VENV)/pip.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(VENV)/pip.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

# Compile requirements.txt into requirements.lock with hashes (needs the network to PyPI).
PIPTOOLS := _build/.pip-tools
lock:
	$(PYTHON) -m venv $(PIPTOOLS)
	$(PIPTOOLS)/bin/pip install --quiet pip-tools==7.6.2
	$(PIPTOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple \
	  --output-file requirements.lock requirements.txt

system:
	@bash tools/system-deps.sh build

system-test:
	@bash tools/system-deps.sh test

# Front-end assets and Node tools from npm, exactly as package-lock.json pins them (Pyodide for the
# in-browser notebooks, reveal.js for the workshop decks, DAISY Ace for the EPUB check); Node and npm come from Debian.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@bash tools/system-deps.sh build
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# A page edit re-runs no notebook; a change to exercises/cursus/ re-runs them all
# (course/sphinxext/notebooks.py).
html: $(STAMP) $(NODE_STAMP)
	$(JB) build . $(JBFLAGS)

# The print editions (PDFs, the EPUB) and the workshop kit are made from the built site (tools/printbook).
pdf: html system
	$(PY) -m tools.printbook

# The SCORM packages for an organisation's LMS (1.2 and 2004 4th edition), made from the built site
# after the print editions (their downloads are inside); also copied into the site's downloads/.
lms: pdf
	$(PY) -m tools.lms

# The whole suite on every core (pytest-xdist): one group of tests per process at a time, a group
# being a test file or a part of one (tests/conftest.py; test_pages splits its page visits).
test: $(STAMP) $(NODE_STAMP) system-test book
	$(PY) -m pytest -n auto --dist loadgroup

# The linters, as configured in ruff.toml and eslint.config.mjs (0 findings; tests/test_lint.py runs
# them inside `make test-fast` and `make test` too).
lint: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/ruff check .
	node_modules/.bin/eslint .

# The inner loop: every test that needs no full build and builds no test book (helpers, data,
# the quality gates' checkers; they need hunspell, Java and npm's vnu-jar). `make test` runs them all.
test-fast: $(STAMP) $(NODE_STAMP) system-test
	$(PY) -m pytest -n auto --dist loadgroup -m "not built and not browser and not slow"

serve: html
	@echo "De website staat op http://127.0.0.1:8000/ (stoppen: Ctrl+C)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# `make benchmark TESTS=1` also runs the suite as `make test` does and prints its ten slowest items.
benchmark: $(STAMP) $(NODE_STAMP) system-test
	$(PY) -m tools.benchmark $(if $(TESTS),--tests)

clean:
	rm -rf _build

# Readability per page (Flesch-Douma, average sentence length, sentences over 25 words);
# also written to _build/reports/leesbaarheid.txt. The quality gates run in `make test`.
readability: $(STAMP)
	@$(PY) -m tools.quality.readability
