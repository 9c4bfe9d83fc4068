# argmap — the two set-up commands are `make demo` and `make test`; both create the
# virtual environment and install what they need, Graphviz's `dot` included where possible.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# Every pip call, the build of argmap itself included, takes exact versions from the lock file.
# Twice quiet: errors only, not the warnings of a machine's own pip configuration.
PIP := PIP_CONSTRAINT=$(CURDIR)/$(LOCK) $(BIN)/pip --quiet --quiet

.DEFAULT_GOAL := help

.PHONY: help demo test install-check docs bench check clean graphviz browser office lock test-latest

help: ## list the targets
	@echo "argmap — make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install pip
	$(PIP) install -e '.[dev]'
	touch $(STAMP)

graphviz: ## install the system Graphviz (dot) when it is missing
	@bash scripts/ensure-graphviz.sh

browser: ## install Debian's chromium for the browser tests when it is missing
	@bash scripts/ensure-chromium.sh

office: ## install LibreOffice (writer, no GUI) and poppler-utils for the Word and print tests when missing
	@bash scripts/ensure-libreoffice.sh

demo: $(STAMP) graphviz ## set up, then build the site for maps/ into build/
	$(BIN)/argmap build -o build
	@echo "open $(CURDIR)/build/index.html"

test: $(STAMP) graphviz browser office install-check ## set up, then run the whole test suite
	$(BIN)/argmap check --strict maps/
	@# import-linter's summary line when every contract is kept, its whole report otherwise
	@report=$$($(BIN)/lint-imports --no-logo 2>&1) && echo "lint-imports: $${report##*$$'\n'}" \
		|| { echo "$$report"; exit 1; }
	$(BIN)/python -m pytest
	$(BIN)/mkdocs build --strict --quiet

install-check: $(STAMP) graphviz ## pip install argmap as the README says (no dev extras) in a clean environment, run it there
	@$(BIN)/python scripts/install_check.py

docs: $(STAMP) ## build the documentation site into site/ (mkdocs, from mkdocs.yml and docs/)
	$(BIN)/mkdocs build --strict
	@echo "open $(CURDIR)/site/index.html"

bench: $(STAMP) graphviz ## benchmarks: check, render, eval and import timings on generated files
	$(BIN)/python bench/run.py

check: $(STAMP) ## argmap check --strict over maps/
	$(BIN)/argmap check --strict maps/

lock: ## refresh requirements.lock: newest versions that pyproject.toml allows (then run make test)
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade pip setuptools wheel
	.venv-lock/bin/pip install --quiet '.[dev]'
	{ echo "# Exact versions of every Python package argmap installs (runtime, test and build),"; \
	  echo "# used as pip constraints by the Makefile. Refresh deliberately: make lock, then make test."; \
	  .venv-lock/bin/pip freeze --all --exclude argmap | LC_ALL=C sort -f; } > $(LOCK)
	rm -rf .venv-lock
	@echo "wrote $(LOCK); run 'make test', then commit it"

test-latest: graphviz browser office ## the whole suite against the newest versions pyproject.toml allows (drift check)
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install --quiet --upgrade pip setuptools wheel
	.venv-latest/bin/pip install --quiet --upgrade -e '.[dev]'
	@echo "newer than requirements.lock (< locked, > newest):"
	@diff <(grep -v '^#' $(LOCK) | LC_ALL=C sort -f) <(.venv-latest/bin/pip freeze --all --exclude argmap | LC_ALL=C sort -f) || true
	.venv-latest/bin/argmap check --strict maps/
	.venv-latest/bin/lint-imports
	.venv-latest/bin/python -m pytest -p no:cacheprovider
	.venv-latest/bin/mkdocs build --strict --quiet --site-dir .venv-latest/site

clean: ## remove the virtual environment, build output and the documentation site
	rm -rf $(VENV) .venv-latest .venv-lock build site bench/out
