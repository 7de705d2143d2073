"""What Samverkan holds about one person, read across the apps; and what erasure would do.

A person is found by their account where a model links to it (``user``, ``author``,
``actor``), and by the account's email address, compared without regard to case, where the
model keeps only an address (a signature's signatory, an inquiry's sender, a subscriber).
Every list is read in one query (a second counts it when it is longer than ``LIMIT``), so the
number of queries does not grow with the person's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.models import ExternalIdentity, LoginLink, Role, User
from samverkan.consultations.models import ConsultationResponse, ResponseStatus
from samverkan.history.models import ChangeRecord
from samverkan.inquiries.models import HandlingTeam, Inquiry, InquiryKind, InquiryStatus
from samverkan.meetings.models import (
    ActionItem,
    Attendance,
    Invitation,
    Meeting,
    Membership,
    Person,
)
from samverkan.organisations.models import Representation, Signature, SignatureApplication
from samverkan.outbox.models import OutboundEmail
from samverkan.privacy.models import Correction, ErasureRequest
from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.models import Subscriber
from samverkan.watchlist.models import WatchItem

#: The most rows one list shows (and the download holds); longer lists say how many there are.
LIMIT = 200
#: The most references an erasure request lists per kind of record kept.
REFERENCE_LIMIT = 100

ROLE_LABELS = {role.value: role.label for role in Role}


def normalised_email(user: User) -> str:
    return (user.email or "").strip().lower()


# --- The person's records, as querysets shared by the page and by erasure ------------------------


def people(user: User) -> QuerySet[Person]:
    """Their entries in the council's list of people: linked to the account, or (not linked to
    any account) with the account's address."""
    email = normalised_email(user)
    return Person.objects.filter(Q(user=user) | Q(user__isnull=True, email__iexact=email))


def signatures(user: User) -> QuerySet[Signature]:
    return Signature.objects.filter(signatory_email__iexact=normalised_email(user))


def unconfirmed_signature_forms(user: User) -> QuerySet[SignatureApplication]:
    return SignatureApplication.objects.filter(
        email__iexact=normalised_email(user), signature__isnull=True, used_at__isnull=True
    )


def inquiries(user: User) -> QuerySet[Inquiry]:
    return Inquiry.objects.filter(sender_email__iexact=normalised_email(user))


def responses(user: User) -> QuerySet[ConsultationResponse]:
    return ConsultationResponse.objects.filter(
        Q(author=user) | Q(responder_email__iexact=normalised_email(user))
    )


def subscribers(user: User) -> QuerySet[Subscriber]:
    # Subscriptions store addresses in lower case (subscriber_subscribe): the unique index
    # finds it.
    return Subscriber.objects.filter(email=normalised_email(user))


def emails_to(user: User) -> QuerySet[OutboundEmail]:
    return OutboundEmail.objects.filter(to__iexact=normalised_email(user))


def watch_items(user: User) -> QuerySet[WatchItem]:
    return WatchItem.objects.filter(contact_email__iexact=normalised_email(user))


def change_records(user: User) -> QuerySet[ChangeRecord]:
    return ChangeRecord.objects.filter(actor=user)


# --- "My data": the page and the download ------------------------------------------------------


@dataclass
class Section:
    """One kind of data: its rows (``{column key: value}``) and how many there are in all."""

    key: str
    title: Promise | str
    columns: list[tuple[str, Promise | str]]
    rows: list[dict[str, Any]]
    total: int

    @property
    def complete(self) -> bool:
        return self.total <= len(self.rows)

    @property
    def table(self) -> list[list[Any]]:
        """The rows as lists in column order, for the page."""
        return [[row.get(key) for key, _label in self.columns] for row in self.rows]


@dataclass
class PersonalData:
    user: User
    read_at: Any
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> dict[str, Any]:
        """The download: the same sections, rows and values as the page (times in ISO 8601,
        Swedish time), with each column's name in the reader's language."""
        return {
            "exported_at": self.read_at,
            "account": self.user.email,
            "limit_per_list": LIMIT,
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "columns": dict(s.columns),
                    "count": s.total,
                    "complete": s.complete,
                    "rows": s.rows,
                }
                for s in self.sections
            ],
        }


