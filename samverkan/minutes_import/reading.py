"""Turn a document's bytes into plain text with its line structure.

* ``.txt`` and ``.md``: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
  mark, else Windows-1252, the encoding of older Swedish Word and Notepad files.
* ``.docx``: read with the standard library only (``zipfile`` + ``xml.etree``): paragraphs
  in order, list numbering rendered as Word shows it ("1.", "2.", bullets as "- "), headings
  as Markdown "#", whole-paragraph bold as ``**...**``, tables as tab-separated rows, line
  breaks and tabs kept, deleted revisions left out, link targets kept.
* ``.pdf``: text PDFs through ``pypdf``. A PDF without a text layer (a scan) is refused:
  there is no OCR.

Anything that cannot be read raises :class:`UnreadableDocument` (or one of its subclasses)
with a message naming the file, translated through gettext.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext as _

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 50 * 1024 * 1024
_MAX_XML_BYTES = 100 * 1024 * 1024  # unpacked document.xml; more is a zip bomb, not minutes
_MIN_PDF_LETTERS = 20

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class UnreadableDocument(Exception):
    """A file that cannot be turned into text. ``str(error)`` is a message for the
    secretary, naming the file."""

    def __init__(self, message: str, *, filename: str) -> None:
        super().__init__(message)
        self.filename = filename
        self.message = message

    def __str__(self) -> str:
        return self.message


class EmptyDocument(UnreadableDocument):
    pass


class UnsupportedDocument(UnreadableDocument):
    pass


class DamagedDocument(UnreadableDocument):
    pass


class EncryptedDocument(UnreadableDocument):
    pass


class NoTextLayer(UnreadableDocument):
    pass


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """What was read: the text, the hash of the bytes, the format and (for text files) the
    encoding that was detected."""

    text: str
    sha256: str
    format: str
    encoding: str | None = None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def too_large_message(filename: str) -> str:
    return _("%(file)s is too large (more than %(limit)d MB) to be minutes.") % {
        "file": filename,
        "limit": MAX_BYTES // (1024 * 1024),
    }


def read_path(path: Path, *, display_name: str | None = None) -> ReadDocument:
    """Read a file from disk. ``display_name`` is how the file is named in messages."""
    name = display_name or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnsupportedDocument(too_large_message(name), filename=name)
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(
            _("%(file)s could not be opened: %(reason)s")
            % {"file": name, "reason": error.strerror},
            filename=name,
        ) from error
    return read_bytes(data, filename=name)


def read_bytes(data: bytes, *, filename: str) -> ReadDocument:
    """Read a document given as bytes; the format follows the file name's suffix."""
    suffix = Path(filename).suffix.lower()
    if len(data) > MAX_BYTES:
        raise UnsupportedDocument(too_large_message(filename), filename=filename)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptyDocument(_("%(file)s is empty.") % {"file": filename}, filename=filename)
    digest = sha256_of(data)
    if suffix in (".txt", ".md", ".markdown", ".text"):
        text, encoding = decode_text(data, filename=filename)
        return ReadDocument(text=text, sha256=digest, format="text", encoding=encoding)
    if suffix == ".docx":
        return ReadDocument(text=docx_text(data, filename=filename), sha256=digest, format="docx")
    if suffix == ".pdf":
        return ReadDocument(text=pdf_text(data, filename=filename), sha256=digest, format="pdf")
    raise UnsupportedDocument(
        _("%(file)s is not a supported kind of file; use .txt, .md, .docx or .pdf.")
        % {"file": filename},
        filename=filename,
    )


# ---------------------------------------------------------------------------------------------
# Text files
# ---------------------------------------------------------------------------------------------

