from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.meetings.models import (
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    CompositionRule,
    ItemType,
    Meeting,
    MeetingKind,
    MembershipRole,
    Party,
    Person,
)
from samverkan.organisations.forms import PlainTextMixin
from samverkan.organisations.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(PlainTextMixin, forms.Form):
    bodies = forms.ModelMultipleChoiceField(
        label=_("Bodies"), queryset=Body.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty if the date is not decided yet."),
    )
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("For example Föreningarnas Hus, Slottsgatan 13A."),
    )
    online_url = forms.URLField(
        label=_("Online link"), required=False, max_length=500, assume_scheme="https"
    )
    visibility = forms.ChoiceField(
        label=_("Who can see the meeting"),
        choices=Meeting.Visibility.choices,
        widget=forms.RadioSelect,
    )
    minutes_taker = forms.ModelChoiceField(
        label=_("Takes the minutes"), queryset=Person.objects.all(), required=False
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        return cleaned


class PlannedDateForm(PlainTextMixin, forms.Form):
    """One row of the calendar table (kalendarium): entering it creates the meeting."""

    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    title = forms.CharField(label=_("Heading"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)


class AgendaItemForm(PlainTextMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    item_type = forms.ChoiceField(label=_("Type"), choices=ItemType.choices)
    presenter = forms.CharField(label=_("Presented by"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttachmentForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, PowerPoint, Excel or OpenDocument, at most 15 MB.")
    )


class CancelForm(PlainTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.all(),
        error_messages={"invalid_choice": _("Unknown person. Add them under People first.")},
    )
    status = forms.ChoiceField(label=_("Attendance"), choices=Attendance.Status.choices)
    substitute_for = forms.ModelChoiceField(
        label=_("Substitutes for"), queryset=Person.objects.all(), required=False
    )


class NotesForm(PlainTextMixin, forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )


class DecisionForm(PlainTextMixin, forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Decision"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActionForm(PlainTextMixin, forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    what = forms.CharField(label=_("What is to be done"), max_length=2000)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=Person.objects.all(), required=False)
    owner_text = forms.CharField(
        label=_("Or who (a group, for example AU)"), max_length=200, required=False
    )
    due = forms.DateField(label=_("By"), required=False, widget=DATE)


class CarryOverForm(PlainTextMixin, forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("What happens"), choices=CarriedOverPoint.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Point (empty for the whole item)"), max_length=300, required=False
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=300, required=False, help_text=_("For example: lack of time.")
    )


class PublishForm(PlainTextMixin, forms.Form):
    recorded_by = forms.CharField(label=_("Recorded by (Antecknat av)"), max_length=200)


class ReviseForm(PlainTextMixin, forms.Form):
    target = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("New text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )
    reason = forms.CharField(label=_("Why is it changed?"), max_length=1000)


class PersonForm(PlainTextMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)


class MembershipForm(PlainTextMixin, forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person (empty for a vacant seat)"), queryset=Person.objects.all(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Represents organisation or department"),
        queryset=Organisation.objects.all(),
        required=False,
    )
    party = forms.ModelChoiceField(
        label=_("Party (elected politicians)"), queryset=Party.objects.all(), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
    title = forms.CharField(
        label=_("Title"), max_length=100, required=False, help_text=_("For example kommunalråd.")
    )
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Until"), required=False, widget=DATE)


class EndMembershipForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    end = forms.DateField(label=_("Until"), widget=DATE)


class CompositionRuleForm(PlainTextMixin, forms.ModelForm):
    class Meta:
        model = CompositionRule
        fields = ["kind", "minimum", "maximum", "organisation", "title", "role", "description"]


class BodyForm(PlainTextMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(label=_("Short address"), max_length=80)
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices)
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
