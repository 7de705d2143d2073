from django.http import FileResponse, Http404

from samverkan.inquiries.models import InquiryAttachment


def attachment_response(attachment: InquiryAttachment) -> FileResponse:
    """An attachment as a download that never runs as a page of this site."""
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
