"""Who may see and change council work."""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.meetings.models import Meeting, Membership


def can_manage_meetings(user: Viewer) -> bool:
    return is_secretary(user)


def is_member_of_meeting_bodies(user: Viewer, meeting: Meeting) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(person__user=user, body__in=meeting.bodies.all()).exists()


def can_view_meeting(user: Viewer, meeting: Meeting) -> bool:
    """Public meetings are for everyone; members-only meetings for their bodies' members."""
    if meeting.visibility == Meeting.Visibility.PUBLIC:
        return True
    return is_secretary(user) or is_member_of_meeting_bodies(user, meeting)


def can_view_minutes(user: Viewer, meeting: Meeting) -> bool:
    """Published minutes follow the meeting's visibility; drafts only for the secretary."""
    if meeting.minutes_status != Meeting.MinutesStatus.PUBLISHED:
        return is_secretary(user)
    return can_view_meeting(user, meeting)
