"""Reminders, permissions and a constant number of queries per page."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.consultations import services
from samverkan.consultations.models import ConsultationResponse, ResponseLink
from samverkan.consultations.tests.conftest import (
    make_consultation,
    open_consultation,
    set_reply_by,
)
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_the_consultees_that_have_not_answered(
    world, opened, client_for, smtp_server
):
    client_for(world.vivalla_rep).post(
        reverse("consultations:respond", args=[opened.pk]),
        {"organisation": world.vivalla.pk, "text": "Vårt svar."},
    )
    outbox_deliver()
    smtp_server.clear()
    call_command("send_consultation_reminders")
    outbox_deliver()
    assert smtp_server.messages == [], "14 days left: too early"

    set_reply_by(opened, timezone.localdate() + timedelta(days=6))
    call_command("send_consultation_reminders")
    call_command("send_consultation_reminders")
    outbox_deliver()
    reminders = smtp_server.wait_for(2)
    assert sorted(m["To"] for m in reminders) == [
        "info@norrbyik.example.org",
        "ordf@norrbyik.example.org",
    ], "Norrby only, once each; Vivalla has answered"
    assert "Påminnelse" in reminders[0]["Subject"] or "Reminder" in reminders[0]["Subject"]

    smtp_server.clear()
    set_reply_by(opened, timezone.localdate() + timedelta(days=2))
    assert services.consultation_reminders_send() == 2, "the 2-day reminder"
    assert services.consultation_reminders_send() == 0
    outbox_deliver()
    assert len(smtp_server.wait_for(2)) == 2


def test_only_representatives_of_consultees_answer_for_them(world, opened, client_for):
    url = reverse("consultations:respond", args=[opened.pk])
    anonymous = client_for(None).post(url, {"organisation": world.norrby.pk, "text": "Falskt"})
    assert anonymous.status_code == 302 and "/konto/" in anonymous["Location"]
    outsider = client_for(world.schack_rep)
    assert outsider.get(url).status_code == 403
    assert (
        outsider.post(url, {"organisation": world.norrby.pk, "text": "Falskt"}).status_code == 403
    )
    # Vivalla's representative cannot pick Norrby.
    other = client_for(world.vivalla_rep).post(
        url, {"organisation": world.norrby.pk, "text": "Falskt"}
    )
    assert other.status_code == 200
    assert not ConsultationResponse.objects.exists()


def test_unpublished_responses_and_files_are_hidden(world, opened, client_for):
    from samverkan.consultations.tests.conftest import pdf

    client_for(world.norrby_rep).post(
        reverse("consultations:respond", args=[opened.pk]),
        {"organisation": world.norrby.pk, "text": "Hemligt tills vidare.", "file": pdf()},
    )
    response = ConsultationResponse.objects.get()
    file_url = reverse("consultations:response_file", args=[opened.pk, response.pk])
    detail = reverse("consultations:detail", args=[opened.pk])
    for user in (None, world.vivalla_rep, world.schack_rep):
        assert client_for(user).get(file_url).status_code == 404
        assert "Hemligt tills vidare." not in client_for(user).get(detail).content.decode()
    assert client_for(world.norrby_rep).get(file_url).status_code == 200, "their own"
    assert client_for(world.secretary).get(file_url).status_code == 200


@pytest.mark.parametrize(
    "name,args",
    [
        ("manage", []),
        ("create", []),
        ("manage_detail", ["pk"]),
        ("edit", ["pk"]),
        ("transition", ["pk", "close"]),
        ("consultee_add", ["pk"]),
        ("document_add", ["pk"]),
    ],
)
def test_only_the_secretary_manages(world, opened, client_for, name, args):
    url = reverse(f"consultations:{name}", args=[opened.pk if a == "pk" else a for a in args])
    assert client_for(None).get(url).status_code == 302
    for user in (world.norrby_rep, world.schack_rep):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, {}).status_code == 403
    assert client_for(world.secretary).get(url).status_code == 200


def test_the_secrecy_mark_and_closing_are_refused_to_others(world, opened, client_for):
    client_for(world.norrby_rep).post(
        reverse("consultations:respond", args=[opened.pk]),
        {"organisation": world.norrby.pk, "text": "Svar."},
    )
    response = ConsultationResponse.objects.get()
    url = reverse("consultations:secrecy", args=[opened.pk, response.pk, "mark"])
    assert client_for(world.norrby_rep).post(url).status_code == 403
    response.refresh_from_db()
    assert not response.secrecy_review


def test_unconfirmed_open_responses_expire(world, client_for):
    consultation = open_consultation(world, make_consultation(world, open_to_all=True))
    draft = services.response_submit_open(
        consultation=consultation, name="Anna", email="anna@example.org", text="Hej"
    )
    ConsultationResponse.objects.filter(pk=draft.pk).update(
        created_at=timezone.now() - timedelta(hours=49)
    )
    ResponseLink.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    confirm = reverse("consultations:confirm", args=[draft.raw_token])
    assert client_for(None).get(confirm).status_code == 410
    call_command("purge_unconfirmed_consultation_responses")
    assert not ConsultationResponse.objects.exists()


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_and_detail_take_a_constant_number_of_queries(world, client_for):
    first = open_consultation(world, make_consultation(world, title="Första remissen"))
    client = client_for(None)
    few_list = _count(client, reverse("consultations:list"))
    few_detail = _count(client, reverse("consultations:detail", args=[first.pk]))
    for n in range(8):
        open_consultation(world, make_consultation(world, title=f"Remiss {n}"))
    services.consultee_add(consultation=first, actor=world.secretary, organisation=world.schack)
    for rep, org in [(world.norrby_rep, world.norrby), (world.vivalla_rep, world.vivalla)]:
        services.response_submit(consultation=first, user=rep, organisation=org, text="Svar")
    set_reply_by(first, timezone.localdate() - timedelta(days=1))
    many_list = _count(client, reverse("consultations:list"))
    many_detail = _count(client, reverse("consultations:detail", args=[first.pk]))
    assert many_list == few_list and many_list <= 10
    assert many_detail == few_detail and many_detail <= 12
    secretary = client_for(world.secretary)
    assert _count(secretary, reverse("consultations:manage")) <= 12


def test_the_list_filters_by_state_theme_district_and_department(world, client_for):
    announced = make_consultation(world, title="Föreningsbidrag – nya regler")
    services.consultation_announce(
        consultation=announced,
        actor=world.secretary,
        expected_opening_on=timezone.localdate() + timedelta(days=30),
    )
    opened = open_consultation(world, make_consultation(world, title="Översiktsplanen"))
    make_consultation(world, title="Utkastet syns inte")
    client = client_for(None)
    page = client.get(reverse("consultations:list")).content.decode()
    assert "Föreningsbidrag – nya regler" in page and "Översiktsplanen" in page
    assert "Utkastet syns inte" not in page
    only_open = client.get(reverse("consultations:list"), {"state": "open"}).content.decode()
    assert "Översiktsplanen" in only_open and "Föreningsbidrag" not in only_open
    by_theme = client.get(
        reverse("consultations:list"),
        {"theme": world.theme.slug, "district": "vivalla", "department": world.department.pk},
    ).content.decode()
    assert "Översiktsplanen" in by_theme
    assert opened.pk
