"""The database import: the five seeds into an empty database, importing again, corrected
versions, planned meetings that get their minutes, the calendar, the watch list, working
groups, and bad input that leaves nothing behind."""

from __future__ import annotations

import io
import shutil
from datetime import date, time
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader, PdfWriter

from samverkan.meetings import services as meetings
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    Decision,
    ItemType,
    Meeting,
    MeetingKind,
    Membership,
    Party,
    Person,
)
from samverkan.minutes_import.extraction import extract_path
from samverkan.minutes_import.importing import (
    import_path,
    import_result,
    meeting_title,
    watch_status,
)
from samverkan.minutes_import.management.commands.import_minutes import Command
from samverkan.minutes_import.models import IdentitySuggestion, ImportedDocument
from samverkan.organisations.models import Organisation, OrganisationKind
from samverkan.watchlist.models import WatchItem, WatchItemStatus, WatchItemUpdate

from .conftest import MINUTES_PDF_PAGES, image_only_pdf, text_pdf
from .results import action, item, minutes, person, row
from .test_seeds import SEEDS

pytestmark = pytest.mark.django_db

IMPORTED_MODELS = (Meeting, Person, Organisation, Body, Membership, Attendance, AgendaItem,
                   Decision, ActionItem, CarriedOverPoint, WatchItem, WatchItemUpdate,
                   IdentitySuggestion, Party)  # fmt: skip


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in IMPORTED_MODELS}


def seed(number: int) -> Path:
    return next(SEEDS.glob(f"{number:03d}_*.txt"))


def meeting_on(day: str) -> Meeting:
    """The meeting of that day that has minutes (not one planned from a calendar)."""
    return Meeting.objects.exclude(minutes_status=Meeting.MinutesStatus.NONE).get(date=day)


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not here")


# ---------------------------------------------------------------------------------------------
# The five seeds into an empty database
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def seeds_imported() -> list:
    return [import_path(seed(n)) for n in range(5)]


@needs_seeds
def test_the_five_seeds_are_imported(seeds_imported):
    assert [o.action for o in seeds_imported] == ["created"] * 5, [
        o.message for o in seeds_imported
    ]
    assert all(o.document.status == ImportedDocument.Status.IMPORTED for o in seeds_imported)
    assert IdentitySuggestion.objects.count() == 0  # nothing in the seeds is unsure
    council = Body.objects.get(name="Samverkansrådet")
    network = Body.objects.get(name="C-nätet")
    assert (council.kind, network.kind) == (BodyKind.COUNCIL, BodyKind.NETWORK)

    september = seeds_imported[0].meeting
    assert september.date == date(2023, 9, 13)
    assert (september.start_time, september.end_time) == (time(16), time(18))
    assert september.place == "Föreningarnas Hus, Slottsgatan 13A"
    assert september.kind == MeetingKind.JOINT_MEETING
    assert set(september.bodies.all()) == {council, network}
    assert september.title == "Samverkansrådet och C-nätverket"
    assert september.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert september.recorded_by == "Anna Fogel"
    assert september.minutes_taker.name == "Anna Fogel"


@needs_seeds
def test_attendance_of_the_seeds(seeds_imported):
    september = seeds_imported[0].meeting
    statuses = {
        a.person.name: a
        for a in september.attendances.select_related("person", "body", "organisation", "party")
    }
    # 16 lines under "Deltagare" (Anna Fogel twice, for both bodies) and 8 with "Förhinder".
    assert len(statuses) == 23
    assert sum(a.status == Attendance.Status.PRESENT for a in statuses.values()) == 15
    assert sum(a.status == Attendance.Status.APOLOGIES for a in statuses.values()) == 8
    chair = statuses["Tina Fingal Swens"]
    assert (chair.role, chair.body.name, chair.organisation.name) == (
        "chair",
        "Samverkansrådet",
        "Örebro Föreningsråd",
    )
    assert statuses["Maria Haglund"].party.abbreviation == "M"
    assert statuses["Maria Haglund"].organisation is None
    assert statuses["Raluca Stancu"].body.name == "C-nätet"  # a department: C-nätet
    assert statuses["Kersti Freed-Klevmar"].body.name == "Samverkansrådet"
    # Anna Fogel sits in both bodies, as secretary of the council.
    anna = Person.objects.get(name="Anna Fogel")
    assert set(anna.memberships.values_list("body__name", flat=True)) == {
        "Samverkansrådet",
        "C-nätet",
    }
    assert statuses["Anna Fogel"].role == "secretary"
    # "Vakans, Förskole- och grundskoleförvaltningen" is a vacant seat, not a person.
    vacant = Membership.objects.get(
        person=None, organisation__name="Förskole- och grundskoleförvaltningen"
    )
    assert vacant.body.name == "C-nätet"
    assert vacant.organisation.kind == OrganisationKind.MUNICIPAL_DEPARTMENT
    assert not Person.objects.filter(name__icontains="vakans").exists()

    autumn_2020 = seeds_imported[1].meeting
    guests = autumn_2020.attendances.filter(status=Attendance.Status.GUEST)
    assert sorted(guests.values_list("person__name", flat=True)) == [
        "Magnus Åstholm",
        "Martin Tesell",
    ]
    substitute = autumn_2020.attendances.get(person__name="Arianne Axewill")
    assert substitute.substitute_for.name == "Camilla Weckström"  # known from 2023
    assert substitute.organisation.name == "Vård- och omsorgsförvaltningen"
    assert autumn_2020.online_url == "" and autumn_2020.place == "Digitalt via Teams"


