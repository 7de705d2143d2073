"""Write small but real Word documents (WordprocessingML in a zip) for the tests.

Only what the reader must understand: styles with headings, a numbering part with a decimal
list and a bullet list, bold runs, line breaks, a hyperlink and tables. Word opens these files.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="10">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>"""


def _run(text: str, *, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    pieces = []
    for position, part in enumerate(text.split("\n")):
        if position:
            pieces.append("<w:br/>")
        for tab_position, chunk in enumerate(part.split("\t")):
            if tab_position:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{properties}{''.join(pieces)}</w:r>"


class DocxBuilder:
    """Collects paragraphs and tables, then ``build()`` returns the .docx bytes."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.links: list[str] = []

    def heading(self, text: str, level: int = 1) -> DocxBuilder:
        self.body.append(f'<w:p><w:pPr><w:pStyle w:val="Rubrik{level}"/></w:pPr>{_run(text)}</w:p>')
        return self

    def paragraph(self, text: str = "", *, bold: bool = False) -> DocxBuilder:
        self.body.append(f"<w:p>{_run(text, bold=bold) if text else ''}</w:p>")
        return self

    def runs(self, *parts: tuple[str, bool]) -> DocxBuilder:
        """A paragraph of several runs, each ``(text, bold)``."""
        self.body.append("<w:p>" + "".join(_run(t, bold=b) for t, b in parts) + "</w:p>")
        return self

    def numbered(self, text: str, *, level: int = 0, bold: bool = False) -> DocxBuilder:
        self.body.append(
            '<w:p><w:pPr><w:pStyle w:val="Liststycke"/>'
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"{_run(text, bold=bold)}</w:p>"
        )
        return self

    def bullet(self, text: str, *, bold: bool = False) -> DocxBuilder:
        self.body.append(
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>'
            f"{_run(text, bold=bold)}</w:p>"
        )
        return self

    def link(self, before: str, text: str, url: str) -> DocxBuilder:
        self.links.append(url)
        rel_id = f"rIdLink{len(self.links)}"
        self.body.append(
            f'<w:p>{_run(before)}<w:hyperlink r:id="{rel_id}">{_run(text)}</w:hyperlink></w:p>'
        )
        return self

    def deleted(self, kept: str, removed: str) -> DocxBuilder:
        """A paragraph with a tracked deletion, which must not be read."""
        self.body.append(
            f'<w:p>{_run(kept)}<w:del w:id="1" w:author="A"><w:r><w:delText>{escape(removed)}'
            "</w:delText></w:r></w:del></w:p>"
        )
        return self

    def table(self, rows: list[list[str]]) -> DocxBuilder:
        cells_xml = []
        for row in rows:
            cells = "".join(
                '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>'
                + "".join(f"<w:p>{_run(part)}</w:p>" for part in cell.split("\n"))
                + "</w:tc>"
                for cell in row
            )
            cells_xml.append(f"<w:tr>{cells}</w:tr>")
        self.body.append(f"<w:tbl><w:tblPr/>{''.join(cells_xml)}</w:tbl>")
        return self

    def build(self) -> bytes:
        document = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            + "".join(self.body)
            + "<w:sectPr/></w:body></w:document>"
        )
        rels = "".join(
            f'<Relationship Id="rIdLink{n}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
            f'Target="{escape(url)}" TargetMode="External"/>'
            for n, url in enumerate(self.links, start=1)
        )
        document_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdStyles" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/>'
            '<Relationship Id="rIdNumbering" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
            'Target="numbering.xml"/>' + rels + "</Relationships>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", PACKAGE_RELS)
            archive.writestr("word/document.xml", document)
            archive.writestr("word/styles.xml", STYLES)
            archive.writestr("word/numbering.xml", NUMBERING)
            archive.writestr("word/_rels/document.xml.rels", document_rels)
        return buffer.getvalue()
