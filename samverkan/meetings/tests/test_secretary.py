"""The secretary plans meetings, sends the notice, records and publishes minutes — through HTTP,
with email through a real local SMTP server."""

import io
import re
import zipfile
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.testing import links_in
from samverkan.meetings import services
from samverkan.meetings.models import (
    Attachment,
    Attendance,
    CarriedOverPoint,
    Decision,
    Invitation,
    Meeting,
    MinutesRevision,
    Party,
)
from samverkan.organisations import services as organisation_services
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def council(db):
    """A council with a chair, a politician and a member without email, and a C-network with a
    department seat and a vacant seat."""
    body = services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")
    network = services.body_create(name="C-nätet", slug="c-natet", kind="network")
    forening = organisation_services.organisation_create(
        name="Älvstads Föreningsråd", kind="umbrella_body", organisation_number="802002-4280"
    )
    department = organisation_services.organisation_create(
        name="Kultur- och fritidsförvaltningen", kind="municipal_department"
    )
    vacant_department = organisation_services.organisation_create(
        name="Förskoleförvaltningen", kind="municipal_department"
    )
    party = Party.objects.create(abbreviation="M", name="Moderaterna")
    start = date(2024, 1, 1)
    people = {
        "tina": services.person_create(name="Tina Fors", email="tina@example.org"),
        "maria": services.person_create(name="Maria Hed", email="maria@example.org"),
        "kalle": services.person_create(name="Kalle Utan Epost"),
        "tomas": services.person_create(name="Tomas Ek", email="tomas@example.org"),
        "sub": services.person_create(name="Sara Ersättare", email="sara@example.org"),
    }
    services.membership_add(
        body=body, person=people["tina"], organisation=forening, role="chair", start=start
    )
    services.membership_add(
        body=body, person=people["maria"], party=party, title="kommunalråd", start=start
    )
    services.membership_add(body=body, person=people["kalle"], organisation=forening, start=start)
    services.membership_add(
        body=network, person=people["tomas"], organisation=department, start=start
    )
    services.membership_add(body=network, person=None, organisation=vacant_department, start=start)
    return {"council": body, "network": network, "people": people, "department": department}


@pytest.fixture
def secretary_client(client, db):
    user = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    client.force_login(user)
    client.user = user
    return client


def future(days=14) -> date:
    return timezone.localdate() + timedelta(days=days)


def plan(client, council, **overrides):
    data = {
        "bodies": [council["council"].pk, council["network"].pk],
        "kind": "joint_meeting",
        "title": "Samverkansrådet och C-nätet",
        "date": future().isoformat(),
        "start_time": "16:00",
        "end_time": "18:00",
        "place": "Föreningarnas Hus",
        "visibility": "public",
    }
    data.update(overrides)
    return client.post(reverse("meetings:meeting_create"), data)


def test_only_the_secretary_manages_meetings(client, council):
    member = user_get_or_create(email="tina@example.org")
    for url in [
        reverse("meetings:manage_meetings"),
        reverse("meetings:meeting_create"),
        reverse("meetings:body_manage", args=["samverkansradet"]),
        reverse("meetings:people"),
    ]:
        assert client.get(url).status_code == 302
    client.force_login(member)
    assert plan(client, council).status_code == 403
    assert not Meeting.objects.exists()


def test_an_overlapping_meeting_of_the_same_body_is_refused(secretary_client, council):
    assert plan(secretary_client, council).status_code == 302
    clash = plan(
        secretary_client,
        council,
        title="Krock",
        start_time="17:00",
        end_time="19:00",
        bodies=[council["council"].pk],
    )
    assert clash.status_code == 200
    assert "Samverkansrådet och C-nätet" in clash.content.decode()
    assert 'id="id_start_time_error"' in clash.content.decode()
    assert Meeting.objects.count() == 1
    ok = plan(
        secretary_client,
        council,
        title="Senare",
        start_time="18:00",
        end_time="19:00",
        bodies=[council["council"].pk],
    )
    assert ok.status_code == 302


