"""Who is who: each rule of identity.py on its own, then through the importer — sure matches
are used, unsure ones wait for the secretary with their evidence, two people are never merged
silently, and her answers are remembered."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from samverkan.meetings import services as meetings
from samverkan.meetings.models import ActionItem, Attendance, Meeting, Membership, Person
from samverkan.minutes_import.identity import (
    SHORT_FORMS,
    Directory,
    compare_organisation_names,
    compare_person_names,
    identity_preview,
    short_form_pair,
)
from samverkan.minutes_import.importing import import_result
from samverkan.minutes_import.models import (
    IdentityAlias,
    IdentitySuggestion,
    ImportedDocument,
)
from samverkan.minutes_import.services import suggestion_confirm, suggestion_reject
from samverkan.organisations.models import Organisation, OrganisationKind, OrganisationLink
from samverkan.organisations.services import organisation_create, organisation_link_create

from .results import action, item, minutes, person

# ---------------------------------------------------------------------------------------------
# The rules, without the database
# ---------------------------------------------------------------------------------------------


def rule(written: str, known: str) -> str | None:
    comparison = compare_person_names(written, known)
    return comparison.rule if comparison else None


def test_exact_and_normalised_names():
    assert rule("Anna Fogel", "Anna Fogel") == "exact"
    assert rule("Lotta Karlsson Andersson", "Lotta Karlsson-Andersson") == "normalised"
    assert rule("anna  FOGEL", "Anna Fogel") == "normalised"
    assert rule("K-G Granberg", "K G Granberg") == "normalised"


def test_a_swedish_short_form_of_the_first_name():
    comparison = compare_person_names("Lasse Lundberg", "Lars Lundberg")
    assert comparison is not None and comparison.rule == "short_form"
    assert list(comparison.evidence) == ["same surname", "Lasse is a short form of Lars"]
    assert rule("Lars Lundberg", "Lasse Lundberg") == "short_form"  # either way round
    for short, full in [("Kalle", "Karl"), ("Pelle", "Per"), ("Olle", "Olof"), ("Nisse", "Nils"),
                        ("Janne", "Jan"), ("Micke", "Mikael"), ("Jocke", "Joakim"),
                        ("Bosse", "Bo"), ("Lotta", "Charlotte"), ("Maggan", "Margareta"),
                        ("Kicki", "Kristina"), ("Lena", "Helena"), ("Lena", "Magdalena"),
                        ("Stina", "Kristina"), ("Anki", "Anna"), ("Fia", "Sofia")]:  # fmt: skip
        assert short_form_pair(short, full) == (short, full), short


def test_only_real_short_forms_are_listed():
    """Tove, Ola and Mats are names of their own; no short form is also a full name in the
    table, and two different full names are never each other's short form."""
    assert "tove" not in SHORT_FORMS and "ola" not in SHORT_FORMS and "mats" not in SHORT_FORMS
    fulls = {full for forms in SHORT_FORMS.values() for full in forms}
    assert not set(SHORT_FORMS) & fulls
    assert short_form_pair("Anna", "Anne") is None
    assert rule("Tove Rosin", "Tova Rosin") is None  # two names, both real: not a misspelling


def test_a_shortened_double_surname():
    comparison = compare_person_names("Tina Fingal", "Tina Fingal Swens")
    assert comparison is not None and comparison.rule == "double_surname"
    assert "Fingal is part of the surname Fingal Swens" in comparison.evidence
    assert rule("Madelen Semenets", "Madelen Spinord Semenets") == "double_surname"
    assert rule("Lotta Karlsson", "Lotta Karlsson-Andersson") == "double_surname"


def test_a_small_misspelling_relative_to_the_length():
    comparison = compare_person_names("Magnus Åsthalm", "Magnus Åstholm")
    assert comparison is not None and comparison.rule == "misspelling"
    assert "one letter differs: Åsthalm ~ Åstholm" in comparison.evidence
    assert rule("Cecilia Hammarström", "Cecilia Hamarstrom") == "misspelling"  # two of 11
    assert rule("Eva Ek", "Eva Ak") is None  # too short to tell a misspelling from a name


