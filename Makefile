# Two commands do all set-up on a fresh machine (Python 3.11):
#   make demo   creates .venv if missing, installs newsbrief, briefs the bundled example story
#   make test   creates .venv if missing, installs newsbrief and the test tools, runs the tests
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

demo: $(STAMP)
	$(VENV)/bin/newsbrief brief examples/homs-2013

test: $(STAMP)
	bash scripts/setup-test-services.sh
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/quality.py
