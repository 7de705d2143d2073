"""The demo's own minutes: moved to the year before the meetings demo, imported through the
importer after both demos, linked to the demo's people, with a non-empty review list.

The three demos are loaded once for the module inside a transaction rolled back at the end.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone, translation

from samverkan.meetings.demo import load_demo as load_meetings
from samverkan.meetings.models import ActionItem, Attendance, CarriedOverPoint, Meeting, Person
from samverkan.minutes_import.demo import demo_results, demo_year, load_demo, shift_text
from samverkan.minutes_import.models import IdentitySuggestion, ImportedDocument
from samverkan.organisations.demo import SECRETARY_EMAIL
from samverkan.organisations.demo import load_demo as load_organisations
from samverkan.organisations.models import Organisation
from samverkan.watchlist.models import WatchItem, WatchItemStatus

TODAY = timezone.localdate()


def test_dates_move_in_whole_weeks_so_weekdays_stay_right():
    text = "Datum: Tisdagen 14 februari\nKalendarium vt 2023\n7 mars 2023\nProtokoll 2023-03-07"
    assert shift_text(text, -2) == (
        "Datum: Tisdagen 16 februari\nKalendarium vt 2021\n9 mars 2021\nProtokoll 2021-03-09"
    )
    assert date(2021, 2, 16).weekday() == date(2023, 2, 14).weekday()
    assert shift_text(text, 0) == text


@pytest.mark.parametrize("today", [date(2024, 9, 1), date(2025, 6, 1), TODAY, date(2027, 12, 31)])
def test_the_documents_read_cleanly_in_every_year_the_demo_can_have(today: date):
    results = demo_results(today)
    assert [r["kind"] for r in results] == ["minutes", "minutes", "summary", "minutes"]
    assert {r["date"][:4] for r in results} == {str(demo_year(today))}
    for result in results:
        assert not [w for w in result["warnings"] if "weekday" in w or "veckodag" in w], result[
            "file"
        ]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # In Swedish, as the seed command loads it: the evidence is stored in words.
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("sv"):
        load_organisations(seed=2024, today=TODAY)
        load_meetings(seed=2024, today=TODAY)
        organisations = Organisation.objects.count()
        counts = load_demo(today=TODAY)
        counts["_organisations_before"] = organisations
        yield counts
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_minutes_are_imported_and_linked_to_the_demo(demo):
    assert demo["documents"] == 4 and demo["created"] == 4
    year = demo_year(TODAY)
    documents = ImportedDocument.objects.all()
    assert {d.imported_by.email for d in documents} == {SECRETARY_EMAIL}
    assert all(d.meeting.date.year == year for d in documents)
    # Every organisation in the documents is one of the demo's (a former name included).
    assert Organisation.objects.count() == demo["_organisations_before"]
    joint = Meeting.objects.get(date__year=year, date__month=2, kind="joint_meeting")
    present = {a.person.name: a for a in joint.attendances.select_related("person", "organisation")}
    assert (
        "Birgitta Lövgren" in present and not Person.objects.filter(name="Gittan Lövgren").exists()
    )
    assert present["Birgitta Lövgren"].role == "chair"
    assert present["Tobias Lindén"].organisation.name == "Socialförvaltningen"
    assert present["Nadia Rahimi"].substitute_for.name == "Ylva Grahn"
    assert joint.minutes_taker.name == "Helena Sjödin"  # "Lena Sjödin" in the document
    task = ActionItem.objects.get(agenda_item__meeting=joint)
    assert task.owner.name == "Tobias Lindén"  # "Tobias tar kontakt ..."


@pytest.mark.django_db
def test_the_demo_has_names_to_review_with_their_evidence(demo):
    pending = IdentitySuggestion.objects.filter(status="pending")
    assert demo["suggestions_to_review"] == pending.count() == 3
    found = {s.text: (s.candidate_person.name, s.evidence) for s in pending}
    assert found["Tompa Kjellberg"] == (
        "Tomas Kjellberg",
        ["samma efternamn", "Tompa är en kortform av Tomas"],
    )
    assert found["Lovisa Brink Nyström"][0] == "Lovisa Brink"
    assert found["Rebecka Talgren"][0] == "Rebecka Tallgren"
    assert found["Rebecka Talgren"][1] == [
        "samma förnamn",
        "en bokstav skiljer: Talgren ~ Tallgren",
        "samma organisation: Café Trappan Kooperativ ekonomisk förening",
    ]
    assert Attendance.objects.filter(person__name="Tompa Kjellberg", status="guest").exists()


@pytest.mark.django_db
def test_the_demo_tells_a_story_across_its_documents(demo):
    year = demo_year(TODAY)
    tabled = CarriedOverPoint.objects.get(kind="tabled", origin__meeting__date__year=year)
    assert tabled.resolved_in.meeting.date.month == 4  # taken up in April
    assert tabled.resolved_in.notes  # by the item of the April minutes, not an empty one
    portal = WatchItem.objects.get(title="Föreningsportalen")
    assert portal.status == WatchItemStatus.STRUCK
    assert [u.status for u in portal.updates.order_by("date")] == ["paused", "struck"]
    assert WatchItem.objects.get(title="Trygghetsvandringar i Ängsbacka").status == "final_phase"
    au = Meeting.objects.get(date__year=year, bodies__short_name="AU", minutes_status="published")
    assert au.attendances.count() == 4
    evening = Meeting.objects.get(date__year=year, kind="theme_evening", minutes_status="draft")
    assert evening.agenda_items.count() == 4
    assert load_demo(today=TODAY)["unchanged"] == 4
