"""Pagination links that cost the same on page 1 of 3 as on page 1 of 800.

Usage::

    {% load pages %}
    {% for number in page|page_numbers %}…{% endfor %}
"""

from __future__ import annotations

from django import template
from django.core.paginator import Page

register = template.Library()

#: Pages linked on each side of the current one.
WINDOW = 2


@register.filter
def page_numbers(page: Page) -> list[int]:
    """The page numbers to link: the first, the last and those near the current page."""
    last = page.paginator.num_pages
    near = range(max(1, page.number - WINDOW), min(last, page.number + WINDOW) + 1)
    return sorted({1, last, *near})
