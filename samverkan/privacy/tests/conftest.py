"""Two people with data in every app, built through the real services.

``anna`` (Anna Andersson, anna@example.org) and ``bert`` (Bertil Bengtsson, bert@example.org)
each have: a signature of the agreement for their own organisation (Anna's typed with capitals,
``Anna@Example.org``, so that matching by address must ignore case), a registered and an
unconfirmed inquiry, a registered response and an unconfirmed one to a consultation open to
all, a subscription, an entry in the council's list of people with a phone number, a seat on the
council that ended yesterday, attendance at a meeting with published minutes and a task given there,
and a login link. Anna has also changed her organisation's details while logged in, so the
history of records names her. Bert's words (``BERT_WORDS``) must never appear in Anna's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.accounts.services import login_link_send, user_get_or_create
from samverkan.consultations import services as consultation_services
from samverkan.consultations.models import Consultation, ConsultationResponse
from samverkan.inquiries import services as inquiry_services
from samverkan.inquiries.models import Inquiry
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import Attendance, Body, BodyKind, Meeting, Person
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import Agreement, OrganisationKind, Signature
from samverkan.organisations.tests.conftest import make_agreement
from samverkan.subscriptions import services as subscription_services
from samverkan.subscriptions.models import Subscriber

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BERT_WORDS = (
    "Bertil Bengtsson",
    "bert@example.org",
    "Bengtssons schackklubb",
    "Bertils fråga om lokaler",
    "Bertils utkast",
    "Bertils remissvar",
    "Bertils ouppgjorda svar",
    "073-999 88 77",
    "Bertils uppdrag",
)


@dataclass
class Holder:
    user: User
    signature: Signature
    inquiry: Inquiry
    draft_inquiry: Inquiry
    response: ConsultationResponse
    pending_response: ConsultationResponse
    subscriber: Subscriber
    person: Person


@dataclass
class World:
    secretary: User
    agreement: Agreement
    council: Body
    meeting: Meeting
    consultation: Consultation
    anna: Holder
    bert: Holder


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def sign(agreement, secretary, *, organisation: str, name: str, email: str) -> Signature:
    application = organisation_services.signature_application_submit(
        agreement=agreement,
        data={
            "name": organisation,
            "kind": "network",  # may sign without an organisation number
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "signatory_name": name,
            "signatory_role": "ordförande",
            "signatory_email": email,
            "areas": [],
            "target_groups": [],
            "districts": [],
        },
    )
    signature = organisation_services.signature_application_confirm(raw_token=application.raw_token)
    return organisation_services.signature_approve(signature=signature, actor=secretary)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _holder(world_parts: dict, *, name: str, email: str, signed_as: str, words: dict) -> Holder:
    secretary, agreement = world_parts["secretary"], world_parts["agreement"]
    council, meeting = world_parts["council"], world_parts["meeting"]
    consultation = world_parts["consultation"]
    user = user_get_or_create(email=email, full_name=name)
    signature = sign(
        agreement, secretary, organisation=words["organisation"], name=name, email=signed_as
    )
    draft = inquiry_services.inquiry_submit(
        kind="question",
        subject=words["inquiry"],
        text="Vi undrar hur det går till.",
        sender_email=email,
        sender_name=name,
    )
    inquiry, _token = inquiry_services.inquiry_confirm(raw_token=draft.raw_token)
    draft_inquiry = inquiry_services.inquiry_submit(
        kind="idea",
        subject=words["draft"],
        text="Ett utkast som aldrig skickades.",
        sender_email=email,
        sender_name=name,
    )
    answered = consultation_services.response_submit_open(
        consultation=consultation, name=name, email=email, text=words["response"]
    )
    response = consultation_services.response_confirm(raw_token=answered.raw_token)
    pending_response = consultation_services.response_submit_open(
        consultation=consultation,
        name=name,
        email=email,
        text=words["pending"],
        upload=pdf("utkast.pdf"),
    )
    subscription_services.subscriber_subscribe(
        email=email, topics=[f"body:{council.pk}"], frequency="weekly"
    )
    subscriber = Subscriber.objects.get(email=email)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at=timezone.now())
    person = meeting_services.person_create(name=name, phone=words["phone"], user=user)
    meeting_services.membership_add(
        body=council,
        person=person,
        start=date(2020, 1, 1),
        end=timezone.localdate() - timedelta(days=1),
    )
    meeting_services.attendance_record(
        meeting=meeting, person=person, status=Attendance.Status.PRESENT
    )
    item = meeting.agenda_items.get()
    meeting_services.action_item_add(item=item, what=words["task"], owner=person, due=None)
    login_link_send(email=email)
    return Holder(
        user=user,
        signature=signature,
        inquiry=inquiry,
        draft_inquiry=draft_inquiry,
        response=response,
        pending_response=pending_response,
        subscriber=subscriber,
        person=person,
    )


@pytest.fixture
def world(db, settings) -> World:
    settings.OUTBOX_DELIVER_ON_COMMIT = False
    from samverkan.accounts.models import Role
    from samverkan.accounts.services import role_grant

    secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=secretary, role=Role.SECRETARY)
    agreement = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    council = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    meeting = meeting_services.meeting_create(
        bodies=[council],
        title="Rådets möte i mars",
        date=timezone.localdate() - timedelta(days=30),
        start_time=time(16),
        end_time=time(18),
        visibility=Meeting.Visibility.PUBLIC,
    )
    meeting_services.agenda_item_add(meeting=meeting, title="Bidragen")
    meeting_services.minutes_start(meeting=meeting)
    department = organisation_services.organisation_create(
        name="Kommunledningsförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    consultation = consultation_services.consultation_create(
        actor=secretary,
        title="Remiss om fritidsgårdar",
        department=department,
        summary="Kommunen vill veta vad alla tycker.",
        open_to_all=True,
    )
    consultation = consultation_services.consultation_open(
        consultation=consultation,
        actor=secretary,
        reply_by=timezone.localdate() + timedelta(days=14),
    )
    parts = {
        "secretary": secretary,
        "agreement": agreement,
        "council": council,
        "meeting": meeting,
        "consultation": consultation,
    }
    anna = _holder(
        parts,
        name="Anna Andersson",
        email="anna@example.org",
        signed_as="Anna@Example.org",
        words={
            "organisation": "Anderssons läsecirkel",
            "inquiry": "Annas fråga om bidrag",
            "draft": "Annas utkast",
            "response": "Annas remissvar om fritidsgårdarna",
            "pending": "Annas ouppgjorda svar",
            "phone": "070-111 22 33",
            "task": "Annas uppdrag att boka lokal",
        },
    )
    bert = _holder(
        parts,
        name="Bertil Bengtsson",
        email="bert@example.org",
        signed_as="bert@example.org",
        words={
            "organisation": "Bengtssons schackklubb",
            "inquiry": "Bertils fråga om lokaler",
            "draft": "Bertils utkast",
            "response": "Bertils remissvar",
            "pending": "Bertils ouppgjorda svar",
            "phone": "073-999 88 77",
            "task": "Bertils uppdrag",
        },
    )
    meeting = meeting_services.minutes_publish(meeting=meeting, recorded_by="Sara Sekreterare")
    # Anna, logged in as her organisation's representative, changes its description: the
    # history of official records names her.
    organisation = anna.signature.organisation
    changed = client_for(anna.user).post(
        f"/organisationer/{organisation.pk}/andra/",
        {
            "name": organisation.name,
            "kind": organisation.kind,
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "Vi läser böcker tillsammans.",
            "easy_read_description": "",
        },
    )
    assert changed.status_code == 302, changed.content.decode()[:500]
    return World(
        secretary=secretary,
        agreement=agreement,
        council=council,
        meeting=meeting,
        consultation=consultation,
        anna=anna,
        bert=bert,
    )
