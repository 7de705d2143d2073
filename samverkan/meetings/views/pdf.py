"""The minutes as a PDF download."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from samverkan.meetings import rules
from samverkan.meetings.models import Meeting
from samverkan.meetings.pdf import minutes_filename, minutes_pdf_bytes


@require_safe
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Published minutes for whoever may see the meeting; a draft (marked as such) only for
    the secretary. Anything else is 404, so nobody learns that hidden minutes exist."""
    meeting = Meeting.objects.filter(pk=pk).first()
    if (
        meeting is None
        or meeting.minutes_status == Meeting.MinutesStatus.NONE
        or not rules.can_view_minutes(request.user, meeting)
    ):
        raise Http404
    response = HttpResponse(minutes_pdf_bytes(meeting), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=minutes_filename(meeting)
    )
    response["X-Content-Type-Options"] = "nosniff"
    published = meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
    if not published:
        add_never_cache_headers(response)
    elif meeting.visibility != Meeting.Visibility.PUBLIC:
        patch_cache_control(response, private=True)
    return response
