"""Changes to official records are kept (who, when, before and after), and the secretary reads
them; inbound items go to the registry as CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.history.models import ChangeRecord
from samverkan.history.tracking import acting_as
from samverkan.organisations import services as organisation_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary():
    user = user_get_or_create(email="anna.fors@example.org", full_name="Anna Fors")
    role_grant(user=user, role=Role.SECRETARY)
    return user


def history_url(record) -> str:
    return reverse(
        "history:object_history", args=[record._meta.app_label, record._meta.model_name, record.pk]
    )


def records(obj) -> list[ChangeRecord]:
    return list(
        ChangeRecord.objects.filter(
            object_id=str(obj.pk), content_type__model=obj._meta.model_name
        ).order_by("at", "pk")
    )


def test_creation_and_each_change_are_kept_with_before_and_after(secretary, client):
    organisation = organisation_services.organisation_create(
        name="Föreningen Solrosen", kind="association", website="https://solrosen.example.org"
    )
    organisation.name = "Föreningen Vallmon"
    organisation.save()
    organisation.save()  # nothing changed: nothing recorded

    created, changed = records(organisation)
    assert created.action == "created"
    assert created.changes["name"] == [None, "Föreningen Solrosen"]
    assert created.changes["website"] == [None, "https://solrosen.example.org"]
    assert changed.action == "changed"
    assert changed.changes == {"name": ["Föreningen Solrosen", "Föreningen Vallmon"]}
    assert changed.actor_label.startswith("system")


def test_the_person_who_made_a_change_through_the_site_is_named(secretary, client):
    organisation = organisation_services.organisation_create(
        name="Solrosen", kind="association", organisation_number="802000-0009"
    )
    client.force_login(secretary)
    response = client.post(
        reverse("organisations:organisation_edit", args=[organisation.pk]),
        {
            "name": "Solrosen IF",
            "kind": "association",
            "organisation_number": "802000-0009",
            "description": "Idrott för alla.",
        },
    )
    assert response.status_code in (200, 302)
    organisation.refresh_from_db()
    assert organisation.name == "Solrosen IF", response.content.decode()[-6000:-3000]
    change = records(organisation)[-1]
    assert change.actor == secretary
    assert change.actor_label == "Anna Fors"
    assert change.changes["name"] == ["Solrosen", "Solrosen IF"]


def test_a_scheduled_job_names_itself_and_a_deletion_keeps_the_last_values():
    organisation = organisation_services.organisation_create(name="Solrosen", kind="association")
    with acting_as("system: retention"):
        pk = organisation.pk
        organisation.delete()
    deleted = ChangeRecord.objects.get(object_id=str(pk), action="deleted")
    assert deleted.actor_label == "system: retention"
    assert deleted.changes["name"] == ["Solrosen", None]


def test_the_secretary_reads_the_history_and_others_may_not(secretary, client):
    organisation = organisation_services.organisation_create(name="Solrosen", kind="association")
    organisation.name = "Vallmon"
    organisation.save()
    url = history_url(organisation)

    assert client.get(url).status_code == 302  # to log in
    other = user_get_or_create(email="eva@example.org", full_name="Eva")
    client.force_login(other)
    assert client.get(url).status_code == 403

    client.force_login(secretary)
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Solrosen" in page and "Vallmon" in page
    assert page.index("Vallmon") < page.rindex("Solrosen")  # newest first
    # The organisation's page links to it for the secretary only.
    detail = client.get(reverse("organisations:organisation_detail", args=[organisation.pk]))
    assert url in detail.content.decode()
    client.force_login(other)
    detail = client.get(reverse("organisations:organisation_detail", args=[organisation.pk]))
    assert url not in detail.content.decode()


def test_history_of_what_is_not_an_official_record_or_does_not_exist_is_not_found(
    secretary, client
):
    client.force_login(secretary)
    assert (
        client.get(
            reverse("history:object_history", args=["accounts", "user", secretary.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("history:object_history", args=["organisations", "organisation", "999999"])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("history:object_history", args=["organisations", "organisation", "x'; --"])
        ).status_code
        == 404
    )


def test_inbound_items_export_for_the_registry(secretary, client):
    from samverkan.inquiries.models import Inquiry

    organisation = organisation_services.organisation_create(name="=Solrosen", kind="association")
    now = timezone.now()
    Inquiry.objects.create(  # registered: the service's own tests cover how
        reference="EVI-2026-00001",
        kind=Inquiry._meta.get_field("kind").choices[0][0],
        subject="Lokal för läxhjälp",
        organisation=organisation,
        sender_name="Eva Ek",
        received_at=now,
    )
    client.force_login(secretary)
    today = timezone.localdate()
    query = {"fran": (today - timedelta(days=1)).isoformat(), "till": today.isoformat()}
    page = client.get(reverse("history:diarium"), query)
    assert page.status_code == 200
    assert "EVI-2026-00001" in page.content.decode()
    response = client.get(reverse("history:diarium_csv"), query)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Typ", "Referens", "Inkom", "Ärende", "Avsändare"]
    (row,) = [r for r in rows if r[1] == "EVI-2026-00001"]
    assert row[3] == "Lokal för läxhjälp"
    assert row[4] == "'=Solrosen"  # a spreadsheet would run it as a formula
    assert row[2] == timezone.localtime(now).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("fran", "till", "message"),
    [
        ("2026-02-01", "2026-01-01", "Slutdatumet kommer före startdatumet."),
        ("2024-01-01", "2026-01-01", "Välj högst ett år åt gången."),
        ("inte-ett-datum", "2026-01-01", "Fyll i ett giltigt datum."),
    ],
)
def test_a_bad_period_is_explained_in_swedish(secretary, client, fran, till, message):
    client.force_login(secretary)
    response = client.get(reverse("history:diarium"), {"fran": fran, "till": till})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (
        client.get(reverse("history:diarium_csv"), {"fran": fran, "till": till}).status_code == 400
    )
