"""Topic keys: the streams a person can follow, written as short strings.

Every happening is tagged with the topics it belongs to, and every subscription lists the
topics followed; a subscriber is told of a happening when the two share a topic. Keys are
plain strings so that one indexed join finds the happenings of any subscriber, whatever kind
of thing the topic is:

    theme:<slug>            a theme of collaboration (collaboration_map.Theme)
    district:<slug>         a district (organisations.District)
    body:<pk>               a council, network or working group (meetings.Body)
    department:<pk>         a municipal department or company (organisations.Organisation)
    consultation:<pk>       one consultation
    watchitem:<pk>          one watch-list item
"""

from __future__ import annotations

from typing import Any


def theme(theme: Any) -> str:
    return f"theme:{theme.slug}"


def district(district: Any) -> str:
    return f"district:{district.slug}"


def body(body: Any) -> str:
    return f"body:{body.pk}"


def department(organisation: Any) -> str:
    return f"department:{organisation.pk}"


def consultation(consultation: Any) -> str:
    return f"consultation:{consultation.pk}"


def watch_item(item: Any) -> str:
    return f"watchitem:{item.pk}"


# --- Reading keys back: which exist, what they are called ---------------------------------------

THEME, DISTRICT, BODY, DEPARTMENT, CONSULTATION, WATCH_ITEM = (
    "theme",
    "district",
    "body",
    "department",
    "consultation",
    "watchitem",
)
#: The kinds offered as checkboxes on the subscribe page, in the order shown.
LISTED_KINDS = (THEME, DISTRICT, BODY, DEPARTMENT)
#: Single items, followed from their own page ("Följ den här remissen").
ITEM_KINDS = (CONSULTATION, WATCH_ITEM)
ALL_KINDS = LISTED_KINDS + ITEM_KINDS
_BY_PK = {BODY, DEPARTMENT, CONSULTATION, WATCH_ITEM}


def split(key: str) -> tuple[str, str] | None:
    """``("body", "3")`` for ``"body:3"``; None for a key of no known kind or shape."""
    kind, sep, value = (key or "").partition(":")
    # A NUL byte cannot be looked up in PostgreSQL (and names nothing).
    if not sep or kind not in ALL_KINDS or not value or len(key) > 100 or "\x00" in value:
        return None
    if kind in _BY_PK and not (value.isascii() and value.isdigit() and len(value) < 12):
        return None
    return kind, value


def _queryset(kind: str):
    """The public objects that may be followed, of one kind; None if that app is absent."""
    from django.apps import apps

    if kind == THEME:
        return apps.get_model("collaboration_map", "Theme").objects.all()
    if kind == DISTRICT:
        return apps.get_model("organisations", "District").objects.all()
    if kind == BODY:
        return apps.get_model("meetings", "Body").objects.all()
    if kind == DEPARTMENT:
        from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation

        return Organisation.objects.filter(kind__in=MUNICIPAL_KINDS)
    try:
        if kind == CONSULTATION:
            return apps.get_model("consultations", "Consultation").objects.exclude(state="draft")
        if kind == WATCH_ITEM:
            return apps.get_model("watchlist", "WatchItem").objects.all()
    except LookupError:
        return None
    return None


def _key(kind: str, obj: Any) -> str:
    return f"{kind}:{obj.slug}" if kind in (THEME, DISTRICT) else f"{kind}:{obj.pk}"


def labels(keys: list[str] | tuple[str, ...] | set[str]) -> dict[str, str]:
    """The keys among ``keys`` that name something that exists and may be followed, with the
    name to show. One query per kind present; unknown keys are left out."""
    wanted: dict[str, set[str]] = {}
    for key in keys:
        parts = split(key)
        if parts:
            wanted.setdefault(parts[0], set()).add(parts[1])
    found: dict[str, str] = {}
    for kind, values in wanted.items():
        queryset = _queryset(kind)
        if queryset is None:
            continue
        if kind in (THEME, DISTRICT):
            queryset = queryset.filter(slug__in=values)
        else:
            queryset = queryset.filter(pk__in=[int(v) for v in values])
        for obj in queryset:
            found[_key(kind, obj)] = str(obj)
    return {key: found[key] for key in keys if key in found}


def obj_for(key: str) -> Any | None:
    """The object a key names, or None when it does not exist or may not be followed."""
    parts = split(key)
    if parts is None:
        return None
    kind, value = parts
    queryset = _queryset(kind)
    if queryset is None:
        return None
    if kind in (THEME, DISTRICT):
        return queryset.filter(slug=value).first()
    return queryset.filter(pk=int(value)).first()


def listed_choices() -> dict[str, list[tuple[str, str]]]:
    """Every theme, district, body and department, as (key, name) per kind, for checkboxes."""
    from samverkan.core.swedish import sort_key

    choices: dict[str, list[tuple[str, str]]] = {}
    for kind in LISTED_KINDS:
        queryset = _queryset(kind)
        rows = [(_key(kind, obj), str(obj)) for obj in queryset] if queryset is not None else []
        choices[kind] = sorted(rows, key=lambda row: sort_key(row[1]))
    return choices
