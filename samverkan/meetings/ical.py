"""iCalendar (RFC 5545) for meetings. Being written."""


def invitation_ics(meeting, person, *, method: str) -> bytes:
    raise NotImplementedError
