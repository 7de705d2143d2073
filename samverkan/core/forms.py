from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    TOPICS = [
        ("accessibility", _("Something is hard to use or not accessible")),
        ("content", _("I want a document in another format")),
        ("other", _("Other question or idea")),
    ]
    topic = forms.ChoiceField(
        label=_("What is it about?"), choices=TOPICS, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        help_text=_("Only if you want an answer."),
    )
