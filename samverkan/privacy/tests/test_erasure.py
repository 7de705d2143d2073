"""Erasure: what is not part of an official record is erased and the account closed; official
records are kept and the request is logged for the archive process; the person is logged out."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from samverkan.accounts.models import LoginLink, User
from samverkan.accounts.services import login_link_send
from samverkan.consultations.models import ConsultationResponse
from samverkan.history.models import ChangeRecord
from samverkan.inquiries.models import Inquiry
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import ActionItem, Attendance, Membership, Person
from samverkan.organisations.models import Representation, Signature
from samverkan.outbox.models import OutboundEmail
from samverkan.privacy.models import Correction, ErasureRequest
from samverkan.privacy.services import personal_data_erase
from samverkan.privacy.tests.conftest import client_for
from samverkan.subscriptions.models import Subscriber

ERASE = "/konto/mina-uppgifter/radera/"
LIST = "/sekreterare/radering/"


def _inquiry_history(pk: int) -> int:
    return ChangeRecord.objects.filter(
        content_type__app_label="inquiries", content_type__model="inquiry", object_id=str(pk)
    ).count()


def test_the_confirmation_page_says_what_is_erased_and_what_is_kept_and_why(world):
    response = client_for(world.anna.user).get(ERASE)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    for code in ("account", "subscriptions", "unconfirmed_inquiries", "unconfirmed_responses"):
        assert f'data-erased="{code}"' in page, code
    for code in ("signatures", "inquiries", "responses", "meetings", "change_history"):
        assert f'data-kept="{code}"' in page, code
    assert world.anna.inquiry.reference in page
    assert "Anderssons läsecirkel – Överenskommelsen 2024–2027" in page
    assert "Arkivlagen går före rätten att bli raderad" in page
    assert ErasureRequest.objects.count() == 0, "showing the page erases nothing"


def test_without_the_box_ticked_nothing_is_erased(world):
    client = client_for(world.anna.user)
    response = client.post(ERASE, {})
    assert response.status_code == 400
    assert "Kryssa i rutan för att radera dina personuppgifter." in response.content.decode()
    world.anna.user.refresh_from_db()
    assert world.anna.user.is_active and world.anna.user.full_name == "Anna Andersson"
    assert ErasureRequest.objects.count() == 0
    assert client.get("/konto/mina-uppgifter/").status_code == 200, "still logged in"


def test_erasure_erases_what_it_should_keeps_official_records_logs_and_logs_out(
    world, django_capture_on_commit_callbacks
):
    anna = world.anna
    client = client_for(anna.user)
    client.post(
        "/konto/mina-uppgifter/ratta/",
        {"full_name": "Anna A", "person_name": "Anna Andersson", "person_phone": "070-111 22 33"},
    )
    assert Correction.objects.filter(user=anna.user).exists()
    draft_file = anna.pending_response.file.path
    draft_pk, pending_pk = anna.draft_inquiry.pk, anna.pending_response.pk
    assert _inquiry_history(draft_pk) > 0
    changes_by_anna = ChangeRecord.objects.filter(actor=anna.user).count()
    assert changes_by_anna == 1
    bert_before = _bert_state(world)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ERASE, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert SESSION_KEY not in client.session, "logged out"
    followed = client.get("/konto/mina-uppgifter/")
    assert followed.status_code == 302 and followed["Location"].startswith("/konto/logga-in/")

    # The account: closed, its personal fields gone, no way to log in.
    user = User.objects.get(pk=anna.user.pk)
    assert user.email == f"raderad-{user.pk}@raderad.invalid"
    assert (user.full_name, user.is_active, user.last_login) == ("", False, None)
    assert not user.has_usable_password()
    assert not user.groups.exists()
    assert not LoginLink.objects.filter(user=user).exists()
    assert not Representation.objects.filter(user=user).exists()
    assert not Correction.objects.filter(user=user).exists()
    assert login_link_send(email="anna@example.org") is False
    # What was never sent or confirmed: gone, with its history and files.
    assert not Subscriber.objects.filter(email="anna@example.org").exists()
    assert not Inquiry.objects.filter(pk=draft_pk).exists()
    assert _inquiry_history(draft_pk) == 0
    assert not ChangeRecord.objects.filter(
        content_type__model="consultationresponse", object_id=str(pending_pk)
    ).exists()
    assert not ConsultationResponse.objects.filter(pk=pending_pk).exists()
    import os

    assert not os.path.exists(draft_file)
    # The copies of emails to her: blanked, none left with her address or text.
    assert not OutboundEmail.objects.filter(to__iexact="anna@example.org").exists()
    assert (
        not OutboundEmail.objects.filter(body__contains="Anna Andersson")
        .exclude(to="sekreterare@example.org")
        .exists()
    )
    # Her entry in the list of people: the name stays in the minutes, the phone is gone (the
    # seat has ended), the link to the account is cut.
    person = Person.objects.get(pk=anna.person.pk)
    assert (person.name, person.phone, person.email, person.user_id) == (
        "Anna Andersson",
        "",
        "",
        None,
    )
    # Official records: kept as they were.
    signature = Signature.objects.get(pk=anna.signature.pk)
    assert (signature.signatory_name, signature.signatory_email) == (
        "Anna Andersson",
        "Anna@Example.org",
    )
    inquiry = Inquiry.objects.get(pk=anna.inquiry.pk)
    assert (inquiry.sender_name, inquiry.sender_email) == ("Anna Andersson", "anna@example.org")
    response_kept = ConsultationResponse.objects.get(pk=anna.response.pk)
    assert response_kept.text == "Annas remissvar om fritidsgårdarna"
    assert Attendance.objects.filter(person=person).count() == 1
    assert Membership.objects.filter(person=person).count() == 1
    assert ActionItem.objects.filter(owner=person).count() == 1
    assert ChangeRecord.objects.filter(actor=user).count() == changes_by_anna
    assert ChangeRecord.objects.filter(actor=user).get().actor_label == "Anna Andersson"

    # The request, for the archive process.
    request = ErasureRequest.objects.get()
    assert (request.user_id, request.name, request.email) == (user.pk, "Anna A", "anna@example.org")
    assert request.initiated_by == "person"
    erased = {e["code"]: e["count"] for e in request.erased}
    assert erased == {
        "account": 1,
        "login_links": 1,
        "roles": 1,
        "representations": 1,
        "subscriptions": 1,
        "unconfirmed_inquiries": 1,
        "unconfirmed_responses": 1,
        "emails": erased["emails"],
        "corrections": 1,
        "person_contact": 1,
    }
    assert erased["emails"] > 3
    kept = {e["code"]: e for e in request.kept}
    assert set(kept) == {"signatures", "inquiries", "responses", "meetings", "change_history"}
    assert kept["signatures"]["references"] == [
        "Anderssons läsecirkel – Överenskommelsen 2024–2027"
    ]
    assert kept["inquiries"]["references"] == [anna.inquiry.reference]
    assert kept["responses"]["references"] == [
        f"{anna.response.reference} (Remiss om fritidsgårdar)"
    ]
    assert kept["meetings"]["count"] == 2  # the seat and the meeting
    # The secretary is told, without the person's data in the email.
    (notice,) = OutboundEmail.objects.filter(
        to="sekreterare@example.org", dedup_key__startswith="erasure"
    )
    assert notice.subject == "Personuppgifter raderade på begäran"
    assert "/sekreterare/radering/" in notice.body and "Anna" not in notice.body
    # Bert's data did not change.
    assert _bert_state(world) == bert_before


def test_the_secretary_sees_the_requests_and_nobody_else_does(world):
    personal_data_erase(user=world.anna.user)
    page = client_for(world.secretary).get(LIST)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Anna Andersson" in text and "anna@example.org" in text
    assert world.anna.inquiry.reference in text
    assert "Bevarat i allmänna handlingar" in text
    assert "En anslutning är en allmän handling" in text
    assert client_for(world.bert.user).get(LIST).status_code == 403
    anonymous = client_for(None).get(LIST)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/konto/logga-in/")
    assert client_for(world.secretary).post(LIST).status_code == 405


def test_contact_details_are_kept_while_the_person_still_has_a_seat(world):
    bert = world.bert
    meeting_services.membership_add(
        body=world.council, person=bert.person, start=timezone.localdate() - timedelta(days=0)
    )
    request = personal_data_erase(user=bert.user)
    bert.person.refresh_from_db()
    assert bert.person.phone == "073-999 88 77", "still needed for notices"
    assert bert.person.user_id is None
    kept = {e["code"]: e for e in request.kept}
    assert kept["person_contact"]["references"] == ["Bertil Bengtsson"]
    assert "person_contact" not in {e["code"] for e in request.erased}


def test_an_entry_in_the_list_of_people_that_no_record_uses_is_deleted(db):
    from samverkan.accounts.services import user_get_or_create

    user = user_get_or_create(email="cecilia@example.org", full_name="Cecilia")
    person = meeting_services.person_create(name="Cecilia", email="cecilia@example.org")
    assert person.user == user
    request = personal_data_erase(user=user)
    assert not Person.objects.filter(pk=person.pk).exists()
    assert {e["code"] for e in request.erased} >= {"account", "people"}
    assert request.kept == []


def test_an_erased_account_cannot_be_erased_again(world):
    import pytest
    from django.core.exceptions import ValidationError

    personal_data_erase(user=world.anna.user)
    with pytest.raises(ValidationError):
        personal_data_erase(user=User.objects.get(pk=world.anna.user.pk))
    assert ErasureRequest.objects.count() == 1


def _bert_state(world) -> tuple:
    bert = world.bert
    user = User.objects.get(pk=bert.user.pk)
    person = Person.objects.get(pk=bert.person.pk)
    return (
        user.email,
        user.full_name,
        user.is_active,
        person.phone,
        Subscriber.objects.filter(email="bert@example.org").count(),
        Inquiry.objects.filter(sender_email="bert@example.org").count(),
        ConsultationResponse.objects.filter(responder_email="bert@example.org").count(),
        OutboundEmail.objects.filter(to="bert@example.org").count(),
        LoginLink.objects.filter(user=user).count(),
        Representation.objects.filter(user=user).count(),
    )
