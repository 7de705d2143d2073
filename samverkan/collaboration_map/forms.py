"""Forms of the catalogue: filters, the ladder's questions and the secretary's editing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.collaboration_map.models import (
    ContactPoint,
    ContactPointKind,
    Frequency,
    LinkKind,
    Theme,
    Want,
)
from samverkan.collaboration_map.selectors import organisation_kind_choices
from samverkan.core.validators import no_markup
from samverkan.meetings.models import Body
from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation

EVERYTHING = ("", _("All"))


def _theme_choices() -> list[tuple[str, str]]:
    return [EVERYTHING, *Theme.objects.values_list("slug", "name")]


class MapFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    organisation_kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _theme_choices()
        self.fields["organisation_kind"].choices = [EVERYTHING, *organisation_kind_choices()]


class CatalogueFilterForm(MapFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind of contact point"),
        required=False,
        choices=[EVERYTHING, *ContactPointKind.choices],
    )


# --- The ladder -------------------------------------------------------------------------------


class LadderForm(forms.Form):
    """The ladder's three questions. The page asks them one at a time; earlier answers travel
    along in the address (GET), so no JavaScript and no session are needed."""

    organisation_kind = forms.ChoiceField(
        label=_("What kind of organisation are you?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of organisation that fits you best.")},
    )
    want = forms.ChoiceField(
        label=_("What do you want from the municipality?"),
        widget=forms.RadioSelect,
        choices=Want.choices,
        error_messages={"required": _("Choose what you want most right now.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often do you think you will be in touch?"),
        widget=forms.RadioSelect,
        choices=Frequency.choices,
        error_messages={"required": _("Choose how often you think you will be in touch.")},
    )

    # Not a question: on the result page, the contact points can be narrowed to one theme.
    theme = forms.ChoiceField(label=_("Only contact points for the theme"), required=False)

    QUESTIONS = ("organisation_kind", "want", "frequency")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_kind"].choices = organisation_kind_choices()
        self.fields["theme"].choices = _theme_choices()
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "That answer is not one of the choices. Choose one of them."
            )


# --- The secretary's forms --------------------------------------------------------------------


def _text(label, *, required: bool = False, max_length: int, rows: int = 0, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        validators=[no_markup],
    )


class ThemeForm(forms.Form):
    name = _text(_("Name of the theme"), required=True, max_length=100)
    slug = forms.SlugField(
        label=_("Short name in addresses"),
        required=False,
        max_length=100,
        help_text=_("Letters a–z, digits and hyphens. Made from the name if left empty."),
    )


class ContactPointForm(forms.Form):
    name = _text(_("Name"), required=True, max_length=200)
    kind = forms.ChoiceField(label=_("Kind of contact point"), choices=ContactPointKind.choices)
    slug = forms.SlugField(
        label=_("Short name in addresses"),
        required=False,
        max_length=80,
        help_text=_("Letters a–z, digits and hyphens. Made from the name if left empty."),
    )
    purpose = _text(
        _("Purpose"),
        required=True,
        max_length=2000,
        rows=3,
        help_text=_("Why it exists and what it does, in one or two sentences."),
    )
    who_takes_part = _text(_("Who takes part"), max_length=2000, rows=3)
    email = forms.EmailField(label=_("Function email"), required=False)
    phone = _text(_("Phone"), max_length=40)
    website = forms.URLField(
        label=_("Web address"), required=False, max_length=300, assume_scheme="https"
    )
    visiting_address = _text(_("Visiting address"), max_length=300)
    opening_hours_or_rhythm = _text(
        _("Opening hours or meeting rhythm"),
        max_length=300,
        help_text=_("For example “Four times a year, 16–18” or “Weekdays 8–16”."),
    )
    owner = forms.ModelChoiceField(
        label=_("Owning department"),
        required=False,
        queryset=Organisation.objects.filter(kind__in=MUNICIPAL_KINDS),
        empty_label=_("None"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        required=False,
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Kinds of organisation it is for"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all empty if it is for every kind of organisation."),
    )
    offers = forms.MultipleChoiceField(
        label=_("What organisations can come here for (the ladder)"),
        required=False,
        choices=Want.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The ladder recommends this contact point to those who want these things."),
    )
    description = _text(_("Description"), max_length=4000, rows=5)
    easy_read_description = _text(
        _("Easy-to-read description"),
        max_length=1000,
        rows=3,
        help_text=_("A few short sentences with common words: what it is and who it is for."),
    )
    body = forms.ModelChoiceField(
        label=_("Body in the council's pages"),
        required=False,
        queryset=Body.objects.none(),
        empty_label=_("None"),
        help_text=_("Choose the body if this contact point is one of the council's bodies."),
    )
    inquiry_team_slug = forms.SlugField(
        label=_("Team in the inquiry service"),
        required=False,
        max_length=60,
        help_text=_(
            "The short name of the handling team that receives questions sent from here. Empty: the same as this contact point's."
        ),
    )
    position = forms.IntegerField(
        label=_("Position on the map"),
        min_value=0,
        max_value=999,
        initial=0,
        help_text=_("Lower numbers come first among contact points of the same kind."),
    )

    def __init__(self, *args, contact_point: ContactPoint | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_kinds"].choices = organisation_kind_choices()
        free = Q(contact_point__isnull=True)
        if contact_point is not None and contact_point.body_id:
            free |= Q(pk=contact_point.body_id)
        self.fields["body"].queryset = Body.objects.filter(free).order_by("name")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data["themes"])
        data["position"] = data["position"] or 0
        return data


class ContactLinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of link"), choices=LinkKind.choices)
    target = forms.ModelChoiceField(
        label=_("Contact point"), queryset=ContactPoint.objects.none(), empty_label=_("Choose")
    )

    def __init__(self, *args, source: ContactPoint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = ContactPoint.objects.exclude(pk=source.pk).order_by(
            "name_sort", "pk"
        )
        self.fields["target"].error_messages["required"] = _("Choose the contact point to link to.")


class LadderStepForm(forms.Form):
    position = forms.IntegerField(label=_("Step number"), min_value=1, max_value=20)
    name = _text(_("Name"), required=True, max_length=100)
    explanation = _text(
        _("Plain explanation"),
        required=True,
        max_length=2000,
        rows=4,
        help_text=_("What this step means for an organisation, in plain words."),
    )
    wants = forms.MultipleChoiceField(
        label=_("Answers that lead to this step"),
        required=False,
        choices=Want.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each answer to “what do you want?” leads to one step at most."),
    )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's refusal next to the field it concerns (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
