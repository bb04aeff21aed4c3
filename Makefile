# Set-up is idempotent: .venv is created once, torch (CPU build) first, then the
# project with its pinned versions; the stamp is redone only when pyproject changes.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test index clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/cchc index corpus
	$(BIN)/streamlit run app.py --server.headless true --server.address 127.0.0.1 --server.port 8501

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .cchc
