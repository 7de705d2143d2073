"""Root pytest configuration: the project's fixtures live in samverkan.core.testing."""

pytest_plugins = ["samverkan.core.testing"]
