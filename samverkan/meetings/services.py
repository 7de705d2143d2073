"""Every change to bodies, meetings and minutes goes through here, in a transaction."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Max, Q, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.models import hash_token, new_token
from samverkan.core.swedish import format_when, search_document, sort_key
from samverkan.meetings import ical
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    CarriedOverPoint,
    Decision,
    Invitation,
    Meeting,
    Membership,
    MembershipRole,
    MinutesRevision,
    Party,
    Person,
)
from samverkan.meetings.uploads import check_attachment
from samverkan.organisations.models import Organisation
from samverkan.outbox.services import Attachment as EmailAttachment
from samverkan.outbox.services import email_queue_template
from samverkan.subscriptions import topics as subscription_topics
from samverkan.subscriptions.models import HappeningKind
from samverkan.subscriptions.services import happening_record

_BODY_ROLES = {"council": Role.COUNCIL_MEMBER, "network": Role.C_NETWORK_MEMBER}

# --- People and bodies ------------------------------------------------------------------------


def person_create(
    *, name: str, email: str = "", phone: str = "", user: User | None = None
) -> Person:
    """A person in the council's work. With an email address they get an account (without a
    password) so that they can log in by an emailed link and see their bodies' meetings."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Enter the person's name.")})
    email = email.strip().lower()
    if user is None and email:
        candidate = user_get_or_create(email=email, full_name=name)
        if not Person.objects.filter(user=candidate).exists():
            user = candidate
    return Person.objects.create(
        name=name, name_sort=sort_key(name), email=email, phone=phone, user=user
    )


def person_update(*, person: Person, name: str, email: str = "", phone: str = "") -> Person:
    person.name = " ".join(name.split())
    person.name_sort = sort_key(person.name)
    person.email = email.strip().lower()
    person.phone = phone
    person.full_clean()
    person.save()
    return person


def body_create(
    *,
    name: str,
    slug: str,
    kind: str,
    purpose: str = "",
    parent: Body | None = None,
    short_name: str = "",
    active_from: date | None = None,
    active_to: date | None = None,
) -> Body:
    body = Body(
        name=name,
        slug=slug,
        kind=kind,
        purpose=purpose,
        parent=parent,
        short_name=short_name,
        active_from=active_from,
        active_to=active_to,
    )
    body.full_clean()
    body.save()
    return body


@transaction.atomic
def membership_add(
    *,
    body: Body,
    person: Person | None,
    start: date,
    organisation: Organisation | None = None,
    party: Party | None = None,
    role: str = MembershipRole.MEMBER,
    title: str = "",
    end: date | None = None,
) -> Membership:
    """Give a person (or, with no person, a vacant seat) a place in a body from a date."""
    if person is None and organisation is None:
        raise ValidationError(_("A vacant seat must belong to an organisation or department."))
    if party is not None and organisation is not None:
        raise ValidationError(_("An elected politician represents a party, not an organisation."))
    if person is not None:
        overlapping = Membership.objects.filter(body=body, person=person).filter(
            Q(end__isnull=True) | Q(end__gte=start)
        )
        if end is not None:
            overlapping = overlapping.filter(start__lte=end)
        if overlapping.exists():
            raise ValidationError(
                _("%(name)s is already a member of %(body)s in that period.")
                % {"name": person.name, "body": body.name}
            )
    membership = Membership(
        body=body,
        person=person,
        organisation=organisation,
        party=party,
        role=role,
        title=title,
        start=start,
        end=end,
    )
    membership.full_clean()
    membership.save()
    if person is not None and person.user_id and body.kind in _BODY_ROLES:
        role_grant(user=person.user, role=_BODY_ROLES[body.kind])
    return membership


def membership_end(*, membership: Membership, end: date) -> Membership:
    if end < membership.start:
        raise ValidationError({"end": _("The end cannot be before the start.")})
    membership.end = end
    membership.save(update_fields=["end"])
    return membership


# --- Meetings ---------------------------------------------------------------------------------


