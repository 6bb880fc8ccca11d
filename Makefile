# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Both install from requirements.lock (every dependency pinned with its hashes); `make lock`
# refreshes it after a change to pyproject.toml's dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
UV_VERSION := 0.13.9
LOCK_TOOLS := $(VENV)-lock

.PHONY: run test lint typecheck bench lock clean

# The machine's own pip installs the pins as they are: no pip upgrade, no resolver, no surprises.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mou-alert run $(if $(CONFIG),--config $(CONFIG))

test: $(STAMP) lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

bench: $(STAMP)
	$(BIN)/python bench/extract.py

# Re-resolve every direct and transitive dependency (for Python 3.11+, any platform) and pin it
# with hashes. Run after editing dependencies in pyproject.toml, or to take new releases on
# purpose; then run `make test` and commit both files.
lock:
	test -x $(LOCK_TOOLS)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOLS) && \
	  $(LOCK_TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	$(LOCK_TOOLS)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
	  --python-version 3.11 --quiet -o requirements.lock

clean:
	rm -rf $(VENV) $(LOCK_TOOLS) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
