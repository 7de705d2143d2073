"""Template filters for En väg in.

``{{ value|duration_words }}``: a time span in words, as handling times are spoken of.
``{{ inquiry.reply_due_at|due }}``: when a first reply is due.
"""

from datetime import datetime, time, timedelta

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import ngettext

from samverkan.core.swedish import format_date, format_when

register = template.Library()


@register.filter
def duration_words(value: object) -> str:
    """A time span in words: 45 minutes, 5 hours, 2.5 days ("2,5 dagar"); "–" for none."""
    if not isinstance(value, timedelta):
        return "–"
    seconds = max(value.total_seconds(), 0)
    if seconds < 3600:
        minutes = round(seconds / 60)
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    hours = seconds / 3600
    if hours < 48:
        whole = round(hours)
        return ngettext("%(count)s hour", "%(count)s hours", whole) % {"count": whole}
    days = round(hours / 24, 1)
    shown = number_format(days, decimal_pos=0 if days == int(days) else 1)
    return ngettext("%(count)s day", "%(count)s days", int(days) if days == int(days) else 2) % {
        "count": shown
    }


@register.filter
def due(value: object) -> str:
    """A target in working days ends at midnight: shown as the last day ("onsdag 25 november
    2026"). A target in hours is a moment: shown with its time."""
    if not isinstance(value, datetime):
        return ""
    local = timezone.localtime(value)
    if local.time() == time.min:
        return format_date((local - timedelta(days=1)).date(), weekday=True)
    return format_when(local)
