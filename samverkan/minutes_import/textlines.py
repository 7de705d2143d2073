"""From a document's plain text to a list of logical lines.

Minutes reach the parser as Markdown-ish text (converted from Word), as text extracted from a
PDF with a hard line break at the end of every printed line, or as plain text. This module
makes them alike: one :class:`Line` per paragraph, list item, heading or table row, with the
Markdown emphasis, escapes and link syntax removed from its text, and lines that a PDF or an
editor broke in the middle of a sentence joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import CONTINUATION_WORDS

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES_RE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_BREAKS_RE = re.compile("\r\n?|[\u2028\u2029\f\v]")

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET_RE = re.compile(r"^(?:[-*+•·▪◦‣●○■□➢►–—])\s+(.*)$")
_WHOLE_BOLD_RE = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)\s*(?P<tail>[.:!?]?)$")
_MD_LINK_RE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(([^)\s]*)\)")
_AUTOLINK_RE = re.compile(r"<((?:https?://|www\.|mailto:)[^>\s]+)>")
_ESCAPE_RE = re.compile(r"\\+([`*_{}\[\]()#+\-.!|<>~\"'&])")
_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_{1,2}(?=\S)|(?<=\S)_{1,2}(?!\w)")
_MULTISPACE_RE = re.compile(r"[ \t]{2,}")
_PIPE_SEPARATOR_RE = re.compile(r"^\s*:?-{2,}:?\s*$")

_ITEM_START_RE = re.compile(r"^(?:§\s*\d+|\d{1,3}\s*[.)]\s+\S|[a-zåäö]\)\s+\S|[ivx]{1,4}\.\s+\S)")
_TERMINAL_RE = re.compile(r"[.!?:;]['\"”’)]*$")
_LOWER_START_RE = re.compile(r"^[a-zåäöéü%]")
_ADDRESS_START_RE = re.compile(r"^(?:https?://|www\.|mailto:|[\w.+-]+@[\w-]+\.)", re.IGNORECASE)
_HYPHEN_END_RE = re.compile(r"[A-Za-zÅÄÖåäöéü]-$")
_NO_HYPHEN_JOIN = frozenset(("och", "eller", "samt", "respektive", "resp.", "som", "till", "men"))

_URL_RE = re.compile(r"(?:https?://|(?<![\w@./])www\.)[^\s<>()\[\]\"”’]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\"”’*»"
_SCHEME_RE = re.compile(r"^https?://", re.IGNORECASE)
_ABBREVIATION_END_RE = re.compile(
    r"(?:^|[\s(])(?:t\.\s?ex|bl\.\s?a|s\.\s?k|dvs|d\.\s?v\.\s?s|ev|ca|c:a|resp|jfr|kl|nr|"
    r"p\.\s?g\.\s?a|pga|fr\.\s?o\.\s?m|t\.\s?o\.\s?m|inkl|exkl|tel|ang|enl|f\.\s?d|"
    r"[A-ZÅÄÖ])\.$",
    re.IGNORECASE,
)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"”(]?[A-ZÅÄÖÉ0-9])")


@dataclass(slots=True)
class Line:
    """One logical line of the document.

    ``text`` is what the line says, without Markdown; ``raw`` keeps the original (for
    splitting space-aligned tables); ``cells`` holds the cells of a table row (tab or pipe
    separated), ``None`` otherwise. ``blank_before`` counts the empty lines before it.
    """

    text: str
    raw: str
    bullet: bool = False
    bold: bool = False
    heading: int = 0
    cells: list[str] | None = None
    blank_before: int = 0

    @property
    def is_table_row(self) -> bool:
        return self.cells is not None

    def display(self) -> str:
        """The line as it should read in an item's text."""
        if self.cells is not None:
            return " | ".join(c for c in self.cells if c)
        return f"- {self.text}" if self.bullet else self.text


def normalise_characters(text: str) -> str:
    """Unify line breaks and spaces and drop invisible characters."""
    text = _BREAKS_RE.sub("\n", text)
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text))