def _overlaps(
    meeting_date: date | None,
    start: time | None,
    end: time | None,
    all_day: bool,
    bodies: Iterable[Body],
    exclude_pk: int | None,
) -> list[Meeting]:
    if meeting_date is None:
        return []
    same_day = (
        Meeting.objects.filter(date=meeting_date, bodies__in=list(bodies))
        .exclude(status=Meeting.Status.CANCELLED)
        .distinct()
    )
    if exclude_pk:
        same_day = same_day.exclude(pk=exclude_pk)
    clashes = []
    for other in same_day:
        if all_day or other.all_day or start is None or other.start_time is None:
            clashes.append(other)
            continue
        other_end = (
            other.end_time
            or (datetime.combine(meeting_date, other.start_time) + timedelta(hours=1)).time()
        )
        this_end = end or (datetime.combine(meeting_date, start) + timedelta(hours=1)).time()
        if start < other_end and other.start_time < this_end:
            clashes.append(other)
    return clashes


def _check_meeting(meeting: Meeting, bodies: list[Body]) -> None:
    if not bodies:
        raise ValidationError({"bodies": _("Choose at least one body.")})
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    clashes = _overlaps(
        meeting.date, meeting.start_time, meeting.end_time, meeting.all_day, bodies, meeting.pk
    )
    if clashes:
        other = clashes[0]
        raise ValidationError(
            {
                "start_time": _("%(body)s already has a meeting then: %(title)s, %(when)s.")
                % {
                    "body": ", ".join(b.name for b in bodies if b in other.bodies.all())
                    or bodies[0].name,
                    "title": other.title,
                    "when": meeting_when(other),
                }
            }
        )


def meeting_when(meeting: Meeting) -> str:
    if meeting.date is None:
        return _("date not decided")
    tz = timezone.get_current_timezone()
    start = datetime.combine(meeting.date, meeting.start_time or time(0), tzinfo=tz)
    end = datetime.combine(meeting.date, meeting.end_time, tzinfo=tz) if meeting.end_time else None
    if meeting.all_day or meeting.start_time is None:
        return format_when(meeting.date)
    return format_when(start, end)


MEETING_FIELDS = (
    "kind",
    "title",
    "date",
    "start_time",
    "end_time",
    "all_day",
    "place",
    "online_url",
    "visibility",
    "minutes_taker",
)


# Tabled and follow-up points come back at the body's next business meeting, not at a theme
# evening, training or conference.
CARRY_OVER_KINDS = ("meeting", "joint_meeting", "working_group_meeting")


@transaction.atomic
def meeting_create(*, bodies: Iterable[Body], carry_over: bool = True, **fields) -> Meeting:
    """Plan a meeting (a date in the calendar is enough). Points tabled or marked for follow-up
    at the bodies' earlier meetings appear by themselves on its draft agenda."""
    bodies = list(bodies)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    meeting = Meeting(**fields)
    if meeting.all_day:
        meeting.start_time = meeting.end_time = None
    _check_meeting(meeting, bodies)
    meeting.full_clean()
    meeting.save()
    meeting.bodies.set(bodies)
    if carry_over and meeting.kind in CARRY_OVER_KINDS:
        agenda_add_carried_over_points(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, bodies: Iterable[Body] | None = None, **fields) -> Meeting:
    """Change a meeting. If the notice was already sent, everyone invited gets an updated
    invitation (same UID, higher SEQUENCE)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting is cancelled and cannot be changed."))
    timing = ("date", "start_time", "end_time", "all_day", "place", "online_url", "title")
    changed = any(getattr(meeting, f) != v for f, v in fields.items() if f in timing)
    for field, value in fields.items():
        setattr(meeting, field, value)
    if meeting.all_day:
        meeting.start_time = meeting.end_time = None
    body_list = list(bodies) if bodies is not None else list(meeting.bodies.all())
    _check_meeting(meeting, body_list)
    meeting.full_clean()
    if changed and meeting.status == Meeting.Status.NOTICE_SENT:
        meeting.sequence += 1
    meeting.save()
    if bodies is not None:
        meeting.bodies.set(body_list)
    if changed and meeting.status == Meeting.Status.NOTICE_SENT:
        _send_invitations(meeting, update=True)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str = "") -> Meeting:
    """Cancel a meeting; everyone who was invited gets a cancellation (METHOD:CANCEL)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        return meeting
    was_sent = meeting.status == Meeting.Status.NOTICE_SENT
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    meeting.save()
    # Points that were to come back at this meeting come back at the next one instead.
    released = CarriedOverPoint.objects.filter(resolved_in__meeting=meeting)
    bodies = list(meeting.bodies.all())
    if released.update(resolved_in=None):
        _bring_back_carried_over_points(bodies, after=meeting.date)
    if was_sent:
        for invitation in meeting.invitations.select_related("person").exclude(person__email=""):
            email_queue_template(
                to=invitation.person.email,
                template="meetings/email/cancellation",
                context={
                    "meeting": meeting,
                    "person": invitation.person,
                    "reason": reason,
                    "when": meeting_when(meeting),
                },
                attachments=[
                    EmailAttachment(
                        "inställt.ics",
                        _swedish_ics(meeting, invitation.person, "CANCEL"),
                        "text/calendar; method=CANCEL; charset=utf-8",
                    )
                ],
                dedup_key=f"meeting-cancel:{meeting.pk}:{meeting.sequence}:{invitation.person_id}",
            )
    return meeting


