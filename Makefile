# One command to try Forsa, one to test it. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench corpus clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## the console on the demo catalog, no credentials needed
	$(BIN)/python -m bot chat --demo --db data/demo.db

test: $(STAMP)  ## lint, type-check the core, then every test
	$(BIN)/ruff check .
	$(BIN)/mypy handlers store
	$(BIN)/pytest -q

bench: $(STAMP)  ## benchmarks: print figures, assert nothing
	$(BIN)/python bench/qa.py

corpus: $(STAMP)  ## render the corpus to DOCX and PDF, then score the extractor on it
	$(BIN)/python -m tests.corpus.render build/corpus
	$(BIN)/python -m bot corpus score build/corpus --seeds ../shared/seeds

clean:
	rm -rf $(VENV) data/demo.db* build/corpus
