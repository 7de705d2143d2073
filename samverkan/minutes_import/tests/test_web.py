"""The secretary uploads minutes, checks what was found beside the text, corrects it and
saves it — through HTTP with the test client, and once in a real browser with axe.

Forms are submitted the way a browser without JavaScript would: every field of the page's
form with the value the page shows (:func:`form_fields`), changed where the test says so.
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import include, path, reverse
from django.utils.datastructures import MultiValueDict
from django.utils.html import escape

from config.urls import urlpatterns as site_urlpatterns
from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.testing import assert_accessible
from samverkan.meetings import services as meetings
from samverkan.meetings.models import Attendance, Meeting, Person
from samverkan.minutes_import.extraction import extract_bytes
from samverkan.minutes_import.forms import CorrectionForm
from samverkan.minutes_import.models import IdentitySuggestion, ImportedDocument
from samverkan.minutes_import.views import DRAFTS_KEY

from .conftest import DOCUMENTS, MINUTES_PDF_PAGES, text_pdf
from .test_seeds import SEEDS

# Until config/urls.py includes the app, the tests include it themselves.
urlpatterns = list(site_urlpatterns)
if not any(getattr(p, "namespace", None) == "minutes_import" for p in site_urlpatterns):
    urlpatterns.append(path("", include("samverkan.minutes_import.urls")))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

OWN_MINUTES = """Minnesanteckningar Samverkansrådet 7 november 2023

Datum: Tisdagen 7 november
Tid: kl. 16-18
Mötesplats: Föreningarnas Hus, Slottsgatan 13A.

Närvarande: Samverkansrådet
Tina Fors, Älvstads Föreningsråd (ordförande)
Lotta Karlsson, Stiftelsen Activa
Maria Hed (M)

Förhinder:
Bo Ström, Vinterö IK

1. Välkomna
Ordföranden hälsar välkommen.

2. Aktivitetsplanen
Beslut
Arbetsgruppens förslag presenteras. Samverkansrådet beslutar att godkänna aktivitetsplanen.
Anna skickar ut planen till alla organisationer senast 1 december.

3. Remissbevakning
Punkten bordläggs pga tidsbrist.