def test_initials_and_a_first_name_alone():
    assert rule("Anna F", "Anna Fogel") == "initial"
    assert rule("Anna F.", "Anna Fogel") == "initial"
    assert rule("A. Fogel", "Anna Fogel") == "initial"
    assert rule("Anna", "Anna Fogel") == "first_name"
    assert rule("Lasse", "Lars Lundberg") == "first_name"


def test_similar_but_different_people_are_not_similar_at_all():
    assert rule("Anna Fogel", "Anna Fagerberg") is None
    assert rule("Lasse Lindberg", "Lars Lundberg") is None  # two differences at once
    assert rule("Anna Fogel", "Anne Fogel") is None
    # Not a known pair of names: only a misspelling, which is never sure (a suggestion).
    assert rule("Maria Haglund", "Mario Haglund") == "misspelling"


def test_organisation_names():
    def org_rule(a: str, b: str) -> str | None:
        comparison = compare_organisation_names(a, b)
        return comparison.rule if comparison else None

    assert org_rule("Betlehems kyrkan", "Betlehemskyrkan") == "normalised"
    assert (
        org_rule("Kultur och fritidsförvaltningen", "Kultur- och fritidsförvaltningen")
        == "normalised"
    )
    assert org_rule("Folkets hus Vintrosa", "Vintrosa Folkets hus") == "word_order"
    assert org_rule("RFSL", "RFSL Örebro") == "longer_name"
    assert org_rule("Studieförbundet Vuxenskolan", "Studieförbundet Vuxenskoln") == "misspelling"
    assert org_rule("Svenska Freds", "Svenska kyrkan") is None


# ---------------------------------------------------------------------------------------------
# Through the importer
# ---------------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def attendee(day: str, name: str) -> Attendance:
    return Attendance.objects.select_related("person", "organisation").get(
        meeting__date=day, person__name=name
    )


def import_ok(result: dict):
    outcome = import_result(result)
    assert outcome.action in ("created", "updated"), outcome.message
    return outcome


def test_a_short_form_with_the_same_organisation_is_sure():
    import_ok(minutes("2023-01-10", present=[person("Lars Lundberg", "Almby IK")]))
    outcome = import_ok(minutes("2023-02-10", present=[person("Lasse Lundberg", "Almby IK")]))
    assert outcome.suggestions == []
    assert Person.objects.filter(name__endswith="Lundberg").count() == 1
    assert attendee("2023-02-10", "Lars Lundberg").organisation.name == "Almby IK"


def test_a_short_form_without_context_waits_for_review_on_a_provisional_person():
    import_ok(minutes("2023-01-10", present=[person("Lars Lundberg", "Almby IK")]))
    outcome = import_ok(minutes("2023-02-10", present=[person("Lasse Lundberg", "Brf Solen")]))
    (suggestion,) = outcome.suggestions
    assert suggestion.text == "Lasse Lundberg"
    assert suggestion.candidate_person.name == "Lars Lundberg"
    assert suggestion.provisional_person.name == "Lasse Lundberg"
    assert suggestion.evidence == ["same surname", "Lasse is a short form of Lars"]
    assert suggestion.status == IdentitySuggestion.Status.PENDING
    assert outcome.document.status == ImportedDocument.Status.NEEDS_REVIEW
    assert attendee("2023-02-10", "Lasse Lundberg").person == suggestion.provisional_person


def test_a_shortened_double_surname_with_the_same_organisation_is_sure():
    import_ok(minutes("2023-01-10", present=[person("Tina Fingal Swens", "Örebro Föreningsråd")]))
    outcome = import_ok(
        minutes(
            "2023-02-10",
            present=[person("Tina Fingal", "Örebro Föreningsråd", role="vice ordförande")],
        )
    )
    assert outcome.suggestions == []
    assert attendee("2023-02-10", "Tina Fingal Swens").role == "vice_chair"


def test_a_misspelling_is_never_sure_even_with_the_same_organisation():
    import_ok(minutes("2020-09-01", present=[person("Magnus Åstholm", "Tegelbruket")]))
    outcome = import_ok(minutes("2020-09-25", present=[person("Magnus Åsthalm", "Tegelbruket")]))
    (suggestion,) = outcome.suggestions
    assert suggestion.evidence == [
        "same first name",
        "one letter differs: Åsthalm ~ Åstholm",
        "same organisation: Tegelbruket",
    ]
    assert Person.objects.filter(name__startswith="Magnus Åst").count() == 2


