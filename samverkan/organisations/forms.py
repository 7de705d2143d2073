from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.queries import word_choices
from samverkan.core.swedish import normalise_organisation_number
from samverkan.core.validators import no_markup
from samverkan.organisations.models import (
    Area,
    District,
    Organisation,
    OrganisationKind,
    TargetGroup,
)

NUMBER_OPTIONAL_KINDS = {OrganisationKind.NETWORK}
NUMBER_NOT_APPLICABLE_KINDS = {
    OrganisationKind.MUNICIPAL_DEPARTMENT,
    OrganisationKind.MUNICIPAL_BOARD,
}


class PlainTextMixin:
    """Refuse markup in every text field of the form."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and not isinstance(self.fields[name], forms.URLField):
                try:
                    no_markup(value)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    area = forms.ChoiceField(label=_("Area of activity"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("Name A–Ö")), ("-name", _("Name Ö–A"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(OrganisationKind.choices)
        # The three lists of words in one query.
        areas, districts, groups = word_choices(Area, District, TargetGroup)
        self.fields["area"].choices = everything + areas
        self.fields["district"].choices = everything + districts
        self.fields["target_group"].choices = everything + groups


class OrganisationFieldsForm(PlainTextMixin, forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)
    organisation_number = forms.CharField(
        label=_("Organisation number"),
        required=False,
        max_length=20,
        help_text=_(
            "Ten digits, for example 802002-4280. Informal networks and municipal departments may leave it empty."
        ),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of activity"),
        queryset=Area.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Where in the municipality you are active"),
        queryset=District.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=300, assume_scheme="https"
    )
    public_email = forms.EmailField(
        label=_("Public contact email"),
        required=False,
        help_text=_("Shown in the register. Use the organisation's address, not a private one."),
    )
    description = forms.CharField(
        label=_("Short description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    easy_read_description = forms.CharField(
        label=_("Easy-to-read description"),
        required=False,
        max_length=1000,
        help_text=_("A few short sentences with common words: what you do and for whom."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_organisation_number(self) -> str:
        value = self.cleaned_data["organisation_number"].strip()
        return normalise_organisation_number(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in NUMBER_NOT_APPLICABLE_KINDS:
            cleaned["organisation_number"] = ""
        elif (
            kind
            and kind not in NUMBER_OPTIONAL_KINDS
            and not cleaned.get("organisation_number")
            and "organisation_number" not in self.errors
        ):
            self.add_error(
                "organisation_number",
                _("Enter the organisation number. Only informal networks may leave it empty."),
            )
        return cleaned


class SignatoryFieldsForm(PlainTextMixin, forms.Form):
    signatory_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    signatory_role = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=200,
        help_text=_("For example chair, secretary or head of department."),
    )
    signatory_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send a link to it that you use to confirm the signature."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SignForm(OrganisationFieldsForm, SignatoryFieldsForm):
    """The whole signing form for an organisation that is not yet in the register."""

    # Choices are the duplicates found for this submission; the view checks the answer.
    existing = forms.CharField(
        label=_("Is this your organisation?"), required=False, widget=forms.RadioSelect
    )

    field_order = [
        "name",
        "kind",
        "organisation_number",
        "areas",
        "target_groups",
        "districts",
        "website",
        "public_email",
        "description",
        "easy_read_description",
        "signatory_name",
        "signatory_role",
        "signatory_email",
        "existing",
    ]

    def __init__(self, *args, duplicates: list[Organisation] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = duplicates or []
        choices = [(str(o.pk), o.name) for o in self.duplicates]
        choices.append(("new", _("No, ours is another organisation")))
        self.fields["existing"].widget.choices = choices

    def organisation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in OrganisationFieldsForm.base_fields]

    def signatory_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SignatoryFieldsForm.base_fields]

    def organisation_data(self) -> dict:
        data = {
            k: self.cleaned_data[k]
            for k in (
                "name",
                "kind",
                "organisation_number",
                "website",
                "public_email",
                "description",
                "easy_read_description",
                "signatory_name",
                "signatory_role",
                "signatory_email",
            )
        }
        for name in ("areas", "target_groups", "districts"):
            data[name] = [term.pk for term in self.cleaned_data[name]]
        return data


class ConfirmSignatureForm(forms.Form):
    accept_values = forms.BooleanField(
        label=_("We accept the values of the agreement and want to sign it"),
        error_messages={
            "required": _(
                "Tick the box to accept the values. Without it the signature cannot be made."
            )
        },
    )


class OrganisationEditForm(OrganisationFieldsForm):
    pass


class DecisionNoteForm(PlainTextMixin, forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(PlainTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class QuestionForm(PlainTextMixin, forms.Form):
    question = forms.CharField(
        label=_("What do you need to know?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(PlainTextMixin, forms.Form):
    answer = forms.CharField(
        label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ExclusionOpenForm(PlainTextMixin, forms.Form):
    grounds = forms.CharField(
        label=_("Grounds for exclusion"),
        max_length=5000,
        help_text=_(
            "Describe what has happened and which part of the agreement's values it goes against. The organisation will read this."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    response_deadline = forms.DateField(
        label=_("The organisation may answer until"),
        help_text=_("Give at least two weeks. Format: 2026-12-31."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_response_deadline(self):
        value = self.cleaned_data["response_deadline"]
        if value <= timezone.localdate():
            raise ValidationError(
                _(
                    "The deadline must be a later day than today, so the organisation has time to answer."
                )
            )
        return value


class ExclusionResponseForm(PlainTextMixin, forms.Form):
    responder_name = forms.CharField(label=_("Your name and role"), max_length=200)
    response = forms.CharField(
        label=_("Your answer"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )


class ExclusionDecisionForm(PlainTextMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("exclude", _("Exclude the organisation")),
            ("close", _("Close the case without exclusion")),
        ],
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label=_("The decision and its reasons"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    deciding_body = forms.CharField(
        label=_("Decided by (body)"), max_length=200, help_text=_("For example Samverkansrådet.")
    )
    decided_on = forms.DateField(
        label=_("Date of the decision"), widget=forms.DateInput(attrs={"type": "date"})
    )