Antecknat av
Anna Fogel, sekreterare
"""


def seed_or_own() -> tuple[str, bytes]:
    """Seed 000 when ../shared/seeds is here, else minutes of our own."""
    found = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []
    if found:
        return found[0].name, found[0].read_bytes()
    return "minnesanteckningar-2023-11-07.txt", OWN_MINUTES.encode()


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The fields of the form whose action contains ``marker``, as a browser submits them
    (no submit buttons, unchecked boxes left out)."""

    def __init__(self, marker: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = self.marker in a.get("action", "")
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            # Browsers drop the one newline that follows <textarea>.
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_fields(html: str, marker: str = "utkast=") -> dict[str, list[str]]:
    reader = _FormReader(marker)
    reader.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in reader.fields:
        fields.setdefault(name, []).append(value)
    return fields


def post_data(fields: dict[str, list[str]], **changes: Any) -> MultiValueDict:
    """``fields`` with changes (``name=value``; ``None`` leaves a field out, as an unticked
    box); names use ``__`` for ``-``. Usable as a form's data and by ``client.post``."""
    data: dict[str, list[str]] = dict(fields)
    for name, value in changes.items():
        key = name.replace("__", "-")
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value if isinstance(value, list) else [value]
    return MultiValueDict(data)


def submit(client: Client, url: str, data: MultiValueDict):
    """POST ``data`` as a browser would, every value of every field."""
    return client.post(url, dict(data.lists()))


def upload(client: Client, name: str, data: bytes):
    return client.post(reverse("minutes_import:upload"), {"file": SimpleUploadedFile(name, data)})


def secretary(email: str = "sekreterare@example.org") -> User:
    user = user_get_or_create(email=email, full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    return user


@pytest.fixture
def secretary_client() -> Client:
    """The secretary, logged in, reading the interface in English."""
    client = Client()
    client.force_login(secretary())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def uploaded(secretary_client: Client):
    """Seed 000 (or our own minutes) uploaded; the response after following the redirect
    to the preview, with the name and the result the parser gives."""
    name, data = seed_or_own()
    response = upload(secretary_client, name, data)
    assert response.status_code == 302
    preview = secretary_client.get(response["Location"])
    assert preview.status_code == 200
    result, ok = extract_bytes(data, filename=name)
    assert ok
    return {"url": response["Location"], "page": preview, "name": name, "result": result}


# ---------------------------------------------------------------------------------------------
# Who may
# ---------------------------------------------------------------------------------------------

PAGES = ["upload", "preview", "suggestion_list", "document_list"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client: Client, page: str):
    response = client.get(reverse(f"minutes_import:{page}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", [None, Role.COUNCIL_MEMBER, Role.C_NETWORK_MEMBER])
@pytest.mark.parametrize("page", PAGES)
def test_people_who_are_not_the_secretary_are_refused(page: str, role: str | None):
    user = user_get_or_create(email="medlem@example.org", full_name="Maja Medlem")
    if role:
        role_grant(user=user, role=role)
    client = Client()
    client.force_login(user)
    assert client.get(reverse(f"minutes_import:{page}")).status_code == 403


def test_uploading_is_refused_to_others_and_nothing_is_kept():
    user = user_get_or_create(email="medlem@example.org", full_name="Maja Medlem")
    role_grant(user=user, role=Role.COUNCIL_MEMBER)
    client = Client()
    client.force_login(user)
    response = upload(client, "a.txt", OWN_MINUTES.encode())
    assert response.status_code == 403
    assert DRAFTS_KEY not in client.session


# ---------------------------------------------------------------------------------------------
# Upload
# ---------------------------------------------------------------------------------------------


def test_the_upload_page_explains_what_files_are_accepted(secretary_client: Client):
    response = secretary_client.get(reverse("minutes_import:upload"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "at most 10 MB" in html
    assert 'accept=".txt,.md,.docx,.pdf"' in html


def test_an_upload_is_read_and_shown_beside_its_text(uploaded):
    html = uploaded["page"].content.decode()
    result = uploaded["result"]
    assert f"Check and correct: {uploaded['name']}" in html
    # The original text, line by line, in a labelled region that can be focused.
    assert 'role="region" aria-labelledby="source-title" tabindex="0"' in html
    assert 'id="rad-1"' in html
    # The structure as an editable form.
    fields = form_fields(html)
    assert fields["meeting-title"] == [result["title"]]
    assert fields["meeting-date"] == [result["date"]]
    assert fields["meeting-start_time"] == [result["start_time"]]
    assert fields["present-0-name"] == [result["present"][0]["name"]]
    assert fields["present-TOTAL_FORMS"] == [str(len(result["present"]) + 2)]
    assert fields["agenda_items-1-title"] == [result["agenda_items"][1]["title"]]
    assert fields["absent-0-name"] == [result["absent"][0]["name"]]


def test_the_session_keeps_the_result_not_the_file(secretary_client: Client, uploaded):
    (draft,) = secretary_client.session[DRAFTS_KEY].values()
    assert draft["result"] == uploaded["result"]
    assert set(draft) == {"filename", "text", "result", "uploaded"}


def documents_of_every_layout() -> list[tuple[str, bytes]]:
    """Our own minutes, the PDF and the other layouts of the parser's tests, and the seeds."""
    found = [
        ("egna.txt", OWN_MINUTES.encode()),
        ("möte.pdf", text_pdf(MINUTES_PDF_PAGES)),
        *((p.name, p.read_bytes()) for p in sorted(DOCUMENTS.glob("*.md"))),
        ("protokoll_paragrafer.txt", (DOCUMENTS / "protokoll_paragrafer.txt").read_bytes()),
    ]
    if SEEDS.is_dir():
        found.extend((p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt")))
    return found


@pytest.mark.parametrize(
    ("name", "data"), documents_of_every_layout(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_an_unchanged_form_gives_back_exactly_what_was_found(
    secretary_client: Client, name: str, data: bytes
):
    response = upload(secretary_client, name, data)
    assert response.status_code == 302, response.content.decode()
    page = secretary_client.get(response["Location"])
    result, _ok = extract_bytes(data, filename=name)
    correction = CorrectionForm(result, post_data(form_fields(page.content.decode())))
    assert correction.is_valid(), correction.error_links()
    assert correction.to_result(result) == result


def junk_docx() -> bytes:
    return b"PK\x03\x04" + bytes(range(256)) * 8


def test_junk_with_a_word_name_is_refused_next_to_the_field(secretary_client: Client):
    response = upload(secretary_client, "protokoll.docx", junk_docx())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert "protokoll.docx" in html
    assert "Something needs to be corrected" in html
    assert DRAFTS_KEY not in secretary_client.session


def test_a_zip_that_is_not_a_word_document_is_refused(secretary_client: Client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not Word")
    response = upload(secretary_client, "protokoll.docx", buffer.getvalue())
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.content.decode()
    assert DRAFTS_KEY not in secretary_client.session


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"  \n\n", "tom.txt is empty."),
        ("bild.png", b"\x89PNG\r\n", "use .txt, .md, .docx or .pdf"),
        ("skannad.pdf", b"not a pdf at all", "skannad.pdf"),
    ],
)
def test_files_that_cannot_be_read_get_a_clear_message(
    secretary_client: Client, name: str, data: bytes, message: str
):
    response = upload(secretary_client, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'id="id_file_error"' in html
    assert DRAFTS_KEY not in secretary_client.session


def test_a_file_over_10_mb_is_refused_without_being_read(secretary_client: Client):
    big = b"Minnesanteckningar\n" + b"x" * (10 * 1024 * 1024)
    response = upload(secretary_client, "stor.txt", big)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The file is too large (10.0 MB). The limit is 10 MB." in html
    assert DRAFTS_KEY not in secretary_client.session


def test_no_file_at_all_is_asked_for(secretary_client: Client):
    response = secretary_client.post(reverse("minutes_import:upload"), {})
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.content.decode()


def test_a_windows_1252_text_file_is_read(secretary_client: Client):
    response = upload(secretary_client, "gammal.txt", OWN_MINUTES.encode("cp1252"))
    assert response.status_code == 302
    page = secretary_client.get(response["Location"]).content.decode()
    assert form_fields(page)["present-0-name"] == ["Tina Fors"]


def test_a_preview_that_is_no_longer_in_the_session_sends_back_to_upload(secretary_client: Client):
    response = secretary_client.get(reverse("minutes_import:preview") + "?utkast=gone", follow=True)
    assert response.redirect_chain[-1][0] == reverse("minutes_import:upload")
    assert "Upload the file again" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Correcting
# ---------------------------------------------------------------------------------------------


def test_bad_dates_and_times_are_shown_next_to_the_field_and_nothing_is_lost(
    secretary_client: Client, uploaded
):
    fields = form_fields(uploaded["page"].content.decode())
    data = post_data(
        fields,
        action="save",
        meeting__title="Rättad rubrik",
        meeting__date="2023-02-30",
        meeting__start_time="25:61",
        present__0__name="Rättat Namn",
        calendar__0__date="igår",
    )
    response = submit(secretary_client, uploaded["url"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_meeting-date_error"' in html
    assert 'id="id_meeting-start_time_error"' in html
    assert 'id="id_calendar-0-date_error"' in html
    assert "Enter a valid date." in html
    # The summary links to each field.
    assert 'href="#id_meeting-date"' in html
    # What was typed is still there.
    again = form_fields(html)
    assert again["meeting-title"] == ["Rättad rubrik"]
    assert again["meeting-date"] == ["2023-02-30"]
    assert again["present-0-name"] == ["Rättat Namn"]


def test_an_end_before_the_start_is_refused(secretary_client: Client, uploaded):
    fields = form_fields(uploaded["page"].content.decode())
    data = post_data(fields, action="save", meeting__start_time="18:00", meeting__end_time="16:00")
    html = submit(secretary_client, uploaded["url"], data).content.decode()
    assert "The meeting must end after it starts." in html


def test_action_lines_must_have_real_dates(secretary_client: Client, uploaded):
    fields = form_fields(uploaded["page"].content.decode())
    data = post_data(
        fields, action="save", agenda_items__0__actions="Anna: boka lokal (2023-13-45)"
    )
    html = submit(secretary_client, uploaded["url"], data).content.decode()
    assert 'id="id_agenda_items-0-actions_error"' in html
    assert "2023-13-45" in html


def test_a_row_without_its_name_asks_for_it_unless_removed(secretary_client: Client, uploaded):
    fields = form_fields(uploaded["page"].content.decode())
    data = post_data(fields, action="save", present__0__name="")
    html = submit(secretary_client, uploaded["url"], data).content.decode()
    assert 'id="id_present-0-name_error"' in html
    assert "Write the person’s name, or tick “Remove this row”." in html


def test_more_empty_rows_can_be_added_without_javascript(secretary_client: Client, uploaded):
    fields = form_fields(uploaded["page"].content.decode())
    total = int(fields["present-TOTAL_FORMS"][0])
    data = post_data(fields, action="more:present", present__0__name="Rättat Namn")
    response = submit(secretary_client, uploaded["url"], data)
    assert response.status_code == 200
    again = form_fields(response.content.decode())
    assert again["present-TOTAL_FORMS"] == [str(total + 3)]
    assert again["present-0-name"] == ["Rättat Namn"]
    assert f'name="present-{total + 2}-name"' in response.content.decode()


def test_corrections_are_turned_back_into_the_result(uploaded):
    """Rows removed, a row added, a field corrected, an item's lists edited."""
    result = uploaded["result"]
    fields = form_fields(uploaded["page"].content.decode())
    new_row = len(result["present"])  # the first empty row
    data = post_data(
        fields,
        meeting__title="Minnesanteckningar, rättade",
        meeting__online="on",
        meeting__bodies="Samverkansrådet\n\nC-nätet\n",
        present__0__DELETE="on",
        present__0__name="",  # removed rows need no correcting
        **{
            f"present__{new_row}__name": "Ny Person",
            f"present__{new_row}__party": "KD",
        },
        agenda_items__0__decisions="Första beslutet.\nAndra beslutet.",
        agenda_items__0__tabled="",
        agenda_items__0__follow_up="on",
        agenda_items__0__actions="Anna Fogel: bokar lokal (2024-01-15)\nSkicka ut inbjudan",
    )
    correction = CorrectionForm(result, data)
    assert correction.is_valid(), correction.error_links()
    corrected = correction.to_result(result)
    assert corrected["title"] == "Minnesanteckningar, rättade"
    assert corrected["online"] is True
    assert corrected["bodies"] == ["Samverkansrådet", "C-nätet"]
    names = [p["name"] for p in corrected["present"]]
    assert result["present"][0]["name"] not in names[:1]
    assert names[-1] == "Ny Person"
    assert corrected["present"][-1] == {
        "name": "Ny Person",
        "organisation": None,
        "party": "KD",
        "role": None,
        "group": None,
    }
    assert len(corrected["present"]) == len(result["present"])
    item = corrected["agenda_items"][0]
    assert item["decisions"] == ["Första beslutet.", "Andra beslutet."]
    assert item["follow_up"] is True
    assert item["actions"] == [
        {"owner": "Anna Fogel", "what": "bokar lokal", "due": "2024-01-15"},
        {"owner": None, "what": "Skicka ut inbjudan", "due": None},
    ]
    assert corrected["sha256"] == result["sha256"]
    assert corrected["file"] == result["file"]
    assert list(corrected) == list(result)


# ---------------------------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------------------------


def save(client: Client, url: str, **changes: Any):
    """Submit the preview at ``url`` as shown, with ``changes``, by its Save button."""
    fields = form_fields(client.get(url).content.decode())
    return submit(client, url, post_data(fields, action="save", **changes))


def test_saving_imports_the_corrected_minutes_and_shows_what_was_made(
    secretary_client: Client, uploaded
):
    response = save(secretary_client, uploaded["url"], meeting__place="Rättad plats 1")
    assert response.status_code == 302
    assert response["Location"] == reverse("minutes_import:document_list")
    assert DRAFTS_KEY in secretary_client.session and not secretary_client.session[DRAFTS_KEY]

    document = ImportedDocument.objects.get()
    meeting = document.meeting
    assert meeting.place == "Rättad plats 1"
    assert meeting.date.isoformat() == uploaded["result"]["date"]
    assert document.file_name == uploaded["name"]
    assert document.result["place"] == "Rättad plats 1"
    assert document.imported_by.email == "sekreterare@example.org"

    page = secretary_client.get(response["Location"]).content.decode()
    assert "The minutes are saved in the archive" in page
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page
    assert "Agenda items" in page
    assert uploaded["name"] in page
    # The summary is shown once.
    again = secretary_client.get(response["Location"]).content.decode()
    assert "The minutes are saved in the archive" not in again
    assert uploaded["name"] in again


def test_saving_the_same_document_twice_does_not_make_a_second_meeting(
    secretary_client: Client, uploaded
):
    assert save(secretary_client, uploaded["url"]).status_code == 302
    name, data = seed_or_own()
    second = upload(secretary_client, name, data)["Location"]
    response = save(secretary_client, second)
    assert response.status_code == 302
    assert Meeting.objects.filter(date=uploaded["result"]["date"]).count() == 1
    assert ImportedDocument.objects.count() == 1
    page = secretary_client.get(response["Location"]).content.decode()
    assert "These minutes were already saved; nothing changed" in page


def test_saving_a_correction_of_saved_minutes_updates_the_meeting(
    secretary_client: Client, uploaded
):
    save(secretary_client, uploaded["url"])
    meeting = ImportedDocument.objects.get().meeting
    meetings_before = Meeting.objects.count()
    name, data = seed_or_own()
    second = upload(secretary_client, name, data)["Location"]
    response = save(secretary_client, second, agenda_items__0__title="Välkomna, rättad")
    assert response.status_code == 302
    assert Meeting.objects.count() == meetings_before
    assert ImportedDocument.objects.get().meeting == meeting
    assert meeting.agenda_items.order_by("position").first().title == "Välkomna, rättad"
    page = secretary_client.get(response["Location"]).content.decode()
    assert "The meeting is updated from the corrected minutes" in page


def test_what_is_not_minutes_is_not_saved_and_the_form_stays(secretary_client: Client, uploaded):
    response = save(
        secretary_client,
        uploaded["url"],
        kind="unknown",
        meeting__kind="unknown",
        meeting__title="Något annat",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "nothing was imported" in html
    assert 'href="#save"' in html
    assert form_fields(html)["meeting-title"] == ["Något annat"]
    assert not Meeting.objects.exists()
    assert secretary_client.session[DRAFTS_KEY]


def test_minutes_without_a_date_are_not_saved(secretary_client: Client, uploaded):
    response = save(secretary_client, uploaded["url"], meeting__date="")
    assert response.status_code == 200
    assert "has no date" in response.content.decode()
    assert not Meeting.objects.exists()


# ---------------------------------------------------------------------------------------------
# Who is who
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def unsure(secretary_client: Client) -> IdentitySuggestion:
    """Lotta Karlsson is known; the minutes write "Lotta Karlson": one letter differs, so the
    import asks."""
    meetings.person_create(name="Lotta Karlsson", email="lotta@example.org")
    text = OWN_MINUTES.replace(
        "Lotta Karlsson, Stiftelsen Activa", "Lotta Karlson, Stiftelsen Activa"
    )
    response = save(
        secretary_client, upload(secretary_client, "lotta.txt", text.encode())["Location"]
    )
    assert response.status_code == 302
    return IdentitySuggestion.objects.get(text="Lotta Karlson")


def test_after_saving_the_names_to_review_are_linked(secretary_client: Client, unsure):
    page = secretary_client.get(reverse("minutes_import:document_list")).content.decode()
    review = reverse("minutes_import:suggestion_list") + f"?dokument={unsure.document.pk}"
    assert review in page
    assert "One name needs your answer" in page


def test_the_review_list_shows_the_name_the_candidate_and_the_evidence(
    secretary_client: Client, unsure
):
    page = secretary_client.get(reverse("minutes_import:suggestion_list")).content.decode()
    assert "Is “Lotta Karlson” the same as Lotta Karlsson?" in page
    assert f"{round(unsure.score * 100)} out of 100" in page
    assert unsure.evidence
    for reason in unsure.evidence:
        assert escape(reason) in page
    assert "Confirm: the same" in page
    assert "Reject: not the same" in page


def test_confirming_merges_the_provisional_person_into_the_known_one(
    secretary_client: Client, unsure
):
    known = unsure.candidate_person
    provisional = unsure.provisional_person
    response = secretary_client.post(
        reverse("minutes_import:suggestion_list"),
        {"suggestion": unsure.pk, "action": "confirm"},
    )
    assert response.status_code == 302
    unsure.refresh_from_db()
    assert unsure.status == IdentitySuggestion.Status.CONFIRMED
    assert unsure.decided_by.email == "sekreterare@example.org"
    assert not Person.objects.filter(pk=provisional.pk).exists()
    assert Attendance.objects.filter(person=known).exists()
    page = secretary_client.get(response["Location"]).content.decode()
    assert "Confirmed: “Lotta Karlson” is Lotta Karlsson." in page
    assert "Nothing to review." in page
    assert "Confirmed: the same" in page  # under "Decided"


def test_rejecting_keeps_two_people(secretary_client: Client, unsure):
    provisional = unsure.provisional_person
    response = secretary_client.post(
        reverse("minutes_import:suggestion_list"),
        {"suggestion": unsure.pk, "action": "reject"},
        follow=True,
    )
    unsure.refresh_from_db()
    assert unsure.status == IdentitySuggestion.Status.REJECTED
    assert Person.objects.filter(pk=provisional.pk).exists()
    assert "Rejected: “Lotta Karlson” is not Lotta Karlsson." in response.content.decode()


def test_an_answered_suggestion_is_not_answered_twice(secretary_client: Client, unsure):
    url = reverse("minutes_import:suggestion_list")
    secretary_client.post(url, {"suggestion": unsure.pk, "action": "reject"})
    response = secretary_client.post(
        url, {"suggestion": unsure.pk, "action": "confirm"}, follow=True
    )
    unsure.refresh_from_db()
    assert unsure.status == IdentitySuggestion.Status.REJECTED
    assert "was already decided" in response.content.decode()


def test_only_the_secretary_may_answer(unsure):
    user = user_get_or_create(email="medlem@example.org", full_name="Maja Medlem")
    role_grant(user=user, role=Role.COUNCIL_MEMBER)
    client = Client()
    client.force_login(user)
    url = reverse("minutes_import:suggestion_list")
    assert client.post(url, {"suggestion": unsure.pk, "action": "confirm"}).status_code == 403
    assert Client().post(url, {"suggestion": unsure.pk, "action": "confirm"}).status_code == 302
    unsure.refresh_from_db()
    assert unsure.status == IdentitySuggestion.Status.PENDING


def test_the_documents_list_shows_file_meeting_and_status(secretary_client: Client, unsure):
    page = secretary_client.get(reverse("minutes_import:document_list")).content.decode()
    assert "lotta.txt" in page
    assert reverse("meetings:meeting_detail", args=[unsure.document.meeting.pk]) in page
    assert "Needs review" in page
    assert "1 name to review" in page


# ---------------------------------------------------------------------------------------------
# In a real browser
# ---------------------------------------------------------------------------------------------


def test_upload_check_and_save_in_the_browser(live_server, page, tmp_path: Path):
    """Upload (first a broken file), check and correct beside the text, save, then answer
    the name the import was unsure of; axe on every page, on a wide screen and a phone."""
    name, data = seed_or_own()
    result, _ok = extract_bytes(data, filename=name)
    # Someone known whose name the minutes spell with one "s" too many.
    written = next(p["name"] for p in result["present"] if "ss" in p["name"])
    meetings.person_create(name=written.replace("ss", "s", 1))
    user = secretary()
    user.set_password("ett-langt-losenord-2026")
    user.save()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill(user.email)
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(live_server.url + "/")

    page.goto(live_server.url + reverse("minutes_import:upload"))
    assert_accessible(page, "upload page")
    junk = tmp_path / "protokoll.docx"
    junk.write_bytes(junk_docx())
    page.get_by_label("Minnesanteckningarna").set_input_files(str(junk))
    with page.expect_navigation():
        page.get_by_role("button", name="Ladda upp och läs").click()
    assert "protokoll.docx" in page.locator("#id_file_error").inner_text()
    assert_accessible(page, "upload page with an error")

    minutes = tmp_path / name
    minutes.write_bytes(data)
    page.get_by_label("Minnesanteckningarna").set_input_files(str(minutes))
    with page.expect_navigation():
        page.get_by_role("button", name="Ladda upp och läs").click()
    assert "utkast=" in page.url
    source = page.get_by_role("region", name="Texten som den lästes")
    assert result["title"].split()[0] in source.inner_text()
    assert_accessible(page, "preview")
    page.set_viewport_size({"width": 360, "height": 800})
    assert_accessible(page, "preview on a phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    # A wrong time is refused next to the field; what was typed stays.
    page.locator("#id_meeting-place").fill("Rättad plats 2")
    page.locator("#id_meeting-end_time").fill("08:00")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara i arkivet").first.click()
    assert page.locator("#id_meeting-end_time_error").is_visible()
    assert page.locator("#id_meeting-place").input_value() == "Rättad plats 2"
    assert_accessible(page, "preview with an error")

    page.locator("#id_meeting-end_time").fill(result["end_time"] or "")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara i arkivet").first.click()
    assert page.url.endswith(reverse("minutes_import:document_list"))
    assert page.get_by_role(
        "heading", name="Minnesanteckningarna är sparade i arkivet"
    ).is_visible()
    assert_accessible(page, "documents after saving")
    assert ImportedDocument.objects.get().meeting.place == "Rättad plats 2"

    with page.expect_navigation():
        page.get_by_role("link", name="Granska namnen").click()
    assert_accessible(page, "names to review")
    with page.expect_navigation():
        page.get_by_role("button", name="Avvisa").first.click()
    assert IdentitySuggestion.objects.filter(status="rejected").count() == 1
    assert_accessible(page, "names to review after an answer")
