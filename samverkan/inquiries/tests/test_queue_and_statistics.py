"""Reference numbers, target times and overdue inquiries, the work queue's queries, and the
secretary's statistics."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.inquiries import services
from samverkan.inquiries.deadlines import add_working_days, days_off, easter_sunday, reply_due
from samverkan.inquiries.models import Inquiry, InquiryCounter
from samverkan.inquiries.selectors import inquiry_statistics, team_queue
from samverkan.inquiries.tests.conftest import URLS

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

# --- Reference numbers ----------------------------------------------------------------------------


def test_numbers_run_without_gaps_in_order_of_confirmation(setup, register):
    year = timezone.localdate().year
    drafts = [
        services.inquiry_submit(kind="idea", subject=f"Idé {n}", text="T", sender_email="a@b.se")
        for n in range(3)
    ]
    # Confirmed in another order than filled in: the number follows the arrival.
    for draft in reversed(drafts):
        services.inquiry_confirm(raw_token=draft.raw_token)
    numbers = list(
        Inquiry.objects.order_by("received_at", "pk").values_list("reference", flat=True)
    )
    assert numbers == [f"EVI-{year}-0000{n}" for n in (1, 2, 3)]
    assert Inquiry.objects.get(reference=f"EVI-{year}-00001").subject == "Idé 2"
    assert InquiryCounter.objects.get(year=year).last_number == 3


def test_each_year_starts_again_at_one(setup, register):
    InquiryCounter.objects.create(year=timezone.localdate().year - 1, last_number=417)
    inquiry, _ = register()
    assert inquiry.reference.endswith("-00001")


# --- Target times ---------------------------------------------------------------------------------


def test_easter_and_the_swedish_days_off():
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2027) == date(2027, 3, 28)
    off = days_off(2026)
    assert date(2026, 4, 3) in off  # långfredagen
    assert date(2026, 4, 6) in off  # annandag påsk
    assert date(2026, 5, 14) in off  # Kristi himmelsfärdsdag
    assert date(2026, 6, 19) in off  # midsommarafton
    assert date(2026, 12, 24) in off


def test_working_days_skip_weekends_and_holidays():
    assert add_working_days(date(2026, 11, 23), 2) == date(2026, 11, 25)  # Monday → Wednesday
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday → Monday
    assert add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)  # over Christmas
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)  # over Easter


def test_a_target_in_working_days_ends_at_midnight_and_hours_count_the_clock():
    monday_morning = timezone.make_aware(datetime(2026, 11, 23, 9, 30))
    due = reply_due(monday_morning, target=2, unit="working_days")
    assert timezone.localtime(due) == timezone.make_aware(datetime(2026, 11, 26, 0, 0))
    assert reply_due(monday_morning, target=4, unit="hours") == monday_morning + timedelta(hours=4)


def test_overdue_inquiries_come_first_in_the_queue_and_say_so(setup, register, client_for):
    on_time, _ = register(subject="I tid")
    late, _ = register(subject="Försenat")
    Inquiry.objects.filter(pk=late.pk).update(reply_due_at=timezone.now() - timedelta(hours=1))
    replied, _ = register(subject="Besvarat")
    services.inquiry_reply(inquiry=replied, actor=setup.alva, text="Svar")
    Inquiry.objects.filter(pk=replied.pk).update(reply_due_at=timezone.now() - timedelta(hours=1))

    queue = list(team_queue(setup.general))
    assert queue[0] == late
    assert [i.overdue for i in queue] == [1, 0, 0], "a replied inquiry is not overdue"
    assert set(Inquiry.objects.overdue()) == {late}

    page = client_for(setup.alva).get(reverse("inquiries:team_queue", args=["allmant"]))
    body = page.content.decode()
    assert body.index("Försenat") < body.index("I tid")
    assert body.count("status--excluded") == 1
    index = client_for(setup.alva).get(reverse("inquiries:team_list")).content.decode()
    assert "status--excluded" in index


def test_forwarding_before_a_reply_gives_the_new_teams_target(setup, register):
    inquiry, _ = register()
    services.inquiry_forward(
        inquiry=inquiry, actor=setup.alva, to_team=setup.culture, reason="Kultur"
    )
    inquiry.refresh_from_db()
    assert inquiry.reply_due_at == inquiry.received_at + timedelta(hours=4)


# --- Queries ------------------------------------------------------------------------------------


def test_the_queue_needs_the_same_number_of_queries_for_3_and_30_inquiries(
    setup, register, client_for
):
    client = client_for(setup.alva)
    path = reverse("inquiries:team_queue", args=["allmant"])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    def add(n: int) -> None:
        inquiry, _ = register(
            subject=f"Fråga {n}", organisation=setup.organisation, topic=setup.sport
        )
        services.inquiry_take(inquiry=inquiry, actor=setup.alva)

    for n in range(3):
        add(n)
    few = count()
    for n in range(27):
        add(n + 3)
    assert count() == few


def test_the_inquiry_page_needs_the_same_number_of_queries_for_a_long_thread(
    setup, register, client_for
):
    inquiry, token = register()
    client = client_for(setup.alva)
    path = reverse("inquiries:detail", args=[inquiry.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    services.inquiry_reply(inquiry=inquiry, actor=setup.alva, text="Svar 1")
    few = count()
    for n in range(6):
        services.inquiry_sender_answer(raw_token=token, text=f"Mer {n}")
        services.inquiry_reply(inquiry=inquiry, actor=setup.alva, text=f"Svar {n}")
    assert count() == few


# --- Statistics -----------------------------------------------------------------------------------


def _at(inquiry: Inquiry, **times: datetime) -> None:
    Inquiry.objects.filter(pk=inquiry.pk).update(**times)


def test_the_statistics_count_per_kind_topic_team_and_month(setup, register, client_for, secretary):
    year = timezone.localdate().year
    jan = timezone.make_aware(datetime(year, 1, 10, 9))
    feb = timezone.make_aware(datetime(year, 2, 3, 9))
    a, _ = register(kind="grant", text="lokalbidrag", topic=setup.sport)
    _at(
        a,
        received_at=jan,
        first_reply_at=jan + timedelta(hours=2),
        closed_at=jan + timedelta(days=2),
        status="closed",
    )
    b, _ = register(kind="grant", text="lokalbidrag", topic=setup.sport)
    _at(
        b,
        received_at=jan,
        first_reply_at=jan + timedelta(hours=6),
        closed_at=jan + timedelta(days=4),
        status="closed",
    )
    c, _ = register(kind="idea", topic=setup.culture_topic)
    _at(c, received_at=feb, first_reply_at=feb + timedelta(hours=10))
    d, _ = register(kind="question")
    _at(d, received_at=feb, reply_due_at=feb + timedelta(days=1))
    last_year, _ = register(kind="question")
    _at(last_year, received_at=timezone.make_aware(datetime(year - 1, 12, 30)))
    services.inquiries_purge_unconfirmed()
    services.inquiry_submit(kind="idea", subject="Obekräftad", text="T", sender_email="x@y.se")

    stats = inquiry_statistics(year)
    assert stats.total == 4, "last year's and the unconfirmed one are not counted"
    assert [count for _, count in stats.by_month][:3] == [2, 2, 0]
    assert sorted(count for _, count in stats.by_kind) == [1, 1, 2]
    topics = dict(stats.by_topic)
    assert topics["Idrott"] == 2 and topics["Kultur"] == 1 and len(topics) == 3
    teams = {row.name: row for row in stats.by_team}
    assert teams["Lokalbidrag"].count == 2
    assert teams["Lokalbidrag"].median_first_reply == timedelta(hours=4)
    assert teams["Lokalbidrag"].median_to_close == timedelta(days=3)
    assert stats.median_first_reply == timedelta(hours=6), "median of 2, 6 and 10 hours"
    assert stats.median_to_close == timedelta(days=3)
    general = teams["En väg in – allmänt"]
    assert (general.count, general.open, general.overdue) == (1, 1, 1)
    assert teams["Kulturbidrag"].count == 1, "the topic Kultur routed it"

    page = client_for(secretary)
    body = page.get(reverse("inquiries:statistics") + f"?year={year}").content.decode()
    assert '<dd id="total">4</dd>' in body
    assert page.get(reverse("inquiries:statistics") + f"?year={year - 1}").status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need a server database"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_get_different_numbers_without_gaps(secretary):
    import threading

    from django.db import connections

    services.team_create(name="Allmänt", slug="allmant")
    drafts = [
        services.inquiry_submit(
            kind="idea", subject=f"Idé {n}", text="T", sender_email=f"p{n}@example.org"
        )
        for n in range(6)
    ]
    barrier = threading.Barrier(len(drafts))
    errors: list[BaseException] = []

    def confirm(token: str) -> None:
        try:
            barrier.wait()
            services.inquiry_confirm(raw_token=token)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(d.raw_token,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    year = timezone.localdate().year
    assert sorted(Inquiry.objects.values_list("reference", flat=True)) == [
        f"EVI-{year}-{n:05d}" for n in range(1, 7)
    ]


def test_the_register_list_for_the_diarium(setup, register, client_for, secretary):
    first, _ = register(subject="Första", organisation=setup.organisation)
    second, _ = register(subject="Andra", sender_name="", sender_email="bo@example.org")
    services.inquiry_close(inquiry=second, actor=setup.alva, outcome="Klart.")
    services.inquiry_erase_personal_data(inquiry=second, actor=secretary, basis="Begäran")
    services.inquiry_submit(kind="idea", subject="Obekräftad", text="T", sender_email="x@y.se")

    response = client_for(secretary).get(reverse("inquiries:register_export"))
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Referensnummer;Inkom;")
    assert len(lines) == 3, "registered inquiries only"
    assert lines[1].startswith(first.reference) and "Anna Andersson;Norrby IK;" in lines[1]
    assert lines[2].startswith(second.reference) and "bo@example.org" not in lines[2]
    assert "personuppgifter raderade" in lines[2]
    assert client_for(setup.alva).get(reverse("inquiries:register_export")).status_code == 403
