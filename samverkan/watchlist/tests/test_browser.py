"""The watch list, an item and the portfolio in a real Chromium, with axe-core checking
each page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from samverkan.core.testing import assert_accessible
from samverkan.watchlist.models import FundingSource, WatchItemKind
from samverkan.watchlist.services import (
    initiative_save,
    portfolio_goal_save,
    portfolio_priority_save,
    portfolio_save,
    watch_item_create,
    watch_item_update_add,
)


def test_a_visitor_filters_the_watch_list_and_reads_an_item_and_the_portfolio(
    live_server, page, world
):
    today = timezone.localdate()
    climate = watch_item_create(
        title="Klimatneutrala städer",
        kind=WatchItemKind.PROJECT,
        owner=world.klf,
        themes=[world.climate],
        contact_name="Klimatgruppen",
        contact_email="klimat@kommun.example.org",
        contact_email_public=True,
    )
    watch_item_update_add(
        item=climate,
        date=world.public_meeting.date,
        note="Avslutande fas under våren. Slutrapport ska sammanställas.",
        meeting=world.public_meeting,
        status="final_phase",
    )
    card = watch_item_create(
        title="Fritidskortet",
        kind=WatchItemKind.ASSIGNMENT,
        owner=world.kff,
        districts=[world.norrby],
    )
    watch_item_update_add(item=card, date=today - timedelta(days=3), note="Registret byggs.")
    portfolio = portfolio_save(name="Portföljen för social hållbarhet", owner=world.klf)
    goal = portfolio_goal_save(portfolio=portfolio, name="Barn och ungas jämlika livsvillkor")
    portfolio_goal_save(portfolio=portfolio, name="God psykisk hälsa")
    portfolio_priority_save(portfolio=portfolio, name="Språkutveckling", year=today.year)
    initiative_save(
        portfolio=portfolio,
        title="Biblioteksplan 2.0",
        goals=[goal],
        funding_source=FundingSource.STATE_GRANT,
        owner=world.kff,
        watch_item=card,
        starts_on=today,
        ends_on=today + timedelta(days=700),
    )

    page.goto(live_server.url + reverse("watchlist:list"))
    page.get_by_role("heading", name="På gång: bevakningslistan").wait_for()
    assert_accessible(page, "watch list")
    search = page.get_by_role("search", name="Sök i bevakningslistan")
    search.get_by_label("Typ").select_option("project")
    search.get_by_role("button", name="Sök", exact=True).click()
    page.get_by_text("1 punkt").wait_for()
    assert page.get_by_role("link", name="Fritidskortet").count() == 0
    assert_accessible(page, "filtered watch list")

    page.get_by_role("link", name="Klimatneutrala städer").click()
    page.get_by_role("heading", name="Klimatneutrala städer", level=1).wait_for()
    assert_accessible(page, "item page")
    assert page.get_by_role("link", name="klimat@kommun.example.org").count() == 1
    assert page.get_by_role("heading", name="Statushistorik").count() == 1
    page.get_by_role("link", name="Samverkansrådets möte").click()
    page.get_by_role("heading", name="Samverkansrådets möte").wait_for()

    page.goto(live_server.url + reverse("watchlist:portfolio"))
    page.get_by_role("heading", name="Portföljen för social hållbarhet").wait_for()
    assert_accessible(page, "portfolio page")
    page.get_by_role("link", name="Fritidskortet").click()
    page.get_by_role("heading", name="Fritidskortet", level=1).wait_for()
    assert page.get_by_text("Biblioteksplan 2.0").count() == 1
