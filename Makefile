# Pickdesk: the two commands a fresh machine needs are `make run` and `make test`.
# Both create .venv, install the project and the system libraries Qt needs, then run.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.pickdesk-installed

.PHONY: run test system-deps bench lint clean screenshots translations

# The install filters one message: setuptools' notice on every editable install of a flat layout
# (an InformationOnly "Editable installation."), which asks nothing of us. pip runs at -qq: errors
# still print, warnings about a machine's own pip configuration (an extra index folder that does not
# exist, say) do not.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (the first time only: a few minutes)…"
	@bash scripts/system-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip
	@PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install -qq -e '.[test]'
	@touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

# Quiet: on an installed tree `make run` prints nothing but the app's own output.
run: $(STAMP)
	@$(BIN)/pickdesk $(ARGS)

# One worker per core, a test file per worker: every database a test makes has its own random name,
# so workers never share one. PYTEST_ARGS='-n 0' runs in one process (for a debugger).
test: $(STAMP)
	bash scripts/ensure-postgres.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/lint-imports

# After changing visible strings: bring them into the .ts files, translate, compile the .qm files.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py release
	$(BIN)/python scripts/translations.py check

# The PyInstaller bundle (build.spec), built into a temporary folder and started offscreen: minutes.
BUNDLE_STAMP := $(VENV)/.pickdesk-bundle-installed
.PHONY: test-bundle
$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

test-bundle: $(BUNDLE_STAMP)
	$(BIN)/python -m pytest -m bundle tests/bundle $(PYTEST_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info
