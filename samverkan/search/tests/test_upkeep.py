"""The index follows changes made through the services, once they are committed."""

from datetime import date

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from samverkan.collaboration_map import services as map_services
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import Meeting
from samverkan.organisations import services as org_services
from samverkan.search import index
from samverkan.search.models import SearchEntry
from samverkan.search.services import index_rebuild

URL = reverse("search:results")


def found(q: str, kind: str = "") -> set[str]:
    from samverkan.search import selectors

    criteria = selectors.SearchCriteria(q=q, kind=kind)
    return {e.title for e in selectors.search(criteria, selectors.parse_query(q))}


def snapshot() -> set[tuple]:
    return set(
        SearchEntry.objects.values_list(
            "kind", "object_pk", "title", "text", "path", "date", "search_document"
        )
    )


def test_editing_an_organisation_changes_what_finds_it(world, django_capture_on_commit_callbacks):
    organisation = world.orgs["idrott"]
    with django_capture_on_commit_callbacks(execute=True):
        org_services.organisation_update(
            organisation=organisation, description="Innebandy och schack för alla åldrar."
        )
    assert "Norrby Idrottsförening" in found("innebandy")
    assert "Norrby Idrottsförening" not in found("fotboll")


def test_nothing_changes_before_the_commit(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        org_services.organisation_update(
            organisation=world.orgs["idrott"], description="Innebandy."
        )
    assert found("innebandy") == set()
    assert len(callbacks) >= 1


def test_many_changes_in_one_transaction_are_indexed_once(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        for word in ("Ett", "Två", "Tre"):
            org_services.organisation_update(
                organisation=world.orgs["idrott"], description=f"{word} lag."
            )
    flushes = [c for c in callbacks if getattr(c, "__self__", None).__class__ is index._Batch]
    assert len(flushes) == 1
    flushes[0]()
    assert "Norrby Idrottsförening" in found("tre lag")
    assert "Norrby Idrottsförening" not in found("två")


def test_a_rolled_back_change_leaves_no_trace_and_the_next_one_counts(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                org_services.organisation_update(
                    organisation=world.orgs["idrott"], description="Curling."
                )
                raise RuntimeError("abandon")
        except RuntimeError:
            pass
        org_services.organisation_update(
            organisation=world.orgs["hembygd"], description="Slöjd och folkdans."
        )
    assert found("curling") == set()
    assert found("folkdans") == {"Vinterö Hembygdsförening"}


def test_a_withdrawn_signature_takes_the_organisation_out(
    world, django_capture_on_commit_callbacks
):
    signature = world.orgs["far"].signatures.get()
    with django_capture_on_commit_callbacks(execute=True):
        org_services.signature_withdraw(
            signature=signature, actor=world.secretary, reason="Vi lägger ner."
        )
    assert "Far och barn i Norrby" not in found("pappor")
    assert not SearchEntry.objects.filter(kind="organisation", object_pk=str(world.orgs["far"].pk))


def test_an_approved_signature_brings_the_organisation_in(
    world, django_capture_on_commit_callbacks
):
    organisation = world.orgs["pending"]
    assert found("väntan") == set()
    with django_capture_on_commit_callbacks(execute=True):
        org_services.signature_approve(
            signature=organisation.signatures.get(), actor=world.secretary
        )
    assert found("väntan") == {"Hemliga Föreningen Väntan"}


def test_renaming_a_term_reindexes_its_organisations(world, django_capture_on_commit_callbacks):
    from samverkan.organisations.models import District

    district = District.objects.get(slug="norrby")
    assert found("norrby", kind="organisation") >= {"Vinterö Hembygdsförening"}
    with django_capture_on_commit_callbacks(execute=True):
        district.name = "Ängsbacka"
        district.save()
    assert found("ängsbacka") == {"Vinterö Hembygdsförening"}


def test_deactivating_a_contact_point_takes_it_out_and_activating_brings_it_back(
    world, django_capture_on_commit_callbacks
):
    point = world.points["hus"]
    with django_capture_on_commit_callbacks(execute=True):
        map_services.contact_point_deactivate(contact_point=point)
    assert "Föreningarnas Hus" not in found("lokaler")
    with django_capture_on_commit_callbacks(execute=True):
        map_services.contact_point_activate(contact_point=point)
    assert "Föreningarnas Hus" in found("lokaler")


def test_themes_follow_renames_and_deletes(world, django_capture_on_commit_callbacks):
    theme = world.themes["idrott"]
    assert "Föreningsbidrag" in found("fritid")
    with django_capture_on_commit_callbacks(execute=True):
        map_services.theme_update(theme=theme, name="Motion och hälsa")
    assert found("fritid", kind="contact_point") == set()
    assert "Föreningsbidrag" in found("hälsa")
    with django_capture_on_commit_callbacks(execute=True):
        map_services.theme_delete(theme=theme)
    assert "Föreningsbidrag" not in found("hälsa")


def test_publishing_minutes_brings_in_notes_and_decisions(
    world, django_capture_on_commit_callbacks
):
    from samverkan.meetings.models import Person
    from samverkan.search.tests.conftest import publish_minutes

    assert found("giraffer") == set() and found("zebra") == set()
    with django_capture_on_commit_callbacks(execute=True):
        publish_minutes(world.draft_meeting, Person.objects.get())
    assert found("giraffer") == {"Kulturstöd"}
    assert found("zebra") == {"Rådets arbetsmöte om kulturstöd"}


def test_revising_published_minutes_changes_the_decision(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.minutes_revise(
            item=world.items["bidrag"],
            actor=world.secretary,
            reason="Fel i beslutet.",
            decision=world.decisions["bidrag"],
            decision_text="Rådet beslutar att avslå förslaget om bidragsregler.",
        )
    assert found("avslå") == {"Bidragen till föreningar 2026"}
    assert found("tillstyrka") == set()


def test_making_a_meeting_members_only_takes_it_and_its_decisions_out(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=world.public_meeting, visibility=Meeting.Visibility.MEMBERS
        )
    assert found("bidrag", kind="meeting") == set()
    assert found("bidrag", kind="decision") == set()


def test_deleting_a_meeting_removes_it_and_its_decisions(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(pk=world.public_meeting.pk).delete()
    assert not SearchEntry.objects.filter(kind__in=["meeting", "decision"], date=date(2025, 9, 13))


def test_renaming_a_body_reindexes_its_meetings(world, django_capture_on_commit_callbacks):
    from samverkan.meetings.models import Body

    body = Body.objects.get(slug="samverkansradet")
    with django_capture_on_commit_callbacks(execute=True):
        body.name = "Dialogforum Älvstad"
        body.save()
    assert {"Samverkansrådets möte", "Bidragen till föreningar 2026"} <= found("dialogforum")


def test_rebuilding_gives_the_same_index(world):
    before = snapshot()
    SearchEntry.objects.all().delete()
    assert index_rebuild() == len(before)
    assert snapshot() == before


def test_rebuild_command(world, capsys):
    before = snapshot()
    SearchEntry.objects.update(title="stale")
    call_command("rebuild_search_index")
    assert snapshot() == before
    assert f"{len(before)}" in capsys.readouterr().out


def test_rebuild_works_in_small_batches(world):
    before = snapshot()
    assert index.rebuild(batch_size=2) == len(before)
    assert snapshot() == before


def test_links_changed_from_either_side_are_followed(world, django_capture_on_commit_callbacks):
    from samverkan.organisations.models import Area

    kultur = org_services.term_create(model=Area, name="Kulturarv", slug="kulturarv")
    with django_capture_on_commit_callbacks(execute=True):
        org_services.organisation_update(organisation=world.orgs["far"], areas=[kultur])
    assert found("kulturarv") == {"Far och barn i Norrby"}
    with django_capture_on_commit_callbacks(execute=True):
        kultur.organisation_set.add(world.orgs["hembygd"])
    assert found("kulturarv") == {"Far och barn i Norrby", "Vinterö Hembygdsförening"}
    with django_capture_on_commit_callbacks(execute=True):
        kultur.organisation_set.clear()
    assert found("kulturarv") == set()
