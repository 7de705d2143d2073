"""Forms of the watch list and the portfolios. The rules live in the services; these forms
only parse what people type."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.collaboration_map.models import Theme
from samverkan.core.queries import word_choices
from samverkan.core.swedish import format_date
from samverkan.meetings.models import Meeting
from samverkan.organisations.models import MUNICIPAL_KINDS, District, Organisation
from samverkan.watchlist import selectors
from samverkan.watchlist.models import (
    FundingSource,
    Initiative,
    InitiativeStatus,
    PortfolioGoal,
    WatchItem,
    WatchItemKind,
    WatchItemStatus,
)

# An update may be dated this far ahead at most (an update is something already said).
MAX_DAYS_AHEAD = 31


def _departments():
    return Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).order_by("name_sort", "pk")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class WatchListFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    owner = forms.TypedChoiceField(
        label=_("Department"), required=False, coerce=int, empty_value=None
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["status"].choices = [
            (selectors.CURRENT, _("Current (not finished or struck)")),
            *WatchItemStatus.choices,
            (selectors.ALL, _("All, also finished and struck")),
        ]
        self.fields["kind"].choices = everything + list(WatchItemKind.choices)
        owners = (
            Organisation.objects.filter(pk__in=WatchItem.objects.values("owner_id"))
            .order_by("name_sort", "pk")
            .values_list("pk", "name")
        )
        self.fields["owner"].choices = everything + list(owners)
        themes, districts = word_choices(Theme, District)  # one query for both lists
        self.fields["theme"].choices = everything + themes
        self.fields["district"].choices = everything + districts


class WatchItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Not stated"))] + WatchItemKind.choices
    )
    owner = forms.ModelChoiceField(
        label=_("Responsible department"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )
    owner_text = forms.CharField(
        label=_("Department as written in the minutes"),
        required=False,
        max_length=200,
        help_text=_("For example KLF."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=200)
    contact_role = forms.CharField(label=_("Contact person's role"), required=False, max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    contact_email_public = forms.BooleanField(
        label=_("Show the email publicly"),
        required=False,
        help_text=_(
            "Only for a function address, or when the person has agreed to it being shown."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _departments()
        self.fields["themes"].queryset = Theme.objects.order_by("name_sort", "pk")
        self.fields["districts"].queryset = District.objects.order_by("name_sort", "pk")

    def clean(self):
        data = super().clean()
        if data.get("contact_email_public") and data.get("contact_email") == "":
            self.add_error("contact_email", _("Give the email that is to be shown."))
        return data

    @staticmethod
    def initial_for(item: WatchItem) -> dict:
        return {
            "title": item.title,
            "kind": item.kind,
            "owner": item.owner_id,
            "owner_text": item.owner_text,
            "description": item.description,
            "contact_name": item.contact_name,
            "contact_role": item.contact_role,
            "contact_email": item.contact_email,
            "contact_email_public": item.contact_email_public,
            "themes": list(item.themes.all()),
            "districts": list(item.districts.all()),
        }


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{format_date(meeting.date)}: {meeting.title}"


class WatchItemUpdateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(
        label=_("What was said"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    meeting = MeetingChoiceField(
        label=_("Reported at the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not at a meeting"),
    )
    status = forms.ChoiceField(
        label=_("New status"),
        required=False,
        choices=[("", _("Unchanged"))] + WatchItemStatus.choices,
        help_text=_("The item takes this status unless a later update has set another."),
    )

    def __init__(self, *args, current_meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = selectors.meetings_for_updates()
        if current_meeting is not None:  # an older update keeps its meeting when edited
            meetings = Meeting.objects.filter(
                Q(pk__in=meetings.values("pk")) | Q(pk=current_meeting.pk)
            ).order_by("-date", "-pk")
        self.fields["meeting"].queryset = meetings

    def clean_date(self):
        value = self.cleaned_data["date"]
        today = timezone.localdate()
        if value > today + timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(
                _("An update cannot be dated more than %(days)s days ahead.")
                % {"days": MAX_DAYS_AHEAD}
            )
        if value.year < 2000:
            raise forms.ValidationError(_("Give a date from the year 2000 or later."))
        return value

    def clean(self):
        data = super().clean()
        if not data.get("note", "").strip() and not data.get("status"):
            self.add_error("note", _("Write what was said, or choose a new status."))
        return data


# -- Portfolios ------------------------------------------------------------------------------


class PortfolioForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    owner = forms.ModelChoiceField(
        label=_("Responsible department"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _departments()


class GoalForm(forms.Form):
    name = forms.CharField(label=_("Goal"), max_length=200)
    position = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=1,
        max_value=99,
        help_text=_("1 comes first. Leave empty to put a new goal last."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PriorityForm(forms.Form):
    name = forms.CharField(label=_("Priority"), max_length=200)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals it serves"),
        queryset=PortfolioGoal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    funding_source = forms.ChoiceField(label=_("Funding"), choices=FundingSource.choices)
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput())
    owner = forms.ModelChoiceField(
        label=_("Responsible department"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices)
    watch_item = forms.ModelChoiceField(
        label=_("On the watch list as"),
        queryset=WatchItem.objects.none(),
        required=False,
        empty_label=_("Not on the watch list"),
    )

    def __init__(self, *args, portfolio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = portfolio.goals.order_by("position", "pk")
        self.fields["owner"].queryset = _departments()
        self.fields["watch_item"].queryset = WatchItem.objects.order_by("title_sort", "pk")

    @staticmethod
    def initial_for(initiative: Initiative) -> dict:
        return {
            "title": initiative.title,
            "description": initiative.description,
            "goals": list(initiative.goals.all()),
            "funding_source": initiative.funding_source,
            "starts_on": initiative.starts_on,
            "ends_on": initiative.ends_on,
            "owner": initiative.owner_id,
            "status": initiative.status,
            "watch_item": initiative.watch_item_id,
        }