def test_two_different_people_with_similar_names_are_not_merged_silently():
    import_ok(
        minutes(
            "2023-01-10",
            present=[
                person("Anna Fogel", "Kommunledningsförvaltningen"),
                person("Lars Lundberg", "Almby IK"),
            ],
        )
    )
    outcome = import_ok(
        minutes(
            "2023-02-10",
            present=[person("Anna Fagerberg", "Tegelbruket"), person("Lars Lindberg", "Almby IK")],
        )
    )
    assert {p.name for p in Person.objects.all()} == {
        "Anna Fogel",
        "Lars Lundberg",
        "Anna Fagerberg",
        "Lars Lindberg",
    }
    # Fagerberg is nothing like Fogel; Lindberg looks like Lundberg, so the secretary is asked.
    (suggestion,) = outcome.suggestions
    assert (suggestion.text, suggestion.candidate_person.name) == ("Lars Lindberg", "Lars Lundberg")
    assert "one letter differs: Lindberg ~ Lundberg" in suggestion.evidence
    assert attendee("2023-02-10", "Lars Lindberg").person.name == "Lars Lindberg"


def test_two_names_in_one_attendance_list_are_two_people():
    import_ok(minutes("2023-01-10", present=[person("Lars Lundberg", "Almby IK")]))
    outcome = import_ok(
        minutes(
            "2023-02-10",
            present=[person("Lars Lundberg", "Almby IK"), person("Lasse Lundberg", "Almby IK")],
        )
    )
    assert outcome.suggestions == []
    assert Meeting.objects.get(date="2023-02-10").attendances.count() == 2


def test_initials_and_first_names_of_action_owners_need_one_fitting_person_in_the_document():
    result = minutes(
        "2020-09-25",
        present=[
            person("Anna Fogel", "Kommunstyrelseförvaltningen"),
            person("Tina Fingal Swens", "Örebro Föreningsråd"),
        ],
        items=[
            item(
                "Samverkan med digitala verktyg",
                actions=[
                    action("Anna F", "skapar ett team och bjuder in"),
                    action("Tina", "bokar möte med kommunikatör"),
                    action("Anna och Tina F.", "skriver texten"),
                    action("AU", "återkommer med förslag på datum"),
                ],
            )
        ],
    )
    import_ok(result)
    owners = [
        (a.owner.name if a.owner else None, a.owner_text) for a in ActionItem.objects.order_by("pk")
    ]
    assert owners == [
        ("Anna Fogel", ""),
        ("Tina Fingal Swens", ""),
        (None, "Anna och Tina F."),
        (None, "AU"),
    ]


def test_an_initial_fitting_two_people_stays_as_written():
    result = minutes(
        "2020-09-25",
        present=[person("Anna Fogel", "KLF"), person("Anna Fredriksson", "KFF")],
        items=[item("Teams", actions=[action("Anna F", "skapar ett team")])],
    )
    import_ok(result)
    created = ActionItem.objects.get()
    assert (created.owner, created.owner_text) == (None, "Anna F")


def test_a_department_under_its_former_name_follows_its_renames_to_the_meeting_date():
    former = organisation_create(
        name="Kommunstyrelseförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    current = organisation_create(
        name="Kommunledningsförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    organisation_link_create(
        predecessor=former,
        successor=current,
        kind=OrganisationLink.Kind.RENAMED,
        on=date(2023, 1, 1),
    )
    import_ok(
        minutes(
            "2020-09-25",
            bodies=["C-nätet"],
            present=[person("Anna Fogel", "Kommunstyrelseförvaltningen", group="C-nätet")],
        )
    )
    import_ok(
        minutes(
            "2023-09-13",
            bodies=["C-nätet"],
            present=[person("Anna Fogel", "Kommunstyrelseförvaltningen", group="C-nätet")],
        )
    )
    assert attendee("2020-09-25", "Anna Fogel").organisation == former
    assert attendee("2023-09-13", "Anna Fogel").organisation == current
    directory = Directory()
    resolution = directory.resolve_organisation("Kommunstyrelseförvaltningen", on=date(2024, 1, 30))
    assert (
        resolution.sure and resolution.match_id == current.pk and resolution.rule == "former_name"
    )
    assert resolution.evidence == [
        "Kommunstyrelseförvaltningen was renamed Kommunledningsförvaltningen on 1 January 2023"
    ]
    assert Organisation.objects.count() == 2


