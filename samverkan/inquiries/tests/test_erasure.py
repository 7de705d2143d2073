"""Erasing the sender's personal data on request keeps the anonymised record and the
statistics, and records who erased it, when and on what basis."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.inquiries import services
from samverkan.inquiries.models import InquiryEvent, InquiryLink, InquiryStatus
from samverkan.inquiries.selectors import inquiry_statistics
from samverkan.inquiries.tests.conftest import URLS, pdf
from samverkan.outbox.models import OutboundEmail

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

ERASED = services.ERASED


@pytest.fixture
def closed_inquiry(setup, register):
    inquiry, token = register(
        kind="grant",
        topic=setup.sport,
        subject="Lokalbidrag för Anna Anderssons klubb",
        text="Jag heter Anna Andersson och bor på Storgatan 1.",
        organisation=setup.organisation,
        uploads=[pdf("personbevis.pdf")],
    )
    services.inquiry_reply(inquiry=inquiry, actor=setup.lena, text="Hej Anna, vi hör av oss.")
    services.inquiry_sender_answer(raw_token=token, text="Mitt telefonnummer är 070-1234567.")
    services.inquiry_forward(
        inquiry=inquiry,
        actor=setup.lena,
        to_team=setup.culture,
        reason="Annas fråga gäller kultur.",
    )
    services.inquiry_close(inquiry=inquiry, actor=setup.kurt, outcome="Anna fick 2 000 kr.")
    inquiry.refresh_from_db()
    return inquiry, token


def test_erasure_removes_the_person_and_keeps_the_record(
    setup, closed_inquiry, secretary, client_for, settings
):
    inquiry, token = closed_inquiry
    stored = Path(inquiry.attachments.get().file.path)
    before = inquiry_statistics(inquiry.received_at.year)
    kept = {
        field: getattr(inquiry, field)
        for field in (
            "reference",
            "received_at",
            "first_reply_at",
            "closed_at",
            "kind",
            "topic_id",
            "organisation_id",
            "organisation_kind",
            "team_id",
            "status",
        )
    }

    sara = client_for(secretary)
    page = sara.get(reverse("inquiries:erase", args=[inquiry.pk]))
    assert page.status_code == 200
    refused = sara.post(reverse("inquiries:erase", args=[inquiry.pk]), {"basis": "Begäran"})
    assert refused.status_code == 200, "the box must be ticked"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        done = sara.post(
            reverse("inquiries:erase", args=[inquiry.pk]),
            {"basis": "Begäran 2026-11-20; diarienummer KS 2026/123", "confirm": "on"},
        )
    assert done.status_code == 302

    inquiry.refresh_from_db()
    assert inquiry.anonymised_at is not None
    assert {f: getattr(inquiry, f) for f in kept} == kept, "the registered record remains"
    assert inquiry.sender_email == "" and inquiry.sender_name == ""
    assert inquiry.subject == inquiry.text == inquiry.outcome == ERASED
    assert set(inquiry.messages.values_list("text", flat=True)) == {ERASED}
    assert not inquiry.attachments.exists() and not stored.exists()
    assert not InquiryLink.objects.filter(inquiry=inquiry).exists()
    forward = inquiry.events.get(kind=InquiryEvent.Kind.FORWARDED)
    assert forward.note == ERASED and forward.to_team == setup.culture, "who did what remains"
    event = inquiry.events.get(kind=InquiryEvent.Kind.ANONYMISED)
    assert event.actor == secretary and "KS 2026/123" in event.note

    emails = OutboundEmail.objects.filter(dedup_key__startswith=f"inquiry:{inquiry.pk}:")
    assert emails.exists()
    everything = " ".join(f"{e.to} {e.subject} {e.body}" for e in emails)
    for personal in ("anna@example.org", "Anna", "Storgatan", "070-1234567"):
        assert personal not in everything

    assert inquiry_statistics(inquiry.received_at.year) == before, "statistics are unchanged"
    record = sara.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    assert inquiry.reference in record and "Storgatan" not in record
    assert client_for(None).get(reverse("inquiries:status", args=[token])).status_code == 410


def test_an_open_inquiry_is_closed_before_erasure(setup, register, secretary):
    inquiry, _ = register()
    with pytest.raises(ValidationError):
        services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis="Begäran")
    inquiry.refresh_from_db()
    assert inquiry.sender_email == "anna@example.org"


def test_erasure_happens_once_and_needs_a_basis(setup, closed_inquiry, secretary):
    inquiry, _ = closed_inquiry
    with pytest.raises(ValidationError):
        services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis=" ")
    services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis="Begäran")
    with pytest.raises(ValidationError):
        services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis="Igen")
    assert inquiry.status == InquiryStatus.CLOSED


def test_a_team_cannot_email_an_erased_sender(setup, closed_inquiry, secretary):
    inquiry, _ = closed_inquiry
    services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis="Begäran")
    with pytest.raises(ValidationError):
        services.inquiry_reply(inquiry=inquiry, actor=setup.kurt, text="Hej")