def clean_inline(text: str) -> str:
    """Remove Markdown links, emphasis and escapes from one line of text."""
    if "[" in text:
        text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = _AUTOLINK_RE.sub(lambda m: m.group(1), text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(lambda m: m.group(1), text)
    if "*" in text or "_" in text:
        text = _EMPHASIS_RE.sub("", text)
    text = text.replace("\t", " ")
    return _MULTISPACE_RE.sub(" ", text).strip()


def _table_cells(raw: str) -> list[str] | None:
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        cells = [clean_inline(c) for c in stripped.strip("|").split("|")]
        if all(_PIPE_SEPARATOR_RE.match(c) or not c for c in cells):
            return []
        return cells
    if "\t" in raw.rstrip():
        cells = [clean_inline(c) for c in raw.rstrip().split("\t")]
        if sum(1 for c in cells if c) >= 1 and len(cells) >= 2:
            return cells
    return None


def preprocess(text: str) -> list[Line]:
    """Split the text into :class:`Line` objects, one per non-empty line."""
    lines: list[Line] = []
    blanks = 0
    for raw in normalise_characters(text).split("\n"):
        if not raw.strip():
            blanks += 1
            continue
        cells = _table_cells(raw)
        if cells is not None:
            if cells:  # an empty list is a Markdown separator row: |---|---|
                lines.append(
                    Line(
                        text=" | ".join(c for c in cells if c),
                        raw=raw,
                        cells=cells,
                        blank_before=blanks,
                    )
                )
            blanks = 0
            continue
        content = raw.strip()
        heading = 0
        bullet = False
        if match := _HEADING_RE.match(content):
            heading = len(match.group(1))
            content = match.group(2)
        if match := _BULLET_RE.match(content):
            bullet = True
            content = match.group(1).strip()
        bold = False
        if match := _WHOLE_BOLD_RE.match(content):
            bold = "**" not in match.group("inner") and "__" not in match.group("inner")
        cleaned = clean_inline(content)
        if not cleaned:
            blanks += 1
            continue
        lines.append(
            Line(
                text=cleaned,
                raw=raw.strip(),
                bullet=bullet,
                bold=bold,
                heading=heading,
                blank_before=blanks,
            )
        )
        blanks = 0
    return lines


def _is_structural(line: Line, label_re: re.Pattern[str]) -> bool:
    return bool(
        line.heading
        or line.bold
        or line.cells is not None
        or _ITEM_START_RE.match(line.text)
        or label_re.match(line.text)
    )


def join_wrapped(lines: list[Line], label_re: re.Pattern[str]) -> list[Line]:
    """Join lines that a PDF or a text editor broke in the middle of a sentence.

    A line continues the one before it (across at most one empty line) when neither is a
    heading, table row, numbered item or label, the previous line does not end a sentence,
    and the line starts in lower case or the previous one ends with a word that cannot end
    a Swedish sentence ("och", "att", "i" ...). A word hyphenated across the break is joined
    again ("kommun-" + "övergripande"), but not "Gymnasie-" + "och ...".
    """
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.blank_before <= 1
            and not line.bullet
            and not _is_structural(line, label_re)
            and not _is_structural(previous, label_re)
            and not _TERMINAL_RE.search(previous.text)
            and not _ADDRESS_START_RE.match(line.text)
        ):
            last_word = previous.text.rsplit(" ", 1)[-1].lower()
            if _LOWER_START_RE.match(line.text) or (
                last_word in CONTINUATION_WORDS and not previous.bullet
            ):
                first_word = line.text.split(" ", 1)[0].lower()
                if (
                    _HYPHEN_END_RE.search(previous.text)
                    and line.text[0].islower()
                    and first_word not in _NO_HYPHEN_JOIN
                ):
                    text = previous.text[:-1] + line.text
                else:
                    text = f"{previous.text} {line.text}"
                out[-1] = replace(previous, text=text, raw=f"{previous.raw} {line.raw}")
                continue
        out.append(line)
    return out


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (a full stop, ! or ? before a capital letter), but not
    after an abbreviation such as "t.ex." or "bl.a." that never ends a sentence."""
    sentences: list[str] = []
    for piece in _SENTENCE_SPLIT_RE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if sentences and _ABBREVIATION_END_RE.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def find_links(text: str) -> list[str]:
    """Every web address in the text, in order, once each.

    Markdown link targets and ``<...>`` autolinks count, empty targets (``#``) do not. An
    address written without a scheme (``www.orebro.se/x``) gets ``https://`` unless the same
    address also appears with a scheme.
    """
    found: dict[str, str] = {}
    assumed: set[str] = set()  # keys whose scheme was supplied here, not written
    for match in _URL_RE.finditer(text.replace("\\", "")):
        url = match.group(0).rstrip(_URL_TRAILING)
        if len(url) < 8:
            continue
        key = _SCHEME_RE.sub("", url).rstrip("/").lower()
        has_scheme = bool(_SCHEME_RE.match(url))
        if key not in found:
            found[key] = url if has_scheme else f"https://{url}"
            if not has_scheme:
                assumed.add(key)
        elif has_scheme and key in assumed:
            found[key] = url
            assumed.discard(key)
    return list(found.values())
