"""Files become text: encodings, Word documents with the standard library, text PDFs, and a
clear error naming the file for everything that cannot be read."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.utils import translation
from pypdf import PdfReader, PdfWriter

from samverkan.minutes_import.reading import (
    DamagedDocument,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    UnreadableDocument,
    UnsupportedDocument,
    read_bytes,
    read_path,
)

from .conftest import DOCUMENTS, MINUTES_PDF_PAGES, image_only_pdf, text_pdf
from .docx_builder import DocxBuilder

LOCALE = DOCUMENTS.parent.parent / "locale"

# --- text files ---------------------------------------------------------------------------


def test_windows_1252_text_is_detected(documents):
    document = read_path(documents / "windows1252.txt")
    assert document.encoding == "cp1252"
    assert "Samverkansrådet 14 mars 2019" in document.text
    assert "Åsa Öberg hälsar välkommen – mötet inleds." in document.text
    assert "Göran Ärlig (V)" in document.text


def test_utf8_with_and_without_a_byte_order_mark():
    text = "Minnesanteckningar för Samverkansrådet – åäö ÅÄÖ\n"
    plain = read_bytes(text.encode("utf-8"), filename="a.txt")
    marked = read_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), filename="a.md")
    assert plain.text == marked.text == text
    assert (plain.encoding, marked.encoding) == ("utf-8", "utf-8-sig")


def test_utf16_with_a_byte_order_mark():
    document = read_bytes("Protokoll för nämnden\n".encode("utf-16"), filename="a.txt")
    assert document.text == "Protokoll för nämnden\n"


def test_sha256_is_of_the_bytes():
    document = read_bytes(b"Protokoll\n", filename="a.txt")
    assert document.sha256 == hashlib.sha256(b"Protokoll\n").hexdigest()


@pytest.mark.parametrize("data", [b"", b"   \r\n\n\t", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_refused_by_name(data):
    with pytest.raises(EmptyDocument) as error:
        read_bytes(data, filename="möte.txt")
    assert "möte.txt" in str(error.value)
    assert error.value.filename == "möte.txt"


def test_the_committed_empty_file(documents):
    with pytest.raises(EmptyDocument):
        read_path(documents / "tom.txt")


def test_binary_junk_named_txt_is_refused():
    junk = bytes(range(256)) * 8
    with pytest.raises(DamagedDocument) as error:
        read_bytes(junk, filename="protokoll.txt")
    assert "protokoll.txt" in str(error.value)


def test_an_unknown_suffix_is_refused():
    with pytest.raises(UnsupportedDocument) as error:
        read_bytes(b"hello", filename="minutes.odt")
    assert "minutes.odt" in str(error.value)


def test_errors_are_translated_to_swedish(settings):
    # The app's catalogue, also before the app is in INSTALLED_APPS.
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, str(LOCALE)]
    with translation.override("sv"):
        with pytest.raises(EmptyDocument) as error:
            read_bytes(b"", filename="möte.txt")
        assert str(error.value) == "möte.txt är tom."
        with pytest.raises(NoTextLayer) as error:
            read_bytes(image_only_pdf(), filename="skannad.pdf")
        assert str(error.value).startswith("skannad.pdf har inget textlager")


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(UnreadableDocument) as error:
        read_path(tmp_path / "saknas.docx")
    assert "saknas.docx" in str(error.value)


# --- Word -----------------------------------------------------------------------------------


def test_junk_with_a_docx_name_is_refused(documents):
    with pytest.raises(DamagedDocument) as error:
        read_path(documents / "skrap.docx")
    assert "skrap.docx" in str(error.value)
    assert "Word" in str(error.value)


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(DamagedDocument):
        read_bytes(buffer.getvalue(), filename="fake.docx")


def test_broken_xml_inside_a_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(DamagedDocument):
        read_bytes(buffer.getvalue(), filename="broken.docx")


def test_docx_paragraphs_numbering_tables_breaks_links_and_revisions():
    data = (
        DocxBuilder()
        .heading("Minnesanteckningar 6 december 2023")
        .paragraph("Datum: Onsdagen 6 december")
        .numbered("Välkomna", bold=True)
        .paragraph("Text under punkten.")
        .numbered("Lokal", level=1)
        .numbered("Talare", level=1)
        .numbered("Övriga frågor")
        .bullet("Första punkten")
        .paragraph("Rad ett\nRad två")
        .table([["Datum", "Tid"], ["18 mars", "Kl. 16-18"], ["", "två\nstycken"]])
        .link("Läs mer: ", "kommunens sida", "https://www.orebro.se/civilasamhallet")
        .deleted("Detta står kvar.", " Detta är struket.")
        .build()
    )
    document = read_bytes(data, filename="möte.docx")
    assert document.format == "docx"
    assert document.text.splitlines() == [
        "# Minnesanteckningar 6 december 2023",
        "Datum: Onsdagen 6 december",
        "1. **Välkomna**",
        "Text under punkten.",
        "  a) Lokal",
        "  b) Talare",
        "2. Övriga frågor",
        "- Första punkten",
        "Rad ett",
        "Rad två",
        "",
        "Datum\tTid",
        "18 mars\tKl. 16-18",
        "\ttvå stycken",
        "",
        "Läs mer: kommunens sida <https://www.orebro.se/civilasamhallet>",
        "Detta står kvar.",
    ]


def test_docx_numbering_restarts_per_list_and_start_values():
    data = DocxBuilder().numbered("Ett").numbered("Två").numbered("Tre").build()
    text = read_bytes(data, filename="lista.docx").text
    assert text.splitlines() == ["1. Ett", "2. Två", "3. Tre"]


# --- PDF ------------------------------------------------------------------------------------


def test_text_pdf_keeps_lines_and_turns_aligned_columns_into_cells():
    text = read_bytes(text_pdf(MINUTES_PDF_PAGES), filename="möte.pdf").text
    lines = text.splitlines()
    assert "Samverkansrådet 7 november 2023" in lines
    assert "Datum\tTid\tPlats\tRubrik" in lines
    assert "6 dec\tKl. 16-18\tFöreningarnas Hus\tSamverkansrådet" in lines
    assert "\t\t\tcivilsamhällets roll" in lines  # a wrapped cell keeps its column
    assert not any(line.strip() in ("1 (2)", "2 (2)") for line in lines)  # page numbers


def test_a_scanned_pdf_without_text_is_refused_by_name():
    with pytest.raises(NoTextLayer) as error:
        read_bytes(image_only_pdf(), filename="inskannat.pdf")
    assert "inskannat.pdf" in str(error.value)
    assert "text layer" in str(error.value)


def _encrypted(user_password: str) -> bytes:
    reader = PdfReader(io.BytesIO(text_pdf(MINUTES_PDF_PAGES)))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_password_protected_pdf_is_refused_by_name():
    with pytest.raises(EncryptedDocument) as error:
        read_bytes(_encrypted("hemligt"), filename="låst.pdf")
    assert "låst.pdf" in str(error.value)


def test_a_pdf_locked_only_against_editing_is_read():
    text = read_bytes(_encrypted(""), filename="skyddad.pdf").text
    assert "Samverkansrådet 7 november 2023" in text


def test_a_damaged_pdf_is_refused():
    with pytest.raises(DamagedDocument):
        read_bytes(b"%PDF-1.4\nthis is not really a pdf at all\n%%EOF", filename="trasig.pdf")
