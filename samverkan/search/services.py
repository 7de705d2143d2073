"""Writes to the search index. The index follows the sources by itself (see ``index``)."""

from samverkan.search import index


def index_rebuild() -> int:
    """Rebuild the whole index from every registered source. Returns the number of entries.

    ``seed_demo`` calls this last, after every app has loaded its demo data."""
    return index.rebuild()
