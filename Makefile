# Two commands do everything on a fresh machine:
#   make run   - create .venv, install sidebyside, open the window on the demo
#   make test  - create .venv with the test extra, run every test headless
# Needs only Python >= 3.11 with venv. The offscreen Qt platform used by the
# tests needs no X libraries; `make run` on a desktop uses the system's X/Wayland.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test screenshot bench lint clean bundle bundle-check

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("sidebyside needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sidebyside $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen SIDEBYSIDE_DATA_DIR=$$(mktemp -d) XDG_CONFIG_HOME=$$(mktemp -d) $(BIN)/sidebyside --screenshot docs/screenshot.png --claim 2

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff mypy
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

# make bundle: a PyInstaller one-folder app in dist/sidebyside/ that runs without Python
# (packaging/pyinstaller/sidebyside.spec); make bundle-check runs it under `env -i`.
BUNDLE_STAMP := $(VENV)/.installed-bundle

$(BUNDLE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/sidebyside.spec

bundle-check: bundle
	sh packaging/pyinstaller/check-bundle.sh dist/sidebyside build/bundle-check

# make dist: the sdist and the wheel in dist/ (tests/packaging/test_wheel.py installs the
# wheel into a fresh venv with only its declared requirements and runs it).
.PHONY: dist
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .

clean:
	rm -rf $(VENV) build dist .pytest_cache