def test_organisations_by_normalised_name_and_word_order():
    import_ok(
        minutes(
            "2022-04-20",
            present=[
                person("Reidun Karlsson", "Betlehems kyrkan"),
                person("K-G Granberg", "Folkets hus Vintrosa"),
            ],
        )
    )
    import_ok(
        minutes(
            "2024-01-30",
            present=[
                person("Reidun Karlsson", "Betlehemskyrkan"),
                person("Anders Holm", "Vintrosa Folkets hus"),
            ],
        )
    )
    assert set(Organisation.objects.values_list("name", flat=True)) == {
        "Betlehems kyrkan",
        "Folkets hus Vintrosa",
    }


def test_a_similar_organisation_is_sure_when_the_person_is_sure_and_has_represented_it():
    import_ok(minutes("2020-09-25", absent=[person("Oscar Undevall", "RFSL Örebro")]))
    outcome = import_ok(minutes("2022-04-20", absent=[person("Oscar Undevall", "RFSL")]))
    assert outcome.suggestions == []
    assert attendee("2022-04-20", "Oscar Undevall").organisation.name == "RFSL Örebro"
    outcome = import_ok(minutes("2022-06-01", absent=[person("Karin Ek", "RFSL")]))
    (suggestion,) = outcome.suggestions
    assert suggestion.kind == "organisation"
    assert suggestion.evidence == ["RFSL Örebro is RFSL with one more word (Örebro)"]


# ---------------------------------------------------------------------------------------------
# The secretary's answers
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def unsure() -> IdentitySuggestion:
    """Lars Lundberg is known; minutes name "Lasse Lundberg" of another club, with a task."""
    import_ok(minutes("2023-01-10", present=[person("Lars Lundberg", "Almby IK")]))
    outcome = import_ok(
        minutes(
            "2023-02-10",
            present=[person("Lasse Lundberg", "Brf Solen")],
            items=[item("Karta", actions=[action("Lasse", "ritar kartan")])],
        )
    )
    (suggestion,) = outcome.suggestions
    return suggestion


def test_confirming_moves_the_data_and_removes_the_provisional_person(unsure):
    provisional = unsure.provisional_person
    known = unsure.candidate_person
    suggestion_confirm(suggestion=unsure, actor=None)
    unsure.refresh_from_db()
    assert unsure.status == IdentitySuggestion.Status.CONFIRMED and unsure.decided_at
    assert not Person.objects.filter(pk=provisional.pk).exists()
    assert attendee("2023-02-10", "Lars Lundberg").person == known
    assert ActionItem.objects.get().owner == known
    assert Membership.objects.filter(person=known).count() == 1  # his seat already covered it
    assert unsure.document.__class__.objects.get(pk=unsure.document_id).status == "imported"
    assert IdentityAlias.objects.get(text="lasse lundberg").person == known
    with pytest.raises(ValidationError, match="already been answered"):
        suggestion_reject(suggestion=unsure, actor=None)


def test_the_confirmed_answer_is_used_on_the_next_import(unsure):
    suggestion_confirm(suggestion=unsure, actor=None)
    outcome = import_ok(minutes("2023-03-10", present=[person("Lasse Lundberg")]))
    assert outcome.suggestions == []
    assert attendee("2023-03-10", "Lars Lundberg")


def test_rejecting_keeps_the_person_and_is_remembered(unsure):
    provisional = unsure.provisional_person
    suggestion_reject(suggestion=unsure, actor=None)
    assert Person.objects.filter(pk=provisional.pk).exists()
    assert IdentityAlias.objects.get(text="lasse lundberg").person == provisional
    outcome = import_ok(minutes("2023-03-10", present=[person("Lasse Lundberg", "Almby IK")]))
    assert outcome.suggestions == []  # never asked again
    assert attendee("2023-03-10", "Lasse Lundberg").person == provisional
    # A rejected pair is not suggested again for that text, whatever else is written.
    directory = Directory()
    directory.aliases.clear()
    directory.people_by_key.pop("lasse lundberg")
    directory.people.pop(provisional.pk)
    assert directory.resolve_person("Lasse Lundberg").is_new