def _swedish_ics(meeting: Meeting, person: Person, method: str) -> bytes:
    """Calendar files go out in Swedish, like the emails they are attached to."""
    with translation.override("sv"):
        return ical.invitation_ics(meeting, person, method=method)


def members_on(body_ids: Iterable[int], day: date):
    return Membership.objects.filter(body_id__in=list(body_ids), start__lte=day).filter(
        Q(end__isnull=True) | Q(end__gte=day)
    )


def invitees(meeting: Meeting) -> list[Person]:
    """Everyone with a seat in the meeting's bodies on its date (vacant seats excluded)."""
    day = meeting.date or timezone.localdate()
    people = (
        Person.objects.filter(
            memberships__in=members_on(meeting.bodies.values_list("pk", flat=True), day)
        )
        .distinct()
        .order_by("name_sort")
    )
    return list(people)


def _send_invitations(meeting: Meeting, *, update: bool) -> int:
    sent = 0
    for person in invitees(meeting):
        invitation = Invitation.objects.filter(meeting=meeting, person=person).first()
        raw, token_hash = new_token()
        expires = _link_expiry(meeting)
        if invitation is None:
            invitation = Invitation.objects.create(
                meeting=meeting, person=person, token_hash=token_hash, expires_at=expires
            )
        else:
            if invitation.sent_sequence == meeting.sequence and invitation.sent_at:
                continue  # this version already went to this person: nobody gets two emails
            invitation.token_hash = token_hash
            invitation.expires_at = expires
        if not person.email:
            invitation.save()
            continue
        email_queue_template(
            to=person.email,
            template="meetings/email/update" if update else "meetings/email/invitation",
            context={
                "meeting": meeting,
                "person": person,
                "when": meeting_when(meeting),
                "agenda": list(meeting.agenda_items.all()),
                "path": reverse("meetings:invitation_respond", args=[raw]),
            },
            attachments=[
                EmailAttachment(
                    "kallelse.ics",
                    _swedish_ics(meeting, person, "REQUEST"),
                    "text/calendar; method=REQUEST; charset=utf-8",
                )
            ],
            dedup_key=f"meeting-invite:{meeting.pk}:{meeting.sequence}:{person.pk}",
        )
        invitation.sent_at = timezone.now()
        invitation.sent_sequence = meeting.sequence
        invitation.save()
        sent += 1
    return sent


def _link_expiry(meeting: Meeting) -> datetime:
    """The personal link works until the meeting has ended."""
    tz = timezone.get_current_timezone()
    day = meeting.date or (timezone.localdate() + timedelta(days=365))
    end = meeting.end_time if (meeting.end_time and not meeting.all_day) else time(23, 59)
    return datetime.combine(day, end, tzinfo=tz)


