from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.forms import PlainTextMixin

phone_characters = RegexValidator(
    r"^[0-9 +()\-]*$",
    _("Write the phone number with digits, spaces, + - and brackets only."),
    code="phone",
)


class CorrectionForm(PlainTextMixin, forms.Form):
    """The person's own name, and (when they are in the council's list of people) the name and
    phone number there."""

    full_name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        help_text=_("Shown at the top of the page when you are logged in, and to the secretary."),
    )
    person_name = forms.CharField(
        label=_("Your name in the council's list of people"),
        max_length=200,
        help_text=_("Shown in minutes, attendance lists and the bodies' pages."),
    )
    person_phone = forms.CharField(
        label=_("Your phone number in the council's list of people"),
        required=False,
        max_length=40,
        validators=[phone_characters],
        help_text=_("Seen only by the secretary."),
    )

    def __init__(self, *args, has_person: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not has_person:
            del self.fields["person_name"]
            del self.fields["person_phone"]


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that what is erased cannot be brought back and that I will be logged out"
        ),
        error_messages={"required": _("Tick the box to erase your personal data.")},
    )
