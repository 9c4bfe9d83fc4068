# argmap — the two set-up commands are `make demo` and `make test`; both create the
# virtual environment and install what they need, Graphviz's `dot` included where possible.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help demo test bench check clean graphviz browser

help: ## list the targets
	@echo "argmap — make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

graphviz: ## install the system Graphviz (dot) when it is missing
	@bash scripts/ensure-graphviz.sh

browser: ## install Debian's chromium for the browser tests when it is missing
	@bash scripts/ensure-chromium.sh

demo: $(STAMP) graphviz ## set up, then build the site for maps/ into build/
	$(BIN)/argmap build -o build
	@echo "open $(CURDIR)/build/index.html"

test: $(STAMP) graphviz browser ## set up, then run the whole test suite
	$(BIN)/argmap check --strict maps/
	$(BIN)/python -m pytest

bench: $(STAMP) graphviz ## benchmarks: check, render and eval timings on generated maps
	$(BIN)/python bench/run.py

check: $(STAMP) ## argmap check --strict over maps/
	$(BIN)/argmap check --strict maps/

clean: ## remove the virtual environment and build output
	rm -rf $(VENV) build bench/out
