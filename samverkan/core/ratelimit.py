"""Fixed-window rate limits kept in the shared cache, for anything that sends email."""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt by `identity` in `scope`; False once `limit` is passed in the window."""
    digest = hashlib.sha256(f"{scope}:{identity.lower()}".encode()).hexdigest()[:32]
    key = f"rl:{digest}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
    return count <= limit