def test_one_answer_answers_the_same_question_from_other_documents(unsure):
    again = import_ok(minutes("2023-03-10", present=[person("Lasse Lundberg", "Brf Solen")]))
    (copy,) = again.suggestions
    assert copy.provisional_person == unsure.provisional_person and copy.pk != unsure.pk
    suggestion_confirm(suggestion=copy, actor=None)
    assert set(IdentitySuggestion.objects.values_list("status", flat=True)) == {"confirmed"}
    assert set(ImportedDocument.objects.values_list("status", flat=True)) == {"imported"}
    assert Meeting.objects.get(date="2023-03-10").attendances.get().person.name == "Lars Lundberg"


def test_confirming_two_people_of_the_same_meeting_is_refused(unsure):
    meeting = Meeting.objects.get(date="2023-02-10")
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.DRAFT)
    meeting.refresh_from_db()
    meetings.attendance_record(meeting=meeting, person=unsure.candidate_person, status="present")
    with pytest.raises(ValidationError, match="two different people"):
        suggestion_confirm(suggestion=unsure, actor=None)
    assert Person.objects.filter(pk=unsure.provisional_person_id).exists()


def test_confirming_an_organisation_moves_seats_and_attendance():
    import_ok(minutes("2020-09-25", absent=[person("Oscar Undevall", "RFSL Örebro")]))
    outcome = import_ok(minutes("2022-06-01", absent=[person("Karin Ek", "RFSL")]))
    (suggestion,) = outcome.suggestions
    suggestion_confirm(suggestion=suggestion, actor=None)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["RFSL Örebro"]
    assert attendee("2022-06-01", "Karin Ek").organisation.name == "RFSL Örebro"


def test_the_preview_resolves_without_writing():
    import_ok(minutes("2023-01-10", present=[person("Lars Lundberg", "Almby IK")]))
    before = (Person.objects.count(), Organisation.objects.count())
    resolutions = identity_preview(
        minutes(
            "2023-02-10",
            present=[person("Lasse Lundberg", "Almby IK"), person("Ny Person", "Ny förening")],
        )
    )
    found = {(r.kind, r.text): r for r in resolutions}
    assert found[("person", "Lasse Lundberg")].sure
    assert found[("person", "Lasse Lundberg")].rule == "short_form"
    assert found[("person", "Ny Person")].is_new
    assert found[("organisation", "Almby IK")].rule == "exact"
    assert (Person.objects.count(), Organisation.objects.count()) == before


# ---------------------------------------------------------------------------------------------
# Looking among the people with a related first name only
# ---------------------------------------------------------------------------------------------


class EveryoneDirectory(Directory):
    """The reference: compares a name with every known person and organisation."""

    def _similar_first_names(self, name: str) -> set[int]:
        return set(self.people)

    def _similar_organisations(self, text: str, key: str) -> set[int]:
        return set(self.organisations)


KNOWN = [
    "Anna Fogel", "Anna F", "A Fogel", "Ann Fogel", "Annika Fogel-Berg", "Lars Lundberg",
    "Lasse Lundberg", "Lars Lindberg", "Kristina Modin", "Tina Fingal Swens", "Tina Fingal",
    "Christina Weckström", "Camilla Weckström", "Camila Weckström", "Per Åstholm",
    "Pelle Åsthalm", "Magnus Åstholm", "Lotta Karlsson-Andersson", "Charlotte Karlsson",
    "K-G Granberg", "K G Granberg", "Karl-Gustav Granberg", "Mia", "Maria Haglund",
    "Marie Haglund", "J. Lindgren", "Jerker Lindgren", "Ida Andersson", "Ida Andersson",
    "Olle Olofsson", "Olof Olofsson", "Fredrik Ek", "Fredde Ek", "Erik Ek", "Eric Ek",
]  # fmt: skip
WRITTEN = [
    *KNOWN, "ANNA FOGEL", "anna fogel", "Anna Fogell", "Anna", "Lasse Lindberg",
    "Lars Lundbergh", "Kicki Modin", "Stina Modin", "Tina Fingal-Swens", "Kristina Weckström",
    "Peter Åstholm", "P Åstholm", "Lotta Karlsson Andersson", "Charlotta Karlsson",
    "KG Granberg", "Karl Gustav Granberg", "Mia Haglund", "Maria  Haglund", "Jerker L",
    "J Lindgren", "Ida Anderson", "Olov Olofsson", "Fredde Eek", "Erik Ekk", "Zlatan Ek",
    "Åsa Öberg", "Åse Öberg", "Ásta Öberg",
]  # fmt: skip