def test_notice_invitations_changes_and_cancellation(secretary_client, council, smtp_server):
    plan(secretary_client, council)
    meeting = Meeting.objects.get()
    edit = reverse("meetings:meeting_edit", args=[meeting.pk])
    secretary_client.post(
        edit, {"action": "item", "item-title": "Välkomna", "item-item_type": "information"}
    )
    secretary_client.post(
        edit,
        {
            "action": "item",
            "item-title": "Aktivitetsplanen",
            "item-item_type": "decision",
            "item-presenter": "Arbetsgruppen",
        },
    )
    assert secretary_client.post(edit, {"action": "notice"}).status_code == 302
    secretary_client.post(edit, {"action": "notice"})  # a second click sends nothing more
    outbox_deliver()
    received = smtp_server.wait_for(3)
    assert sorted(m["To"] for m in received) == [
        "maria@example.org",
        "tina@example.org",
        "tomas@example.org",
    ]
    assert Invitation.objects.count() == 4, (
        "the member without email is invited too, by other means"
    )

    tina = smtp_server.to("tina@example.org")[0]
    assert "Aktivitetsplanen" in tina.get_body(("plain",)).get_content()
    (ics,) = [p for p in tina.iter_attachments() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(
        ics.get_content() if isinstance(ics.get_content(), str) else ics.get_content().decode()
    )
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    uid = str(event["UID"])
    assert int(event["SEQUENCE"]) == 0

    # Tina reports that she cannot come, without logging in.
    respond = path_of(links_in(tina)[0])
    secretary_client.logout()
    assert secretary_client.post(respond, {"response": "absent"}).status_code in (200, 302)
    assert Invitation.objects.get(person=council["people"]["tina"]).response == "absent"

    # The meeting moves: everyone gets an update with the same UID and a higher SEQUENCE.
    secretary_client.force_login(user_get_or_create(email="sekreterare@example.org"))
    smtp_server.clear()
    secretary_client.post(
        edit,
        {
            "action": "details",
            "details-bodies": [council["council"].pk, council["network"].pk],
            "details-kind": "joint_meeting",
            "details-title": "Samverkansrådet och C-nätet",
            "details-date": future(15).isoformat(),
            "details-start_time": "16:00",
            "details-end_time": "18:00",
            "details-place": "Föreningarnas Hus",
            "details-visibility": "public",
        },
    )
    outbox_deliver()
    updates = smtp_server.wait_for(3)
    update_ics = next(
        p for p in updates[0].iter_attachments() if p.get_content_type() == "text/calendar"
    )
    event = Calendar.from_ical(update_ics.get_payload(decode=True)).walk("VEVENT")[0]
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1

    smtp_server.clear()
    secretary_client.post(edit, {"action": "cancel", "cancel-reason": "Lokalen är upptagen."})
    outbox_deliver()
    cancels = smtp_server.wait_for(3)
    cancel_ics = next(
        p for p in cancels[0].iter_attachments() if p.get_content_type() == "text/calendar"
    )
    calendar = Calendar.from_ical(cancel_ics.get_payload(decode=True))
    assert calendar["METHOD"] == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["UID"]) == uid
    assert "Lokalen är upptagen." in cancels[0].get_body(("plain",)).get_content()


def _docx(macro: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\x00" * 10)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "accepted", "message"),
    [
        ("Karta över samverkan.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", True, ""),
        ("underlag.docx", _docx(), True, ""),
        ("virus.pdf", b"MZ\x90\x00 not a pdf", False, "does not match"),
        ("makro.docx", _docx(macro=True), False, "macros"),
        ("program.exe", b"MZ\x90\x00", False, "cannot be attached"),
        ("tom.pdf", b"", False, "empty"),
    ],
)
def test_attachments_are_checked_by_content(
    secretary_client, council, settings, tmp_path, name, content, accepted, message
):
    """PDF and Office files are accepted by their content; disguised, macro, unknown and empty
    files are refused next to the field and nothing is stored."""
    settings.MEDIA_ROOT = tmp_path
    plan(secretary_client, council)
    meeting = Meeting.objects.get()
    item = services.agenda_item_add(meeting=meeting, title="Karta över samverkan")
    response = secretary_client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {
            "action": "attachment",
            "attachment-item": item.pk,
            "attachment-file": SimpleUploadedFile(name, content),
        },
    )
    if accepted:
        assert response.status_code == 302
        attachment = Attachment.objects.get()
        assert attachment.original_name == name.lower() or attachment.original_name == name
        assert str(tmp_path) in attachment.file.path, "stored outside the web root"
    else:
        assert response.status_code == 200
        assert 'id="id_attachment-file_error"' in response.content.decode()
        assert not Attachment.objects.exists()
        assert not any(tmp_path.rglob("*.*")), "nothing half-saved on disk"


