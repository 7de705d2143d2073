"""My data: a logged-in person sees and downloads everything Samverkan holds about them, and
nothing about anyone else."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.services import user_get_or_create
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import Attendance
from samverkan.outbox.models import OutboundEmail
from samverkan.privacy.selectors import LIMIT
from samverkan.privacy.tests.conftest import BERT_WORDS, client_for

MY_DATA = "/konto/mina-uppgifter/"
MY_DATA_JSON = "/konto/mina-uppgifter.json"

ANNA_WORDS = (
    "anna@example.org",
    "Anna@Example.org",
    "Anna Andersson",
    "Anderssons läsecirkel",
    "Annas fråga om bidrag",
    "Annas utkast",
    "Annas remissvar om fritidsgårdarna",
    "Annas ouppgjorda svar",
    "070-111 22 33",
    "Annas uppdrag att boka lokal",
    "Rådets möte i mars",
    "Samverkansrådet",
    "Remiss om fritidsgårdar",
)


def test_the_addresses_are_the_documented_ones():
    assert reverse("privacy:my_data") == MY_DATA
    assert reverse("privacy:my_data_json") == MY_DATA_JSON
    assert reverse("privacy:correct") == "/konto/mina-uppgifter/ratta/"
    assert reverse("privacy:erase") == "/konto/mina-uppgifter/radera/"
    assert reverse("privacy:erasure_requests") == "/sekreterare/radering/"


@pytest.mark.parametrize(
    "path",
    [MY_DATA, MY_DATA_JSON, "/konto/mina-uppgifter/ratta/", "/konto/mina-uppgifter/radera/"],
)
def test_anonymous_visitors_are_sent_to_log_in(db, client, path):
    for response in (client.get(path), client.post(path, {"confirm": "on", "full_name": "X"})):
        assert response.status_code == 302
        assert response["Location"] == f"/konto/logga-in/?next={path}"


def test_the_page_shows_everything_about_the_person_and_nothing_about_another(world):
    response = client_for(world.anna.user).get(MY_DATA)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for word in ANNA_WORDS:
        assert word in page, word
    assert world.anna.inquiry.reference in page
    assert world.anna.response.reference in page
    for word in BERT_WORDS:
        assert word not in page, word
    # The other way round too.
    page = html.unescape(client_for(world.bert.user).get(MY_DATA).content.decode())
    assert "Bertils fråga om lokaler" in page and "073-999 88 77" in page
    assert "Anna" not in page and "Anderssons läsecirkel" not in page


def test_each_group_holds_the_persons_records(world):
    data = _download(world.anna.user)
    sections = {s["key"]: s for s in data["sections"]}
    world.anna.user.refresh_from_db()
    assert sections["account"]["rows"] == [
        {
            "email": "anna@example.org",
            "name": "Anna Andersson",
            "language": "svenska",
            "joined": _local_iso(world.anna.user.date_joined),
            "last_login": _local_iso(world.anna.user.last_login),
            "staff": False,
        }
    ]
    assert [r["role"] for r in sections["roles"]["rows"]] == ["Ledamot i Samverkansrådet"]
    assert [r["organisation"] for r in sections["representations"]["rows"]] == [
        "Anderssons läsecirkel"
    ]
    assert sections["representations"]["rows"][0]["approved"] is True
    assert sections["people"]["rows"] == [
        {"name": "Anna Andersson", "email": "", "phone": "070-111 22 33", "linked": True}
    ]
    assert [r["body"] for r in sections["memberships"]["rows"]] == ["Samverkansrådet"]
    assert [(r["meeting"], r["status"]) for r in sections["attendance"]["rows"]] == [
        ("Rådets möte i mars", "Närvarande")
    ]
    assert [r["what"] for r in sections["action_items"]["rows"]] == ["Annas uppdrag att boka lokal"]
    (signature,) = sections["signatures"]["rows"]
    assert signature["email"] == "Anna@Example.org", "found whatever the case of the address"
    assert signature["organisation"] == "Anderssons läsecirkel"
    assert {r["subject"] for r in sections["inquiries"]["rows"]} == {
        "Annas fråga om bidrag",
        "Annas utkast",
    }
    assert {r["reference"] for r in sections["inquiries"]["rows"]} == {
        world.anna.inquiry.reference,
        "",
    }
    assert {r["text"] for r in sections["responses"]["rows"]} == {
        "Annas remissvar om fritidsgårdarna",
        "Annas ouppgjorda svar",
    }
    assert [r["topics"] for r in sections["subscriptions"]["rows"]] == [["Samverkansrådet"]]
    assert sections["login_links"]["count"] == 1
    assert (
        sections["emails"]["count"]
        == OutboundEmail.objects.filter(to__iexact="anna@example.org").count()
        > 0
    )
    (change,) = sections["change_history"]["rows"]
    assert change["record"] == "Anderssons läsecirkel"
    assert change["action"] == "ändrad" and change["fields"] == ["description"]


def test_the_download_is_a_private_json_attachment_that_matches_the_page(world):
    client = client_for(world.anna.user)
    page_response = client.get(MY_DATA)
    response = client.get(MY_DATA_JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert re.fullmatch(
        r'attachment; filename="mina-uppgifter-\d{4}-\d{2}-\d{2}\.json"',
        response["Content-Disposition"],
    )
    for check in (response, page_response):
        assert check["Cache-Control"] == "private, no-store"
        assert check["X-Robots-Tag"] == "noindex, nofollow"
    data = json.loads(response.content)
    assert data["account"] == "anna@example.org"

    page = page_response.content.decode()
    blocks = dict(
        re.findall(r'<section[^>]*data-section="([a-z_]+)"[^>]*>(.*?)</section>', page, re.S)
    )
    assert list(blocks) == [s["key"] for s in data["sections"]]
    for section in data["sections"]:
        block = blocks[section["key"]]
        assert f'data-count="{section["count"]}"' in page
        assert block.count("<tr data-row>") == len(section["rows"]), section["key"]
        assert html.escape(section["title"]) in block
        for row in section["rows"]:
            for key, value in row.items():
                for shown in _as_shown(value):
                    assert shown in block, (section["key"], key, shown)
    assert sum(len(s["rows"]) for s in data["sections"]) > 25


def test_the_header_links_to_my_data_for_logged_in_people_only(world, client):
    assert f'href="{MY_DATA}"' not in client.get("/").content.decode()
    assert f'href="{MY_DATA}"' in client_for(world.anna.user).get("/").content.decode()


def test_the_number_of_queries_does_not_grow_with_the_data(world):
    client = client_for(world.anna.user)
    client.get(MY_DATA)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as before:
        client.get(MY_DATA)
    # Much more of everything for Anna.
    person = world.anna.person
    for number in range(5):
        meeting = meeting_services.meeting_create(
            bodies=[world.council],
            title=f"Extramöte {number}",
            date=timezone.localdate() - timedelta(days=number + 1),
        )
        item = meeting_services.agenda_item_add(meeting=meeting, title="Punkt")
        meeting_services.minutes_start(meeting=meeting)
        meeting_services.attendance_record(
            meeting=meeting, person=person, status=Attendance.Status.GUEST
        )
        meeting_services.action_item_add(item=item, what=f"Uppdrag {number}", owner=person)
    with CaptureQueriesContext(connection) as after:
        response = client.get(MY_DATA)
    assert response.content.decode().count("Extramöte") == 10  # attendance and tasks
    assert len(after) == len(before), [q["sql"][:90] for q in after.captured_queries]
    assert len(after) <= 40


def test_long_lists_show_the_newest_and_say_how_many_there_are(world):
    OutboundEmail.objects.bulk_create(
        OutboundEmail(to="ANNA@example.org", subject=f"Nyhetsbrev {n}", body="Hej")
        for n in range(LIMIT + 5)
    )
    total = OutboundEmail.objects.filter(to__iexact="anna@example.org").count()
    data = _download(world.anna.user)
    emails = next(s for s in data["sections"] if s["key"] == "emails")
    assert len(emails["rows"]) == LIMIT
    assert emails["count"] == total > LIMIT
    assert emails["complete"] is False
    page = client_for(world.anna.user).get(MY_DATA).content.decode()
    assert f"De {LIMIT} senaste av {total} visas här och i filen." in page


def test_someone_without_any_data_but_an_account_sees_empty_groups(db):
    user = user_get_or_create(email="ny@example.org")
    response = client_for(user).get(MY_DATA)
    assert response.status_code == 200
    assert "ny@example.org" in response.content.decode()
    assert "Inget." in response.content.decode()


def test_only_get_and_head(world):
    client = client_for(world.anna.user)
    assert client.post(MY_DATA).status_code == 405
    assert client.post(MY_DATA_JSON).status_code == 405
    assert client.head(MY_DATA_JSON).status_code == 200


def _download(user) -> dict:
    response = client_for(user).get(MY_DATA_JSON)
    assert response.status_code == 200
    return json.loads(response.content)


def _local_iso(moment) -> str:
    from django.core.serializers.json import DjangoJSONEncoder

    return json.loads(json.dumps(timezone.localtime(moment), cls=DjangoJSONEncoder))


def _as_shown(value) -> list[str]:
    """How a value of the download appears on the page (HTML-escaped)."""
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, bool):
        return ["Ja" if value else "Nej"]
    if isinstance(value, list):
        return [html.escape(str(item)) for item in value]
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", text):  # a moment: shown to the minute
        return [f'datetime="{text[:16]}', text[:10] + " " + text[11:16]]
    return [html.escape(text)]
