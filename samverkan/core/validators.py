import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript:", re.IGNORECASE)


def no_markup(value: str) -> None:
    """Plain text only: refuse HTML tags and script URLs, with a message saying so."""
    if value and _MARKUP.search(value):
        raise ValidationError(
            _("Write plain text only, without HTML code (for example < followed by a letter)."),
            code="markup",
        )
