"""``{% history_link object %}``: for the secretary, a link to the record's history."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def history_link(context, record) -> str:
    if not context.get("viewer_is_secretary") or record is None:
        return ""
    url = reverse(
        "history:object_history",
        args=[record._meta.app_label, record._meta.model_name, record.pk],
    )
    return format_html(
        '<p class="history-link"><a href="{}">{}</a></p>', url, _("History of changes")
    )
