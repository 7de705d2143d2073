"""The minutes as a PDF: content, page numbers, escaping, and who may download them.

How the tests read the PDF: there is no PDF library among the test dependencies, so
``pdf_pages`` below is a small pure-Python reader for what reportlab writes. It walks the
objects, decodes the streams (FlateDecode, ASCII85Decode; zlib and base64 from the standard
library), reads each embedded TrueType subset's /ToUnicode map (reportlab writes one per
subset, code byte -> Unicode) and then interprets the text operators of each page's content
stream (Tf, Tj, TJ, ', "), turning the glyph codes back into Unicode. It gives the text of
every page, in drawing order, which is what a reader copying text would get. Tests compare
text with whitespace collapsed, so line breaks made by the layout do not matter.

Fixed headings come from the gettext catalogue and are not translated yet, so tests check the
meeting's own data (names, titles, decisions, dates) and, where a fixed text matters (the page
numbers), compute the expected text through the same catalogue.
"""

from __future__ import annotations

import base64
import re
import zlib
from datetime import date, time

import pytest
from django.urls import reverse
from django.utils.translation import override, pgettext

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.meetings import services
from samverkan.meetings.models import Meeting, MembershipRole, Party
from samverkan.meetings.pdf import minutes_filename, minutes_pdf_bytes
from samverkan.organisations.services import organisation_create

# --------------------------------------------------------------------------------------------
# Reading text out of the PDF
# --------------------------------------------------------------------------------------------

_OBJECT_RE = re.compile(rb"(\d+) 0 obj\b")
_STREAM_RE = re.compile(rb">>\s*stream\r?\n")
_REFERENCE_RE = rb"(\d+) 0 R"


def _decode_stream(head: bytes, raw: bytes) -> bytes:
    match = re.search(rb"/Filter\s*(\[[^\]]*\]|/\w+)", head)
    filters = re.findall(rb"/(\w+)", match.group(1)) if match else []
    for name in filters:
        if name == b"ASCII85Decode":
            raw = base64.a85decode(raw.strip(), adobe=True)
        elif name == b"FlateDecode":
            raw = zlib.decompress(raw)
        else:
            raise AssertionError(f"unexpected PDF filter {name!r}")
    return raw


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Every object as (dictionary text, decoded stream or None)."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    position = 0
    while match := _OBJECT_RE.search(data, position):
        start = match.end()
        end = data.index(b"endobj", start)
        stream = _STREAM_RE.search(data, start, end)
        if stream is None:
            objects[int(match.group(1))] = (data[start:end], None)
            position = end
            continue
        head = data[start : stream.start() + 2]
        length = int(re.search(rb"/Length (\d+)", head).group(1))
        body = stream.end()
        objects[int(match.group(1))] = (head, _decode_stream(head, data[body : body + length]))
        position = data.index(b"endobj", body + length)
    return objects