@pytest.mark.django_db
def test_looking_only_among_related_first_names_finds_what_looking_among_everyone_finds():
    fast, everyone = Directory(), EveryoneDirectory()
    for pk, name in enumerate(KNOWN, start=1):
        for directory in (fast, everyone):
            directory.person_added(Person(pk=pk, name=name))
            directory.note_representation(pk, pk % 4 or None, "M" if pk % 5 == 0 else None)
    compared = 0
    for name in WRITTEN:
        for organisations, party, taken in (((), None, ()), ((2, 3), "M", (1, 12))):
            kwargs = {"organisation_ids": organisations, "party": party, "taken": taken}
            assert fast.resolve_person(name, **kwargs) == everyone.resolve_person(name, **kwargs)
            compared += 1
    # The same after a person is renamed and another added with a new first name.
    for directory in (fast, everyone):
        directory.person_renamed(Person(pk=11, name="Tina Fingal Swensson"), "Tina Fingal")
        directory.person_added(Person(pk=99, name="Zlatana Ek"))
    for name in WRITTEN:
        assert fast.resolve_person(name) == everyone.resolve_person(name)
    assert compared == 2 * len(WRITTEN)


ORGANISATIONS = [
    "RFSL Örebro", "RFSL", "Örebro RFSL län", "Betlehemskyrkan", "Betlehems kyrkan",
    "Folkets hus Vintrosa", "Vintrosa Folkets hus", "Kultur- och fritidsförvaltningen",
    "Kultur och fritidsförvaltningen", "Kultur- och fritidsnämnden", "Örebro Föreningsråd",
    "Örebro föreningsråd Ideell", "Örebro Föreningsrad", "Stiftelsen Activa",
    "Stiftelsen Aktiva", "Activa", "Studieförbundet Vuxenskolan", "Studieförbundet Vuxenskola",
    "Vuxenskolan", "Socialförvaltningen", "Socialforvaltningen", "Social förvaltningen",
    "IK Sturehov", "Sturehov IK", "IFK Örebro", "BK Forward", "Forward BK Örebro",
    "Almby IK", "Almby", "Tegelbruket", "Tegelbrucket", "Kommunledningsförvaltningen",
    "Kommunledningsforvaltningen", "Förskole- och grundskoleförvaltningen",
]  # fmt: skip
WRITTEN_ORGANISATIONS = [
    *ORGANISATIONS, "rfsl örebro", "RFSL Örebro län", "Betlehemskyrka", "Folkets Hus",
    "Kultur och fritidsförvaltning", "Örebro Föreningsrådet", "Stiftelsen Activ",
    "Studieförbundet Vuxenskolan Örebro", "Socialförvaltningen Örebro", "Sturehov",
    "IFK Örebro Fotboll", "Forward", "Almby IK Örebro", "Tegelbrukets", "Kommunledning",
    "Förskole och grundskoleförvaltningen", "Grundskoleförvaltningen", "Okänd förening",
    "x", "",
]  # fmt: skip


@pytest.mark.django_db
def test_looking_only_among_organisations_sharing_words_or_letters_finds_what_looking_among_all_finds():
    fast, everyone = Directory(), EveryoneDirectory()
    for pk, name in enumerate(ORGANISATIONS, start=1):
        for directory in (fast, everyone):
            directory.organisation_added(Organisation(pk=pk, name=name))
    for name in WRITTEN_ORGANISATIONS:
        assert fast.resolve_organisation(name) == everyone.resolve_organisation(name), name
    # The same once the index is made and more are added.
    for directory in (fast, everyone):
        directory.organisation_added(Organisation(pk=99, name="Örebro Föreningsråd Ungdom"))
        directory.organisation_added(Organisation(pk=100, name="Tegelbruket Kultur"))
    for name in WRITTEN_ORGANISATIONS:
        assert fast.resolve_organisation(name) == everyone.resolve_organisation(name), name
    similar = [n for n in WRITTEN_ORGANISATIONS if everyone.resolve_organisation(n).candidate_id]
    assert len(similar) >= 8  # the names above exercise the similar rules
