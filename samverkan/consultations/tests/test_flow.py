"""Consultations through HTTP, with every email through a real SMTP server."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samverkan.consultations.models import (
    ConsultationEvent,
    ConsultationResponse,
    ConsultationState,
    ResponseStatus,
)
from samverkan.consultations.tests.conftest import path_of, pdf, set_reply_by
from samverkan.core.swedish import format_date
from samverkan.core.testing import links_in
from samverkan.outbox.services import outbox_deliver
from samverkan.subscriptions.models import Happening

pytestmark = pytest.mark.django_db


def deliver(smtp_server, count: int):
    outbox_deliver()
    return smtp_server.wait_for(count)


def test_the_whole_life_of_a_consultation(world, client_for, smtp_server):
    secretary = client_for(world.secretary)
    today = timezone.localdate()
    response = secretary.post(
        reverse("consultations:create"),
        {
            "title": "Översiktsplanen Vårt framtida Örebro",
            "department": world.department.pk,
            "reference_number": "Ks 1216/2018",
            "summary": "Hur ska staden växa?",
            "easy_read_summary": "Var ska vi bygga hus?",
            "themes": [world.theme.pk],
            "districts": [world.district.pk],
        },
    )
    assert response.status_code == 302
    consultation = world.department.consultations.get()
    assert consultation.state == ConsultationState.DRAFT
    detail = reverse("consultations:detail", args=[consultation.pk])
    assert client_for(None).get(detail).status_code == 404, "a draft is not public"

    for organisation in (world.norrby, world.vivalla):
        assert (
            secretary.post(
                reverse("consultations:consultee_add", args=[consultation.pk]),
                {"organisation": organisation.pk},
            ).status_code
            == 302
        )
    secretary.post(
        reverse("consultations:document_add", args=[consultation.pk]),
        {"title": "Förslaget", "file": pdf("forslag.pdf")},
    )
    expected = today + timedelta(days=10)
    secretary.post(
        reverse("consultations:transition", args=[consultation.pk, "announce"]),
        {"expected_opening_on": expected.isoformat()},
    )
    consultation.refresh_from_db()
    assert consultation.state == ConsultationState.ANNOUNCED
    public = client_for(None).get(detail).content.decode()
    assert "Översiktsplanen Vårt framtida Örebro" in public
    assert format_date(expected) in public, "the expected opening date is shown"
    assert "Ks 1216/2018" in public
    document = consultation.documents.get()
    download = client_for(None).get(
        reverse("consultations:document", args=[consultation.pk, document.pk])
    )
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")

    reply_by = today + timedelta(days=21)
    secretary.post(
        reverse("consultations:transition", args=[consultation.pk, "open"]),
        {"reply_by": reply_by.isoformat()},
    )
    consultation.refresh_from_db()
    assert consultation.state == ConsultationState.OPEN
    notices = deliver(smtp_server, 3)
    assert sorted(m["To"] for m in notices) == [
        "info@norrbyik.example.org",
        "ordf@norrbyik.example.org",
        "ordf@vivalla.example.org",
    ]
    assert all(format_date(reply_by, weekday=True) in m.get_content() for m in notices)
    assert path_of(links_in(notices[0])[0]) == detail

    # A representative answers with a file: registered on arrival, receipted.
    rep = client_for(world.norrby_rep)
    answered = rep.post(
        reverse("consultations:respond", args=[consultation.pk]),
        {"organisation": world.norrby.pk, "text": "Vi vill ha fler idrottsplatser.", "file": pdf()},
    )
    assert answered.status_code == 302
    (response_row,) = ConsultationResponse.objects.all()
    year = timezone.localdate().year
    assert response_row.reference == f"REM-{year}-00001"
    assert response_row.received_at is not None and response_row.file_name == "svar.pdf"
    (receipt,) = deliver(smtp_server, 4)[3:]
    assert receipt["To"] == "ordf@norrbyik.example.org"
    assert response_row.reference in receipt["Subject"]
    page = client_for(None).get(detail).content.decode()
    assert "Vi vill ha fler idrottsplatser." not in page, "not published before reply-by"
    assert response_row.reference in page, "the consultee register shows who answered"

    secretary.post(reverse("consultations:transition", args=[consultation.pk, "close"]))
    secretary.post(
        reverse("consultations:transition", args=[consultation.pk, "decide"]),
        {
            "decision_url": "https://www.alvstad.example.org/beslut/ks-2026-17",
            "decision_account": "Svaren ledde till två nya idrottsplatser i planen.",
        },
    )
    consultation.refresh_from_db()
    assert consultation.state == ConsultationState.DECIDED
    set_reply_by(consultation, today - timedelta(days=1))
    page = client_for(None).get(detail).content.decode()
    assert "Svaren ledde till två nya idrottsplatser i planen." in page
    assert "Vi vill ha fler idrottsplatser." in page, "published after the reply-by date"
    file_url = reverse("consultations:response_file", args=[consultation.pk, response_row.pk])
    assert file_url in page and client_for(None).get(file_url).status_code == 200

    kinds = list(consultation.events.values_list("kind", flat=True))
    for kind in ("created", "consultee_added", "document_added", "announced", "opened"):
        assert kind in kinds
    assert kinds[-3:] == ["response_registered", "closed", "decided"][-3:] or "decided" in kinds
    history = secretary.get(reverse("consultations:manage_detail", args=[consultation.pk]))
    assert "Sara Sekreterare" in history.content.decode()
    happenings = Happening.objects.filter(dedup_key__startswith=f"consultation:{consultation.pk}:")
    assert happenings.count() == 4, "announced, opened, closed, decided"
    topics = set(happenings.first().topics.values_list("topic", flat=True))
    assert topics == {
        f"consultation:{consultation.pk}",
        f"department:{world.department.pk}",
        f"theme:{world.theme.slug}",
        "district:vivalla",
    }


def test_anyone_answers_a_consultation_open_to_all_after_confirming(world, client_for, smtp_server):
    from samverkan.consultations.tests.conftest import make_consultation, open_consultation

    consultation = open_consultation(world, make_consultation(world, open_to_all=True))
    outbox_deliver()
    smtp_server.clear()
    client = client_for(None)
    url = reverse("consultations:respond", args=[consultation.pk])
    posted = client.post(
        url,
        {
            "name": "Anna Andersson",
            "organisation_text": "Hyresgästföreningen Vivalla",
            "email": "anna@example.org",
            "text": "Vi vill vara med.",
        },
    )
    assert posted.status_code == 302
    pending = ConsultationResponse.objects.get()
    assert pending.status == ResponseStatus.PENDING and pending.reference is None
    (mail,) = deliver(smtp_server, 1)
    confirm = path_of(links_in(mail)[0])
    assert client.get(confirm).status_code == 200
    assert ConsultationResponse.objects.get().status == ResponseStatus.PENDING
    done = client.post(confirm)
    assert done.status_code == 200
    response = ConsultationResponse.objects.get()
    assert response.status == ResponseStatus.REGISTERED
    assert response.reference in done.content.decode()
    receipt = deliver(smtp_server, 2)[1]
    assert receipt["To"] == "anna@example.org" and response.reference in receipt["Subject"]
    assert client.post(confirm).status_code == 410, "a link works once"


def test_a_late_response_is_refused_with_the_date_until_extended(
    world, opened, client_for, smtp_server
):
    yesterday = timezone.localdate() - timedelta(days=1)
    set_reply_by(opened, yesterday)
    url = reverse("consultations:respond", args=[opened.pk])
    rep = client_for(world.norrby_rep)
    refused = rep.post(url, {"organisation": world.norrby.pk, "text": "Sent svar."})
    assert refused.status_code == 200
    assert format_date(yesterday) in refused.content.decode()
    assert not ConsultationResponse.objects.exists()

    secretary = client_for(world.secretary)
    consultee = opened.consultees.get(organisation=world.norrby)
    until = timezone.localdate() + timedelta(days=3)
    secretary.post(
        reverse("consultations:consultee_extend", args=[opened.pk, consultee.pk]),
        {"until": until.isoformat()},
    )
    assert rep.post(url, {"organisation": world.norrby.pk, "text": "Sent svar."}).status_code == 302
    assert ConsultationResponse.objects.get().organisation == world.norrby
    # Vivalla got no extension.
    other = client_for(world.vivalla_rep).post(
        url, {"organisation": world.vivalla.pk, "text": "Också sent."}
    )
    assert format_date(yesterday) in other.content.decode()
    event = opened.events.get(kind=ConsultationEvent.Kind.CONSULTEE_EXTENDED)
    assert event.after["extended_until"] == until.isoformat() and event.actor == world.secretary

    # Moving the reply-by date for everyone is recorded with before and after.
    new_date = timezone.localdate() + timedelta(days=5)
    secretary.post(
        reverse("consultations:transition", args=[opened.pk, "reply_by"]),
        {"reply_by": new_date.isoformat(), "note": "Sommaren"},
    )
    moved = opened.events.get(kind=ConsultationEvent.Kind.REPLY_BY_MOVED)
    assert moved.before == {"reply_by": yesterday.isoformat()}
    assert moved.after == {"reply_by": new_date.isoformat()}
    assert (
        client_for(world.vivalla_rep)
        .post(url, {"organisation": world.vivalla.pk, "text": "Nu går det."})
        .status_code
        == 302
    )


def test_a_second_response_replaces_the_first_only_after_confirmation(
    world, opened, client_for, smtp_server
):
    url = reverse("consultations:respond", args=[opened.pk])
    rep = client_for(world.norrby_rep)
    rep.post(url, {"organisation": world.norrby.pk, "text": "Första svaret."})
    asked = rep.post(url, {"organisation": world.norrby.pk, "text": "Andra svaret."})
    assert asked.status_code == 200
    assert "Ni har redan svarat" in asked.content.decode()
    assert ConsultationResponse.objects.count() == 1
    rep.post(url, {"organisation": world.norrby.pk, "text": "Andra svaret.", "replace": "on"})
    first, second = ConsultationResponse.objects.order_by("pk")
    assert first.superseded_by == second and second.superseded_by is None
    assert first.text == "Första svaret.", "both are kept"
    set_reply_by(opened, timezone.localdate() - timedelta(days=1))
    page = client_for(None).get(reverse("consultations:detail", args=[opened.pk])).content
    assert "Andra svaret." in page.decode() and "Första svaret." not in page.decode()


def test_secrecy_review_hides_a_response_until_cleared(world, opened, client_for):
    url = reverse("consultations:respond", args=[opened.pk])
    client_for(world.norrby_rep).post(url, {"organisation": world.norrby.pk, "text": "Känsligt."})
    response = ConsultationResponse.objects.get()
    secretary = client_for(world.secretary)
    secretary.post(
        reverse("consultations:secrecy", args=[opened.pk, response.pk, "mark"]),
        {"note": "Namn på en enskild"},
    )
    set_reply_by(opened, timezone.localdate() - timedelta(days=1))
    detail = reverse("consultations:detail", args=[opened.pk])
    assert "Känsligt." not in client_for(None).get(detail).content.decode()
    assert ConsultationResponse.objects.published().count() == 0
    secretary.post(reverse("consultations:secrecy", args=[opened.pk, response.pk, "clear"]))
    assert "Känsligt." in client_for(None).get(detail).content.decode()
    kinds = list(opened.events.values_list("kind", flat=True))
    assert "secrecy_marked" in kinds and "secrecy_cleared" in kinds


def test_bad_input_is_refused_next_to_the_field(world, opened, client_for):
    url = reverse("consultations:respond", args=[opened.pk])
    rep = client_for(world.norrby_rep)
    empty = rep.post(url, {"organisation": world.norrby.pk, "text": "  "})
    assert empty.status_code == 200 and 'id="id_text_error"' in empty.content.decode()
    fake = SimpleUploadedFile("svar.pdf", b"MZ not a pdf", content_type="application/pdf")
    wrong = rep.post(url, {"organisation": world.norrby.pk, "text": "Hej", "file": fake})
    assert wrong.status_code == 200 and 'id="id_file_error"' in wrong.content.decode()
    assert not ConsultationResponse.objects.exists()
    bad = client_for(world.secretary).post(
        reverse("consultations:create"),
        {
            "title": "Föreningsbidrag – nya regler",
            "department": world.department.pk,
            "reference_number": "<script>",
            "summary": "Bidragsremissen",
        },
    )
    assert bad.status_code == 200 and 'id="id_reference_number_error"' in bad.content.decode()
    not_municipal = client_for(world.secretary).post(
        reverse("consultations:create"),
        {"title": "X", "department": world.norrby.pk, "summary": "Y"},
    )
    assert 'id="id_department_error"' in not_municipal.content.decode()