@transaction.atomic
def notice_send(*, meeting: Meeting) -> int:
    """Send the notice (kallelse): every member gets an email with the agenda, a calendar file
    and a personal link to report attendance or absence. Sending again sends nothing twice."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."))
    if meeting.date is None:
        raise ValidationError(_("Set the date before sending the notice."))
    if meeting.date < timezone.localdate():
        raise ValidationError(_("The meeting has already taken place."))
    first = meeting.status != Meeting.Status.NOTICE_SENT
    if first:
        meeting.status = Meeting.Status.NOTICE_SENT
        meeting.notice_sent_at = timezone.now()
        meeting.save(update_fields=["status", "notice_sent_at", "updated_at"])
        _tell_followers_of_notice(meeting)
    return _send_invitations(meeting, update=False)


def invitation_check(*, raw_token: str, user: User | None = None) -> Invitation:
    invitation = (
        Invitation.objects.select_related("meeting", "person")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if invitation is None:
        raise ValidationError(
            _("This link is not valid. Use the link in the latest email."), code="invalid"
        )
    if (
        user is not None
        and user.is_authenticated
        and invitation.person.user_id not in (None, user.pk)
    ):
        raise ValidationError(
            _("This link belongs to someone else. Each member has their own link."),
            code="someone_else",
        )
    if invitation.meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."), code="cancelled")
    if invitation.is_expired:
        raise ValidationError(
            _("The meeting has already taken place, so attendance can no longer be reported here."),
            code="expired",
        )
    return invitation


@transaction.atomic
def invitation_respond(*, raw_token: str, response: str, user: User | None = None) -> Invitation:
    """A member says they are coming, or cannot come (förhinder), without logging in."""
    invitation = invitation_check(raw_token=raw_token, user=user)
    if response not in (Invitation.Response.ATTENDING, Invitation.Response.ABSENT):
        raise ValidationError(_("Choose whether you are coming or not."))
    invitation.response = response
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["response", "responded_at"])
    return invitation


# --- Agenda -----------------------------------------------------------------------------------


def _next_position(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    item_type: str = "information",
    presenter: str = "",
    description: str = "",
    position: int | None = None,
    carried_over_from: CarriedOverPoint | None = None,
) -> AgendaItem:
    if not title.strip():
        raise ValidationError({"title": _("Give the item a title.")})
    if position is None:
        position = _next_position(meeting)
    elif meeting.agenda_items.filter(position=position).exists():
        raise ValidationError(
            {"position": _("There is already an item number %(n)s.") % {"n": position}}
        )
    return AgendaItem.objects.create(
        meeting=meeting,
        title=title.strip(),
        item_type=item_type,
        presenter=presenter,
        description=description,
        position=position,
        carried_over_from=carried_over_from,
    )


def _bring_back_carried_over_points(bodies: list[Body], *, after: date | None) -> None:
    """If the bodies' next business meeting is already planned, put the open points on it now."""
    following = (
        Meeting.objects.filter(
            bodies__in=bodies, date__gt=after or timezone.localdate(), kind__in=CARRY_OVER_KINDS
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(minutes_status=Meeting.MinutesStatus.PUBLISHED)
        .order_by("date", "start_time")
        .first()
    )
    if following is not None:
        agenda_add_carried_over_points(meeting=following)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> AgendaItem:
    """Move an item one place up or down the agenda (its number changes with it)."""
    items = list(item.meeting.agenda_items.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    swap = index - 1 if up else index + 1
    if swap < 0 or swap >= len(items):
        return item
    first, second = items[index], items[swap]
    positions = (first.position, second.position)
    # Park one item outside the range so the unique (meeting, position) constraint holds.
    AgendaItem.objects.filter(pk=first.pk).update(position=0)
    AgendaItem.objects.filter(pk=second.pk).update(position=positions[0])
    AgendaItem.objects.filter(pk=first.pk).update(position=positions[1])
    item.refresh_from_db()
    return item


def agenda_add_carried_over_points(*, meeting: Meeting) -> list[AgendaItem]:
    """Put the open tabled and follow-up points of the meeting's bodies on its agenda."""
    added = []
    open_points = (
        CarriedOverPoint.objects.filter(body__in=meeting.bodies.all(), resolved_in__isnull=True)
        .exclude(origin__meeting=meeting)
        .filter(origin__meeting__date__lt=meeting.date or date.max)
        .select_related("origin__meeting")
        .order_by("origin__meeting__date", "pk")
    )
    already = set(
        meeting.agenda_items.exclude(carried_over_from=None).values_list(
            "carried_over_from", flat=True
        )
    )
    for point in open_points:
        if point.pk in already:
            continue
        item = agenda_item_add(
            meeting=meeting,
            title=point.title,
            item_type="information",
            carried_over_from=point,
            description=_("Carried over from %(meeting)s.")
            % {"meeting": str(point.origin.meeting)},
        )
        point.resolved_in = item
        point.save(update_fields=["resolved_in"])
        added.append(item)
    return added


# --- Minutes ----------------------------------------------------------------------------------


def _editable(meeting: Meeting) -> None:
    if meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED:
        raise ValidationError(
            _("The minutes are published. Changes need a reason and are kept in the history.")
        )


_BODY_PRECEDENCE = Case(
    When(body__kind="council", then=0),
    When(body__kind="network", then=1),
    default=2,
    output_field=IntegerField(),
)


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    person: Person,
    status: str,
    substitute_for: Person | None = None,
    note: str = "",
) -> Attendance:
    """Record one person's attendance, with the body, organisation and party of their seat."""
    _editable(meeting)
    if not Person.objects.filter(pk=person.pk).exists():
        raise ValidationError(_("Unknown person."))
    day = meeting.date or timezone.localdate()
    # A person with seats in several of the meeting's bodies is recorded under the council
    # first (then the network, then others), where their role there (e.g. secretary) applies.
    seat = (
        members_on(meeting.bodies.values_list("pk", flat=True), day)
        .filter(person=person)
        .select_related("body")
        .order_by(_BODY_PRECEDENCE, "body_id")
        .first()
    )
    if seat is None and status not in (Attendance.Status.GUEST,) and substitute_for is None:
        raise ValidationError(
            _(
                "%(name)s is not a member of the meeting's bodies. Record them as a guest or as a substitute."
            )
            % {"name": person.name}
        )
    if substitute_for is not None and substitute_for.pk == person.pk:
        raise ValidationError(_("Nobody can substitute for themselves."))
    substituted_seat = None
    if substitute_for is not None:
        substituted_seat = (
            members_on(meeting.bodies.values_list("pk", flat=True), day)
            .filter(person=substitute_for)
            .first()
        )
    source = seat or substituted_seat
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "status": status,
            "substitute_for": substitute_for,
            "note": note,
            "body": source.body if source else None,
            "organisation": source.organisation if source else None,
            "party": source.party if source else None,
            "role": seat.role if seat else "",
        },
    )
    return attendance