def _bounded(queryset: QuerySet) -> tuple[list, int]:
    """At most LIMIT rows, and how many there are in all (a count only when there are more)."""
    rows = list(queryset[: LIMIT + 1])
    if len(rows) <= LIMIT:
        return rows, len(rows)
    return rows[:LIMIT], queryset.count()


def _section(key, title, columns, objects, row, total=None) -> Section:
    rows = [row(obj) for obj in objects]
    return Section(
        key=key,
        title=title,
        columns=list(columns),
        rows=rows,
        total=len(rows) if total is None else total,
    )


def _display(choices, value) -> str:
    """A choice's label, translated once per call (``get_FOO_display`` costs about a
    millisecond a row, which adds up over hundreds of rows)."""
    return str(_choice_labels(choices).get(value, value))


def _choice_labels(choices) -> dict:
    return {value: str(label) for value, label in choices.choices}


def _local(moment):
    return timezone.localtime(moment) if moment else None


def personal_data(user: User) -> PersonalData:
    """Everything Samverkan holds about ``user``, grouped for the page and the download.

    About 25 queries whatever the amount of data; lists longer than LIMIT show the newest."""
    data = PersonalData(user=user, read_at=timezone.localtime())
    add = data.sections.append

    add(
        _section(
            "account",
            _("Your account"),
            [
                ("email", _("Email address")),
                ("name", _("Name")),
                ("language", _("Language")),
                ("joined", _("Account created")),
                ("last_login", _("Last logged in")),
                ("staff", _("May use the administration")),
            ],
            [user],
            lambda u: {
                "email": u.email,
                "name": u.full_name,
                "language": u.get_language_display(),
                "joined": _local(u.date_joined),
                "last_login": _local(u.last_login),
                "staff": u.is_staff,
            },
        )
    )

    groups = sorted(user.groups.values_list("name", flat=True))
    teams = list(
        HandlingTeam.objects.filter(members=user).order_by("name").values_list("name", flat=True)
    )
    role_rows = [{"role": str(ROLE_LABELS.get(name, name)), "detail": ""} for name in groups]
    role_rows += [{"role": str(_("Member of a handling team")), "detail": name} for name in teams]
    add(
        Section(
            "roles",
            _("Roles"),
            [("role", _("Role")), ("detail", _("Where"))],
            role_rows,
            len(role_rows),
        )
    )

    add(
        _section(
            "identities",
            _("Login identities (e-ID)"),
            [
                ("provider", _("Provider")),
                ("subject", _("Identifier at the provider")),
                ("assurance", _("Assurance level")),
                ("created", _("Added")),
                ("last_used", _("Last used")),
            ],
            ExternalIdentity.objects.filter(user=user).order_by("pk"),
            lambda i: {
                "provider": i.provider,
                "subject": i.subject,
                "assurance": i.assurance_level,
                "created": _local(i.created_at),
                "last_used": _local(i.last_used_at),
            },
        )
    )

    links, total = _bounded(LoginLink.objects.filter(user=user).order_by("-created_at", "-pk"))
    add(
        _section(
            "login_links",
            _("Login links sent to you"),
            [("created", _("Sent")), ("expires", _("Valid until")), ("used", _("Used"))],
            links,
            lambda link: {
                "created": _local(link.created_at),
                "expires": _local(link.expires_at),
                "used": _local(link.used_at),
            },
            total,
        )
    )

    add(
        _section(
            "representations",
            _("Organisations you act for"),
            [
                ("organisation", _("Organisation")),
                ("role", _("Role")),
                ("approved", _("Approved by the secretary")),
                ("since", _("From")),
                ("until", _("Until")),
            ],
            Representation.objects.filter(user=user)
            .select_related("organisation")
            .order_by("organisation__name_sort", "pk"),
            lambda r: {
                "organisation": r.organisation.name,
                "role": r.role,
                "approved": r.approved,
                "since": r.since,
                "until": r.until,
            },
        )
    )

    person_list = list(people(user).order_by("name_sort", "pk"))
    person_ids = [p.pk for p in person_list]
    add(
        _section(
            "people",
            _("Your entry in the council's list of people"),
            [
                ("name", _("Name")),
                ("email", _("Email address")),
                ("phone", _("Phone")),
                ("linked", _("Linked to your account")),
            ],
            person_list,
            lambda p: {
                "name": p.name,
                "email": p.email,
                "phone": p.phone,
                "linked": p.user_id == user.pk,
            },
        )
    )

    add(
        _section(
            "memberships",
            _("Seats in bodies"),
            [
                ("body", _("Body")),
                ("role", _("Role")),
                ("title", _("Title")),
                ("represents", _("Represents")),
                ("party", _("Party")),
                ("start", _("From")),
                ("end", _("Until")),
            ],
            Membership.objects.filter(person_id__in=person_ids)
            .select_related("body", "organisation", "party")
            .order_by("-start", "pk"),
            lambda m: {
                "body": m.body.name,
                "role": m.get_role_display(),
                "title": m.title,
                "represents": m.organisation.name if m.organisation_id else "",
                "party": m.party.abbreviation if m.party_id else "",
                "start": m.start,
                "end": m.end,
            },
        )
    )

    attendance, total = _bounded(
        Attendance.objects.filter(Q(person_id__in=person_ids) | Q(substitute_for_id__in=person_ids))
        .select_related("meeting", "body", "organisation", "person", "substitute_for")
        .order_by("-meeting__date", "-pk")
    )
    add(
        _section(
            "attendance",
            _("Attendance at meetings"),
            [
                ("meeting", _("Meeting")),
                ("date", _("Date")),
                ("person", _("Who")),
                ("status", _("Status")),
                ("body", _("Body")),
                ("represents", _("Represents")),
                ("substitute_for", _("Substitutes for")),
                ("note", _("Note")),
            ],
            attendance,
            lambda a: {
                "meeting": a.meeting.title,
                "date": a.meeting.date,
                "person": a.person.name,
                "status": _display(Attendance.Status, a.status),
                "body": a.body.name if a.body_id else "",
                "represents": a.organisation.name if a.organisation_id else "",
                "substitute_for": a.substitute_for.name if a.substitute_for_id else "",
                "note": a.note,
            },
            total,
        )
    )

    invitations, total = _bounded(
        Invitation.objects.filter(person_id__in=person_ids)
        .select_related("meeting")
        .order_by("-meeting__date", "-pk")
    )
    add(
        _section(
            "invitations",
            _("Invitations to meetings"),
            [
                ("meeting", _("Meeting")),
                ("date", _("Date")),
                ("sent", _("Sent")),
                ("response", _("Your answer")),
                ("responded", _("Answered")),
            ],
            invitations,
            lambda i: {
                "meeting": i.meeting.title,
                "date": i.meeting.date,
                "sent": _local(i.sent_at),
                "response": _display(Invitation.Response, i.response),
                "responded": _local(i.responded_at),
            },
            total,
        )
    )

    actions, total = _bounded(
        ActionItem.objects.filter(owner_id__in=person_ids)
        .select_related("agenda_item__meeting")
        .order_by("-agenda_item__meeting__date", "-pk")
    )
    add(
        _section(
            "action_items",
            _("Tasks given to you in minutes"),
            [
                ("what", _("What")),
                ("meeting", _("Meeting")),
                ("due", _("Due")),
                ("status", _("Status")),
            ],
            actions,
            lambda a: {
                "what": a.what,
                "meeting": str(a.agenda_item.meeting),
                "due": a.due,
                "status": _display(ActionItem.Status, a.status),
            },
            total,
        )
    )

    minutes_taken, total = _bounded(
        Meeting.objects.filter(minutes_taker_id__in=person_ids).order_by("-date", "-pk")
    )
    add(
        _section(
            "minutes_taker",
            _("Meetings where you take the minutes"),
            [("meeting", _("Meeting")), ("date", _("Date"))],
            minutes_taken,
            lambda m: {"meeting": m.title, "date": m.date},
            total,
        )
    )

    add(
        _section(
            "signatures",
            _("Signatures of the agreement"),
            [
                ("organisation", _("Organisation")),
                ("agreement", _("Agreement")),
                ("status", _("Status")),
                ("name", _("Signed by")),
                ("role", _("Role in the organisation")),
                ("email", _("Email address")),
                ("signed", _("Signed")),
            ],
            signatures(user).select_related("organisation", "agreement").order_by("-signed_at"),
            lambda s: {
                "organisation": s.organisation.name,
                "agreement": s.agreement.title,
                "status": s.get_status_display(),
                "name": s.signatory_name,
                "role": s.signatory_role,
                "email": s.signatory_email,
                "signed": _local(s.signed_at),
            },
        )
    )

    add(
        _section(
            "signature_forms",
            _("Signing forms you have not confirmed"),
            [
                ("organisation", _("Organisation")),
                ("name", _("Signed by")),
                ("created", _("Filled in")),
                ("expires", _("Link valid until")),
            ],
            unconfirmed_signature_forms(user)
            .select_related("organisation")
            .order_by("-created_at"),
            lambda a: {
                "organisation": a.organisation.name
                if a.organisation_id
                else a.data.get("name", ""),
                "name": a.data.get("signatory_name", ""),
                "created": _local(a.created_at),
                "expires": _local(a.expires_at),
            },
        )
    )

    sent, total = _bounded(
        inquiries(user).select_related("organisation").order_by("-created_at", "-pk")
    )
    add(
        _section(
            "inquiries",
            _("Inquiries you sent (One way in)"),
            [
                ("reference", _("Reference number")),
                ("subject", _("Subject")),
                ("kind", _("Kind of request")),
                ("status", _("Status")),
                ("name", _("Your name")),
                ("email", _("Email address")),
                ("organisation", _("Organisation")),
                ("created", _("Filled in")),
                ("received", _("Received")),
                ("text", _("Text")),
            ],
            sent,
            lambda i: {
                "reference": i.reference or "",
                "subject": i.subject,
                "kind": _display(InquiryKind, i.kind),
                "status": _display(InquiryStatus, i.status),
                "name": i.sender_name,
                "email": i.sender_email,
                "organisation": i.organisation_display,
                "created": _local(i.created_at),
                "received": _local(i.received_at),
                "text": i.text,
            },
            total,
        )
    )

    answered, total = _bounded(
        responses(user)
        .select_related("consultation", "organisation")
        .order_by("-created_at", "-pk")
    )
    add(
        _section(
            "responses",
            _("Consultation responses"),
            [
                ("consultation", _("Consultation")),
                ("reference", _("Registration number")),
                ("status", _("Status")),
                ("name", _("Name")),
                ("email", _("Email address")),
                ("organisation", _("Organisation")),
                ("created", _("Written")),
                ("received", _("Received")),
                ("file", _("Attached file")),
                ("text", _("Response")),
            ],
            answered,
            lambda r: {
                "consultation": r.consultation.title,
                "reference": r.reference or "",
                "status": _display(ResponseStatus, r.status),
                "name": r.responder_name,
                "email": r.responder_email,
                "organisation": r.organisation.name if r.organisation_id else r.organisation_text,
                "created": _local(r.created_at),
                "received": _local(r.received_at),
                "file": r.file_name,
                "text": r.text,
            },
            total,
        )
    )

    subscriber_list = list(subscribers(user).prefetch_related("topics"))
    keys = {t.topic for s in subscriber_list for t in s.topics.all()}
    names = topic_keys.labels(sorted(keys)) if keys else {}
    add(
        _section(
            "subscriptions",
            _("Subscriptions by email"),
            [
                ("email", _("Email address")),
                ("frequency", _("How often")),
                ("language", _("Language")),
                ("created", _("Asked for")),
                ("confirmed", _("Confirmed")),
                ("bounced", _("Bounced")),
                ("topics", _("Follows")),
            ],
            subscriber_list,
            lambda s: {
                "email": s.email,
                "frequency": s.get_frequency_display(),
                "language": s.get_language_display(),
                "created": _local(s.created_at),
                "confirmed": _local(s.confirmed_at),
                "bounced": _local(s.bounced_at),
                "topics": sorted(names.get(t.topic, t.topic) for t in s.topics.all()),
            },
        )
    )

    add(
        _section(
            "watch_items",
            _("Contact person on the watch list"),
            [
                ("item", _("Item")),
                ("name", _("Contact person")),
                ("role", _("Role")),
                ("email", _("Email address")),
                ("email_public", _("Email shown publicly")),
            ],
            watch_items(user).order_by("title_sort", "pk"),
            lambda w: {
                "item": w.title,
                "name": w.contact_name,
                "role": w.contact_role,
                "email": w.contact_email,
                "email_public": w.contact_email_public,
            },
        )
    )

    emails, total = _bounded(
        emails_to(user)
        .only("created_at", "subject", "status", "sent_at")
        .order_by("-created_at", "-pk")
    )
    add(
        _section(
            "emails",
            _("Emails sent to you"),
            [
                ("created", _("Written")),
                ("subject", _("Subject")),
                ("status", _("Status")),
                ("sent", _("Sent")),
            ],
            emails,
            lambda e: {
                "created": _local(e.created_at),
                "subject": e.subject,
                "status": _display(OutboundEmail.Status, e.status),
                "sent": _local(e.sent_at),
            },
            total,
        )
    )

    changes, total = _bounded(
        change_records(user).select_related("content_type").order_by("-at", "-pk")
    )
    add(
        _section(
            "change_history",
            _("Changes you made to official records"),
            [
                ("at", _("When")),
                ("record", _("Record")),
                ("kind", _("Kind of record")),
                ("action", _("What happened")),
                ("fields", _("Fields")),
            ],
            changes,
            lambda c: {
                "at": _local(c.at),
                "record": c.object_repr,
                "kind": _kind_label(c),
                "action": _display(ChangeRecord.Action, c.action),
                "fields": sorted(c.changes),
            },
            total,
        )
    )

    add(
        _section(
            "corrections",
            _("Your corrections"),
            [
                ("at", _("When")),
                ("what", _("What")),
                ("before", _("Before")),
                ("after", _("After")),
            ],
            Correction.objects.filter(user=user),
            lambda c: {
                "at": _local(c.at),
                "what": c.get_field_display(),
                "before": c.before,
                "after": c.after,
            },
        )
    )
    return data