@needs_seeds
def test_who_is_who_across_the_seeds(seeds_imported):
    # 004 writes "Tina Fingal", 000 "Tina Fingal Swens", both of Örebro Föreningsråd.
    assert not Person.objects.filter(name="Tina Fingal").exists()
    assert (
        meeting_on("2024-01-30").attendances.get(person__name="Tina Fingal Swens").role
        == "vice_chair"
    )
    # 002's "Betlehems kyrkan" is 000's Betlehemskyrkan; 004's "Vintrosa Folkets hus" is
    # "Folkets hus Vintrosa"; 002's "RFSL" is 001's "RFSL Örebro" (Oscar Undevall's).
    assert Organisation.objects.filter(name__icontains="Betlehem").count() == 1
    assert Organisation.objects.filter(name__icontains="Vintrosa").count() == 1
    assert list(
        Organisation.objects.filter(name__startswith="RFSL").values_list("name", flat=True)
    ) == ["RFSL Örebro"]
    # Owners of tasks: "Lars Lundberg" (000) is Lasse Lundberg; "Anna F" (001) is Anna Fogel.
    assert (
        ActionItem.objects.get(what__startswith="Återkommer med mer information").owner.name
        == "Lasse Lundberg"
    )
    assert ActionItem.objects.get(what__startswith="Skapar ett team").owner.name == "Anna Fogel"
    assert ActionItem.objects.get(what__startswith="Bokar möte").owner_text == "Anna och Tina F."
    # One person per name: nobody was made twice.
    names = list(Person.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


@needs_seeds
def test_agenda_decisions_and_carried_over_points_of_the_seeds(seeds_imported):
    september = seeds_imported[0].meeting
    items = list(september.agenda_items.all())
    assert [i.position for i in items] == list(range(1, 10))
    assert items[1].title == "En väg in" and items[1].item_type == ItemType.INFORMATION
    assert items[6].item_type == ItemType.INFORMATION_AND_DECISION
    assert items[1].notes.startswith("Se bifogad pdf.")
    (decision,) = Decision.objects.filter(agenda_item__meeting=september)
    assert decision.text.startswith("Samverkansrådet beslutar att godkänna förslaget")
    assert decision.date == date(2023, 9, 13)

    april_2022 = seeds_imported[2].meeting
    tabled = CarriedOverPoint.objects.filter(origin__meeting=april_2022, kind="tabled")
    assert sorted(tabled.values_list("title", flat=True)) == [
        "Kommunikation för att fler ska ansluta sig, förslag?",
        "SWOT eller annat förslag på hur identifiera hinder för samverkan?",
        "Uppföljning och avstämning",
    ]
    # They come back at the council's next meeting: 1 June 2022, planned from 002's calendar.
    swot = tabled.get(title__startswith="SWOT")
    assert swot.resolved_in.meeting.date == date(2022, 6, 1)
    assert swot.resolved_in.meeting.title == "Samverkansråd"
    assert (
        CarriedOverPoint.objects.filter(origin__meeting=april_2022, kind="follow_up").count() == 2
    )

    workshop = seeds_imported[3].meeting
    assert workshop.kind == MeetingKind.THEME_EVENING
    assert workshop.title == "Sammanställning av synpunkter på överenskommelsen om samverkan"
    assert list(workshop.agenda_items.values_list("title", flat=True)) == [
        f"Grupp {n}" for n in range(1, 9)
    ]
    assert workshop.agenda_items.get(title="Grupp 3").notes.startswith("Överenskommelsens relevans")
    assert workshop.minutes_status == Meeting.MinutesStatus.DRAFT

    kallelse = seeds_imported[4]
    assert kallelse.document.kind == "minutes"
    assert kallelse.meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED


@needs_seeds
def test_the_calendar_of_the_seeds(seeds_imported):
    council = Body.objects.get(name="Samverkansrådet")
    planned = Meeting.objects.filter(minutes_status=Meeting.MinutesStatus.NONE)
    assert set(planned.filter(date__year=2023).values_list("date", "title")) == {
        (
            date(2023, 10, 17),
            "Kunskapskonferens 2023 Tema: krisberedskap, krishantering och samverkan",
        ),
        (date(2023, 11, 7), "Samverkansrådet"),
        (date(2023, 11, 23), "Temakväll: Socialt företagande och idéburen välfärd"),
        (date(2023, 12, 6), "Samverkansrådet julavslutning"),
        (date(2023, 12, 6), "Val- och informationskväll"),
    }
    kinds = dict(planned.values_list("title", "kind"))
    assert kinds["Val- och informationskväll"] == MeetingKind.ELECTION_EVENING
    assert kinds["Temakväll: Socialt företagande och idéburen välfärd"] == MeetingKind.THEME_EVENING
    assert kinds["Utbildning i Teams för Samverkansrådet och C-nätet"] == MeetingKind.TRAINING
    assert planned.get(title="AU").bodies.get().kind == BodyKind.EXECUTIVE_COMMITTEE
    assert planned.get(date=date(2023, 11, 7)).bodies.get() == council
    # The rows for the meeting itself (001: 25 september, 004: 30 januari) are that meeting.
    assert Meeting.objects.filter(date=date(2020, 9, 25)).count() == 1
    assert Meeting.objects.filter(date=date(2024, 1, 30)).count() == 1
    # Rows without a day ("?", "? april") are not imported, and said so.
    assert seeds_imported[1].counts["calendar_undated"] == 1
    assert seeds_imported[4].counts["calendar_undated"] == 1
    assert any("has no date" in w for w in seeds_imported[4].warnings)
    # Nothing twice: one meeting per date and title.
    pairs = list(Meeting.objects.values_list("date", "title"))
    assert len(pairs) == len(set(pairs))


@needs_seeds
def test_the_watch_list_and_working_groups_of_the_seeds(seeds_imported):
    items = {w.title: w for w in WatchItem.objects.select_related("owner")}
    climate = items["Klimatneutrala städer"]
    assert (climate.kind, climate.owner_text, climate.owner.name) == (
        "project",
        "KLF",
        "Kommunledningsförvaltningen",
    )
    assert climate.status == WatchItemStatus.FINAL_PHASE  # "Avslutande fas under våren" (004)
    assert [u.meeting.date for u in climate.updates.all()] == [date(2023, 9, 13), date(2024, 1, 30)]
    assert items["Utveckla dialogen med det civila samhället"].status == WatchItemStatus.STRUCK
    assert (
        items["En väg in till kommunen för det civila samhället"].owner.name
        == "Kultur- och fritidsförvaltningen"
    )
    # 004 misspells it "civilsamhällesnätverk" and leaves out "(PSI)": still the same items.
    assert items["Regionalt civilsamhällsnätverk"].updates.count() == 2
    assert items["Regionalt partnerskap för sociala innovationer (PSI)"].updates.count() == 2
    assert items["Fritidskortet"].kind == ""
    assert len(items) == 11

    groups = {b.name: b for b in Body.objects.filter(kind=BodyKind.WORKING_GROUP)}
    theme = groups["Arbetsgrupp Temakväll 15 oktober"]
    assert theme.parent.name == "Samverkansrådet"
    assert set(theme.memberships.values_list("person__name", flat=True)) == {
        "Ann-Marie Wulfstrand",
        "Tina Fingal Swens",  # written "Tina Fingal"
        "Caroline Täljblad",
    }
    exclusion = groups["Arbetsgrupp Ta fram rutin för uteslutning av aktör"]
    seats = {
        m.person.name: m
        for m in exclusion.memberships.select_related("person", "party", "organisation")
    }
    assert seats["Jerker Lindgren"].party.abbreviation == "L"
    assert seats["Thomas Rasmusson"].organisation.name == "Tegelbruket"
    assert "Arbetsgrupp implementering Överenskommelsen" in groups  # from 001's calendar


@needs_seeds
def test_importing_the_seeds_again_changes_nothing(seeds_imported):
    before = row_counts()
    again = [import_path(seed(n)) for n in range(5)]
    assert [o.action for o in again] == ["unchanged"] * 5
    assert [o.meeting for o in again] == [o.meeting for o in seeds_imported]
    assert row_counts() == before


@needs_seeds
@pytest.mark.django_db(transaction=True)  # flush cannot run inside a test transaction on PostgreSQL
def test_the_seeds_in_another_order_give_the_same_people_and_meetings(seeds_imported):
    people = sorted(Person.objects.values_list("name", flat=True))
    dated = sorted(Meeting.objects.values_list("date", "title"), key=str)
    call_command("flush", interactive=False, verbosity=0)
    for number in (4, 2, 0, 3, 1):
        assert import_path(seed(number)).action == "created"
    assert sorted(Person.objects.values_list("name", flat=True)) == people
    assert sorted(Meeting.objects.values_list("date", "title"), key=str) == dated


# ---------------------------------------------------------------------------------------------
# A corrected version
# ---------------------------------------------------------------------------------------------


@needs_seeds
def test_a_corrected_version_updates_the_same_meeting(tmp_path: Path):
    text = seed(0).read_text(encoding="utf-8")
    first = tmp_path / "protokoll.txt"
    first.write_text(
        text.replace(
            "Thomas Rasmusson, Tegelbruket",
            "Thomas Rasmusson, Tegelbruket\nTomas Rasmusen, Tegelbruket",
        ),
        encoding="utf-8",
    )
    created = import_path(first)
    assert created.action == "created"
    assert Person.objects.filter(name="Tomas Rasmusen").exists()
    uid, pk = created.meeting.uid, created.meeting.pk
    planned_before = Meeting.objects.filter(minutes_status=Meeting.MinutesStatus.NONE).count()

    corrected = tmp_path / "protokoll_rättad.txt"
    corrected.write_text(
        text.replace(
            "beslutar att godkänna förslaget", "beslutar att godkänna det reviderade förslaget"
        ),
        encoding="utf-8",
    )
    updated = import_path(corrected)
    assert updated.action == "updated", updated.message
    assert (updated.meeting.pk, updated.meeting.uid) == (pk, uid)
    assert Meeting.objects.filter(date=date(2023, 9, 13)).count() == 1
    assert Decision.objects.get().text.startswith(
        "Samverkansrådet beslutar att godkänna det reviderade"
    )
    assert updated.meeting.agenda_items.count() == 9
    assert updated.meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
    # The misspelt extra person only the first version had is gone, with the seat it made.
    assert not Person.objects.filter(name="Tomas Rasmusen").exists()
    assert updated.counts["people_removed"] == 1
    # The calendar and the carried-over points are not doubled.
    assert (
        Meeting.objects.filter(minutes_status=Meeting.MinutesStatus.NONE).count() == planned_before
    )
    follow_ups = CarriedOverPoint.objects.filter(title="Aktivitetsplanen 2024-2025")
    assert follow_ups.count() == 1
    assert (
        AgendaItem.objects.filter(
            title="Aktivitetsplanen 2024-2025", meeting__date=date(2023, 11, 7)
        ).count()
        == 1
    )
    assert WatchItemUpdate.objects.filter(item__title="Klimatneutrala städer").count() == 1
    # The first version again brings its content back; the corrected one is then unchanged.
    assert import_path(first).action == "updated"
    assert import_path(first).action == "unchanged"


def test_a_corrected_result_with_the_same_checksum_updates_too():
    """The upload page sends the parsed result corrected by hand, with the file's checksum."""
    result = minutes(
        "2023-05-10",
        present=[person("Åsa Öberg", "Örebro Föreningsråd"), person("Åsa Öbrg", "Nya föreningen")],
    )
    assert import_result(result).action == "created"
    assert import_result(dict(result)).action == "unchanged"
    result["agenda_items"] = [item("Välkomna"), item("Nytt", "Tillagt för hand.")]
    result["present"] = result["present"][:1]  # the misspelt duplicate removed by hand
    outcome = import_result(result)
    assert outcome.action == "updated"
    assert outcome.meeting.agenda_items.count() == 2
    assert ImportedDocument.objects.count() == 1
    assert list(Person.objects.values_list("name", flat=True)) == ["Åsa Öberg"]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Örebro Föreningsråd"]
    assert not IdentitySuggestion.objects.exists()


# ---------------------------------------------------------------------------------------------
# Planned meetings, the calendar, hand-written minutes
# ---------------------------------------------------------------------------------------------


def test_a_planned_meeting_gets_its_minutes_and_takes_up_the_open_point():
    feb = minutes(
        "2023-02-14",
        present=[person("Åsa Öberg", "Örebro Föreningsråd")],
        items=[
            item("Remissbevakning", "Punkten bordläggs pga tidsbrist.", tabled=["Remissbevakning"])
        ],
        calendar=[row("2023-04-18", "Samverkansrådet", "16:00", "18:00")],
    )
    assert import_result(feb).action == "created"
    planned = Meeting.objects.get(date=date(2023, 4, 18))
    point = CarriedOverPoint.objects.get()
    assert point.resolved_in.meeting == planned and point.reason == "Lack of time"

    april = minutes(
        "2023-04-18",
        present=[person("Åsa Öberg", "Örebro Föreningsråd")],
        items=[
            item("Mötets öppnande"),
            item("Remissbevakning – hur får civilsamhället veta i tid?", "Beslut."),
        ],
    )
    outcome = import_result(april)
    assert outcome.action == "created"
    assert outcome.meeting.pk == planned.pk  # the planned meeting, not a second one
    point.refresh_from_db()
    assert point.resolved_in.title == "Remissbevakning – hur får civilsamhället veta i tid?"
    assert point.resolved_in.notes == "Beslut."
    assert outcome.meeting.agenda_items.count() == 2
    assert outcome.counts["carried_over_resolved"] == 1


def test_a_calendar_row_listed_by_two_files_is_one_meeting():
    calendar = [
        row("2023-11-07", "Samverkansrådet", "16:30", "18:30"),
        row("2023-12-06", "Val- och informationskväll", "18:00", "20:00"),
    ]
    import_result(minutes("2023-09-13", present=[person("Åsa Öberg")], calendar=calendar))
    second = import_result(
        minutes(
            "2023-10-01",
            present=[person("Åsa Öberg")],
            calendar=[
                row("2023-11-07", "Samverkansrådets möte", "16:30", "18:30"),
                row("2023-12-06", "Valkväll", "18:00", "20:00"),
            ],
        )
    )
    assert second.counts["calendar_existing"] == 2 and second.counts["calendar_created"] == 0
    assert Meeting.objects.filter(date=date(2023, 11, 7)).count() == 1
    assert Meeting.objects.filter(date=date(2023, 12, 6)).count() == 1


def test_minutes_written_in_samverkan_are_never_overwritten():
    council = meetings.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    meeting = meetings.meeting_create(bodies=[council], title="Samverkansrådet", date=date(2023, 5, 10),
                                      start_time=time(16), end_time=time(18))  # fmt: skip
    meetings.minutes_start(meeting=meeting)
    before = row_counts()
    outcome = import_result(minutes("2023-05-10", present=[person("Åsa Öberg")]))
    assert outcome.action == "skipped"
    assert "already has minutes written in Samverkan" in outcome.message
    assert row_counts() == before
    assert not ImportedDocument.objects.exists()


def test_a_notice_gives_a_planned_meeting_with_its_agenda():
    notice = minutes(
        "2024-03-18",
        kind="notice",
        recorded_by=None,
        items=[
            item("Välkomna"),
            item("Aktivitetsplan", "Förslaget presenteras.", types=["beslut"]),
        ],
    )
    outcome = import_result(notice)
    assert outcome.action == "created"
    assert outcome.meeting.minutes_status == Meeting.MinutesStatus.NONE
    assert list(
        outcome.meeting.agenda_items.values_list("title", "item_type", "description", "notes")
    ) == [
        ("Välkomna", "information", "", ""),
        ("Aktivitetsplan", "decision", "Förslaget presenteras.", ""),
    ]


def test_a_notice_never_replaces_minutes_and_brings_the_open_points():
    feb = minutes(
        "2024-02-14",
        present=[person("Åsa Öberg")],
        items=[item("Remissbevakning", tabled=["Remissbevakning"])],
    )
    import_result(feb)
    notice = minutes("2024-03-18", kind="notice", items=[item("Välkomna"), item("Aktivitetsplan")])
    outcome = import_result(notice)
    titles = list(outcome.meeting.agenda_items.values_list("title", flat=True))
    assert titles == ["Välkomna", "Aktivitetsplan", "Remissbevakning"]
    assert CarriedOverPoint.objects.get().resolved_in.meeting == outcome.meeting
    # The minutes of that meeting arrive: they replace the agenda; a notice again is refused.
    assert import_result(minutes("2024-03-18", present=[person("Åsa Öberg")])).action == "updated"
    late = minutes(
        "2024-03-18",
        kind="notice",
        items=[item("Välkomna")],
        name="kallelse-igen.txt",
        place="Annan plats",
    )
    outcome = import_result(late)
    assert outcome.action == "skipped" and "already has minutes" in outcome.message
    assert (
        Meeting.objects.get(date=date(2024, 3, 18)).minutes_status
        == Meeting.MinutesStatus.PUBLISHED
    )


def test_watch_list_words():
    assert (
        watch_status("Detta uppdrag är pausat. Punkten stryks från listan tills vidare.")
        == "struck"
    )
    assert watch_status("Detta uppdrag är pausat.") == "paused"
    assert watch_status("Avslutande fas under våren.") == "final_phase"
    assert watch_status("Projektet är nu avslutat.") == "finished"
    assert watch_status("Rekrytering pågår.") == ""


def test_meeting_titles():
    assert (
        meeting_title(
            {"title": "Minnesanteckningar Samverkansrådet 25 september 2020", "kind": "minutes"}
        )
        == "Samverkansrådet"
    )
    assert (
        meeting_title(
            {"title": "Kallelse Samverkansrådet och C-nätet 30 januari 2024", "kind": "minutes"}
        )
        == "Samverkansrådet och C-nätet"
    )
    assert (
        meeting_title({"title": "Protokoll 2024-02-01", "kind": "minutes", "bodies": ["AU"]})
        == "AU"
    )


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


def test_a_failure_late_in_an_import_leaves_nothing_of_that_file():
    """Meeting, people, seats, attendance and two items are written before the last item's
    impossible due date fails: all of it is rolled back."""
    result = minutes(
        "2023-09-13",
        bodies=["Samverkansrådet", "C-nätet"],
        present=[person("Åsa Öberg", "Örebro Föreningsråd"), person("Göran Ärlig", party="V")],
        items=[
            item("Välkomna", "Välkomna!"),
            item("Beslut", decisions=["Rådet beslutar att säga ja."]),
            item("Övrigt", actions=[action("Åsa Öberg", "ringer runt", due="2023-02-30")]),
        ],
        calendar=[row("2023-11-07", "Samverkansrådet", "16:30", "18:30")],
        watchlist=[
            {"kind": "projekt", "title": "Klimatneutrala städer", "owner": None, "note": None}
        ],
    )
    before = row_counts()
    outcome = import_result(result)
    assert outcome.action == "failed"
    assert "An action item has an impossible date: 2023-02-30" in outcome.message
    assert row_counts() == before
    failed = ImportedDocument.objects.get()
    assert (failed.status, failed.meeting) == (ImportedDocument.Status.FAILED, None)
    assert failed.message == outcome.message
    # Corrected, it imports (the failure is not "unchanged").
    result["agenda_items"][2]["actions"][0]["due"] = "2023-02-28"
    assert import_result(result).action == "created"
    assert ImportedDocument.objects.get().status == ImportedDocument.Status.IMPORTED


def test_an_impossible_item_type_fails_the_whole_file():
    result = minutes(
        "2023-09-13",
        present=[person("Åsa Öberg")],
        items=[item("Välkomna"), item("X", types=["omröstning"])],
    )
    before = row_counts()
    outcome = import_result(result)
    assert outcome.action == "failed" and "unknown type: omröstning" in outcome.message
    assert row_counts() == before


def test_a_document_without_a_date_fails_and_one_that_is_not_minutes_is_skipped():
    no_date = minutes("2023-09-13")
    no_date["date"] = None
    outcome = import_result(no_date)
    assert outcome.action == "failed" and "the document has no date" in outcome.message
    unknown = minutes("2023-09-13", kind="unknown")
    outcome = import_result(unknown)
    assert outcome.action == "skipped"
    assert "is not minutes, a notice or notes from a meeting" in outcome.message
    assert not Meeting.objects.exists()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(MINUTES_PDF_PAGES))))
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_batch_of_bad_files_goes_on_and_leaves_only_the_good_ones(
    tmp_path: Path, documents: Path
):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    shutil.copy(documents / "tom.txt", folder / "a_tom.txt")
    shutil.copy(documents / "skrap.docx", folder / "b_skrap.docx")
    (folder / "c_skannad.pdf").write_bytes(image_only_pdf())
    (folder / "d_krypterad.pdf").write_bytes(encrypted_pdf())
    shutil.copy(documents / "windows1252.txt", folder / "e_windows1252.txt")
    shutil.copy(documents / "inte_protokoll.txt", folder / "f_inte_protokoll.txt")
    out, err = io.StringIO(), io.StringIO()
    call_command(Command(), str(folder), stdout=out, stderr=err)
    lines = dict(line.split(": ", 1) for line in out.getvalue().strip().splitlines())
    assert {Path(k).name: v.split(" – ")[0] for k, v in lines.items()} == {
        "a_tom.txt": "failed",
        "b_skrap.docx": "failed",
        "c_skannad.pdf": "failed",
        "d_krypterad.pdf": "failed",
        "e_windows1252.txt": "created",
        "f_inte_protokoll.txt": "skipped",
    }
    messages = err.getvalue()
    assert "a_tom.txt is empty." in messages
    assert "has no text layer" in messages
    assert "d_krypterad.pdf" in messages
    assert "f_inte_protokoll.txt is not minutes" in messages
    assert "Import done: 1 created, 0 updated, 0 unchanged, 1 skipped, 4 failed" in messages
    # Only the Windows-1252 minutes are in the database, with their letters right.
    meeting = Meeting.objects.get()
    assert meeting.date == date(2019, 3, 14)
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Göran Ärlig", "Åsa Öberg"]
    assert ImportedDocument.objects.filter(status=ImportedDocument.Status.FAILED).count() == 4