_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, *, filename: str) -> tuple[str, str]:
    """Decode a text file: BOM-marked UTF-8/UTF-16, plain UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(8, len(text) // 100):
        raise DamagedDocument(
            _("%(file)s does not contain text (it looks like a binary file).") % {"file": filename},
            filename=filename,
        )
    return _CONTROL_RE.sub("", text), encoding


# ---------------------------------------------------------------------------------------------
# Word (.docx)
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int
    format: str
    text: str


def _roman(number: int) -> str:
    values = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        out = chr(ord("a") + remainder) + out
    return out


def _format_number(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


class _Numbering:
    """Word's list numbering (numbering.xml): counters per list and level."""

    def __init__(self, root: ElementTree.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.findall(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for level in abstract.findall(f"{W}lvl"):
                ilvl = int(level.get(f"{W}ilvl", "0"))
                start = level.find(f"{W}start")
                fmt = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                levels[ilvl] = _Level(
                    start=int(start.get(f"{W}val", "1")) if start is not None else 1,
                    format=fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text=text.get(f"{W}val", "%1.") if text is not None else f"%{ilvl + 1}.",
                )
            self.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            abstract_ref = num.find(f"{W}abstractNumId")
            if abstract_ref is not None:
                self.nums[num_id] = abstract_ref.get(f"{W}val", "")
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[int(override.get(f"{W}ilvl", "0"))] = int(
                        start.get(f"{W}val", "1")
                    )

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph of this list at this level ("3.", "b)", "-")."""
        if num_id == "0" or num_id not in self.nums:
            return None
        levels = self.abstract.get(self.nums[num_id], {})
        level = levels.get(ilvl)
        if level is None:
            return "-"
        if level.format in ("bullet", "none"):
            return "-" if level.format == "bullet" else None
        counters = self.counters.setdefault(num_id, {})
        start = self.overrides.get(num_id, {}).get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def replace(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl = levels.get(index)
            value = counters.get(index, lvl.start if lvl else 1)
            return _format_number(value, lvl.format if lvl else "decimal")

        return re.sub(r"%(\d)", replace, level.text).strip() or None


class _Styles:
    """Heading levels and numbering that paragraph styles carry (styles.xml)."""

    def __init__(self, root: ElementTree.Element | None) -> None:
        self.heading: dict[str, int] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        self.based_on: dict[str, str] = {}
        if root is None:
            return
        for style in root.findall(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            name_el = style.find(f"{W}name")
            name = (name_el.get(f"{W}val", "") if name_el is not None else "").lower()
            if match := re.fullmatch(r"(?:heading|rubrik)\s*(\d)", name):
                self.heading[style_id] = int(match.group(1))
            elif name in ("title", "rubrik"):
                self.heading[style_id] = 1
            based = style.find(f"{W}basedOn")
            if based is not None:
                self.based_on[style_id] = based.get(f"{W}val", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{W}numId")
                ilvl = num_pr.find(f"{W}ilvl")
                if num_id is not None:
                    self.numbering[style_id] = (
                        num_id.get(f"{W}val", "0"),
                        int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
                    )

    def _chain(self, style_id: str) -> list[str]:
        chain = []
        while style_id and style_id not in chain and len(chain) < 10:
            chain.append(style_id)
            style_id = self.based_on.get(style_id, "")
        return chain

    def heading_level(self, style_id: str) -> int:
        for sid in self._chain(style_id):
            if sid in self.heading:
                return self.heading[sid]
        if match := re.fullmatch(r"(?:Heading|Rubrik)(\d)", style_id):
            return int(match.group(1))
        return 0

    def numbering_of(self, style_id: str) -> tuple[str, int] | None:
        for sid in self._chain(style_id):
            if sid in self.numbering:
                return self.numbering[sid]
        return None


class _DocxReader:
    def __init__(self, archive: zipfile.ZipFile, filename: str) -> None:
        self.archive = archive
        self.filename = filename
        self.numbering = _Numbering(self._xml("word/numbering.xml"))
        self.styles = _Styles(self._xml("word/styles.xml"))
        self.links: dict[str, str] = {}
        rels = self._xml("word/_rels/document.xml.rels")
        if rels is not None:
            for rel in rels.findall(f"{_REL}Relationship"):
                if rel.get("TargetMode") == "External":
                    self.links[rel.get("Id", "")] = rel.get("Target", "")

    def _xml(self, name: str) -> ElementTree.Element | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.file_size > _MAX_XML_BYTES:
            raise DamagedDocument(
                _("%(file)s is not a valid Word document (.docx).") % {"file": self.filename},
                filename=self.filename,
            )
        return ElementTree.fromstring(self.archive.read(info))

    def read(self) -> str:
        document = self._xml("word/document.xml")
        if document is None:
            raise DamagedDocument(
                _("%(file)s is not a valid Word document (.docx).") % {"file": self.filename},
                filename=self.filename,
            )
        body = document.find(f"{W}body")
        lines: list[str] = []
        if body is not None:
            self._blocks(body, lines)
        return "\n".join(lines).strip() + "\n"

    def _blocks(self, parent: ElementTree.Element, lines: list[str]) -> None:
        for child in parent:
            if child.tag == f"{W}p":
                lines.append(self._paragraph(child))
            elif child.tag == f"{W}tbl":
                lines.append("")
                for row in child.iter(f"{W}tr"):
                    cells = []
                    for cell in row.findall(f"{W}tc"):
                        merge = cell.find(f"{W}tcPr/{W}vMerge")
                        if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                            cells.append("")
                            continue
                        paragraphs = [
                            self._runs(p).replace("\n", " ").replace("\t", " ").strip()
                            for p in cell.iter(f"{W}p")
                        ]
                        cells.append(" ".join(p for p in paragraphs if p))
                    if any(cells):
                        lines.append("\t".join(cells))
                lines.append("")
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                self._blocks(content if content is not None else child, lines)

    def _paragraph(self, paragraph: ElementTree.Element) -> str:
        text = self._runs(paragraph)
        style_el = paragraph.find(f"{W}pPr/{W}pStyle")
        style = style_el.get(f"{W}val", "") if style_el is not None else ""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        numbering: tuple[str, int] | None = None
        if num_pr is not None:
            num_id = num_pr.find(f"{W}numId")
            ilvl = num_pr.find(f"{W}ilvl")
            if num_id is not None:
                numbering = (
                    num_id.get(f"{W}val", "0"),
                    int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
                )
        elif style:
            numbering = self.styles.numbering_of(style)
        if not text.strip():
            return ""
        stripped = text.strip()
        if self._all_bold(paragraph) and "\n" not in stripped:
            stripped = f"**{stripped}**"
        label = self.numbering.label(*numbering) if numbering else None
        if label:
            stripped = f"{label} {stripped}"
            if numbering and numbering[1] > 0:
                stripped = "  " * numbering[1] + stripped
        level = self.styles.heading_level(style) if style else 0
        if level:
            stripped = "#" * level + " " + stripped.strip("*")
        return stripped

    def _all_bold(self, paragraph: ElementTree.Element) -> bool:
        runs = [
            r
            for r in paragraph.iter(f"{W}r")
            if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()
        ]
        if not runs:
            return False
        for run in runs:
            bold = run.find(f"{W}rPr/{W}b")
            if bold is None or bold.get(f"{W}val", "true") in ("0", "false"):
                return False
        return True

    def _runs(self, element: ElementTree.Element) -> str:
        parts: list[str] = []
        self._collect(element, parts)
        return "".join(parts)

    def _collect(self, element: ElementTree.Element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                for piece in child:
                    ptag = piece.tag
                    if ptag == f"{W}t":
                        parts.append(piece.text or "")
                    elif ptag == f"{W}tab":
                        parts.append("\t")
                    elif ptag in (f"{W}br", f"{W}cr"):
                        parts.append("\n")
                    elif ptag == f"{W}noBreakHyphen":
                        parts.append("-")
            elif tag == f"{W}hyperlink":
                start = len(parts)
                self._collect(child, parts)
                target = self.links.get(child.get(f"{R}id", ""), "")
                shown = "".join(parts[start:])
                if target.startswith(("http://", "https://")) and target not in shown:
                    parts.append(f" <{target}>")
            elif tag in (f"{W}ins", f"{W}smartTag", f"{W}fldSimple", f"{W}customXml", f"{W}moveTo"):
                self._collect(child, parts)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self._collect(content, parts)


def docx_text(data: bytes, *, filename: str) -> str:
    """The text of a Word document, one line per paragraph or table row."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DocxReader(archive, filename).read()
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError, EOFError) as error:
        raise DamagedDocument(
            _("%(file)s is not a valid Word document (.docx).") % {"file": filename},
            filename=filename,
        ) from error


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:sida|sid\.?|page)\s*)?\d{1,3}(?:\s*(?:\(|av|/|of)\s*\d{1,3}\)?)?$", re.IGNORECASE
)


