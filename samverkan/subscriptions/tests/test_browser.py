"""The subscribe and manage pages in a real browser, checked with axe."""

from samverkan.core.testing import assert_accessible
from samverkan.subscriptions import services
from samverkan.subscriptions.models import Subscriber


def test_subscribe_and_manage_pages_are_accessible(live_server, page, topics_setup, subscribe):
    page.goto(live_server.url + f"/prenumerera/?amne={topics_setup.theme_key}")
    assert_accessible(page, "subscribe page")
    assert page.get_by_label("Idrott", exact=True).is_checked()
    page.get_by_role("button", name="Prenumerera", exact=True).click()
    assert page.locator("#error-summary").is_visible()  # no email given
    assert_accessible(page, "subscribe page with errors")
    assert not Subscriber.objects.exists()

    anna = subscribe("anna@example.org", [topics_setup.theme_key])
    Subscriber.objects.filter(pk=anna.pk).update(bounced_at=anna.confirmed_at)
    page.goto(live_server.url + f"/prenumerera/hantera/{services.manage_token(anna)}/")
    assert page.locator("#bounced").is_visible()
    assert_accessible(page, "manage page")
