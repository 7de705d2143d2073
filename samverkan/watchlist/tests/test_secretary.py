"""The secretary's forms: creating and editing items, recording and correcting updates.
Bad input gets a Swedish message next to the field and saves nothing; only the secretary
may edit; followers are told of new items and public updates."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.subscriptions.models import Happening
from samverkan.watchlist.models import (
    WatchItem,
    WatchItemStatus,
    WatchItemUpdate,
    WatchItemUpdateRevision,
)
from samverkan.watchlist.services import watch_item_create, watch_item_update_add

pytestmark = pytest.mark.django_db

CREATE = reverse("watchlist:item_create")


def item_data(world, **overrides) -> dict:
    data = {
        "title": "Fritidskortet",
        "kind": "assignment",
        "owner": world.kff.pk,
        "owner_text": "KFF",
        "description": "Ett kort för barn i familjer med låga inkomster.",
        "contact_name": "Karin Ek",
        "contact_role": "utvecklingsledare",
        "contact_email": "fritidskortet@kommun.example.org",
        "contact_email_public": "on",
        "themes": [world.children.pk],
        "districts": [world.norrby.pk, world.sjovik.pk],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def update_data(**overrides) -> dict:
    data = {"date": timezone.localdate().isoformat(), "note": "Registret är klart.", "status": ""}
    data.update(overrides)
    return data


def field_errors(response, name: str) -> list[str]:
    return list(response.context["form"].errors.get(name, []))


def test_the_secretary_creates_an_item_and_followers_are_told(client_for, people, world):
    response = client_for(people.secretary).post(CREATE, item_data(world))
    item = WatchItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("watchlist:item_detail", args=[item.pk])
    assert (item.kind, item.owner, item.contact_email_public) == ("assignment", world.kff, True)
    assert set(item.districts.all()) == {world.norrby, world.sjovik}
    happening = Happening.objects.get()
    assert happening.kind == "watch_item"
    assert happening.path == reverse("watchlist:item_detail", args=[item.pk])
    assert set(happening.topics.values_list("topic", flat=True)) == {
        f"watchitem:{item.pk}",
        f"department:{world.kff.pk}",
        "theme:barn-och-unga",
        "district:norrby",
        "district:sjovik",
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "   "}, "title", "Detta fält måste fyllas i."),
        ({"title": "fritidskortet."}, "title", "Fritidskortet finns redan på bevakningslistan."),
        ({"owner": 99999}, "owner", "Välj ett giltigt alternativ."),
        ({"kind": "hobby"}, "kind", "Välj ett giltigt alternativ."),
        ({"contact_email": "inte en adress"}, "contact_email", "Fyll i en giltig e-postadress."),
        ({"contact_email": ""}, "contact_email", "Ange e-postadressen som ska visas."),
        ({"themes": [99999]}, "themes", "Välj ett giltigt alternativ."),
    ],
)
def test_bad_item_input_gets_a_swedish_message_and_saves_nothing(
    client_for, people, world, overrides, field, message
):
    watch_item_create(title="Fritidskortet")
    client = client_for(people.secretary)
    response = client.post(CREATE, item_data(world, **overrides), HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200
    assert any(error.startswith(message[:25]) for error in field_errors(response, field)), (
        field_errors(response, field)
    )
    assert 'class="error-summary"' in response.content.decode()
    assert WatchItem.objects.count() == 1
    assert Happening.objects.count() == 1, "only the first item was told"


def test_the_secretary_edits_an_item_and_cannot_take_another_title(client_for, people, world):
    item = watch_item_create(title="Fritidskortet")
    watch_item_create(title="Byggreturen")
    client = client_for(people.secretary)
    edit = reverse("watchlist:item_edit", args=[item.pk])
    form = client.get(edit)
    assert form.context["form"].initial["title"] == "Fritidskortet"
    refused = client.post(edit, item_data(world, title="Byggreturen", kind="project"))
    assert field_errors(refused, "title") == ["Byggreturen finns redan på bevakningslistan."]
    item.refresh_from_db()
    assert (item.title, item.kind) == ("Fritidskortet", ""), "nothing half-saved"
    assert client.post(edit, item_data(world, title="Fritidskortet 2.0")).status_code == 302
    item.refresh_from_db()
    assert item.title == "Fritidskortet 2.0" and list(item.themes.all()) == [world.children]


def test_the_secretary_records_an_update_at_a_meeting_with_a_new_status(client_for, people, world):
    item = watch_item_create(title="Klimatneutrala städer", owner=world.klf)
    client = client_for(people.secretary)
    add = reverse("watchlist:update_add", args=[item.pk])
    choices = [
        choice for choice, _label in client.get(add).context["form"].fields["meeting"].choices
    ]
    assert world.public_meeting.pk in [getattr(c, "value", c) for c in choices]
    day = world.public_meeting.date
    response = client.post(
        add,
        update_data(
            date=day.isoformat(),
            note="Avslutande fas under våren.",
            meeting=world.public_meeting.pk,
            status="final_phase",
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == WatchItemStatus.FINAL_PHASE
    update = item.updates.get()
    assert update.meeting == world.public_meeting
    happening = Happening.objects.get(dedup_key=f"watchupdate:{update.pk}")
    assert "Avslutande fas" in happening.summary
    assert f"department:{world.klf.pk}" in happening.topics.values_list("topic", flat=True)


def test_an_update_at_a_members_only_meeting_tells_nobody(client_for, people, world):
    item = watch_item_create(title="Klimatneutrala städer")
    client_for(people.secretary).post(
        reverse("watchlist:update_add", args=[item.pk]),
        update_data(meeting=world.members_meeting.pk),
    )
    assert WatchItemUpdate.objects.count() == 1
    assert not Happening.objects.filter(dedup_key__startswith="watchupdate:").exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"meeting": 99999}, "meeting", "Välj ett giltigt alternativ."),
        ({"date": "2099-01-01"}, "date", "En uppdatering kan inte dateras mer än 31 dagar framåt."),
        ({"date": "1899-01-01"}, "date", "Ange ett datum från år 2000 eller senare."),
        ({"date": "den 13:e"}, "date", "Fyll i ett giltigt datum."),
        ({"note": "", "status": ""}, "note", "Skriv vad som sades, eller välj en ny status."),
        ({"status": "forgotten"}, "status", "Välj ett giltigt alternativ."),
    ],
)
def test_bad_update_input_gets_a_swedish_message_and_saves_nothing(
    client_for, people, world, overrides, field, message
):
    item = watch_item_create(title="Klimatneutrala städer")
    response = client_for(people.secretary).post(
        reverse("watchlist:update_add", args=[item.pk]), update_data(**overrides)
    )
    assert response.status_code == 200
    assert any(e.startswith(message[:25]) for e in field_errors(response, field)), field_errors(
        response, field
    )
    assert not WatchItemUpdate.objects.exists()
    item.refresh_from_db()
    assert item.status == WatchItemStatus.ONGOING


def test_correcting_an_update_keeps_the_earlier_version_and_the_status(client_for, people, world):
    item = watch_item_create(title="Utveckla dialogen med det civila samhället")
    day = timezone.localdate() - timedelta(days=5)
    update = watch_item_update_add(item=item, date=day, note="Pausat.", status="paused")
    client = client_for(people.secretary)
    edit = reverse("watchlist:update_edit", args=[update.pk])
    assert client.get(edit).context["form"].initial["note"] == "Pausat."
    response = client.post(
        edit, update_data(date=day.isoformat(), note="Stryks från listan.", status="struck")
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == WatchItemStatus.STRUCK
    revision = WatchItemUpdateRevision.objects.get()
    assert (revision.note, revision.status, revision.changed_by) == (
        "Pausat.",
        "paused",
        people.secretary,
    )
    # The same values again change nothing and keep no new revision.
    client.post(
        edit, update_data(date=day.isoformat(), note="Stryks från listan.", status="struck")
    )
    assert WatchItemUpdateRevision.objects.count() == 1
    # Bad input on a correction saves nothing.
    refused = client.post(edit, update_data(date="2099-01-01"))
    assert refused.status_code == 200
    update.refresh_from_db()
    assert update.date == day and WatchItemUpdateRevision.objects.count() == 1


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_only_the_secretary_may_change_the_watch_list(client_for, people, world, who):
    item = watch_item_create(title="Fritidskortet")
    update = watch_item_update_add(item=item, date=timezone.localdate(), note="Nytt.")
    client = client_for(None if who == "anonymous" else people.member)
    expected = 302 if who == "anonymous" else 403
    pages = [
        (CREATE, item_data(world, title="Byggreturen")),
        (reverse("watchlist:item_edit", args=[item.pk]), item_data(world, title="Annat")),
        (reverse("watchlist:update_add", args=[item.pk]), update_data()),
        (reverse("watchlist:update_edit", args=[update.pk]), update_data(note="Ändrat.")),
        (reverse("watchlist:portfolio_create"), {"name": "Ny portfölj"}),
    ]
    for url, data in pages:
        assert client.get(url).status_code == expected, url
        response = client.post(url, data)
        assert response.status_code == expected, url
        if who == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login")), url
    item.refresh_from_db()
    update.refresh_from_db()
    assert item.title == "Fritidskortet" and update.note == "Nytt."
    assert WatchItem.objects.count() == 1 and not WatchItemUpdateRevision.objects.exists()
    page = client.get(reverse("watchlist:item_detail", args=[item.pk])).content.decode()
    assert reverse("watchlist:item_edit", args=[item.pk]) not in page


def test_an_update_is_told_once_only(people, world):
    item = watch_item_create(title="Fritidskortet")
    update = watch_item_update_add(item=item, date=timezone.localdate(), note="Nytt.")
    from samverkan.watchlist.services import _record_update_happening

    _record_update_happening(update)
    assert Happening.objects.filter(dedup_key=f"watchupdate:{update.pk}").count() == 1


def test_the_secretary_builds_a_portfolio_through_the_forms(client_for, people, world):
    from samverkan.watchlist.models import Initiative, Portfolio

    client = client_for(people.secretary)
    assert (
        client.post(
            reverse("watchlist:portfolio_create"),
            {"name": "Portföljen för social hållbarhet", "owner": world.klf.pk},
        ).status_code
        == 302
    )
    portfolio = Portfolio.objects.get()
    for name in ("Trygghet och säkerhet", "Egen försörjning"):
        client.post(reverse("watchlist:goal_create", args=[portfolio.pk]), {"name": name})
    duplicate = client.post(
        reverse("watchlist:goal_create", args=[portfolio.pk]), {"name": "egen försörjning"}
    )
    assert field_errors(duplicate, "name") == ["Portföljen har redan den målsättningen."]
    assert list(portfolio.goals.values_list("name", "position")) == [
        ("Trygghet och säkerhet", 1),
        ("Egen försörjning", 2),
    ]
    client.post(
        reverse("watchlist:priority_create", args=[portfolio.pk]),
        {"name": "Språkutveckling", "year": 2024},
    )
    assert portfolio.priorities.get().year == 2024
    goal = portfolio.goals.get(position=2)
    create = reverse("watchlist:initiative_create", args=[portfolio.pk])
    data = {
        "title": "ESF-projekt för att motverka barnfattigdom",
        "goals": [goal.pk],
        "funding_source": "eu_fund",
        "status": "ongoing",
        "starts_on": "2024-01-01",
        "ends_on": "2023-12-31",
    }
    refused = client.post(create, data)
    assert field_errors(refused, "ends_on") == ["Slutdatumet kan inte vara före startdatumet."]
    no_goal = client.post(create, {**data, "goals": [], "ends_on": ""})
    assert field_errors(no_goal, "goals") == ["Detta fält måste fyllas i."]
    assert not Initiative.objects.exists()
    assert client.post(create, {**data, "ends_on": "2026-12-31"}).status_code == 302
    initiative = Initiative.objects.get()
    assert list(initiative.goals.all()) == [goal]
    page = client.get(reverse("watchlist:portfolio")).content.decode()
    assert reverse("watchlist:initiative_edit", args=[portfolio.pk, initiative.pk]) in page
