from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from samverkan.inquiries.models import HandlingTeam, InquiryKind, ReplyTargetUnit, RoutingRule
from samverkan.inquiries.selectors import signatory_organisations
from samverkan.inquiries.services import MAX_ATTACHMENTS
from samverkan.meetings.uploads import check_attachment
from samverkan.organisations.forms import PlainTextMixin
from samverkan.organisations.models import Area, OrganisationKind

TEXTAREA = {"rows": 8}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one field, each checked by its content and size; the errors are shown
    next to the field."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _(
                "At most %(count)s files: PDF, Word, PowerPoint, Excel or OpenDocument, at most "
                "15 MB each."
            )
            % {"count": MAX_ATTACHMENTS},
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(_("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS})
        errors: list[ValidationError] = []
        for upload in files:
            super().clean(upload, initial)
            try:
                check_attachment(upload)
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return files


class InquiryForm(PlainTextMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it about?"), choices=InquiryKind.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Your question, idea or proposal"),
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Area.objects.all(),
        required=False,
        empty_label=_("Do not know, or something else"),
    )
    team = forms.ModelChoiceField(
        label=_("Who should receive it?"),
        queryset=HandlingTeam.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("I do not know: send it to the right team"),
        help_text=_("If you do not know, we find the right handling team for you."),
    )
    organisation_name = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Start typing to choose among the organisations that have signed the agreement, or "
            "write the name. Leave it empty if you write as a private person."
        ),
        widget=forms.TextInput(attrs={"list": "signatory-list", "autocomplete": "off"}),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Do not know, or no organisation")), *OrganisationKind.choices],
        required=False,
        help_text=_("Only needed if your organisation is not in the list."),
    )
    sender_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We email you a link to confirm, then the receipt and our answers."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    attachments = AttachmentsField(label=_("Attachments"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.signatories = list(signatory_organisations().only("pk", "name", "kind"))

    def clean(self):
        cleaned = super().clean()
        name = " ".join(cleaned.get("organisation_name", "").split())
        wanted = name.casefold()
        organisation = next((o for o in self.signatories if o.name.casefold() == wanted), None)
        cleaned["organisation"] = organisation if name else None
        cleaned["organisation_text"] = "" if organisation else name
        if organisation is not None:
            cleaned["organisation_kind"] = ""
        return cleaned


class ConfirmForm(forms.Form):
    """The confirmation is a button, so a mail scanner opening the link sends nothing."""


class SenderAnswerForm(PlainTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your answer"), max_length=10000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    attachments = AttachmentsField(label=_("Attachments"))


class MessageForm(PlainTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Message to the sender"),
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class ForwardForm(PlainTextMixin, forms.Form):
    to_team = forms.ModelChoiceField(
        label=_("Forward to"), queryset=HandlingTeam.objects.none(), empty_label=None
    )
    reason = forms.CharField(
        label=_("Why? (the sender is told)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, teams=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if teams is not None:
            self.fields["to_team"].queryset = teams


class CloseForm(PlainTextMixin, forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done or decided, in words the sender understands."),
    )
    tell_sender = forms.BooleanField(
        label=_("Email the outcome to the sender"), required=False, initial=True
    )


class EraseForm(PlainTextMixin, forms.Form):
    basis = forms.CharField(
        label=_("Basis for the erasure"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example the date of the sender's request and where the complete record is "
            "kept (the registry's number), or the disposal decision. Do not write personal "
            "data here."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I understand that the sender's personal data cannot be brought back"),
        error_messages={"required": _("Tick the box to erase.")},
    )


class TeamForm(PlainTextMixin, forms.ModelForm):
    member_emails = forms.CharField(
        label=_("Members' email addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One address a line. A person without an account gets one and logs in by an "
            "emailed link."
        ),
    )

    class Meta:
        model = HandlingTeam
        fields = [
            "name",
            "slug",
            "description",
            "function_email",
            "reply_target",
            "reply_target_unit",
            "is_fallback",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "slug": _("Lower-case letters, digits and hyphens, used in links: ?team=slug."),
            "is_fallback": _(
                "Receives every inquiry that no rule matches. There is always exactly one."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reply_target_unit"].choices = ReplyTargetUnit.choices
        if self.instance.pk and "member_emails" not in self.initial:
            self.initial["member_emails"] = "\n".join(
                self.instance.members.order_by("email").values_list("email", flat=True)
            )

    def clean_member_emails(self) -> list[str]:
        emails = [line.strip() for line in self.cleaned_data["member_emails"].split() if line]
        for email in emails:
            try:
                validate_email(email)
            except ValidationError as error:
                raise ValidationError(
                    _("%(email)s is not an email address.") % {"email": email}
                ) from error
        return emails

    def validate_unique(self) -> None:
        """The service checks names and the fallback; the form does not save."""


class RuleForm(PlainTextMixin, forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = [
            "priority",
            "team",
            "kind",
            "topic",
            "organisation_kind",
            "words",
            "note",
            "is_active",
        ]
        help_texts = {
            "priority": _("Rules are tried from the lowest number; the first that matches wins."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *InquiryKind.choices]
        self.fields["organisation_kind"].choices = [
            ("", _("Any kind of organisation")),
            *OrganisationKind.choices,
        ]
        self.fields["topic"].empty_label = _("Any topic")


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]
