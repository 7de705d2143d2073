"""Several documents in one run (runs.ImportRun): what the run keeps between documents is what
a document imported on its own would read, and the search index is right at the end."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from samverkan.meetings import services as meetings
from samverkan.meetings.models import BodyKind, Decision, Meeting, Person
from samverkan.minutes_import.demo import shift_text
from samverkan.minutes_import.extraction import extract_bytes, extract_path
from samverkan.minutes_import.identity import Directory
from samverkan.minutes_import.importing import import_result
from samverkan.minutes_import.runs import ImportRun
from samverkan.search import index as search_index
from samverkan.search.models import SearchEntry

from .results import action, item, minutes, person
from .test_seeds import SEEDS

pytestmark = pytest.mark.django_db


def directory_state(directory: Directory) -> tuple:
    """What identity resolution reads from a directory."""
    return (
        {
            pk: (known.name, frozenset(known.organisation_ids), frozenset(known.parties))
            for pk, known in directory.people.items()
        },
        {key: sorted(pks) for key, pks in directory.people_by_key.items() if pks},
        {pk: known.name for pk, known in directory.organisations.items()},
        {key: sorted(pks) for key, pks in directory.organisations_by_key.items() if pks},
        {key: sorted(pks) for key, pks in directory.organisations_by_words.items() if pks},
        dict(directory.aliases),
        set(directory.rejected),
        set(directory.pending),
    )


def the_run_directory(run: ImportRun) -> Directory:
    with transaction.atomic():
        return run.directory()


def fresh_directory() -> Directory:
    with transaction.atomic():
        return Directory()


def documents() -> list[dict]:
    """The seeds and the demo's minutes, twice (the second time some years on)."""
    from samverkan.minutes_import.demo import DOCUMENTS

    paths = sorted(SEEDS.glob("*.txt")) + sorted(DOCUMENTS.iterdir())
    results = []
    for years in (0, 3):
        for path in paths:
            text = shift_text(path.read_text(encoding="utf-8"), years)
            result, readable = extract_bytes(text.encode("utf-8"), filename=path.name)
            assert readable
            results.append(result)
    return results


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not here")
def test_the_run_knows_after_each_document_what_reading_the_database_again_would_give():
    with ImportRun() as run:
        for result in documents():
            outcome = import_result(result, run=run)
            assert outcome.action in ("created", "updated", "skipped"), outcome.message
            assert directory_state(the_run_directory(run)) == directory_state(fresh_directory()), (
                outcome.file
            )


def test_a_person_added_in_samverkan_during_a_run_is_found_by_the_next_document():
    with ImportRun() as run:
        import_result(minutes("2023-09-13", present=[person("Åsa Öberg")]), run=run)
        meetings.person_create(name="Bertil Nyström")  # by the secretary, meanwhile
        outcome = import_result(
            minutes("2023-10-11", present=[person("Åsa Öberg"), person("Bertil Nyström")]),
            run=run,
        )
    assert outcome.counts["people_matched"] == 2
    assert outcome.counts["people_created"] == 0
    assert Person.objects.filter(name="Bertil Nyström").count() == 1


def test_a_failed_document_leaves_nothing_behind_in_the_run_either():
    """The failed document made a person before it failed; the next document of the run does
    not take that person (who was rolled back) for known."""
    failing = minutes(
        "2023-09-13",
        present=[person("Göran Ärlig", party="V")],
        items=[item("Övrigt", actions=[action("Göran Ärlig", "ringer runt", due="2023-02-30")])],
    )
    with ImportRun() as run:
        assert import_result(failing, run=run).action == "failed"
        outcome = import_result(minutes("2023-10-11", present=[person("Göran Ärlig")]), run=run)
    assert outcome.action == "created", outcome.message
    assert outcome.counts["people_created"] == 1
    assert Person.objects.get().name == "Göran Ärlig"


def index() -> list[tuple]:
    return sorted(
        SearchEntry.objects.values_list("kind", "object_pk", "title", "text", "path", "date")
    )


@pytest.fixture
def public_meeting() -> Meeting:
    """A public meeting planned in Samverkan: the minutes imported for it are searchable."""
    council = meetings.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    return meetings.meeting_create(
        bodies=[council],
        title="Samverkansrådet",
        date=date(2023, 9, 13),
        start_time=time(16),
        end_time=time(18),
        visibility=Meeting.Visibility.PUBLIC,
    )


def september(decision: str) -> dict:
    return minutes(
        "2023-09-13",
        present=[person("Åsa Öberg", "Örebro Föreningsråd")],
        items=[item("Aktivitetsplan", "Förslaget presenteras.", decisions=[decision])],
        watchlist=[
            {"kind": "projekt", "title": "Klimatneutrala städer", "owner": None, "note": "Pågår."}
        ],
    )


def test_the_search_index_after_a_run_is_what_rebuilding_it_gives(public_meeting):
    with ImportRun() as run:
        first = import_result(september("Rådet beslutar att anta planen."), run=run)
    assert first.action == "created" and first.meeting == public_meeting
    kinds = {kind for kind, *_rest in index()}
    assert {"meeting", "decision", "watch_item"} <= kinds
    after_run = index()
    search_index.rebuild()
    assert index() == after_run

    # A corrected version replaces the decision: the old one leaves the index.
    with ImportRun() as run:
        corrected = import_result(september("Rådet beslutar att anta den nya planen."), run=run)
    assert corrected.action == "updated"
    (decision,) = Decision.objects.all()
    decisions = [row for row in index() if row[0] == "decision"]
    assert [(row[1], row[3]) for row in decisions] == [(str(decision.pk), decision.text)]
    after_run = index()
    search_index.rebuild()
    assert index() == after_run


def test_running_an_interrupted_batch_again_brings_the_search_index_up_to_date(public_meeting):
    with search_index.paused():
        # A run that stops before its end (the process is killed): documents are saved, the
        # index is not told.
        interrupted = ImportRun()
        assert import_result(september("Beslut."), run=interrupted).action == "created"
    assert not SearchEntry.objects.filter(kind="decision").exists()
    with ImportRun() as run:
        assert import_result(september("Beslut."), run=run).action == "unchanged"
    after_run = index()
    assert any(row[0] == "decision" for row in after_run)
    search_index.rebuild()
    assert index() == after_run


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not here")
def test_a_meeting_with_23_people_nine_items_and_a_calendar_takes_few_queries():
    """Seed 000 again, some years on, when its people and organisations are known: rows are
    read and written per kind, not one by one (it took some 570 queries)."""
    path = next(SEEDS.glob("000_*.txt"))
    with ImportRun() as run:
        first, _readable = extract_path(path)
        assert import_result(first, run=run).action == "created"
        text = shift_text(path.read_text(encoding="utf-8"), 4)
        again, _readable = extract_bytes(text.encode("utf-8"), filename=path.name)
        with CaptureQueriesContext(connection) as queries:
            outcome = import_result(again, run=run)
    assert outcome.action == "created", outcome.message
    assert (outcome.counts["people_matched"], outcome.counts["agenda_items"]) == (23, 9)
    assert len(queries) <= 200, len(queries)
