from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.search.registry import sources
from samverkan.search.selectors import MAX_QUERY_CHARS


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    typ = forms.ChoiceField(label=_("Show"), required=False)
    fran = forms.DateField(
        label=_("Dated from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date in the form YYYY-MM-DD, e.g. 2026-11-23.")},
    )
    till = forms.DateField(
        label=_("Dated until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date in the form YYYY-MM-DD, e.g. 2026-11-23.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = [("", _("Everything"))] + [
            (source.kind, source.label) for source in sources()
        ]

    def clean_q(self) -> str:
        # An enormous query is cut, never refused: the rest would not change the result.
        return " ".join(self.cleaned_data["q"][:MAX_QUERY_CHARS].split())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and end < start:
            self.add_error("till", _("The end date must be on or after the start date."))
        return cleaned