def test_a_huge_attachment_is_refused(secretary_client, council, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan(secretary_client, council)
    meeting = Meeting.objects.get()
    item = services.agenda_item_add(meeting=meeting, title="Stort")
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.7\n" + b"0" * (16 * 1024 * 1024))
    response = secretary_client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {"action": "attachment", "attachment-item": item.pk, "attachment-file": big},
    )
    assert response.status_code == 200
    assert 'id="id_attachment-file_error"' in response.content.decode()
    assert not Attachment.objects.exists()


def test_recording_and_publishing_minutes(secretary_client, council):
    people = council["people"]
    meeting = services.meeting_create(
        bodies=[council["council"], council["network"]],
        title="Rådet",
        date=timezone.localdate() - timedelta(days=1),
        start_time=time(16),
        end_time=time(18),
        visibility="public",
        kind="joint_meeting",
    )
    first = services.agenda_item_add(
        meeting=meeting, title="Kommunikation", item_type="information"
    )
    second = services.agenda_item_add(
        meeting=meeting, title="Remissbevakning", item_type="decision"
    )
    url = reverse("meetings:minutes_edit", args=[meeting.pk])

    assert secretary_client.post(url, {"action": "prefill"}).status_code == 302
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    secretary_client.post(
        url,
        {
            "action": "attendance",
            "attendance-person": people["sub"].pk,
            "attendance-status": "present",
            "attendance-substitute_for": people["kalle"].pk,
        },
    )
    unknown = secretary_client.post(
        url, {"action": "attendance", "attendance-person": 99999, "attendance-status": "present"}
    )
    assert unknown.status_code == 200
    assert 'id="id_attendance-person_error"' in unknown.content.decode()
    stranger = services.person_create(name="Okänd Gäst")
    refused = secretary_client.post(
        url,
        {"action": "attendance", "attendance-person": stranger.pk, "attendance-status": "present"},
    )
    assert refused.status_code == 200 and "Okänd Gäst" in refused.content.decode()
    secretary_client.post(
        url,
        {"action": "attendance", "attendance-person": stranger.pk, "attendance-status": "guest"},
    )
    assert Attendance.objects.get(person=stranger).status == "guest"
    sub = Attendance.objects.get(person=people["sub"])
    assert (
        sub.substitute_for == people["kalle"] and sub.organisation.name == "Älvstads Föreningsråd"
    )

    secretary_client.post(
        url, {"action": "notes", "notes-item": first.pk, "notes-notes": "Filmer och texter."}
    )
    secretary_client.post(
        url,
        {
            "action": "decision",
            "decision-item": first.pk,
            "decision-text": "Samverkansrådet beslutar att godkänna förslaget.",
        },
    )
    secretary_client.post(
        url,
        {
            "action": "action_item",
            "action_item-item": first.pk,
            "action_item-what": "Skapar ett team och bjuder in",
            "action_item-owner": people["tina"].pk,
            "action_item-due": future(30).isoformat(),
        },
    )
    secretary_client.post(
        url,
        {
            "action": "carry_over",
            "carry_over-item": second.pk,
            "carry_over-kind": "tabled",
            "carry_over-reason": "tidsbrist",
        },
    )
    empty_decision = secretary_client.post(
        url, {"action": "decision", "decision-item": first.pk, "decision-text": ""}
    )
    assert empty_decision.status_code == 200
    assert Decision.objects.count() == 1

    next_meeting = services.meeting_create(
        bodies=[council["council"]],
        title="Nästa råd",
        date=future(20),
        start_time=time(16),
        end_time=time(18),
        kind="meeting",
    )
    titles = list(next_meeting.agenda_items.values_list("title", flat=True))
    assert "Remissbevakning" in titles, "the tabled point comes back by itself"
    point = CarriedOverPoint.objects.get()
    assert point.resolved_in.meeting == next_meeting

    no_name = secretary_client.post(url, {"action": "publish", "publish-recorded_by": ""})
    assert no_name.status_code == 200
    assert (
        secretary_client.post(
            url, {"action": "publish", "publish-recorded_by": "Anna F, sekreterare"}
        ).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.minutes_status == "published"

    # After publication, changes need a reason and are kept.
    assert secretary_client.get(url).status_code == 302
    revise = reverse("meetings:minutes_revise", args=[meeting.pk])
    without_reason = secretary_client.post(
        revise, {"target": f"notes:{first.pk}", "text": "Ändrat.", "reason": ""}
    )
    assert without_reason.status_code == 200
    first.refresh_from_db()
    assert first.notes == "Filmer och texter."
    secretary_client.post(
        revise,
        {
            "target": f"notes:{first.pk}",
            "text": "Filmer, texter och bilder.",
            "reason": "Rättelse efter justering.",
        },
    )
    revision = MinutesRevision.objects.get()
    assert (revision.before, revision.after) == ("Filmer och texter.", "Filmer, texter och bilder.")


def test_composition_rules_warn_when_broken(secretary_client, council):
    url = reverse("meetings:body_manage", args=["samverkansradet"])
    secretary_client.post(
        url,
        {
            "action": "rule",
            "rule-kind": "civil_society_members",
            "rule-minimum": 10,
            "rule-maximum": 10,
            "rule-description": "Tio från civilsamhället",
        },
    )
    secretary_client.post(
        url,
        {
            "action": "rule",
            "rule-kind": "with_title",
            "rule-minimum": 1,
            "rule-title": "kommunalråd",
            "rule-description": "Minst ett kommunalråd",
        },
    )
    body = secretary_client.get(url).content.decode()
    assert "Tio från civilsamhället: 2" in body
    assert "Minst ett kommunalråd:" not in body


def test_a_planned_date_in_the_calendar_creates_the_meeting(secretary_client, council):
    url = reverse("meetings:body_manage", args=["samverkansradet"])
    response = secretary_client.post(
        url,
        {
            "action": "planned",
            "planned-date": future(40).isoformat(),
            "planned-start_time": "18:00",
            "planned-end_time": "20:00",
            "planned-place": "Föreningarnas Hus",
            "planned-title": "Temakväll: Socialt företagande",
            "planned-kind": "theme_evening",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.kind == "theme_evening" and list(meeting.bodies.all()) == [council["council"]]


def test_items_can_be_moved_and_carried_points_skip_theme_evenings_and_cancelled_meetings(
    secretary_client, council
):
    body = council["council"]
    held = services.meeting_create(
        bodies=[body],
        title="Rådet",
        kind="meeting",
        date=timezone.localdate() - timedelta(days=2),
        start_time=time(16),
        end_time=time(18),
    )
    item = services.agenda_item_add(meeting=held, title="SWOT-analys")
    services.point_carry_over(item=item, kind="tabled", reason="tidsbrist")
    theme = services.meeting_create(
        bodies=[body],
        title="Temakväll",
        kind="theme_evening",
        date=future(5),
        start_time=time(18),
        end_time=time(20),
    )
    assert not theme.agenda_items.exists(), "a theme evening gets no tabled points"
    first = services.meeting_create(
        bodies=[body],
        title="Rådet 1",
        kind="meeting",
        date=future(10),
        start_time=time(16),
        end_time=time(18),
    )
    second = services.meeting_create(
        bodies=[body],
        title="Rådet 2",
        kind="meeting",
        date=future(40),
        start_time=time(16),
        end_time=time(18),
    )
    assert list(first.agenda_items.values_list("title", flat=True)) == ["SWOT-analys"]
    services.meeting_cancel(meeting=first)
    assert list(second.agenda_items.values_list("title", flat=True)) == ["SWOT-analys"], (
        "it moves on"
    )

    welcome = services.agenda_item_add(meeting=second, title="Välkomna")
    secretary_client.post(
        reverse("meetings:meeting_edit", args=[second.pk]), {"action": "up", "item": welcome.pk}
    )
    assert list(second.agenda_items.order_by("position").values_list("title", flat=True)) == [
        "Välkomna",
        "SWOT-analys",
    ]
