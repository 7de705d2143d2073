"""The catalogue's services: every rule refuses bad input with a message for the right field,
and a refused change leaves nothing behind."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from samverkan.collaboration_map import services
from samverkan.collaboration_map.models import (
    CatalogueChange,
    ContactLink,
    ContactPoint,
    ContactPointKind,
    LadderStep,
    LinkKind,
    Theme,
    Want,
)
from samverkan.meetings import services as meetings_services
from samverkan.meetings.models import BodyKind
from samverkan.organisations.models import OrganisationKind
from samverkan.organisations.services import organisation_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def messages_of(error: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return error.value.message_dict


# --- Themes -----------------------------------------------------------------------------------


def test_a_theme_gets_a_short_name_and_a_swedish_sort_key(secretary):
    theme = services.theme_create(name="  Äldre   och anhöriga ", actor=secretary)
    assert theme.name == "Äldre och anhöriga"
    assert theme.slug == "aldre-och-anhoriga"
    other = services.theme_create(name="Övrigt")
    zebra = services.theme_create(name="Zebra")
    assert [t.name for t in Theme.objects.all()] == ["Zebra", "Äldre och anhöriga", "Övrigt"]
    assert other.slug == "ovrigt" and zebra.slug == "zebra"
    assert CatalogueChange.objects.filter(description__contains="Äldre och anhöriga").exists()


def test_a_theme_name_is_unique_whatever_the_case_and_markup_is_refused(themes):
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="IDROTT")
    assert messages_of(error)["name"] == ["Det finns redan ett tema som heter IDROTT."]
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="Kultur", slug="idrott")
    assert "används redan" in messages_of(error)["slug"][0]
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="<b>Fet</b>")
    assert "HTML" in messages_of(error)["name"][0]
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="   ")
    assert messages_of(error)["name"] == ["Skriv temats namn."]
    assert Theme.objects.count() == 3


def test_renaming_and_removing_a_theme(themes, catalogue):
    theme = services.theme_update(theme=themes["idrott"], name="Idrott och fritid")
    assert theme.slug == "idrott"
    assert catalogue.entry.themes.get() == theme
    services.theme_delete(theme=theme)
    assert not catalogue.entry.themes.exists()
    assert ContactPoint.objects.filter(pk=catalogue.entry.pk).exists()


# --- Contact points ---------------------------------------------------------------------------


def test_creating_a_contact_point_normalises_its_lists_and_records_who_did_it(secretary, themes):
    point = services.contact_point_create(
        name="Handläggarteam   kulturbidrag",
        kind=ContactPointKind.HANDLING_TEAM,
        purpose="Kulturbidrag.",
        themes=[themes["idrott"]],
        organisation_kinds=[OrganisationKind.STUDY_ASSOCIATION, OrganisationKind.ASSOCIATION],
        offers=[Want.GRANT, Want.INFORMATION, Want.GRANT],
        actor=secretary,
    )
    assert point.name == "Handläggarteam kulturbidrag"
    assert point.slug == "handlaggarteam-kulturbidrag"
    assert point.organisation_kinds == ["association", "study_association"]
    assert point.offers == ["information", "grant"]
    assert point.is_active
    change = CatalogueChange.objects.get(contact_point=point)
    assert change.actor == secretary
    same_name = services.contact_point_create(
        name="Handläggarteam kulturbidrag", kind=ContactPointKind.HANDLING_TEAM
    )
    assert same_name.slug == "handlaggarteam-kulturbidrag-2"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Skriv kontaktytans namn."),
        ({"kind": "castle"}, "kind", "Välj vilken typ av kontaktyta det är."),
        ({"purpose": "<script>alert(1)</script>"}, "purpose", "HTML"),
        ({"description": "Klicka <a href='x'>här</a>"}, "description", "HTML"),
        ({"website": "javascript:alert(1)"}, "website", "giltig URL"),
        ({"email": "inte-en-adress"}, "email", "e-postadress"),
        ({"organisation_kinds": ["club"]}, "organisation_kinds", "Välj typer av organisationer"),
        ({"offers": ["money"]}, "offers", "Välj i listan"),
        ({"name": "x" * 201}, "name", "som mest 200 tecken"),
        ({"slug": "samverkansradet"}, "slug", "Kortnamnet samverkansradet används redan"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(
    catalogue, fields, field, message
):
    before = (ContactPoint.objects.count(), CatalogueChange.objects.count())
    data = {"name": "Nytt forum", "kind": ContactPointKind.FORUM, "purpose": "Ett forum."}
    data.update(fields)
    with pytest.raises(ValidationError) as error:
        services.contact_point_create(themes=[catalogue.themes["idrott"]], **data)
    assert field in messages_of(error), messages_of(error)
    assert message in " ".join(messages_of(error)[field])
    assert (ContactPoint.objects.count(), CatalogueChange.objects.count()) == before


def test_all_errors_are_reported_at_once(db):
    with pytest.raises(ValidationError) as error:
        services.contact_point_create(name="<i>x</i>", kind="castle", email="nej", offers=["money"])
    assert set(messages_of(error)) >= {"name", "kind", "email", "offers"}


def test_a_refused_update_changes_nothing(catalogue):
    entry = catalogue.entry
    with pytest.raises(ValidationError):
        services.contact_point_update(
            contact_point=entry,
            name="Nytt namn",
            purpose="<b>fet</b>",
            themes=[catalogue.themes["krisberedskap"]],
        )
    entry.refresh_from_db()
    assert entry.name == "Kultur- och fritidsförvaltningens ingång"
    assert list(entry.themes.all()) == [catalogue.themes["idrott"]]


def test_the_owner_must_be_a_municipal_department(catalogue):
    club = organisation_create(name="Vinterö IF", kind=OrganisationKind.ASSOCIATION)
    with pytest.raises(ValidationError) as error:
        services.contact_point_update(contact_point=catalogue.house, owner=club)
    assert "inte Vinterö IF" in messages_of(error)["owner"][0]
    services.contact_point_update(contact_point=catalogue.house, owner=catalogue.department)


def test_a_body_is_adopted_once_and_keeps_its_address(catalogue, secretary):
    with pytest.raises(ValidationError) as error:
        services.contact_point_create_from_body(body=catalogue.council_body)
    assert "visas redan som kontaktytan Samverkansrådet" in messages_of(error)["body"][0]
    with pytest.raises(ValidationError):
        services.contact_point_update(contact_point=catalogue.entry, body=catalogue.council_body)
    network = services.contact_point_create_from_body(body=catalogue.network_body, actor=secretary)
    assert (network.name, network.slug, network.kind) == ("C-nätet", "c-natet", "forum")
    assert network.purpose == "En kontaktperson från varje förvaltning."


def test_a_body_whose_address_is_taken_gets_another(catalogue):
    services.contact_point_create(name="C-nätet", slug="c-natet", kind=ContactPointKind.NETWORK)
    adopted = services.contact_point_create_from_body(body=catalogue.network_body)
    assert adopted.slug == "c-natet-2"


def test_deactivating_keeps_links_and_history_and_can_be_undone(catalogue, secretary):
    services.contact_point_deactivate(contact_point=catalogue.house, actor=secretary)
    catalogue.house.refresh_from_db()
    assert not catalogue.house.is_active
    assert ContactLink.objects.filter(target=catalogue.house).exists()
    services.contact_point_deactivate(contact_point=catalogue.house, actor=secretary)
    assert CatalogueChange.objects.filter(description__contains="avaktiverades").count() == 1
    services.contact_point_activate(contact_point=catalogue.house, actor=secretary)
    catalogue.house.refresh_from_db()
    assert catalogue.house.is_active


# --- Links ------------------------------------------------------------------------------------


def test_a_link_is_never_to_itself_nor_made_twice(catalogue):
    council, house = catalogue.council, catalogue.house
    with pytest.raises(ValidationError) as error:
        services.contact_link_create(source=council, target=council, kind=LinkKind.WORKS_WITH)
    assert messages_of(error)["target"] == ["En kontaktyta kan inte kopplas till sig själv."]
    with pytest.raises(ValidationError) as error:
        services.contact_link_create(source=council, target=house, kind=LinkKind.MEETS_IN)
    assert "redan kopplad" in messages_of(error)["target"][0]
    with pytest.raises(ValidationError) as error:
        services.contact_link_create(source=council, target=house, kind="loves")
    assert "kind" in messages_of(error)
    # A different kind between the same two is another link.
    services.contact_link_create(source=council, target=house, kind=LinkKind.WORKS_WITH)


def test_works_with_is_one_link_whichever_way_it_is_entered(catalogue):
    with pytest.raises(ValidationError) as error:
        services.contact_link_create(
            source=catalogue.council, target=catalogue.entry, kind=LinkKind.WORKS_WITH
        )
    assert "samarbetar redan med" in messages_of(error)["target"][0]


def test_part_of_and_reports_to_never_go_round_in_a_circle(catalogue):
    team, entry, council = catalogue.grant_team, catalogue.entry, catalogue.council
    services.contact_link_create(source=entry, target=council, kind=LinkKind.PART_OF)
    with pytest.raises(ValidationError) as error:
        services.contact_link_create(source=council, target=team, kind=LinkKind.PART_OF)
    assert "cirkel" in messages_of(error)["target"][0]
    # The other way round is fine, and so is another kind.
    services.contact_link_create(source=council, target=team, kind=LinkKind.WORKS_WITH)
    before = ContactLink.objects.count()
    with pytest.raises(ValidationError):
        services.contact_link_create(source=entry, target=team, kind=LinkKind.PART_OF)
    assert ContactLink.objects.count() == before


def test_the_database_refuses_self_links_and_duplicates_too(catalogue):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ContactLink.objects.create(
            source=catalogue.house, target=catalogue.house, kind=LinkKind.PART_OF
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactLink.objects.create(
            source=catalogue.council, target=catalogue.house, kind=LinkKind.MEETS_IN
        )


def test_removing_a_link_is_recorded(catalogue, secretary):
    link = ContactLink.objects.get(source=catalogue.council, target=catalogue.house)
    services.contact_link_delete(link=link, actor=secretary)
    assert not ContactLink.objects.filter(pk=link.pk).exists()
    assert CatalogueChange.objects.filter(
        description__startswith="Koppling borttagen: Samverkansrådet möts i Föreningarnas Hus"
    ).exists()


# --- The ladder -------------------------------------------------------------------------------


def test_the_standard_ladder_has_four_steps_and_each_want_on_at_most_one(secretary):
    steps = services.ladder_create_standard_steps(actor=secretary)
    assert [s.name for s in steps] == [
        "Information",
        "Samråd och dialog",
        "Inflytande och samarbete",
        "Partnerskap och IOP",
    ]
    wants = [want for step in steps for want in step.wants]
    assert len(wants) == len(set(wants)) == len(Want.values)
    with pytest.raises(ValidationError, match="redan steg"):
        services.ladder_create_standard_steps()


def test_a_want_leads_to_one_step_and_numbers_are_unique(secretary):
    services.ladder_create_standard_steps()
    with pytest.raises(ValidationError) as error:
        services.ladder_step_create(
            position=5, name="Medskapande", explanation="Vi skapar.", wants=[Want.PARTNERSHIP]
        )
    assert messages_of(error)["wants"] == [
        "”Partnerskap, till exempel IOP” leder redan till steg 4, Partnerskap och IOP. "
        "Ta bort det där först."
    ]
    with pytest.raises(ValidationError) as error:
        services.ladder_step_create(position=2, name="Två", explanation="Igen.")
    assert messages_of(error)["position"] == ["Det finns redan ett steg nummer 2."]
    with pytest.raises(ValidationError) as error:
        services.ladder_step_create(position=6, name="<em>x</em>", explanation="", wants=["x"])
    assert set(messages_of(error)) == {"name", "explanation", "wants"}
    assert LadderStep.objects.count() == 4
    step = LadderStep.objects.get(position=4)
    services.ladder_step_update(
        step=step, position=4, name="Partnerskap", explanation="Länge.", wants=[]
    )
    services.ladder_step_create(
        position=5, name="IOP", explanation="Avtal.", wants=[Want.PARTNERSHIP]
    )


def test_a_working_group_body_is_not_adopted_without_its_own_data(db):
    body = meetings_services.body_create(name="AU", slug="au", kind=BodyKind.EXECUTIVE_COMMITTEE)
    point = services.contact_point_create_from_body(body=body)
    assert point.body == body and point.purpose == ""


def test_the_address_changes_only_when_a_new_short_name_is_given(catalogue):
    house = services.contact_point_update(contact_point=catalogue.house, name="Huset", slug="")
    assert house.slug == "foreningarnas-hus"
    with pytest.raises(ValidationError) as error:
        services.contact_point_update(contact_point=house, slug="samverkansradet")
    assert "Kortnamnet samverkansradet används redan" in messages_of(error)["slug"][0]
    house = services.contact_point_update(contact_point=house, slug="Huset i stan")
    assert house.slug == "huset-i-stan"
