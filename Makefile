# kzlib — `make run` runs the whole study on the bundled corpus; `make test` runs the tests.
# Both set up what they need from nothing: a virtual environment in .venv with the exact versions
# of requirements.lock (the versions behind the reported results) and kzlib installed in it.

# .venv is made with PYTHON when given (make PYTHON=/path/to/python3.11), else with the fastest Python 3.11 of
# this machine: scripts/find_python.py (an optimised build runs kzlib 15-20 % faster than a plain source build)
PYTHON ?=
PICK    = $(if $(PYTHON),$(PYTHON),$$(python3 scripts/find_python.py))
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kzlib-installed
OUT    ?=

.PHONY: help install run test test-fast lint lab html notebooks lock bench clean-venv

help:
	@echo "make run        set up .venv and run the whole study on the bundled corpus (outputs/run-<time>/)"
	@echo "make test       set up .venv and run the tests (unit, doctests, notebooks with nbval, end to end, offline) on WORKERS=2 processes"
	@echo "make test-fast  the tests not marked slow (under a minute): while you work"
	@echo "make lint       ruff and mypy on kzlib/ (configured in pyproject.toml)"
	@echo "make lab        JupyterLab on notebooks/ with the project's kernel"
	@echo "make html       render the committed notebooks to outputs/html/"
	@echo "make notebooks  re-execute the committed notebooks in place (after changing one)"
	@echo "make bench      benchmarks at 1k/10k/100k documents, pandas and Dask (~40 min) -> outputs/bench/"
	@echo "make lock       re-resolve the dependencies and rewrite requirements.lock"

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || { py=$(PICK); \
	  $$py -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kzlib needs Python 3.11 or newer")' && \
	  $$py -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kz run $(if $(OUT),--out $(OUT))

# the tests run on WORKERS processes (pytest-xdist; WORKERS=0: in one process); tests/conftest.py groups them
# into work units (a notebook's cells, the tests reading the default run, each file's other tests, each slow test)
# and starts the long units first. --durations lists the slowest tests at the end of make test.
WORKERS  ?= 2
PARALLEL := -n $(WORKERS) --dist loadgroup --no-loadscope-reorder

test: $(STAMP)
	$(BIN)/ruff check kzlib tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest tests kzlib notebooks --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider $(PARALLEL) --durations=15

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests kzlib -m "not slow" -p no:cacheprovider $(PARALLEL)

lint: $(STAMP)
	$(BIN)/ruff check kzlib tests scripts benchmarks
	$(BIN)/mypy

lab: $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name kzlib --display-name "kzlib (project venv)"
	$(BIN)/jupyter lab notebooks/

html: $(STAMP)
	$(BIN)/kz html --out outputs/html

notebooks: $(STAMP)
	$(BIN)/python scripts/refresh_notebooks.py    # cells from notebooks/NN_name.py, outputs into the .ipynb

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lock:
	rm -rf .venv-lock && py=$(PICK) && $$py -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e '.[dev]'
	( echo "# Exact versions behind the reported results (Python 3.11, Linux x86_64). Made by 'make lock'."; \
	  .venv-lock/bin/python -m pip freeze --exclude-editable ) > requirements.lock
	rm -rf .venv-lock

clean-venv:
	rm -rf $(VENV)
