"""The subscribe form and the subscriber's own form on the manage page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.models import Frequency

KIND_LABELS = {
    topic_keys.THEME: _("Themes"),
    topic_keys.DISTRICT: _("Districts"),
    topic_keys.BODY: _("Councils, networks and working groups"),
    topic_keys.DEPARTMENT: _("Municipal departments and companies"),
}
TOPIC_FIELDS = {
    topic_keys.THEME: "themes",
    topic_keys.DISTRICT: "districts",
    topic_keys.BODY: "bodies",
    topic_keys.DEPARTMENT: "departments",
}


class TopicsForm(forms.Form):
    """Checkboxes grouped by kind, plus the single items (a consultation, a watch-list item)
    that the person came to follow or already follows."""

    items = forms.MultipleChoiceField(
        label=_("Single items"), required=False, widget=forms.CheckboxSelectMultiple
    )
    frequency = forms.ChoiceField(
        label=_("How often do you want email?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        initial="sv",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, item_choices: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, choices in topic_keys.listed_choices().items():
            self.fields[TOPIC_FIELDS[kind]] = forms.MultipleChoiceField(
                label=KIND_LABELS[kind],
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self.fields["items"].choices = list((item_choices or {}).items())
        # The order on the page: what you came for first.
        order = ["items", *TOPIC_FIELDS.values(), "frequency", "language"]
        self.order_fields(order)

    @property
    def topic_fields(self):
        return [self[name] for name in TOPIC_FIELDS.values() if self.fields[name].choices]

    def selected_topics(self) -> list[str]:
        chosen = list(self.cleaned_data.get("items") or [])
        for name in TOPIC_FIELDS.values():
            chosen.extend(self.cleaned_data.get(name) or [])
        return chosen

    def clean(self):
        data = super().clean()
        if not self.errors and not self.selected_topics():
            raise forms.ValidationError(_("Choose at least one thing to follow."))
        return data


class SubscribeForm(TopicsForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to confirm that the address is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["items", *TOPIC_FIELDS.values(), "frequency", "language", "email"])


class EmptyForm(forms.Form):
    """A button only (confirm, unsubscribe, send a new link): the token is in the address."""