def _kind_label(record: ChangeRecord) -> str:
    model = record.content_type.model_class()
    return str(model._meta.verbose_name) if model else record.content_type.model


# --- Erasure: what would be erased and what kept -----------------------------------------------

#: What erasure removes, by code (stored in ErasureRequest.erased).
ERASED = {
    "account": _("Your name and email address in your account; the account is closed"),
    "identities": _("Your e-ID login identities"),
    "login_links": _("Your login links"),
    "roles": _("Your roles and your places in handling teams"),
    "representations": _("Your right to act for organisations in Samverkan"),
    "subscriptions": _("Your subscriptions by email"),
    "unconfirmed_inquiries": _("Inquiries you never confirmed, with their files"),
    "unconfirmed_responses": _("Consultation responses you never confirmed, with their files"),
    "unconfirmed_signatures": _("Signing forms you never confirmed"),
    "emails": _("The copies of emails sent to you: address, subject and text"),
    "people": _("Your entry in the council's list of people, which no record uses"),
    "person_contact": _("Your email address and phone number in the council's list of people"),
    "corrections": _("The record of your corrections"),
}

#: What erasure keeps, by code, with the reason (stored in ErasureRequest.kept).
KEPT = {
    "signatures": (
        _("Signatures of the agreement made with your name"),
        _(
            "A signature is an official record (allmän handling) of the register. Archive law "
            "comes before the right to erasure: it is only disposed of under a disposal decision."
        ),
    ),
    "inquiries": (
        _("Inquiries you sent that were registered"),
        _(
            "An inquiry is an official record from its arrival. When it is closed and filed in "
            "the municipality's registry, the secretary can erase your personal data from it."
        ),
    ),
    "responses": (
        _("Consultation responses you sent that were registered"),
        _("A registered consultation response is an official record; archive law keeps it."),
    ),
    "meetings": (
        _("Your name in the records of meetings: attendance, seats, tasks and invitations"),
        _("Minutes, attendance and seats are official records of the council's work."),
    ),
    "person_contact": (
        _("Your email address and phone number in the council's list of people"),
        _(
            "You still have a seat in a body, and notices are sent to you. Ask the secretary to "
            "end the seat; then they can be removed."
        ),
    ),
    "change_history": (
        _("Your name as the person who changed official records"),
        _("The history of an official record, with who changed it, is part of the record."),
    ),
    "watch_items": (
        _("Your name and contact details as contact person on the watch list"),
        _("The department chooses the contact person of its work; ask the secretary to change it."),
    ),
}


