"""Tools for the hostile-input tests (test_hostile_input.py, test_openapi_schemathesis.py).

Hypothesis profiles
    ``samverkan-ci`` (the default): derandomized, so a run in CI draws the same examples as
    a run on a developer's machine; no deadline (a page may take a second on a busy CI
    machine); no example database written into the work tree. ``samverkan-explore``: random
    examples, for hunting new bugs locally::

        SAMVERKAN_HYPOTHESIS_PROFILE=samverkan-explore python -m pytest \\
            samverkan/core/tests/test_hostile_input.py

    Every test takes ``settings(parent=PROFILE, max_examples=...)``: the profile is not loaded
    globally, so other Hypothesis tests keep their own settings.

    Hypothesis also draws literals found in the project's own modules that are loaded at the
    time (strings such as "/" or "theme:"), so the examples of a commit depend on which tests
    ran before: the same in every CI run of that commit, possibly others when one module runs
    alone. A failure prints a ``@reproduce_failure`` blob that replays it anywhere.

Strategies
    ``hostile_text()``: arbitrary Unicode (control characters and NUL included), SQL, HTML,
    template and script fragments, formula injections, odd digits and dates, very long
    strings. ``form_post(fields)``: a submission built from valid values per field, each field
    kept, replaced by hostile text, left out or sent twice, sometimes with unknown fields
    added, sent as multipart or URL-encoded, or replaced by a raw body of the wrong content
    type. ``hostile_upload()``: random bytes with misleading names and extensions, real files,
    and real Office documents with a corrupted zip header.

Database state
    ``table_counts()`` counts the rows of every table in one query (except the cache, where
    the rate limits live, and the sessions). ``example()`` runs one example inside a
    savepoint that is rolled back afterwards, with the rate limits cleared, so examples do
    not depend on each other.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# --------------------------------------------------------------------------------------------
# Profiles
# --------------------------------------------------------------------------------------------

settings.register_profile(
    "samverkan-ci",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
settings.register_profile(
    "samverkan-explore", parent=settings.get_profile("samverkan-ci"), derandomize=False
)
PROFILE = settings.get_profile(os.environ.get("SAMVERKAN_HYPOTHESIS_PROFILE", "samverkan-ci"))

#: Examples run per test name, for the closing summary of each module.
EXAMPLES: Counter[str] = Counter()
#: Examples whose submission was accepted, per test name.
ACCEPTED: Counter[str] = Counter()

# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

#: Marks a reflected-script attempt: it must never come back unescaped in an HTML page.
SCRIPT_MARKER = "<script>hostile()</script>"

FRAGMENTS = [
    "",
    " ",
    "\t\r\n",
    "\x00",
    "a\x00b",
    "\x07\x08\x1b[31m",
    "\x1c\x1d\x1e\x1f",
    "\u200b\u200d\ufeff",
    "\u202eevil\u202c",
    "A\u030a",  # Å decomposed
    "ǅ İ ß ﬁ",
    "👨‍👩‍👧 🏳️‍🌈",
    "مرحبا",
    "中文字符",
    SCRIPT_MARKER,
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "${jndi:ldap://x/a}",
    "'; DROP TABLE organisations_organisation; --",
    "' OR '1'='1",
    '" OR 1=1 --',
    "1; SELECT pg_sleep(5)--",
    "%' AND 1=0 UNION SELECT NULL--",
    "\\",
    "%",
    "_",
    "%00",
    "%2e%2e%2f",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "\r\nSet-Cookie: x=1",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+46 70",
    "-1",
    "0",
    "00",
    "1.5",
    "1e309",
    "NaN",
    "Infinity",
    "-0",
    "99999999999999999999",
    "-9223372036854775809",
    "9223372036854775808",
    "2147483648",
    "١٢٣",  # Arabic-Indic digits: int() reads them
    "𝟏𝟐",  # mathematical digits: int() reads them too
    "0x1F",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "-0001-01-01",
    "20240101",
    "2024-1-1",
    "31/12/2024",
    "2024-12-31T25:61:61",
    "true",
    "null",
    "None",
    "[]",
    "{}",
    '{"a": 1}',
    "new",
    "on",
    "anna@example.org",
    "anna@@example.org",
    "a@b",
    "Anna Andersson <anna@example.org>",
    "anna@exämple.org",
    "anna@example.org\r\nBcc: mallory@example.org",
]


@st.composite
def _long_text(draw) -> str:
    size = draw(st.sampled_from([256, 1001, 5001, 20001, 100_000]))
    unit = draw(st.sampled_from(["a", "ö", "€", "👍", "<", "%", " ", "\x00"]))
    return unit * size


def hostile_text() -> st.SearchStrategy[str]:
    """Text an attacker, a broken client or a careless copy-paste might send."""
    return st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=60),
        st.text(st.characters(max_codepoint=0x7F), max_size=40),
        st.builds(
            lambda a, b, c: a + b + c,
            st.text(max_size=10),
            st.sampled_from(FRAGMENTS),
            st.text(max_size=10),
        ),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        _long_text(),
    )


def hostile_number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.sampled_from(["0", "-1", "1.0", "1e3", "١", " 1", "1 ", "+1", "0x10", "", "abc"]),
    )


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")

HOSTILE_NAMES = [
    "protokoll.pdf",
    "PROTOKOLL.PDF",
    "budget.docx",
    "budget.xlsx",
    "bilder.pptx",
    "text.odt",
    "gammal.doc",
    "virus.exe",
    "protokoll.pdf.exe",
    "protokoll.exe.pdf",
    "noextension",
    ".pdf",
    "../../../../etc/passwd.pdf",
    "..\\..\\boot.ini.pdf",
    "CON.pdf",
    "a\x00b.pdf",
    "räksmörgås å ä ö.pdf",
    "\u202efdp.exe",
    "x" * 300 + ".pdf",
    'quote".pdf',
    "semi;colon.docx",
    "<script>.pdf",
    "skript.svg",
    "sida.html",
]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
#: A .docx with macros: refused by content.
MACRO_DOCX_BYTES = _zip(
    {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<d/>", "word/vbaProject.bin": b""}
)

# Fields of a zip's central directory header (offset, struct format) that a corrupted or
# crafted document may carry any value in: versions, flags, method, sizes, name length.
_CENTRAL_FIELDS = [(4, "<H"), (6, "<H"), (8, "<H"), (10, "<H"), (20, "<I"), (24, "<I"), (28, "<H")]


@st.composite
def corrupted_document(draw, document: bytes) -> bytes:
    """A real document whose first central-directory header has one field set at random."""
    data = bytearray(document)
    start = bytes(data).index(b"PK\x01\x02")
    offset, fmt = draw(st.sampled_from(_CENTRAL_FIELDS))
    maximum = 2 ** (8 * struct.calcsize(fmt)) - 1
    struct.pack_into(fmt, data, start + offset, draw(st.integers(0, maximum)))
    return bytes(data)


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    content_type: str

    def file(self) -> SimpleUploadedFile:
        upload = SimpleUploadedFile("upload", self.content, self.content_type)
        # Set past the name check: SimpleUploadedFile itself refuses names such as "/" or "..",
        # which a hostile client sends all the same (the test client sends the basename).
        upload._name = self.name
        return upload


#: Kinds of content, each with the name it would naturally carry.
_CONTENTS: dict[str, tuple[st.SearchStrategy[bytes], str]] = {
    "random": (st.binary(max_size=2048), "protokoll.pdf"),
    "empty": (st.just(b""), "tom.pdf"),
    "pdf": (st.just(PDF_BYTES), "protokoll.pdf"),
    "docx": (st.just(DOCX_BYTES), "budget.docx"),
    "odt": (st.just(ODT_BYTES), "text.odt"),
    "macro": (st.just(MACRO_DOCX_BYTES), "makro.docx"),
    "pdf-head": (st.binary(max_size=256).map(lambda b: b"%PDF-" + b), "rapport.pdf"),
    "zip-head": (st.binary(max_size=256).map(lambda b: b"PK\x03\x04" + b), "budget.xlsx"),
    "ole-head": (st.binary(max_size=256).map(lambda b: OLE_MAGIC + b), "gammal.doc"),
    "exe": (st.binary(max_size=64).map(lambda b: b"MZ\x90\x00" + b), "program.exe"),
    "corrupted-docx": (corrupted_document(DOCX_BYTES), "trasig.docx"),
    "corrupted-odt": (corrupted_document(ODT_BYTES), "trasig.odt"),
}


@st.composite
def hostile_upload(draw) -> Upload:
    """Random, disguised, crafted or corrupted files, under their natural name (so that the
    content check goes all the way) or a misleading one."""
    content, natural = _CONTENTS[draw(st.sampled_from(sorted(_CONTENTS)))]
    name = draw(
        st.one_of(
            st.just(natural),
            st.sampled_from(HOSTILE_NAMES),
            st.text(min_size=1, max_size=40),
        )
    )
    content_type = draw(
        st.sampled_from(
            ["application/pdf", "application/octet-stream", "text/html", "image/svg+xml", ""]
        )
    )
    return Upload(name, draw(content), content_type)


def good_upload() -> st.SearchStrategy[Upload]:
    return st.sampled_from(
        [
            Upload("protokoll.pdf", PDF_BYTES, "application/pdf"),
            Upload("Årsberättelse 2024.docx", DOCX_BYTES, "application/octet-stream"),
            Upload("text.odt", ODT_BYTES, "application/vnd.oasis.opendocument.text"),
        ]
    )


# --------------------------------------------------------------------------------------------
# Submissions
# --------------------------------------------------------------------------------------------

RAW_CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/xml",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=BoUnDaRy",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "application/x-www-form-urlencoded; charset=utf-16",
    "",
]


@st.composite
def raw_body(draw) -> bytes:
    return draw(
        st.one_of(
            st.binary(max_size=512),
            st.sampled_from(
                [
                    b'{"email": "anna@example.org"}',
                    b"[1, 2, 3]",
                    b"email=%ZZ&text=%E4%F6&&&=&==",
                    b"\xff\xfe\x00\x00",
                    b'--BoUnDaRy\r\nContent-Disposition: form-data; name="text"\r\n\r\nhej',
                    b'--BoUnDaRy\r\nContent-Disposition: form-data; name="f"; filename="a.'
                    b'pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--BoUnDaRy--\r\n',
                    b"a=" + b"x" * 3_000_000,
                    b"&".join(b"f%d=1" % n for n in range(1200)),
                ]
            ),
        )
    )


@dataclass
class Submission:
    """What one example sends: form fields (each a list of values) or a raw body."""

    method: str = "POST"
    fields: dict[str, list[Any]] = field(default_factory=dict)
    encoding: str = "multipart"
    raw: bytes | None = None
    content_type: str = ""

    def __repr__(self) -> str:
        if self.raw is not None:
            return f"Submission({self.method} raw {self.content_type!r}: {self.raw[:200]!r})"
        shown = {n: [repr(v)[:200] for v in values] for n, values in self.fields.items()}
        return f"Submission({self.method} {self.encoding}: {shown})"

    def _repr_pretty_(self, printer, cycle) -> None:  # Hypothesis prints examples with this
        printer.text(repr(self))

    def last(self, name: str, default: Any = None) -> Any:
        """The value a view reads with ``QueryDict.get`` (the last one sent)."""
        values = self.fields.get(name) or []
        return values[-1] if values else default

    def send(self, client: Client, url: str):
        if self.raw is not None:
            return client.generic(self.method, url, self.raw, content_type=self.content_type)
        if self.method == "GET":
            return client.get(url, self._plain())
        if self.encoding == "urlencoded" or self.method != "POST":
            body = urlencode(self._plain(), doseq=True)
            return client.generic(
                self.method, url, body, content_type="application/x-www-form-urlencoded"
            )
        data = {
            name: [v.file() if isinstance(v, Upload) else v for v in values]
            for name, values in self.fields.items()
        }
        return client.post(url, data)

    def _plain(self) -> dict[str, list[str]]:
        return {
            name: [v.name if isinstance(v, Upload) else v for v in values]
            for name, values in self.fields.items()
        }


VARIANTS = ["valid"] * 7 + ["hostile", "hostile", "missing", "duplicate"]
SPOILED = ["hostile", "hostile", "missing", "duplicate"]


@st.composite
def form_post(
    draw,
    fields: dict[str, st.SearchStrategy[Any]],
    *,
    hostile: dict[str, st.SearchStrategy[Any]] | None = None,
    methods: tuple[str, ...] = ("POST",),
    raw: bool = True,
) -> Submission:
    """A submission of a form with these fields (each given a strategy of valid values).

    Each field is, independently, valid (most often), replaced by hostile text (or the
    field's own hostile strategy), missing, or sent twice; unknown fields may be added; the
    whole may be sent URL-encoded instead of multipart, with another method, or as a raw
    body with a wrong or broken content type. Shrinking leads towards a valid submission."""
    hostile = hostile or {}
    submission = Submission(method=draw(st.sampled_from(["POST"] * 8 + list(methods[1:]))))
    if raw and draw(st.integers(0, 9)) == 0:
        submission.raw = draw(raw_body())
        submission.content_type = draw(st.sampled_from(RAW_CONTENT_TYPES))
        return submission
    names = list(fields)
    # How many fields to spoil: none, a few, or each at random.
    spoiled = draw(st.sampled_from([0, 1, 1, 2, 3, len(names)]))
    chosen = (
        set(draw(st.lists(st.sampled_from(names), max_size=spoiled)))
        if spoiled < len(names)
        else {n for n in names if draw(st.sampled_from(VARIANTS)) != "valid"}
    )
    for name, valid in fields.items():
        variant = draw(st.sampled_from(SPOILED)) if name in chosen else "valid"
        if variant == "missing":
            continue
        bad = hostile.get(name, hostile_text())
        if variant == "valid":
            values = [draw(valid)]
        elif variant == "hostile":
            values = [draw(bad)]
        else:
            values = [draw(st.one_of(valid, bad)), draw(st.one_of(valid, bad))]
        submission.fields[name] = [v for v in values if v is not None]
    if draw(st.integers(0, 5)) == 0:
        extra = draw(st.sampled_from(["id", "pk", "status", "is_staff", "organisation", "csrf"]))
        submission.fields.setdefault(extra, []).append(draw(hostile_text()))
    has_file = any(isinstance(v, Upload) for vs in submission.fields.values() for v in vs)
    if not has_file and draw(st.integers(0, 4)) == 0:
        submission.encoding = "urlencoded"
    return submission


@st.composite
def query_params(draw, fields: dict[str, st.SearchStrategy[str]]) -> dict[str, list[str]]:
    """Query parameters of a GET form: valid, hostile, missing or repeated, plus strangers."""
    query: dict[str, list[str]] = {}
    for name, valid in fields.items():
        variant = draw(st.sampled_from(["valid", "valid", "hostile", "hostile", "missing", "dup"]))
        if variant == "missing":
            continue
        if variant == "valid":
            query[name] = [draw(valid)]
        elif variant == "hostile":
            query[name] = [draw(hostile_text())]
        else:
            query[name] = [draw(st.one_of(valid, hostile_text())) for _ in range(2)]
    if draw(st.booleans()):
        query.setdefault(draw(st.sampled_from(["sida", "page", "format", "x"])), []).append(
            draw(st.one_of(hostile_number(), hostile_text()))
        )
    return query


# --------------------------------------------------------------------------------------------
# Database state
# --------------------------------------------------------------------------------------------

#: Not domain data: rate-limit counters and sessions.
IGNORED_TABLES = {"samverkan_cache", "django_session"}
_count_sql: str | None = None


def table_counts() -> dict[str, int]:
    """Rows in every table of the project's database (one query)."""
    global _count_sql
    if _count_sql is None:
        with connection.cursor() as cursor:
            tables = sorted(set(connection.introspection.table_names(cursor)) - IGNORED_TABLES)
        quote = connection.ops.quote_name
        _count_sql = " UNION ALL ".join(
            f"SELECT '{table}', COUNT(*) FROM {quote(table)}" for table in tables
        )
    with connection.cursor() as cursor:
        cursor.execute(_count_sql)
        return dict(cursor.fetchall())


def changes(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The tables whose number of rows changed, with the difference."""
    return {t: after[t] - before[t] for t in after if after[t] != before.get(t, 0)}


@contextmanager
def example(name: str) -> Iterator[None]:
    """One example: rate limits cleared, everything it wrote rolled back afterwards."""
    EXAMPLES[name] += 1
    with transaction.atomic():
        cache.clear()
        yield
        transaction.set_rollback(True)


def assert_not_server_error(response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and not getattr(response, "streaming", False):
        assert SCRIPT_MARKER.encode() not in response.content, f"{what}: script reflected"


def report(config, text: str) -> None:
    """Write ``text`` to the terminal, past pytest's output capturing."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        return
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        reporter.write_line("")
        for line in text.splitlines():
            reporter.write_line(line)


def summary(title: str, names: list[str] | None = None) -> str:
    names = names or sorted(EXAMPLES)
    lines = [f"{title}: {sum(EXAMPLES[n] for n in names)} examples"]
    lines += [f"  {n}: {EXAMPLES[n]} examples, {ACCEPTED[n]} accepted" for n in names]
    return "\n".join(lines)
