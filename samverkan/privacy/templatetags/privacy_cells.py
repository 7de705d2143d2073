"""How one value of "My data" is shown on the page (the download has the same value)."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def cell(value):
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        moment = timezone.localtime(value)
        return format_html(
            '<time datetime="{}">{}</time>', moment.isoformat(), moment.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, date):
        return format_html('<time datetime="{}">{}</time>', value.isoformat(), value.isoformat())
    if isinstance(value, list | tuple):
        return format_html_join(", ", "{}", ((item,) for item in value))
    return str(value)