_GAP_RE = re.compile(r" {4,}")
_BLANK_RUN_RE = re.compile(r"\n{3,}")


def _page_text(page: object) -> str:
    """The page's text with its layout (columns as runs of spaces), else plain."""
    try:
        text = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - pypdf's layout mode fails on some odd fonts
        text = None
    if not text or not text.strip():
        text = page.extract_text() or ""  # type: ignore[attr-defined]
    return text


def _layout_to_lines(page: str) -> str:
    """Tidy one page of layout text: no page numbers, table rows with tabs between cells.

    A line with two or more gaps of four spaces is a table row; an indented line right after
    a row continues the cell that starts where it starts (a title that wrapped)."""
    out: list[str] = []
    columns: list[int] = []
    for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        if _PAGE_NUMBER_RE.match(stripped):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.rstrip()
        if len(_GAP_RE.findall(body.strip())) >= 2:
            starts = [indent] + [m.end() for m in _GAP_RE.finditer(body) if m.start() > indent]
            columns = starts
            out.append("\t".join(part for part in _GAP_RE.split(stripped)))
            continue
        previous = next((o for o in reversed(out) if o), "")
        if columns and indent >= 8 and "\t" in previous:
            column = max((i for i, start in enumerate(columns) if start <= indent + 2), default=0)
            out.append("\t" * column + stripped)
            continue
        columns = []
        out.append(stripped)
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(out)).strip("\n")


