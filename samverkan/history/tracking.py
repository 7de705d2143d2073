"""Recording changes to official records through model signals.

Which models are official records is listed in ``TRACKED``. Each instance remembers its field
values when it is loaded or saved (``post_init``: a copy of its ``__dict__``, cheap), and every
``save()`` and ``delete()`` writes a ``ChangeRecord`` with the fields that differ, in the same
transaction as the change. Who made it comes from the request being served
(``HistoryMiddleware``) or names the management command (``acting_as``). ``QuerySet.update()``
and ``bulk_create()`` send no signals: services that change official records save instances.
"""

from __future__ import annotations

import contextvars
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpRequest, HttpResponse

TRACKED = (
    "organisations.Organisation",
    "organisations.Agreement",
    "organisations.Signature",
    "organisations.ExclusionCase",
    "meetings.Meeting",
    "meetings.AgendaItem",
    "meetings.Decision",
    "meetings.ActionItem",
    "consultations.Consultation",
    "consultations.ConsultationResponse",
    "inquiries.Inquiry",
)
#: Fields that only follow others (sort keys, search text) or the clock.
IGNORED_FIELDS = frozenset({"updated_at", "name_sort", "title_sort", "search_document"})

_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "history_request", default=None
)
_label: contextvars.ContextVar[str] = contextvars.ContextVar("history_label", default="")


def tracked_models() -> list[type[models.Model]]:
    return [apps.get_model(name) for name in TRACKED]


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in IGNORED_FIELDS and not getattr(field, "auto_now", False)
    ]


def _plain(value: Any) -> Any:
    """The value as JSON keeps it (dates as ISO text, files by name)."""
    if isinstance(value, models.fields.files.FieldFile):
        value = value.name or ""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _remember(sender, instance, **kwargs) -> None:
    instance._history_before = instance.__dict__.copy()


def _actor() -> tuple[Any, str]:
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and user.is_authenticated:
        return user, (getattr(user, "display_name", "") or user.get_username())[:200]
    label = _label.get()
    if label:
        return None, label[:200]
    if request is not None:
        return None, "anonymous visitor"
    return None, command_label()


def _name(instance: models.Model) -> str:
    """A name for the record without a query (``str()`` may follow foreign keys)."""
    for attribute in ("reference", "title", "name", "subject"):
        value = instance.__dict__.get(attribute)
        if value:
            return str(value)
    return f"{instance._meta.verbose_name} {instance.pk}"


def _record(instance: models.Model, action: str, changes: dict) -> None:
    from django.contrib.contenttypes.models import ContentType

    from samverkan.history.models import ChangeRecord

    actor, label = _actor()
    ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=_name(instance)[:200],
        action=action,
        changes=changes,
        actor=actor,
        actor_label=label,
    )


def _saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures or a backup: not a change
        return
    before = getattr(instance, "_history_before", {})
    changes = {}
    for field in _fields(sender):
        name = field.attname
        if name not in instance.__dict__:  # deferred and not loaded
            continue
        after = _plain(instance.__dict__[name])
        if created:
            if after not in (None, "", [], {}):
                changes[field.name] = [None, after]
        elif name in before:
            old = _plain(before[name])
            if old != after:
                changes[field.name] = [old, after]
    if created or changes:
        _record(instance, "created" if created else "changed", changes)
    instance._history_before = instance.__dict__.copy()


def _deleted(sender, instance, **kwargs) -> None:
    changes = {
        field.name: [_plain(instance.__dict__[field.attname]), None]
        for field in _fields(sender)
        if field.attname in instance.__dict__
    }
    _record(instance, "deleted", changes)


def connect() -> None:
    for model in tracked_models():
        uid = f"history.{model._meta.label}"
        post_init.connect(_remember, sender=model, dispatch_uid=uid + ".init")
        post_save.connect(_saved, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid + ".delete")


@contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Name who makes the changes inside the block when no person does (a scheduled job)."""
    token = _label.set(label)
    try:
        yield
    finally:
        _label.reset(token)


def command_label() -> str:
    """'system: <command>' for the management command being run, else 'system'."""
    if len(sys.argv) > 1 and sys.argv[0].endswith(("manage.py", "samverkan", "__main__.py")):
        return f"system: {sys.argv[1]}"
    return "system"


class HistoryMiddleware:
    """Makes the request's user the author of the changes made while it is served."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
