from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def download(field: FieldFile, *, name: str, content_type: str, public: bool) -> FileResponse:
    """A stored file as a download that never runs as a page of this site."""
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response
