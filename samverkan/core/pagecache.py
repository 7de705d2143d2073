"""Whole pages cached for anonymous visitors, invalidated by any write to the database.

Correctness comes first: a cached page is never older than the data it was made from.

- **Generation.** Every cached page is stored under the current *generation*, a random token in
  the ``pages`` cache. Any statement that writes to the database (``INSERT``, ``UPDATE``,
  ``DELETE``, … — seen by an execute wrapper on every connection, so ``QuerySet.update()``, raw
  SQL and management commands in other processes count too) replaces the token when its
  transaction commits; from then on every earlier page is unreachable and expires on its own.
  The generation is read *before* a page is rendered, so a page rendered while a write commits
  is stored under the old token and never served. Tables that no page shows (sessions, the
  cache, the email outbox) do not count.
- **Only what is the same for everyone.** ``GET`` requests without a session or messages
  cookie; the key holds scheme, host, path with query string and language. A response is kept
  only when it is 200 or 404, sets no cookie, used no CSRF token (a form's token belongs to one
  visitor), and is not marked private or ``no-store``.
- **The clock.** Pages that change by time alone (a meeting passing from upcoming to held, a
  consultation's reply-by day passing) are kept at most ``PAGE_CACHE_SECONDS`` (60 s).

The ``pages`` cache is a folder of files by default, shared by the workers of one machine;
several machines share it by pointing the ``pages`` cache at one store (see docs/scaling.md).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from samverkan.core.middleware import chosen_language

GENERATION_KEY = "page-generation"
T = TypeVar("T")
# Tables whose changes no cached page shows.
IGNORED_TABLES = frozenset(
    {"django_session", "samverkan_cache", "outbox_outboundemail", "outbox_outboundattachment"}
)
_WRITE_WORDS = frozenset(
    {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE", "COPY"}
)
_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE)
_FIRST_WORD = re.compile(r"^\s*(\w+)")


def _cache():
    return caches["pages"]


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE", False))


# ---------------------------------------------------------------------------------------------
# Invalidation
# ---------------------------------------------------------------------------------------------


def is_write(sql: str) -> bool:
    """Whether a statement may change what a page shows."""
    match = _FIRST_WORD.match(sql)
    if not match:
        return False
    word = match.group(1).upper()
    if word == "WITH":  # a common table expression: a write only if it holds one
        return bool(re.search(r"\b(INSERT|UPDATE|DELETE)\b", sql, re.IGNORECASE))
    if word not in _WRITE_WORDS:
        return False
    table = _TABLE.match(sql)
    return not (table and table.group(1).lower() in IGNORED_TABLES)


def bump() -> None:
    """Make every cached page unreachable."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def _pending(connection) -> bool:
    """Whether a bump already waits for this transaction's commit and cannot be dropped
    without this write being rolled back too (it was registered outside every savepoint that
    is open now, or in one of them)."""
    current = set(connection.savepoint_ids)
    return any(
        func is bump and set(savepoints) <= current
        for savepoints, func, *_ in connection.run_on_commit
    )


def watch_writes(execute, sql, params, many, context):
    """Execute wrapper: after a write, bump the generation once the transaction commits."""
    result = execute(sql, params, many, context)
    if enabled() and isinstance(sql, str) and is_write(sql):
        connection = context["connection"]
        if connection.in_atomic_block:
            if not _pending(connection):
                transaction.on_commit(bump, using=connection.alias)
        else:
            bump()
    return result


def install_on(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: watch every connection's writes."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


# ---------------------------------------------------------------------------------------------
# Reading and storing pages
# ---------------------------------------------------------------------------------------------


def _generation() -> str:
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY) or generation
    return generation


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or "HX-Request" in request.headers:
        return False
    cookies = request.COOKIES
    return not (settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies)


def page_key(request: HttpRequest, generation: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}|{chosen_language(request)}"
    return f"page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code not in (200, 404) or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not ("private" in cache_control or "no-store" in cache_control)


def fragment(name: str, parts: tuple[str, ...], build: Callable[[], T]) -> T:
    """A piece of a page, or a whole answer, that is the same for every visitor (a logged-in
    one too), kept under the current generation like whole pages: ``build()`` is called only
    when it is not kept. ``parts`` must name everything the piece depends on besides the data
    and the language (filters, …)."""
    if not enabled():
        return build()
    address = "|".join((name, translation.get_language() or "", *parts))
    key = f"fragment:{_generation()}:{hashlib.sha256(address.encode()).hexdigest()}"
    cache = _cache()
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
    return kept


class PageCacheMiddleware:
    """Serve anonymous ``GET`` pages from the ``pages`` cache; see the module's docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (enabled() and _cacheable_request(request)):
            return self.get_response(request)
        key = page_key(request, _generation())
        if key is None:
            return self.get_response(request)
        stored = _cache().get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = [(name, value) for name, value in response.items()]
            _cache().set(
                key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS
            )
        return response
