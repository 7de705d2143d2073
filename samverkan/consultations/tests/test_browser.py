"""The public pages in a real Chromium, checked with axe-core."""

from django.urls import reverse

from samverkan.consultations.tests.conftest import make_consultation, open_consultation
from samverkan.core.testing import assert_accessible


def test_public_consultation_pages_are_accessible(live_server, page, world):
    consultation = open_consultation(world, make_consultation(world, open_to_all=True))
    page.goto(live_server.url + reverse("consultations:list"))
    assert_accessible(page, "consultation list")
    page.get_by_role("link", name="Remiss: vräkningsförebyggande arbete").click()
    page.get_by_role("heading", level=1, name="Remiss: vräkningsförebyggande arbete").wait_for()
    assert_accessible(page, "consultation detail")
    page.goto(live_server.url + reverse("consultations:respond", args=[consultation.pk]))
    assert_accessible(page, "open response form")
    page.locator("button[type=submit].button").last.click()
    page.locator("#error-summary").wait_for()
    assert_accessible(page, "response form with errors")
