# The two commands of the README. Both set up a fresh machine first (scripts/setup.sh is idempotent).
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: setup serve test lint build

setup:
	bash scripts/setup.sh

## Build the graph from data/sources, check it, and serve it on the embedded store (http://$(HOST):$(PORT)/).
serve: setup
	.venv/bin/fengong build
	.venv/bin/fengong validate
	.venv/bin/fengong serve --host $(HOST) --port $(PORT)

## Run the whole test suite (starts its own servers and browser).
test: setup
	.venv/bin/ruff check fengong tests benchmarks
	.venv/bin/python -m pytest -p no:cacheprovider

build: setup
	.venv/bin/fengong build