def _to_unicode(cmap: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, text in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(text, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal_string(data: bytes, position: int) -> tuple[bytes, int]:
    """Read a PDF (literal string) starting after its "("; return it and the next position."""
    out = bytearray()
    depth = 1
    while True:
        char = data[position : position + 1]
        position += 1
        if char == b"\\":
            following = data[position : position + 1]
            if following in _ESCAPES:
                out += _ESCAPES[following]
                position += 1
            elif following.isdigit():
                octal = re.match(rb"[0-7]{1,3}", data[position : position + 3]).group()
                out.append(int(octal, 8) & 0xFF)
                position += len(octal)
            elif following in b"\r\n":
                position += 1
            else:
                out += following
                position += 1
        elif char == b"(":
            depth += 1
            out += char
        elif char == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), position
            out += char
        else:
            out += char


_TOKEN_RE = re.compile(
    rb"\s*(?:(?P<open>\()|(?P<dict><<|>>)|<(?P<hex>[0-9A-Fa-f\s]*)>"
    rb"|(?P<other>/[^\s()<>\[\]/]*|[^\s()<>\[\]/]+|\[|\]))"
)


def _tokens(content: bytes):
    """PDF content tokens: strings as ("str", bytes), everything else as ("op", bytes)."""
    position = 0
    while match := _TOKEN_RE.match(content, position):
        if match.group("open"):
            text, position = _literal_string(content, match.end())
            yield "str", text
            continue
        position = match.end()
        if match.group("hex") is not None:
            yield "str", bytes.fromhex(match.group("hex").decode())
        else:
            yield "op", match.group("dict") or match.group("other")


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, in page order."""
    objects = _objects(data)
    fonts: dict[bytes, dict[int, str]] = {}
    for head, _stream in objects.values():
        for name, number in re.findall(rb"/(F[\w+]*) " + _REFERENCE_RE, head):
            font_head = objects[int(number)][0]
            reference = re.search(rb"/ToUnicode " + _REFERENCE_RE, font_head)
            if reference:
                fonts[name] = _to_unicode(objects[int(reference.group(1))][1] or b"")
    catalogue = next(head for head, _ in objects.values() if b"/Type /Pages" in head)
    kids = re.search(rb"/Kids \[([^\]]*)\]", catalogue).group(1)
    pages = []
    for number in re.findall(_REFERENCE_RE, kids):
        page_head = objects[int(number)][0]
        contents = re.search(rb"/Contents " + _REFERENCE_RE, page_head).group(1)
        pages.append(_page_text(objects[int(contents)][1] or b"", fonts))
    return pages


def _page_text(content: bytes, fonts: dict[bytes, dict[int, str]]) -> str:
    parts: list[str] = []
    operands: list[tuple[str, bytes]] = []
    font: dict[int, str] | None = None

    def show(raw: bytes) -> None:
        if font is None:
            parts.append(raw.decode("latin-1"))
        else:
            parts.append("".join(font.get(code, "\ufffd") for code in raw))

    for kind, value in _tokens(content):
        if kind == "str" or not value[:1].isalpha() and value not in (b"'", b'"'):
            operands.append((kind, value))
            continue
        if value == b"Tf":
            name = operands[-2][1].lstrip(b"/")
            font = fonts.get(name)
        elif value in (b"Tj", b"'", b'"'):
            show(operands[-1][1])
        elif value == b"TJ":
            for operand_kind, operand in operands:
                if operand_kind == "str":
                    show(operand)
        if value in (b"Td", b"TD", b"T*", b"Tm", b"ET", b"'", b'"'):
            parts.append("\n")
        operands = []
    return "".join(parts)


# PDFDocEncoding (used for metadata strings) differs from Latin-1 in 0x80-0xA0.
_PDF_DOC_ENCODING = dict(zip(range(0x80, 0x9F), "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž", strict=True))
_PDF_DOC_ENCODING[0xA0] = "€"


def pdf_info(data: bytes) -> dict[str, str]:
    """The document information dictionary (Title, Author, Subject...) as text."""
    objects = _objects(data)
    number = int(re.search(rb"/Info " + _REFERENCE_RE, data).group(1))
    info: dict[str, str] = {}
    key = None
    for kind, value in _tokens(objects[number][0]):
        if kind == "op" and value.startswith(b"/"):
            key = value[1:].decode()
        elif kind == "str" and key:
            if value.startswith(b"\xfe\xff"):
                info[key] = value[2:].decode("utf-16-be")
            else:
                info[key] = "".join(_PDF_DOC_ENCODING.get(byte, chr(byte)) for byte in value)
    return info


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat(" ".join(pdf_pages(data)))


def sv(message: str) -> str:
    """A fixed text of the minutes, as the PDF shows it (through the catalogue, in Swedish)."""
    with override("sv"):
        return pgettext("minutes pdf", message)


# --------------------------------------------------------------------------------------------
# Data, built through the services
# --------------------------------------------------------------------------------------------

START = date(2023, 1, 1)
MEETING_DAY = date(2023, 9, 13)


@pytest.fixture
def council(db):
    return services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")


@pytest.fixture
def people(council):
    network = services.body_create(name="C-nätet", slug="c-natet", kind="network")
    moderaterna = Party.objects.create(abbreviation="M", name="Moderaterna")
    forening = organisation_create(name="Örebro Föreningsråd", kind="umbrella_body")
    almby = organisation_create(name="Almby IK", kind="association")
    klf = organisation_create(name="Kommunledningsförvaltningen", kind="municipal_department")
    social = organisation_create(name="Socialförvaltningen", kind="municipal_department")
    school = organisation_create(
        name="Förskole- och grundskoleförvaltningen", kind="municipal_department"
    )
    p = {
        name.split()[0].lower(): services.person_create(name=name)
        for name in (
            "Tina Fingal Swens",
            "Lasse Lundberg",
            "Maria Haglund",
            "Anna Fogel",
            "Urban Svensson",
            "Raluca Stancu",
            "Arianne Axewill",
            "Kersti Freed-Klevmar",
            "Gunnel Gäst",
        )
    }
    add = services.membership_add
    add(body=council, person=p["tina"], start=START, organisation=forening, role="chair")
    add(body=council, person=p["lasse"], start=START, organisation=almby, role="vice_chair")
    add(body=council, person=p["maria"], start=START, party=moderaterna)
    add(body=council, person=p["anna"], start=START, organisation=klf, role="secretary")
    add(body=council, person=p["kersti"], start=START, organisation=almby)
    add(body=network, person=p["urban"], start=START, organisation=social)
    add(body=network, person=p["raluca"], start=START, organisation=social)
    add(body=network, person=None, start=START, organisation=school)
    p["network"] = network
    return p


def make_meeting(
    council, people, *, visibility: str = "public", publish: bool = True, day: date = MEETING_DAY
) -> Meeting:
    meeting = services.meeting_create(
        bodies=[council, people["network"]],
        title="Samverkansrådet och C-nätverket",
        date=day,
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus, Slottsgatan 13A",
        visibility=visibility,
    )
    welcome = services.agenda_item_add(meeting=meeting, title="Välkomna")
    one_way = services.agenda_item_add(meeting=meeting, title="En väg in")
    compact = services.agenda_item_add(
        meeting=meeting, title="Utvärdering av överenskommelsen", item_type="decision"
    )
    other = services.agenda_item_add(meeting=meeting, title="Övriga frågor")
    services.minutes_start(meeting=meeting)
    for key in ("tina", "lasse", "maria", "anna", "urban"):
        services.attendance_record(meeting=meeting, person=people[key], status="present")
    services.attendance_record(meeting=meeting, person=people["raluca"], status="apologies")
    services.attendance_record(meeting=meeting, person=people["kersti"], status="apologies")
    services.attendance_record(
        meeting=meeting, person=people["arianne"], status="present", substitute_for=people["raluca"]
    )
    services.attendance_record(meeting=meeting, person=people["gunnel"], status="guest")
    services.agenda_item_record(
        item=welcome,
        notes="Ordförande Tina Fingal Swens hälsar välkommen till dagens möte som inleds med "
        "en presentationsrunda.",
    )
    services.agenda_item_record(
        item=one_way, notes="Synpunkter:\n- ”En väg in” kontra ”alla vägar in”."
    )
    services.decision_add(
        item=compact,
        text="Samverkansrådet beslutar att godkänna förslaget och lämna det vidare.",
    )
    services.action_item_add(
        item=one_way,
        what="skapar ett team och bjuder in",
        owner=people["anna"],
        due=date(2023, 10, 1),
    )
    services.action_item_add(item=compact, what="skickar förslaget", owner_text="Arbetsgruppen")
    services.point_carry_over(item=other, kind="tabled", title="Kartan över samverkan")
    services.point_carry_over(item=compact, kind="follow_up", title="Remissrutinen")
    if publish:
        meeting = services.minutes_publish(meeting=meeting, recorded_by="Anna Fogel")
    return meeting


@pytest.fixture
def meeting(council, people) -> Meeting:
    return make_meeting(council, people)


@pytest.fixture
def calendar(council):
    """The council's other meetings: one before, three after (one members-only, one cancelled)."""
    create = services.meeting_create
    return {
        "before": create(
            bodies=[council], title="Vårmötet", date=date(2023, 5, 3), visibility="public"
        ),
        "conference": create(
            bodies=[council],
            title="Kunskapskonferens 2023",
            date=date(2023, 10, 17),
            all_day=True,
            place="Stockholm",
            visibility="public",
        ),
        "council": create(
            bodies=[council],
            title="Samverkansrådet julavslutning",
            date=date(2023, 12, 6),
            start_time=time(16, 30),
            end_time=time(18, 30),
            place="Föreningarnas Hus",
            visibility="public",
        ),
        "members": create(
            bodies=[council],
            title="AU-möte om budgeten",
            date=date(2023, 11, 7),
            start_time=time(9),
            visibility="members",
        ),
        "cancelled": services.meeting_cancel(
            meeting=create(
                bodies=[council],
                title="Inställd träff",
                date=date(2023, 11, 20),
                start_time=time(9),
                visibility="public",
            )
        ),
    }


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


def test_the_pdf_holds_the_record_of_the_meeting(meeting, calendar):
    data = minutes_pdf_bytes(meeting)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    with override("sv"):
        chair = str(MembershipRole.CHAIR.label)
        secretary = str(MembershipRole.SECRETARY.label)
    expected = [
        "Samverkansrådet och C-nätverket",
        "onsdag 13 september 2023, kl. 16–18",  # the en dash is real text, not a missing glyph
        "Föreningarnas Hus, Slottsgatan 13A",
        # Present, grouped by body, with organisation or party and role.
        f"Tina Fingal Swens, Örebro Föreningsråd ({chair})",
        "Maria Haglund (M)",
        f"Anna Fogel, Kommunledningsförvaltningen ({secretary})",
        "C-nätet",
        "Urban Svensson, Socialförvaltningen",
        "Arianne Axewill, Socialförvaltningen",
        # Apologies, a vacant seat's department, a guest.
        "Raluca Stancu, Socialförvaltningen",
        "Kersti Freed-Klevmar, Almby IK",
        "Förskole- och grundskoleförvaltningen",
        "Gunnel Gäst",
        # Items, numbered, with notes, decisions, tasks and carried-over points.
        "1. Välkomna",
        "hälsar välkommen till dagens möte som inleds med en presentationsrunda.",
        "2. En väg in",
        "- ”En väg in” kontra ”alla vägar in”.",
        "3. Utvärdering av överenskommelsen",
        "Samverkansrådet beslutar att godkänna förslaget och lämna det vidare.",
        "Anna Fogel – skapar ett team och bjuder in – 1 oktober 2023",
        "Arbetsgruppen – skickar förslaget",
        "4. Övriga frågor",
        "Kartan över samverkan",
        "Remissrutinen",
        # Kalendarium: the council's later public meetings.
        "17 oktober",
        "Stockholm Kunskapskonferens 2023",
        "6 december",
        "Föreningarnas Hus Samverkansrådet julavslutning",
    ]
    missing = [phrase for phrase in expected if flat(phrase) not in text]
    assert not missing, f"not in the PDF: {missing}\n\n{text}"
    # The substitute is named together with the member they replace.
    assert text.index("Arianne Axewill") < text.rindex("Raluca Stancu")
    # Items in order, then the calendar, then who took the minutes.
    positions = [text.index(p) for p in ("1. Välkomna", "2. En väg in", "4. Övriga frågor")]
    assert positions == sorted(positions)
    assert text.index("4. Övriga frågor") < text.index("Kunskapskonferens 2023")
    assert text.rindex("Anna Fogel") > text.index("Samverkansrådet julavslutning")
    # Not in the calendar: earlier, cancelled, and (in public minutes) members-only meetings.
    for title in ("Vårmötet", "Inställd träff", "AU-möte om budgeten"):
        assert title not in text


def test_members_only_minutes_list_members_only_meetings_in_the_calendar(council, people, calendar):
    meeting = make_meeting(council, people, visibility="members")
    assert "AU-möte om budgeten" in pdf_text(minutes_pdf_bytes(meeting))


def test_the_pdf_is_swedish_whatever_the_active_language(meeting):
    with override("en"):
        text = pdf_text(minutes_pdf_bytes(meeting))
    assert "onsdag 13 september 2023" in text
    assert "Wednesday" not in text and "September" not in text


def test_metadata(meeting, settings):
    settings.MUNICIPALITY_NAME = "Örebro kommun"
    data = minutes_pdf_bytes(meeting)
    info = pdf_info(data)
    assert info["Author"] == "Örebro kommun"
    assert "Samverkansrådet och C-nätverket" in info["Title"]
    assert "13 september 2023" in info["Title"]
    assert "–" in info["Title"]
    assert "Samverkansrådet" in info["Subject"]
    assert b"/Lang (sv-SE)" in data
    assert "Örebro kommun" in pdf_pages(data)[0]  # in the header


def test_a_long_meeting_runs_over_several_pages_numbered_x_of_y(council, people):
    meeting = services.meeting_create(
        bodies=[council], title="Långt möte", date=MEETING_DAY, visibility="public"
    )
    items = [
        services.agenda_item_add(meeting=meeting, title=f"Punkt nummer {n}") for n in range(1, 41)
    ]
    services.minutes_start(meeting=meeting)
    services.attendance_record(meeting=meeting, person=people["tina"], status="present")
    for item in items:
        services.agenda_item_record(
            item=item, notes="Diskussion om föreningslivets villkor i kommunen. " * 4
        )
        services.decision_add(item=item, text=f"Beslut i punkt {item.position}.")
    services.minutes_publish(meeting=meeting, recorded_by="Anna Fogel")

    data = minutes_pdf_bytes(meeting)
    pages = pdf_pages(data)
    count = len(pages)
    assert count > 1
    assert re.search(rb"/Count %d\b" % count, data)  # the page tree agrees
    page_of = sv("Page %(page)s of %(pages)s")
    for number, page in enumerate(pages, start=1):
        assert flat(page_of % {"page": number, "pages": count}) in flat(page), number
    assert "Punkt nummer 1" in flat(pages[0])
    assert "Beslut i punkt 40." in flat(pages[-1])
    text = pdf_text(data)
    assert all(f"{n}. Punkt nummer {n}" in text for n in range(1, 41))


def test_user_text_is_printed_literally_not_as_markup(council, people):
    meeting = services.meeting_create(
        bodies=[council], title="Möte <i>kursivt</i> & så", date=MEETING_DAY, visibility="public"
    )
    item = services.agenda_item_add(meeting=meeting, title="Punkt med <br/> i titeln")
    services.minutes_start(meeting=meeting)
    services.attendance_record(meeting=meeting, person=people["tina"], status="present")
    services.agenda_item_record(item=item, notes='Anteckning <font color="red">röd</font> &amp;')
    services.decision_add(item=item, text="<b>Fet</b> & mer")
    services.action_item_add(item=item, what="Läser <para> & </para>", owner_text="A & B")
    services.minutes_publish(meeting=meeting, recorded_by="Anna <Fogel>")

    text = pdf_text(minutes_pdf_bytes(meeting))
    for literal in (
        "<b>Fet</b> & mer",
        "Möte <i>kursivt</i> & så",
        "1. Punkt med <br/> i titeln",
        'Anteckning <font color="red">röd</font> &amp;',
        "A & B – Läser <para> & </para>",
        "Anna <Fogel>",
    ):
        assert literal in text, literal


def test_a_draft_is_marked_as_such(council, people):
    meeting = make_meeting(council, people, publish=False)
    pages = pdf_pages(minutes_pdf_bytes(meeting))
    assert all(sv("DRAFT") in page for page in pages)
    published = make_meeting(council, people, day=date(2023, 9, 20))
    assert sv("DRAFT") not in pdf_text(minutes_pdf_bytes(published))


def test_filename(meeting):
    assert minutes_filename(meeting) == "minnesanteckningar-2023-09-13-samverkansradet.pdf"


# --------------------------------------------------------------------------------------------
# The download
# --------------------------------------------------------------------------------------------


def url(meeting: Meeting) -> str:
    return reverse("meetings:minutes_pdf", args=[meeting.pk])


@pytest.fixture
def secretary(db):
    user = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    return user


def test_anyone_downloads_published_minutes_of_a_public_meeting(client, meeting, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = (
        "en"  # the English interface still gets Swedish minutes
    )
    response = client.get(url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="minnesanteckningar-2023-09-13-samverkansradet.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "onsdag 13 september 2023" in text
    assert "Samverkansrådet beslutar att godkänna förslaget" in text


def test_members_only_minutes_are_hidden_from_others(client, council, people):
    meeting = make_meeting(council, people, visibility="members")
    assert client.get(url(meeting)).status_code == 404
    outsider = user_get_or_create(email="utomstaende@example.org")
    client.force_login(outsider)
    assert client.get(url(meeting)).status_code == 404

    member = user_get_or_create(email="maria@example.org")
    people["maria"].user = member
    people["maria"].save()
    client.force_login(member)
    response = client.get(url(meeting))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_unpublished_minutes_are_404_except_a_draft_for_the_secretary(
    client, council, people, secretary
):
    meeting = make_meeting(council, people, publish=False)
    assert client.get(url(meeting)).status_code == 404
    member = user_get_or_create(email="tina@example.org")
    people["tina"].user = member
    people["tina"].save()
    client.force_login(member)
    assert client.get(url(meeting)).status_code == 404

    client.force_login(secretary)
    response = client.get(url(meeting))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert all(sv("DRAFT") in page for page in pdf_pages(response.content))


def test_no_minutes_and_no_meeting_are_404(client, council, secretary):
    planned = services.meeting_create(
        bodies=[council], title="Planerat", date=MEETING_DAY, visibility="public"
    )
    client.force_login(secretary)
    assert client.get(url(planned)).status_code == 404
    assert client.get(reverse("meetings:minutes_pdf", args=[999999])).status_code == 404
