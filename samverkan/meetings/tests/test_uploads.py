"""Uploaded files are judged by their content: disguised, active and macro files are refused,
names are made safe."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samverkan.meetings.uploads import OLE_MAGIC, check_attachment, safe_filename


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refused_code(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        check_attachment(upload(name, content))
    return error.value.code


def ole(*names: str) -> bytes:
    directory = b"".join(name.encode("utf-16-le") + b"\x00" * 8 for name in names)
    return OLE_MAGIC + b"\x00" * 504 + "Root Entry".encode("utf-16-le") + directory


def test_an_old_word_file_without_macros_is_accepted():
    checked = check_attachment(upload("protokoll.doc", ole("WordDocument", "1Table")))
    assert checked.content_type == "application/msword"


@pytest.mark.parametrize("stream", ["_VBA_PROJECT", "Macros"])
def test_an_old_office_file_with_macros_is_refused(stream):
    assert refused_code("protokoll.doc", ole("WordDocument", stream)) == "macro"


def test_a_plain_pdf_is_accepted():
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n"
    assert check_attachment(upload("kallelse.pdf", pdf)).content_type == "application/pdf"


@pytest.mark.parametrize(
    "action",
    [
        b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
        b"/AA << /O << /S /Launch /F (cmd.exe) >> >>",
        b"/OpenAction << /S /J#61vaScript /JS (x) >>",  # an escaped name
    ],
)
def test_a_pdf_that_runs_scripts_or_programs_is_refused(action):
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog " + action + b" >> endobj\n%%EOF\n"
    assert refused_code("kallelse.pdf", pdf) == "active_pdf"


def test_a_document_that_unpacks_to_gigabytes_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (101 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024  # small on the way in
    assert refused_code("bomb.docx", buffer.getvalue()) == "bomb"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\eva\\Protokoll 2024.PDF", "Protokoll 2024.pdf"),
        ("faktura\u202efdp.exe", "faktura_fdp.exe"),  # right-to-left override
        ("rad\nbrytning.pdf", "rad_brytning.pdf"),
        ("..", "bilaga"),
        ("Årsmöte – protokoll.docx", "Årsmöte _ protokoll.docx"),
        ("x" * 300 + ".pdf", "x" * 110 + ".pdf"),
    ],
)
def test_names_are_made_safe(name, safe):
    assert safe_filename(name) == safe