def test_the_outcome_of_a_dry_run_and_of_an_import_agree(documents: Path):
    result, readable = extract_path(documents / "protokoll_paragrafer.txt")
    assert readable
    outcome = import_path(documents / "protokoll_paragrafer.txt")
    assert outcome.action == "created"
    assert outcome.document.result == result
    assert outcome.meeting.agenda_items.first().position == 12  # "§ 12" keeps its number
    assert outcome.meeting.bodies.get().kind == BodyKind.EXECUTIVE_COMMITTEE
    substitute = outcome.meeting.attendances.get(person__name="David Dahl")
    assert substitute.substitute_for.name == "Erik Ek"


# ---------------------------------------------------------------------------------------------
# Written together, as the services would write them one by one
# ---------------------------------------------------------------------------------------------


def test_a_person_with_an_account_who_gets_a_seat_gets_the_role_of_the_body():
    """Seats are written together, except where membership_add does more (an account gets
    the role of a council or C-network member)."""
    with_account = meetings.person_create(name="Åsa Öberg", email="asa@example.org")
    outcome = import_result(
        minutes(
            "2023-09-13",
            present=[person("Åsa Öberg", "Örebro Föreningsråd"), person("Göran Ärlig")],
        )
    )
    assert outcome.action == "created"
    assert set(Membership.objects.values_list("person__name", flat=True)) == {
        "Åsa Öberg",
        "Göran Ärlig",
    }
    assert list(with_account.user.groups.values_list("name", flat=True)) == ["council_member"]


def test_points_of_meetings_in_between_keep_their_place_on_the_next_meetings_agenda():
    """point_carry_over brings each point to the next meeting as it is made; a point still
    open from a meeting in between comes between two points of the same document."""
    draft = {"recorded_by": None}  # no one took the minutes: they stay a draft
    april = minutes(  # published: not where points come back
        "2023-04-10", present=[person("Åsa Öberg")], items=[item("Lokaler", tabled=["Lokaler"])]
    )
    may = minutes("2023-05-10", items=[item("Välkomna")], **draft)
    march = minutes(
        "2023-03-01",
        items=[item("Budget", tabled=["Budget", "Stadgar"])],
        **draft,
    )
    for result in (april, may, march):
        assert import_result(result).action == "created"
    agenda = Meeting.objects.get(date=date(2023, 5, 10)).agenda_items.order_by("position")
    assert list(agenda.values_list("title", flat=True)) == [
        "Välkomna",
        "Budget",
        "Lokaler",
        "Stadgar",
    ]
