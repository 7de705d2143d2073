from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.collaboration_map.models import Theme
from samverkan.consultations.models import ConsultationState, validate_reference_number
from samverkan.consultations.selectors import municipal_organisations
from samverkan.core.queries import word_choices
from samverkan.meetings.uploads import check_attachment
from samverkan.organisations.forms import PlainTextMixin
from samverkan.organisations.models import District, Organisation

TEXTAREA = {"rows": 8}
FILE_HELP = _("One file, if you like: PDF, Word, PowerPoint, Excel or OpenDocument, at most 15 MB.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CheckedFileField(forms.FileField):
    """One file, checked by its content and size; the error is shown next to the field."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_attachment(upload)
        return upload or None


class FilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    department = forms.TypedChoiceField(
        label=_("Department"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, departments=(), include_draft: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        states = [
            c for c in ConsultationState.choices if include_draft or c[0] != ConsultationState.DRAFT
        ]
        self.fields["state"].choices = [("", _("All"))] + states
        themes, districts = word_choices(Theme, District)  # one query for both lists
        self.fields["theme"].choices = [("", _("All"))] + themes
        self.fields["district"].choices = [("", _("The whole municipality"))] + districts
        self.fields["department"].choices = [("", _("All"))] + [(d.pk, d.name) for d in departments]


class ConsultationForm(PlainTextMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    department = forms.ModelChoiceField(
        label=_("Responsible department"), queryset=Organisation.objects.none()
    )
    reference_number = forms.CharField(
        label=_("Reference number"),
        max_length=40,
        required=False,
        validators=[validate_reference_number],
        help_text=_("The registry's reference number (diarienummer), for example Ks 1216/2018."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("What the consultation is about and what the department wants to know."),
    )
    easy_read_summary = forms.CharField(
        label=_("Easy-to-read summary"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Short sentences and common words, for people who find reading hard."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name_sort"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.order_by("name_sort"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty if it concerns the whole municipality."),
    )
    open_to_all = forms.BooleanField(
        label=_("Open to all: anyone may answer with a confirmed email address"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = municipal_organisations()


class AnnounceForm(forms.Form):
    expected_opening_on = forms.DateField(label=_("Expected to open on"), widget=DateInput())


class OpenForm(forms.Form):
    reply_by = forms.DateField(label=_("Reply by"), widget=DateInput())


class DecideForm(PlainTextMixin, forms.Form):
    decision_url = forms.URLField(
        label=_("Link to the decision"), max_length=500, assume_scheme="https"
    )
    decision_account = forms.CharField(
        label=_("How the responses were used"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class CloseForm(forms.Form):
    pass


class ReplyByForm(PlainTextMixin, forms.Form):
    reply_by = forms.DateField(label=_("New reply-by date"), widget=DateInput())
    note = forms.CharField(label=_("Reason"), max_length=500, required=False)


class ConsulteeExtendForm(forms.Form):
    until = forms.DateField(label=_("May answer until"), widget=DateInput())


class ConsulteeAddForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name_sort", "pk")
    )


class DocumentForm(PlainTextMixin, forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200, required=False)
    file = CheckedFileField(label=_("File"), help_text=FILE_HELP)


class SecrecyForm(PlainTextMixin, forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ResponseForm(PlainTextMixin, forms.Form):
    """A representative answers for one of their organisations."""

    organisation = forms.ModelChoiceField(
        label=_("Answer for"), queryset=Organisation.objects.none(), empty_label=None
    )
    text = forms.CharField(
        label=_("Your response"), max_length=20000, widget=forms.Textarea(attrs={"rows": 12})
    )
    file = CheckedFileField(label=_("File"), required=False, help_text=FILE_HELP)
    replace = forms.BooleanField(
        label=_("Yes, replace our earlier response with this one"), required=False
    )

    def __init__(self, *args, organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name_sort")


class OpenResponseForm(PlainTextMixin, forms.Form):
    """Anyone answers a consultation open to all."""

    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation_text = forms.CharField(
        label=_("Organisation (if you answer for one)"), max_length=200, required=False
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We email you a link to confirm; then your response is registered."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    text = forms.CharField(
        label=_("Your response"), max_length=20000, widget=forms.Textarea(attrs={"rows": 12})
    )
    file = CheckedFileField(label=_("File"), required=False, help_text=FILE_HELP)


class ConfirmForm(forms.Form):
    pass
