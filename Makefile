# Set-up is idempotent: .venv is created once, torch (CPU build) first, then the
# project with its pinned versions; the stamp is redone only when pyproject changes.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := chromium libreoffice-writer-nogui poppler-utils tesseract-ocr tesseract-ocr-vie fonts-liberation2

.PHONY: setup test-tools run lint test index clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# System tools: headless Chromium (end-to-end tests), LibreOffice (reading Word 97 .doc),
# Tesseract with Vietnamese data (reading scanned PDFs). Installed when missing and when
# we may (root + apt); otherwise those features refuse with a message naming the package
# and their tests skip with that reason.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v libreoffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr tesseract-ocr-vie"; \
	if command -v tesseract >/dev/null && ! tesseract --list-langs 2>/dev/null | grep -qx vie; then missing="$$missing tesseract-ocr-vie"; fi; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing:$$missing fonts-liberation2"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing fonts-liberation2 >/dev/null) \
	    || echo "warning: could not install$$missing; those tests will be skipped"; \
	fi
	@if [ -f tests/e2e/package.json ] && [ ! -d tests/e2e/node_modules ] && command -v npm >/dev/null; then \
	  (cd tests/e2e && npm install --silent --no-audit --no-fund) || echo "warning: npm install failed; browser test will be skipped"; \
	fi

run: setup
	$(BIN)/cchc index corpus
	$(BIN)/streamlit run app.py --server.headless true --server.address 127.0.0.1 --server.port 8501 --browser.gatherUsageStats false --client.toolbarMode viewer

# Lint: ruff (imports, pyflakes, docstrings, annotations) and mypy over the packages;
# both configured in pyproject.toml; `make test` runs them before the tests.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint test-tools
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .cchc
