"""Test documents made on the spot: text PDFs and an image-only PDF through reportlab."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.utils import translation
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DOCUMENTS = Path(__file__).resolve().parent / "documents"

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _font() -> str:
    """A TrueType font when the machine has one (full Unicode), else Helvetica (Latin-1 is
    enough for Swedish letters, not for "–" or "”", which the PDF texts avoid)."""
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("TestSans", candidate))
            return "TestSans"
    return "Helvetica"


def text_pdf(pages: list[list[str | tuple[float, str]]], *, page_numbers: bool = True) -> bytes:
    """A PDF with one line of text per entry; a tuple ``(x, text)`` starts at column x, so
    several tuples on one ``y`` (a list inside the list) make a table row."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    font = _font()
    for number, page in enumerate(pages, start=1):
        pdf.setFont(font, 10)
        y = 800.0
        for entry in page:
            if isinstance(entry, list):
                for x, text in entry:
                    pdf.drawString(x, y, text)
            elif isinstance(entry, tuple):
                pdf.drawString(entry[0], y, entry[1])
            elif entry:
                pdf.drawString(50, y, entry)
            y -= 14
        if page_numbers:
            pdf.drawString(280, 40, f"{number} ({len(pages)})")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A "scan": shapes and no text layer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for row in range(40):
        pdf.rect(50, 780 - row * 18, 300 + (row * 37) % 180, 8, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


MINUTES_PDF_PAGES: list[list[str | tuple[float, str] | list[tuple[float, str]]]] = [
    [
        "Minnesanteckningar",
        "Samverkansrådet 7 november 2023",
        "",
        "Datum: Tisdagen 7 november",
        "Tid: Kl. 16:30-18:30",
        "Mötesplats: Föreningarnas Hus, Slottsgatan 13A.",
        "",
        "Närvarande: Samverkansrådet",
        "Tina Fingal Swens, Örebro Föreningsråd (ordförande)",
        "Lotta Karlsson-Andersson, Stiftelsen Activa",
        "Maria Haglund (M)",
        "C-nätet",
        "Thomas Eek, Kultur- och fritidsförvaltningen",
        "",
        "Förhinder: Tina Modin, RF-SISU",
        "",
        "1. Välkomna",
        "Ordföranden hälsar välkommen och mötet inleds med en kort presentations-",
        "runda där alla berättar om sina organisationer och om det kommun-",
        "övergripande arbetet med",
        "överenskommelsen.",
        "",
        "2. Aktivitetsplanen 2024-2025",
        "Beslut",
        "Arbetsgruppens förslag presenteras och diskuteras. Samverkansrådet",
        "beslutar att godkänna aktivitetsplanen.",
        "Anna skickar ut planen till alla organisationer senast 1 december.",
    ],
    [
        "3. Remissbevakning",
        "Punkten bordläggs pga tidsbrist.",
        "",
        "4. Kalendarium",
        [(50, "Datum"), (140, "Tid"), (240, "Plats"), (380, "Rubrik")],
        [(50, "6 dec"), (140, "Kl. 16-18"), (240, "Föreningarnas Hus"), (380, "Samverkansrådet")],
        [(50, "24 jan"), (140, "Heldag"), (240, "Stockholm"), (380, "Konferens om")],
        (380, "civilsamhällets roll"),
        "",
        "Antecknat av",
        "Anna Fogel, sekreterare",
    ],
]


@pytest.fixture
def documents() -> Path:
    return DOCUMENTS


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in their English source; Swedish is tested on its own."""
    with translation.override("en"):
        yield
