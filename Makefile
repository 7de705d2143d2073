# Developer shortcuts. The README's two commands need nothing but Python and pip.
.PHONY: demo test check lint format messages

demo:
	pip install -e . && samverkan demo

test:
	pip install -e ".[test]" && python -m pytest

lint:
	ruff check .
	ruff format --check .

format:
	ruff format .
	ruff check --fix .

# Extract new strings into each app's Swedish catalogue, then compile after translating.
messages:
	for app in samverkan/*/; do \
		if [ -d "$$app/locale" ]; then (cd $$app && django-admin makemessages -l sv --no-obsolete); fi; \
	done

compile:
	for app in samverkan/*/; do \
		if [ -d "$$app/locale" ]; then (cd $$app && django-admin compilemessages -l sv); fi; \
	done

check: lint
	DJANGO_SETTINGS_MODULE=config.settings.test python -m django makemigrations --check --dry-run
	python -m pytest