def pdf_text(data: bytes, *, filename: str) -> str:
    """The text layer of a PDF, page by page, without page numbers."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError as error:  # pragma: no cover - pypdf is a dependency
        raise UnsupportedDocument(
            _("%(file)s: reading PDF files needs the pypdf package.") % {"file": filename},
            filename=filename,
        ) from error
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                unlocked = 0
            if not unlocked:
                raise EncryptedDocument(
                    _(
                        "%(file)s is a password-protected PDF; save it without a password and try again."
                    )
                    % {"file": filename},
                    filename=filename,
                )
        pages = [_page_text(page) for page in reader.pages]
    except UnreadableDocument:
        raise
    except FileNotDecryptedError as error:
        raise EncryptedDocument(
            _("%(file)s is a password-protected PDF; save it without a password and try again.")
            % {"file": filename},
            filename=filename,
        ) from error
    except (PdfReadError, ValueError, TypeError, KeyError, OSError, AttributeError) as error:
        raise DamagedDocument(
            _("%(file)s is not a valid PDF file.") % {"file": filename}, filename=filename
        ) from error
    finally:
        pypdf_logger.setLevel(previous_level)
    text = "\n\n".join(_layout_to_lines(page) for page in pages)
    if sum(1 for char in text if char.isalpha()) < _MIN_PDF_LETTERS:
        raise NoTextLayer(
            _(
                "%(file)s has no text layer (it is probably a scanned image). Text cannot be "
                "read from images; save the minutes as a text PDF or Word file."
            )
            % {"file": filename},
            filename=filename,
        )
    return text
