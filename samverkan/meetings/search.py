"""Meetings, their published minutes and decisions in the one search.

Only public meetings are searched; members-only meetings never are. The minutes (the
introduction and the notes of each item) and the decisions only once the minutes are published.
"""

from django.urls import reverse

from samverkan.meetings.models import AgendaItem, Body, Decision, Meeting, MeetingKind
from samverkan.search import labels
from samverkan.search.registry import Document, Source, register


def _is_public(meeting: Meeting) -> bool:
    return meeting.visibility == Meeting.Visibility.PUBLIC


def _minutes_published(meeting: Meeting) -> bool:
    return _is_public(meeting) and meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED


def meeting_document(meeting: Meeting) -> Document | None:
    if not _is_public(meeting):
        return None
    published = _minutes_published(meeting)
    texts = []
    if published and meeting.minutes_introduction:
        texts.append(meeting.minutes_introduction)
    for item in meeting.agenda_items.all():
        texts.append(f"{item.position}. {item.title}")
        if item.description:
            texts.append(item.description)
        if published and item.notes:
            texts.append(item.notes)
    return Document(
        title=meeting.title,
        text="\n\n".join(texts),
        path=reverse("meetings:meeting_detail", args=[meeting.pk]),
        date=meeting.date,
        extra=" ".join(
            [
                str(MeetingKind(meeting.kind).label) if meeting.kind in MeetingKind.values else "",
                meeting.place,
                *(f"{body.name} {body.short_name}" for body in meeting.bodies.all()),
            ]
        ),
    )


def decision_document(decision: Decision) -> Document | None:
    item = decision.agenda_item
    meeting = item.meeting
    if not _minutes_published(meeting):
        return None
    return Document(
        title=item.title,
        text=decision.text,
        path=reverse("meetings:meeting_detail", args=[meeting.pk]) + f"#item-{item.pk}",
        date=decision.date,
        extra=f"{decision.body.name} {decision.body.short_name} {meeting.title}",
    )


def _meeting(pk: int) -> Meeting:
    return Meeting(pk=pk)


register(
    Source(
        kind="meeting",
        label=labels.MEETINGS,
        model=Meeting,
        document=meeting_document,
        queryset=lambda: Meeting.objects.prefetch_related("bodies", "agenda_items"),
        dependants={
            AgendaItem: lambda item: [_meeting(item.meeting_id)],
            Body: lambda body: body.meetings.all(),
        },
    )
)

register(
    Source(
        kind="decision",
        label=labels.DECISIONS,
        model=Decision,
        document=decision_document,
        queryset=lambda: Decision.objects.select_related("body", "agenda_item__meeting"),
        dependants={
            AgendaItem: lambda item: item.decisions.all(),
            Meeting: lambda meeting: Decision.objects.filter(agenda_item__meeting_id=meeting.pk),
            Body: lambda body: body.decisions.all(),
        },
    )
)
