"""The public pages: the watch list with its filters (current items by default), an item's
page with its updates and status history, the portfolio page, constant query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.watchlist.models import FundingSource, WatchItemKind, WatchItemStatus
from samverkan.watchlist.services import (
    initiative_save,
    portfolio_goal_save,
    portfolio_priority_save,
    portfolio_save,
    watch_item_create,
    watch_item_update_add,
    watch_item_update_edit,
)

pytestmark = pytest.mark.django_db

LIST = reverse("watchlist:list")


def titles(response) -> list[str]:
    return [item.title for item in response.context["page"].object_list]


@pytest.fixture
def items(world):
    today = timezone.localdate()
    climate = watch_item_create(
        title="Klimatneutrala städer",
        kind=WatchItemKind.PROJECT,
        owner=world.klf,
        themes=[world.climate],
        districts=[world.sjovik],
    )
    watch_item_update_add(
        item=climate, date=today - timedelta(days=10), note="Avslutande fas.", status="final_phase"
    )
    card = watch_item_create(
        title="Fritidskortet",
        kind=WatchItemKind.ASSIGNMENT,
        owner=world.kff,
        themes=[world.children],
        districts=[world.norrby],
        description="Ett kort för barn i familjer med låga inkomster.",
    )
    dialogue = watch_item_create(
        title="Utveckla dialogen med det civila samhället",
        kind=WatchItemKind.ASSIGNMENT,
        owner=world.klf,
    )
    watch_item_update_add(
        item=dialogue, date=today - timedelta(days=60), note="Pausat.", status="paused"
    )
    watch_item_update_add(
        item=dialogue, date=today - timedelta(days=30), note="Stryks.", status="struck"
    )
    return {"climate": climate, "card": card, "dialogue": dialogue}


def test_the_list_shows_current_items_in_swedish_order_by_default(client, items):
    watch_item_create(title="Översiktsplanen")
    watch_item_create(title="Återbruk")
    watch_item_create(title="Arbetsmarknad")
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == [
        "Arbetsmarknad",
        "Fritidskortet",
        "Klimatneutrala städer",
        "Återbruk",
        "Översiktsplanen",
    ], "struck items are left out; å and ö sort after z"
    assert "Utveckla dialogen" not in response.content.decode()


def test_the_status_filter_shows_struck_and_finished_items_too(client, items):
    assert titles(client.get(LIST, {"status": "struck"})) == [
        "Utveckla dialogen med det civila samhället"
    ]
    assert len(titles(client.get(LIST, {"status": "all"}))) == 3
    assert titles(client.get(LIST, {"status": "final_phase"})) == ["Klimatneutrala städer"]


def test_the_list_filters_by_department_theme_district_and_kind(client, items, world):
    assert titles(client.get(LIST, {"owner": world.kff.pk})) == ["Fritidskortet"]
    assert titles(client.get(LIST, {"theme": world.climate.slug})) == ["Klimatneutrala städer"]
    assert titles(client.get(LIST, {"district": "norrby"})) == ["Fritidskortet"]
    assert titles(client.get(LIST, {"kind": "project"})) == ["Klimatneutrala städer"]
    assert titles(client.get(LIST, {"kind": "assignment", "status": "all"})) == [
        "Fritidskortet",
        "Utveckla dialogen med det civila samhället",
    ]


def test_the_search_finds_words_in_description_updates_and_owner(client, items):
    assert titles(client.get(LIST, {"q": "inkomst"})) == ["Fritidskortet"]
    assert titles(client.get(LIST, {"q": "avslutande"})) == ["Klimatneutrala städer"]
    assert titles(client.get(LIST, {"q": "kultur fritidsförvaltningen"})) == ["Fritidskortet"]
    assert titles(client.get(LIST, {"q": "cykelbanor"})) == []


def test_bad_filter_values_give_the_page_not_an_error(client, items):
    response = client.get(LIST, {"owner": "abc", "status": "<script>", "sida": "999"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_the_list_is_paginated(client, db):
    for n in range(25):
        watch_item_create(title=f"Projekt {n:02d}")
    first = client.get(LIST)
    assert len(titles(first)) == 20 and first.context["page"].paginator.num_pages == 2
    assert titles(client.get(LIST, {"sida": 2})) == [f"Projekt {n}" for n in range(20, 25)]


def test_the_list_takes_the_same_number_of_queries_for_few_and_many_items(client, world):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(LIST).status_code == 200
        return len(context.captured_queries)

    def add(n: int) -> None:
        item = watch_item_create(
            title=f"Punkt {n}", owner=world.klf, themes=[world.children], districts=[world.norrby]
        )
        watch_item_update_add(
            item=item, date=timezone.localdate(), note="Nytt.", meeting=world.public_meeting
        )

    add(0)
    few = queries()
    for n in range(1, 15):
        add(n)
    many = queries()
    assert few == many <= 10


def test_the_item_page_links_public_meetings_and_hides_closed_ones(
    client, world, people, client_for
):
    item = watch_item_create(
        title="Fritidskortet",
        owner=world.kff,
        contact_name="Karin Ek",
        contact_role="utvecklingsledare",
        contact_email="karin.ek@kommun.example.org",
    )
    today = timezone.localdate()
    watch_item_update_add(
        item=item,
        date=today - timedelta(days=30),
        note="Registret byggs.",
        meeting=world.public_meeting,
    )
    watch_item_update_add(
        item=item,
        date=today - timedelta(days=20),
        note="Internt: budgeten.",
        meeting=world.members_meeting,
    )
    watch_item_update_add(
        item=item,
        date=today - timedelta(days=120),
        note="Ur utkastet.",
        meeting=world.draft_meeting,
    )
    response = client.get(reverse("watchlist:item_detail", args=[item.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Registret byggs." in page
    assert reverse("meetings:meeting_detail", args=[world.public_meeting.pk]) in page
    assert "Internt: budgeten." not in page, "updates of members-only meetings stay inside"
    assert "Ur utkastet." not in page, "draft minutes are not published yet"
    assert "Karin Ek, utvecklingsledare" in page
    assert "karin.ek@kommun.example.org" not in page, "no consent, no email shown"

    secretary_page = (
        client_for(people.secretary)
        .get(reverse("watchlist:item_detail", args=[item.pk]))
        .content.decode()
    )
    assert "Internt: budgeten." in secretary_page and "Ur utkastet." in secretary_page


def test_a_consented_contact_email_is_shown(client, db):
    item = watch_item_create(
        title="Klimatneutrala städer",
        contact_name="Klimatgruppen",
        contact_email="klimat@kommun.example.org",
        contact_email_public=True,
    )
    page = client.get(reverse("watchlist:item_detail", args=[item.pk])).content.decode()
    assert 'href="mailto:klimat@kommun.example.org"' in page


def test_the_item_page_shows_every_status_change_with_its_date(client, items, people):
    dialogue = items["dialogue"]
    today = timezone.localdate()
    response = client.get(reverse("watchlist:item_detail", args=[dialogue.pk]))
    history = response.context["history"]
    assert [(c.date, c.status) for c in history] == [
        (today - timedelta(days=60), WatchItemStatus.ONGOING),
        (today - timedelta(days=60), WatchItemStatus.PAUSED),
        (today - timedelta(days=30), WatchItemStatus.STRUCK),
    ]
    page = response.content.decode()
    assert "Status history" in page or "Statushistorik" in page
    # A corrected update keeps its earlier version visible.
    update = dialogue.updates.get(note="Stryks.")
    watch_item_update_edit(
        update=update,
        actor=people.secretary,
        date=update.date,
        note="Stryks från listan.",
        status="struck",
    )
    page = client.get(reverse("watchlist:item_detail", args=[dialogue.pk])).content.decode()
    assert "Stryks från listan." in page and "<del>Stryks.</del>" in page


def test_an_unknown_item_is_not_found(client, db):
    assert client.get(reverse("watchlist:item_detail", args=[999])).status_code == 404


def test_the_portfolio_page_shows_goals_in_order_priorities_and_initiatives(client, world):
    portfolio = portfolio_save(name="Portföljen för social hållbarhet", owner=world.klf)
    goals = [
        portfolio_goal_save(portfolio=portfolio, name=name)
        for name in (
            "Trygghet och säkerhet",
            "Barn och ungas jämlika livsvillkor",
            "Egen försörjning",
        )
    ]
    portfolio_priority_save(portfolio=portfolio, name="Språkutveckling", year=2024)
    item = watch_item_create(title="ESF Barn i socioekonomiskt utsatta hushåll")
    initiative_save(
        portfolio=portfolio,
        title="ESF-projekt för att motverka barnfattigdom",
        goals=goals[1:],
        funding_source=FundingSource.EU_FUND,
        owner=world.klf,
        watch_item=item,
    )
    response = client.get(reverse("watchlist:portfolio"))
    page = response.content.decode()
    assert response.status_code == 200
    positions = [page.index(goal.name) for goal in goals]
    assert positions == sorted(positions), "goals in their order"
    assert "Språkutveckling (2024)" in page
    assert "ESF-projekt för att motverka barnfattigdom" in page
    assert reverse("watchlist:item_detail", args=[item.pk]) in page
    assert reverse("watchlist:portfolio_edit", args=[portfolio.pk]) not in page, "no edit links"
    item_page = client.get(reverse("watchlist:item_detail", args=[item.pk])).content.decode()
    assert "ESF-projekt för att motverka barnfattigdom" in item_page


def test_the_portfolio_page_takes_the_same_number_of_queries_for_few_and_many(client, world):
    portfolio = portfolio_save(name="Portföljen")
    goal = portfolio_goal_save(portfolio=portfolio, name="Mål")

    def add(n: int) -> None:
        initiative_save(
            portfolio=portfolio,
            title=f"Insats {n}",
            goals=[goal],
            funding_source=FundingSource.STATE_GRANT,
            owner=world.kff,
            watch_item=watch_item_create(title=f"Punkt {n}"),
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("watchlist:portfolio")).status_code == 200
        return len(context.captured_queries)

    add(0)
    few = queries()
    for n in range(1, 12):
        add(n)
    assert few == queries() <= 10


def test_the_search_documents_hold_public_updates_only(world):
    from samverkan.search.registry import source_for_kind

    item = watch_item_create(title="Fritidskortet", owner=world.kff, owner_text="KFF")
    today = timezone.localdate()
    watch_item_update_add(item=item, date=today - timedelta(days=30), note="Öppen nyhet.")
    watch_item_update_add(
        item=item,
        date=today - timedelta(days=20),
        note="Intern nyhet.",
        meeting=world.members_meeting,
    )
    source = source_for_kind("watch_item")
    (document,) = [source.document(i) for i in source.queryset()]
    assert document.title == "Fritidskortet"
    assert "Öppen nyhet." in document.text and "Intern nyhet." not in document.text
    assert document.date == today - timedelta(days=30)
    assert "Kultur- och fritidsförvaltningen" in document.extra and "KFF" in document.extra
    assert document.path == reverse("watchlist:item_detail", args=[item.pk])
    portfolio = portfolio_save(name="Portföljen")
    initiative = initiative_save(
        portfolio=portfolio,
        title="Biblioteksplan 2.0",
        goals=[portfolio_goal_save(portfolio=portfolio, name="God psykisk hälsa")],
        funding_source=FundingSource.STATE_GRANT,
    )
    initiatives = source_for_kind("initiative")
    (document,) = [initiatives.document(i) for i in initiatives.queryset()]
    assert document.path.endswith(f"#initiativ-{initiative.pk}")
    assert "God psykisk hälsa" in document.extra


def test_the_item_page_takes_the_same_number_of_queries_for_few_and_many_updates(
    client, world, people
):
    from samverkan.watchlist.services import watch_item_update_edit

    item = watch_item_create(title="Fritidskortet", themes=[world.children])
    url = reverse("watchlist:item_detail", args=[item.pk])

    def add(n: int) -> None:
        update = watch_item_update_add(
            item=item,
            date=timezone.localdate() - timedelta(days=n),
            note=f"Nyhet {n}",
            meeting=world.public_meeting,
            status="paused" if n % 2 else "ongoing",
        )
        watch_item_update_edit(
            update=update,
            actor=people.secretary,
            date=update.date,
            note=f"Rättad {n}",
            status=update.status,
            meeting=world.public_meeting,
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    add(1)
    few = queries()
    for n in range(2, 15):
        add(n)
    assert few == queries() <= 10