@transaction.atomic
def attendance_prefill(*, meeting: Meeting) -> int:
    """Fill the attendance list from the members, using their answers to the invitation."""
    _editable(meeting)
    answers = dict(meeting.invitations.values_list("person_id", "response"))
    count = 0
    for person in invitees(meeting):
        if Attendance.objects.filter(meeting=meeting, person=person).exists():
            continue
        status = (
            Attendance.Status.APOLOGIES
            if answers.get(person.pk) == Invitation.Response.ABSENT
            else Attendance.Status.PRESENT
        )
        attendance_record(meeting=meeting, person=person, status=status)
        count += 1
    return count


@transaction.atomic
def agenda_item_record(*, item: AgendaItem, notes: str) -> AgendaItem:
    _editable(item.meeting)
    item.notes = notes
    item.save(update_fields=["notes"])
    return item


@transaction.atomic
def decision_add(*, item: AgendaItem, text: str, body: Body | None = None) -> Decision:
    meeting = item.meeting
    _editable(meeting)
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    body = body or meeting.bodies.order_by("pk").first()
    decision = Decision.objects.create(
        agenda_item=item,
        body=body,
        date=meeting.date or timezone.localdate(),
        text=text.strip(),
        search_document=search_document(text, item.title),
    )
    return decision


@transaction.atomic
def action_item_add(
    *,
    item: AgendaItem,
    what: str,
    owner: Person | None = None,
    owner_text: str = "",
    due: date | None = None,
) -> ActionItem:
    _editable(item.meeting)
    if not what.strip():
        raise ValidationError({"what": _("Describe what is to be done.")})
    if owner is None and not owner_text.strip():
        raise ValidationError({"owner": _("Say who will do it.")})
    return ActionItem.objects.create(
        agenda_item=item, what=what.strip(), owner=owner, owner_text=owner_text.strip(), due=due
    )


@transaction.atomic
def action_item_set_done(*, action: ActionItem, done: bool = True) -> ActionItem:
    action.status = ActionItem.Status.DONE if done else ActionItem.Status.OPEN
    action.done_at = timezone.now() if done else None
    action.save(update_fields=["status", "done_at"])
    return action


@transaction.atomic
def point_carry_over(
    *, item: AgendaItem, kind: str, title: str = "", reason: str = ""
) -> CarriedOverPoint:
    """Table a point (or the whole item) for lack of time, or mark it for follow-up at the next
    meeting. It appears on the next meeting's draft agenda; if that meeting is already planned,
    it is added there now."""
    meeting = item.meeting
    _editable(meeting)
    previous = item.carried_over_from
    body = meeting.bodies.order_by("pk").first()
    point = CarriedOverPoint.objects.create(
        origin=item,
        body=body,
        kind=kind,
        title=(title or item.title).strip(),
        reason=reason,
        previous=previous,
    )
    _bring_back_carried_over_points([body], after=meeting.date)
    return point


