"""A failure in the middle of a unit of work leaves the database as it was, and running the
work again finishes it.

The failure is a real one: a database trigger makes inserting into a table fail once the
table has grown by a number of rows, as a full disk, a lost connection or a killed worker
would fail a statement. Nothing of our own code is replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.utils import timezone

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import (
    Agreement,
    Signature,
    SignatureEvent,
    SignatureStatus,
)
from samverkan.outbox.models import OutboundEmail

pytestmark = pytest.mark.django_db

DEMO_DOCUMENTS = Path(__file__).resolve().parents[2] / "minutes_import" / "demo_documents"


@contextmanager
def crash_on_insert(model, *, after: int = 0) -> Iterator[None]:
    """Inserting into ``model``'s table fails once it holds ``after`` rows more than now."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        limit = cursor.fetchone()[0] + after
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION samverkan_crash() RETURNS trigger AS $$ BEGIN "
                f'IF (SELECT COUNT(*) FROM "{table}") >= {limit} THEN '
                "RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f'CREATE TRIGGER samverkan_crash BEFORE INSERT ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION samverkan_crash()"
            )
        else:
            cursor.execute(
                f'CREATE TRIGGER samverkan_crash BEFORE INSERT ON "{table}" '
                f'WHEN (SELECT COUNT(*) FROM "{table}") >= {limit} '
                "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f'DROP TRIGGER samverkan_crash ON "{table}"')
                cursor.execute("DROP FUNCTION samverkan_crash()")
            else:
                cursor.execute("DROP TRIGGER samverkan_crash")


def counts(*models) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models}


# --- Sending a notice ---------------------------------------------------------------------------


@pytest.fixture
def meeting_with_members() -> Meeting:
    body = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind="council"
    )
    for n, name in enumerate(["Anna Fors", "Bo Ek", "Cecilia Ström"]):
        person = meeting_services.person_create(name=name, email=f"p{n}@example.org")
        meeting_services.membership_add(body=body, person=person, start=date(2024, 1, 1))
    return meeting_services.meeting_create(
        bodies=[body],
        title="Samverkansrådet",
        date=timezone.localdate() + timedelta(days=14),
        visibility="public",
    )


def test_a_notice_send_that_fails_half_way_sends_nothing_and_a_second_try_sends_all_once(
    meeting_with_members,
):
    before = counts(OutboundEmail)
    with crash_on_insert(OutboundEmail, after=1), pytest.raises(DatabaseError):
        meeting_services.notice_send(meeting=meeting_with_members)

    assert counts(OutboundEmail) == before
    meeting_with_members.refresh_from_db()
    assert meeting_with_members.status != Meeting.Status.NOTICE_SENT
    assert meeting_with_members.notice_sent_at is None

    meeting_services.notice_send(meeting=meeting_with_members)
    meeting_services.notice_send(meeting=meeting_with_members)  # again: nothing twice
    recipients = sorted(OutboundEmail.objects.values_list("to", flat=True))
    assert [r for r in recipients if r.startswith("p")] == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    meeting_with_members.refresh_from_db()
    assert meeting_with_members.status == Meeting.Status.NOTICE_SENT


# --- Approving a signature ----------------------------------------------------------------------


@pytest.fixture
def pending_signature() -> Signature:
    agreement = Agreement.objects.create(
        title="Överenskommelsen 2024–2027",
        period_start=date(2024, 1, 1),
        period_end=date(2027, 12, 31),
        adopted_by="Kommunfullmäktige",
    )
    organisation = organisation_services.organisation_create(
        name="Föreningen Solrosen", kind="network"
    )
    return Signature.objects.create(
        organisation=organisation,
        agreement=agreement,
        status=SignatureStatus.PENDING,
        signatory_name="Eva Ek",
        signatory_role="Ordförande",
        signatory_email="eva@example.org",
    )


def test_an_approval_that_fails_half_way_leaves_the_signature_pending(pending_signature):
    secretary = user_get_or_create(email="anna@example.org", full_name="Anna Fors")
    role_grant(user=secretary, role=Role.SECRETARY)
    before = counts(SignatureEvent, OutboundEmail)

    with crash_on_insert(SignatureEvent), pytest.raises(DatabaseError):
        organisation_services.signature_approve(signature=pending_signature, actor=secretary)

    assert counts(SignatureEvent, OutboundEmail) == before
    pending_signature.refresh_from_db()
    assert pending_signature.status == SignatureStatus.PENDING
    assert pending_signature.approved_at is None

    organisation_services.signature_approve(signature=pending_signature, actor=secretary)
    pending_signature.refresh_from_db()
    assert pending_signature.status == SignatureStatus.ACTIVE
    assert OutboundEmail.objects.filter(to="eva@example.org").count() == 1


# --- Importing minutes --------------------------------------------------------------------------


def test_an_import_that_fails_in_one_file_keeps_the_others_and_a_rerun_finishes(tmp_path):
    first, second = sorted(DEMO_DOCUMENTS.glob("2023-0[23]*"))[:2]
    call_command("import_minutes", str(first), stdout=StringIO(), stderr=StringIO())
    imported_first = counts(Meeting, AgendaItem)
    assert imported_first["Meeting"] >= 1 and imported_first["AgendaItem"] > 0

    # Adding the second file's agenda items fails: nothing of the second file is kept, and
    # the first (already imported) is neither duplicated nor harmed.
    with crash_on_insert(AgendaItem):
        call_command(
            "import_minutes", str(first), str(second), stdout=StringIO(), stderr=StringIO()
        )
    assert counts(Meeting, AgendaItem) == imported_first

    call_command("import_minutes", str(first), str(second), stdout=StringIO(), stderr=StringIO())
    finished = counts(Meeting, AgendaItem)
    assert finished["Meeting"] > imported_first["Meeting"]
    assert finished["AgendaItem"] > imported_first["AgendaItem"]
    call_command("import_minutes", str(first), str(second), stdout=StringIO(), stderr=StringIO())
    assert counts(Meeting, AgendaItem) == finished  # a third run changes nothing
