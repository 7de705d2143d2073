"""What personal data Samverkan handles, purpose by purpose: the privacy pages' content.

Each form that collects personal data links to the page of its purpose
(``{% include "core/_privacy_link.html" with purpose="…" %}``). The retention periods must
agree with what the scheduled jobs do (docs/personal-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PUBLIC_TASK = _("Task carried out in the public interest (GDPR article 6.1 e).")


@dataclass(frozen=True)
class Purpose:
    slug: str
    title: Promise
    what: Promise
    why: Promise
    basis: Promise
    who: Promise
    how_long: Promise


PURPOSES = (
    Purpose(
        slug="anslutna",
        title=_("The register of the agreement"),
        what=_(
            "The name, role and email address of the person who signs for an organisation "
            "or represents it, and the organisation's own details."
        ),
        why=_(
            "To keep the register of who has signed the agreement and to contact the organisation about it."
        ),
        basis=PUBLIC_TASK,
        who=_(
            "The public register shows only the organisation's details and its public contact "
            "address. The signatory's name and email are seen only by the secretary."
        ),
        how_long=_(
            "Signatures are official records and are kept according to the municipality's "
            "records management plan. Signing forms that are not confirmed are removed a day "
            "after their link expires (it works for 7 days). Accounts without a role, seat or "
            "task are closed 2 years after the last login."
        ),
    ),
    Purpose(
        slug="moten",
        title=_("Meetings of the council and its networks"),
        what=_(
            "Members' names, the organisation or department they represent, email and phone "
            "for notices, the party of elected politicians, who attended and who reported "
            "absence, and what is said in the minutes."
        ),
        why=_(
            "To call meetings, send notices and minutes, and keep the minutes as official records."
        ),
        basis=PUBLIC_TASK,
        who=_(
            "Body pages and published minutes show names with the organisation or department "
            "(and the party for elected politicians). Email addresses and phone numbers are "
            "seen only by the secretary. Members-only meetings are seen only by members."
        ),
        how_long=_(
            "Minutes, attendance and decisions are official records, kept according to the "
            "records management plan. Contact details are removed when a person leaves all bodies "
            "and asks for it."
        ),
    ),
    Purpose(
        slug="en-vag-in",
        title=_("Inquiries (One way in)"),
        what=_(
            "Your email address, your name if you give it, your inquiry, the messages about it "
            "and any attachments."
        ),
        why=_("To handle your inquiry and to keep the register of public records."),
        basis=PUBLIC_TASK,
        who=_(
            "The handling team that receives it and the secretary. Inquiries are never published."
        ),
        how_long=_(
            "Inquiries that are not confirmed are removed after 48 hours. Registered inquiries "
            "are kept according to the records management plan; once an inquiry is closed your "
            "personal data can be erased on request and an anonymised record is kept."
        ),
    ),
    Purpose(
        slug="remisser",
        title=_("Consultation responses"),
        what=_(
            "The name and email address of the person who answers, the organisation answered "
            "for, the response and any attached file."
        ),
        why=_("To register the response, send a receipt and take the response into account."),
        basis=PUBLIC_TASK,
        who=_(
            "Responses are official records and are published after the reply-by date, with the "
            "organisation's name (or the name of a private person), unless the secretary marks "
            "them for a secrecy review. Email addresses are never published."
        ),
        how_long=_(
            "Responses whose email address is not confirmed are removed after 48 hours. "
            "Registered responses are kept according to the records management plan."
        ),
    ),
    Purpose(
        slug="prenumerationer",
        title=_("Subscriptions by email"),
        what=_("Your email address, what you follow and how often you want email."),
        why=_("To send you what you asked to be told about."),
        basis=_("Your consent (GDPR article 6.1 a), which you withdraw by unsubscribing."),
        who=_("Only the secretary. The address is used for nothing else."),
        how_long=_(
            "Subscriptions that are not confirmed are removed after 7 days. When you unsubscribe "
            "your address is removed at once. An address that bounces is no longer sent to, and "
            "is removed after 6 months unless it is confirmed again."
        ),
    ),
    Purpose(
        slug="pa-gang",
        title=_("Contact persons on the watch list"),
        what=_(
            "The name, email address and phone number of the contact person for a project or assignment."
        ),
        why=_("So that civil society knows whom to ask about ongoing work."),
        basis=PUBLIC_TASK,
        who=_(
            "The name and the department are public. The email address is shown only when the "
            "person has agreed to it; otherwise the department's function address is shown."
        ),
        how_long=_(
            "As long as the item is on the watch list; then according to the records management plan."
        ),
    ),
    Purpose(
        slug="konto",
        title=_("Logging in"),
        what=_("Your email address and name, and the roles the secretary has given you."),
        why=_("To let you log in and do what your roles allow."),
        basis=PUBLIC_TASK,
        who=_("The secretary."),
        how_long=_(
            "A login link works once, for 60 minutes, and is removed a day later; sessions are "
            "removed when they expire. An account without a role, seat or task is closed 2 years "
            "after the last login. Under My data you can download your data, correct it and ask "
            "for erasure."
        ),
    ),
    Purpose(
        slug="kontakt",
        title=_("Messages through the contact form"),
        what=_("Your name, email address and message."),
        why=_("To answer you and improve the service."),
        basis=PUBLIC_TASK,
        who=_("The people who answer the municipality's contact address."),
        how_long=_(
            "The message is emailed to the municipality; Samverkan keeps the sent email for "
            "90 days, then removes it."
        ),
    ),
)

BY_SLUG = {purpose.slug: purpose for purpose in PURPOSES}
