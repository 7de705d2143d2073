"""Small helpers for responses."""

from django.http import HttpResponse

# For pages reached through a personal emailed link: never cached, never indexed. The site's
# Referrer-Policy (same-origin) stays: with no-referrer, browsers send "Origin: null" with the
# page's forms, and CSRF protection rightly refuses them.
PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}


def private(response: HttpResponse) -> HttpResponse:
    """Mark a response as personal: not stored by any cache, not indexed by search engines."""
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response