@transaction.atomic
def minutes_publish(*, meeting: Meeting, recorded_by: str) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED:
        return meeting
    if not meeting.attendances.exists():
        raise ValidationError(_("Record who was present before publishing the minutes."))
    if not recorded_by.strip():
        raise ValidationError({"recorded_by": _("Say who took the minutes (Antecknat av).")})
    meeting.recorded_by = recorded_by.strip()
    meeting.minutes_status = Meeting.MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    _tell_followers_of_minutes(meeting)
    return meeting


# --- Followers (subscriptions): public meetings only ------------------------------------------


def _body_topics(meeting: Meeting) -> list[str]:
    return [subscription_topics.body(body) for body in meeting.bodies.all()]


def _tell_followers_of_notice(meeting: Meeting) -> None:
    """A public meeting is called: its bodies' followers are told. Members-only meetings are
    never announced."""
    if meeting.visibility != Meeting.Visibility.PUBLIC:
        return
    happening_record(
        kind=HappeningKind.MEETING,
        title=meeting.title,
        summary=", ".join(part for part in (meeting_when(meeting), meeting.place) if part),
        path=reverse("meetings:meeting_detail", args=[meeting.pk]),
        topics=_body_topics(meeting),
        dedup_key=f"meeting-notice:{meeting.pk}",
    )


def _tell_followers_of_minutes(meeting: Meeting) -> None:
    """The minutes of a public meeting are published: followers of its bodies are told of the
    minutes and of each decision in them."""
    if meeting.visibility != Meeting.Visibility.PUBLIC:
        return
    path = reverse("meetings:meeting_detail", args=[meeting.pk])
    topics = _body_topics(meeting)
    happening_record(
        kind=HappeningKind.MINUTES,
        title=meeting.title,
        summary=meeting_when(meeting),
        path=path,
        topics=topics,
        occurred_at=meeting.minutes_published_at,
        dedup_key=f"minutes-published:{meeting.pk}",
    )
    decisions = Decision.objects.filter(agenda_item__meeting=meeting).select_related(
        "agenda_item", "body"
    )
    for decision in decisions.order_by("agenda_item__position", "pk"):
        happening_record(
            kind=HappeningKind.DECISION,
            title=decision.agenda_item.title,
            summary=decision.text,
            path=path,
            topics=list(dict.fromkeys([*topics, subscription_topics.body(decision.body)])),
            occurred_at=meeting.minutes_published_at,
            dedup_key=f"decision:{decision.pk}",
        )


@transaction.atomic
def minutes_start(*, meeting: Meeting) -> Meeting:
    if meeting.minutes_status == Meeting.MinutesStatus.NONE:
        meeting.minutes_status = Meeting.MinutesStatus.DRAFT
        meeting.save(update_fields=["minutes_status", "updated_at"])
    return meeting


@transaction.atomic
def minutes_revise(
    *,
    item: AgendaItem,
    actor: User,
    reason: str,
    notes: str | None = None,
    decision: Decision | None = None,
    decision_text: str | None = None,
) -> MinutesRevision:
    """Change published minutes: the reason, who, when and the text before and after are kept
    in a history everyone can read."""
    meeting = Meeting.objects.get(pk=item.meeting_id)
    if meeting.minutes_status != Meeting.MinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes are not published; edit them directly."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason for changing published minutes.")})
    if decision is not None and decision_text is not None:
        before, after, field = decision.text, decision_text.strip(), f"decision:{decision.pk}"
        decision.text = after
        decision.search_document = search_document(after, item.title)
        decision.save(update_fields=["text", "search_document"])
    elif notes is not None:
        before, after, field = item.notes, notes, f"notes:{item.pk}"
        item.notes = notes
        item.save(update_fields=["notes"])
    else:
        raise ValidationError(_("Nothing to change."))
    if before == after:
        raise ValidationError(_("The text is unchanged."))
    return MinutesRevision.objects.create(
        meeting=meeting,
        changed_by=actor,
        reason=reason.strip(),
        field=field,
        before=before,
        after=after,
    )


# --- Attachments ------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, item: AgendaItem, upload) -> Attachment:
    """Attach a file to an agenda item after checking its content, size and name."""
    checked = check_attachment(upload)
    attachment = Attachment(
        agenda_item=item,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
    )
    attachment.file.save(checked.name, upload, save=False)
    attachment.save()
    return attachment


def attachment_remove(*, attachment) -> None:
    attachment.file.delete(save=False)
    attachment.delete()