@dataclass
class PlanEntry:
    code: str
    count: int
    references: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"code": self.code, "count": self.count, "references": self.references}


@dataclass
class ErasurePlan:
    """What erasing ``user`` would remove and keep; the ids the service acts on."""

    erased: list[PlanEntry]
    kept: list[PlanEntry]
    deletable_people: list[int]
    contact_people: list[int]
    seated_people: list[int]
    linked_people: list[int]


def _current_seat(today: date):
    return Membership.objects.filter(person=OuterRef("pk")).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )


def _listed(code: str, queryset: QuerySet, label) -> PlanEntry:
    """How many, and the first REFERENCE_LIMIT named (a count only when there are more)."""
    objects = list(queryset[: REFERENCE_LIMIT + 1])
    total = len(objects) if len(objects) <= REFERENCE_LIMIT else queryset.count()
    return PlanEntry(code, total, [label(obj) for obj in objects[:REFERENCE_LIMIT]])


def erasure_plan(user: User) -> ErasurePlan:
    """Sort the person's data into what erasure removes and what official records keep."""
    today = timezone.localdate()
    uses = {
        "seat": Membership.objects.filter(person=OuterRef("pk")),
        "attendance": Attendance.objects.filter(person=OuterRef("pk")),
        "substitution": Attendance.objects.filter(substitute_for=OuterRef("pk")),
        "task": ActionItem.objects.filter(owner=OuterRef("pk")),
        "invitation": Invitation.objects.filter(person=OuterRef("pk")),
        "minutes": Meeting.objects.filter(minutes_taker=OuterRef("pk")),
    }
    person_rows = list(
        people(user)
        .annotate(seated=Exists(_current_seat(today)))
        .annotate(**{f"used_{name}": Exists(queryset) for name, queryset in uses.items()})
        .order_by("pk")
    )
    for person in person_rows:
        person.in_records = any(getattr(person, f"used_{name}") for name in uses)
    deletable = [p for p in person_rows if not p.in_records]
    seated = [p for p in person_rows if p.in_records and p.seated]
    contact = [p for p in person_rows if p.in_records and not p.seated and (p.email or p.phone)]
    in_records = [p.pk for p in person_rows if p.in_records]

    erased: list[PlanEntry] = [PlanEntry("account", 1)]
    for code, queryset in (
        ("identities", ExternalIdentity.objects.filter(user=user)),
        ("login_links", LoginLink.objects.filter(user=user)),
        ("representations", Representation.objects.filter(user=user)),
        ("subscriptions", subscribers(user)),
        ("unconfirmed_inquiries", inquiries(user).filter(status=InquiryStatus.UNCONFIRMED)),
        ("unconfirmed_responses", responses(user).filter(status=ResponseStatus.PENDING)),
        ("unconfirmed_signatures", unconfirmed_signature_forms(user)),
        ("emails", emails_to(user)),
        ("corrections", Correction.objects.filter(user=user)),
    ):
        erased.append(PlanEntry(code, queryset.count()))
    roles = user.groups.count() + HandlingTeam.objects.filter(members=user).count()
    erased.insert(3, PlanEntry("roles", roles))
    erased.append(PlanEntry("people", len(deletable)))
    erased.append(PlanEntry("person_contact", len(contact)))

    kept: list[PlanEntry] = [
        _listed(
            "signatures",
            signatures(user)
            .select_related("organisation", "agreement")
            .order_by("signed_at", "pk"),
            lambda s: f"{s.organisation.name} – {s.agreement.title}",
        ),
        _listed(
            "inquiries",
            inquiries(user).filter(reference__isnull=False).order_by("received_at", "pk"),
            lambda i: i.reference,
        ),
        _listed(
            "responses",
            responses(user)
            .filter(status=ResponseStatus.REGISTERED)
            .select_related("consultation")
            .order_by("received_at", "pk"),
            lambda r: f"{r.reference} ({r.consultation.title})",
        ),
    ]
    # The meetings whose records name them, as sets of ids: one indexed query per kind of
    # record instead of one query joining them all.
    meeting_ids = set(
        Attendance.objects.filter(
            Q(person_id__in=in_records) | Q(substitute_for_id__in=in_records)
        ).values_list("meeting_id", flat=True)
    )
    meeting_ids |= set(
        ActionItem.objects.filter(owner_id__in=in_records).values_list(
            "agenda_item__meeting_id", flat=True
        )
    )
    meeting_ids |= set(
        Invitation.objects.filter(person_id__in=in_records).values_list("meeting_id", flat=True)
    )
    meeting_ids |= set(
        Meeting.objects.filter(minutes_taker_id__in=in_records).values_list("pk", flat=True)
    )
    seats = list(
        Membership.objects.filter(person_id__in=in_records)
        .select_related("body")
        .order_by("start", "pk")
    )
    seat_refs = [
        f"{m.body.name} {m.start:%Y-%m-%d}–{m.end:%Y-%m-%d}"
        if m.end
        else f"{m.body.name} {m.start:%Y-%m-%d}–"
        for m in seats
    ]
    meeting_refs = [
        str(m)
        for m in Meeting.objects.filter(pk__in=meeting_ids).order_by("date", "pk")[
            : max(REFERENCE_LIMIT - len(seat_refs), 0)
        ]
    ]
    kept.append(
        PlanEntry(
            "meetings", len(meeting_ids) + len(seats), (seat_refs + meeting_refs)[:REFERENCE_LIMIT]
        )
    )
    kept.append(
        PlanEntry(
            "person_contact",
            len([p for p in seated if p.email or p.phone]),
            [p.name for p in seated if p.email or p.phone],
        )
    )
    kept.append(PlanEntry("change_history", change_records(user).count()))
    kept.append(
        _listed("watch_items", watch_items(user).order_by("title_sort", "pk"), lambda w: w.title)
    )
    return ErasurePlan(
        erased=[entry for entry in erased if entry.count],
        kept=[entry for entry in kept if entry.count],
        deletable_people=[p.pk for p in deletable],
        contact_people=[p.pk for p in contact],
        seated_people=[p.pk for p in seated],
        linked_people=[p.pk for p in person_rows if p.user_id == user.pk],
    )


def erased_label(code: str) -> str:
    return str(ERASED.get(code, code))


def kept_label(code: str) -> tuple[str, str]:
    label, why = KEPT.get(code, (code, ""))
    return str(label), str(why)


def erasure_requests() -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.order_by("-requested_at", "-pk")
