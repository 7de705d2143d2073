"""Template filters and tags for dates and times in the current language.

Usage::

    {% load swedish %}
    {{ event.start|sv_date }}                  13 september 2023
    {{ event.start|sv_date:"weekday" }}        onsdag 13 september 2023
    {{ event.start|sv_date:"weekday,noyear" }} onsdag 13 september
    {{ event.start|sv_time_range:event.end }}  kl. 16–18
    {{ event.start|sv_when }}                  onsdag 13 september 2023, kl. 16
    {{ event.start|sv_when:event.end }}        onsdag 13 september 2023, kl. 16–18
    {% when event.start event.end all_day=event.all_day %}
"""

from __future__ import annotations

from datetime import date, datetime, time

from django import template
from django.utils import timezone

from samverkan.core.swedish import format_date, format_time_range, format_when

register = template.Library()


def _as_time(value: object) -> time | None:
    """Return the local time of day of a time or datetime; None for anything else."""
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).time()
    if isinstance(value, time):
        return value
    return None


@register.filter
def sv_date(value: object, options: str = "") -> str:
    """Format a date or datetime; options "weekday" and/or "noyear", comma-separated."""
    if not isinstance(value, date):
        return ""
    chosen = {option.strip() for option in str(options).split(",")}
    return format_date(value, weekday="weekday" in chosen, year="noyear" not in chosen)


@register.filter
def sv_time_range(start: object, end: object = None) -> str:
    """Format the time range from ``start`` to ``end`` (times or datetimes)."""
    return format_time_range(_as_time(start), _as_time(end))


@register.filter
def sv_when(start: object, end: object = None) -> str:
    """Describe when something happens, from a start datetime and an optional end."""
    if not isinstance(start, date):
        return ""
    return format_when(start, end if isinstance(end, date) else None)


@register.simple_tag(name="when")
def when_tag(start: object, end: object = None, all_day: bool = False) -> str:
    """``{% when start end all_day=False %}``: like ``sv_when`` with the all-day option."""
    if not isinstance(start, date):
        return ""
    return format_when(start, end if isinstance(end, date) else None, all_day=bool(all_day))
