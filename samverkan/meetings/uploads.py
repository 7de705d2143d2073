"""Checking uploaded files by their content, not their name."""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # refuse zip bombs disguised as documents

OOXML = {
    ".docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ".xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
ODF = {
    ".odt": "application/vnd.oasis.opendocument.text",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
OLE = {".doc": "application/msword", ".ppt": "application/vnd.ms-powerpoint"}
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
# Names of the streams that hold macros in old Office files (directory entries in UTF-16).
OLE_MACRO_NAMES = tuple(name.encode("utf-16-le") for name in ("_VBA_PROJECT", "Macros"))
# PDF actions that run a script or start a program when the file is opened.
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch)\b")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int


def safe_filename(name: str) -> str:
    """A file name without paths, control characters or anything a shell or browser minds."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = re.sub(r"[^\w.\- åäöÅÄÖ]", "_", name).strip(" .") or "bilaga"
    stem, dot, extension = name.rpartition(".")
    if not dot:
        return name[:120]
    return f"{stem[:110]}.{extension.lower()[:10]}"


def _extension(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _content(upload: UploadedFile) -> bytes:
    upload.seek(0)
    try:
        return upload.read()
    finally:
        upload.seek(0)


def check_attachment(upload: UploadedFile) -> CheckedFile:
    """Accept PDF, Word, PowerPoint, Excel and OpenDocument files that are what they claim to be."""
    name = safe_filename(upload.name or "bilaga")
    extension = _extension(name)
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {
                "size": round(upload.size / 1024 / 1024, 1),
                "limit": MAX_ATTACHMENT_BYTES // 1024 // 1024,
            },
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    disguised = _(
        "The file's content does not match its name (%(name)s). Attach PDF, Word, PowerPoint, Excel or OpenDocument files."
    ) % {"name": name}
    macros = _(
        "Documents with macros are not accepted. Save it without macros (for example as .docx or PDF)."
    )
    if extension == ".pdf":
        if not head.startswith(b"%PDF-"):
            raise ValidationError(disguised, code="disguised")
        # Names may be written with #xx escapes (/J#61vaScript); compressed object streams
        # are not opened, so this catches the plain case, not every case.
        content = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), _content(upload))
        if PDF_ACTIVE.search(content):
            raise ValidationError(
                _(
                    "PDF files with scripts or with commands that start programs are not accepted. Save the file again as PDF/A or print it to PDF."
                ),
                code="active_pdf",
            )
        return CheckedFile(name, "application/pdf", upload.size)
    if extension in OLE:
        if head != OLE_MAGIC:
            raise ValidationError(disguised, code="disguised")
        content = _content(upload)
        if any(macro_name in content for macro_name in OLE_MACRO_NAMES):
            raise ValidationError(macros, code="macro")
        return CheckedFile(name, OLE[extension], upload.size)
    if extension in OOXML or extension in ODF:
        if not head.startswith(b"PK\x03\x04"):
            raise ValidationError(disguised, code="disguised")
        try:
            with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
                members = archive.infolist()
        # A damaged or crafted archive: zipfile refuses an unknown "version needed" with
        # NotImplementedError and a name that is not the UTF-8 it claims with a ValueError.
        except (zipfile.BadZipFile, NotImplementedError, ValueError) as error:
            raise ValidationError(disguised, code="disguised") from error
        finally:
            upload.seek(0)
        names = [m.filename for m in members]
        if sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
            raise ValidationError(
                _("The file unpacks to far more than its size and is refused."), code="bomb"
            )
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise ValidationError(macros, code="macro")
        if extension in OOXML:
            folder, content_type = OOXML[extension]
            if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
                raise ValidationError(disguised, code="disguised")
            return CheckedFile(name, content_type, upload.size)
        if "mimetype" not in names:
            raise ValidationError(disguised, code="disguised")
        return CheckedFile(name, ODF[extension], upload.size)
    raise ValidationError(
        _(
            "Files of this type cannot be attached. Attach PDF, Word, PowerPoint, Excel or OpenDocument files."
        ),
        code="type",
    )
