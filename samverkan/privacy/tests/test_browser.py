"""My data, correction and erasure in a real Chromium, with axe-core checking each page."""

from __future__ import annotations

import re

from samverkan.accounts.models import User
from samverkan.core.testing import assert_accessible
from samverkan.privacy.models import ErasureRequest

PASSWORD = "ett-langt-losenord-2026"


def _log_in(page, live_server, user: User) -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_server.url + "/konto/logga-in/losenord/")
    page.get_by_label("E-postadress").fill(user.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_a_person_reads_corrects_and_erases_their_data(live_server, page, world):
    anna = world.anna.user
    _log_in(page, live_server, anna)
    page.get_by_role("link", name="Mina uppgifter").click()
    page.get_by_role("heading", name="Mina uppgifter", level=1).wait_for()
    assert_accessible(page, "my data")
    assert "Annas fråga om bidrag" in page.content()

    page.get_by_role("link", name="Rätta ditt namn eller telefonnummer").click()
    assert_accessible(page, "correction form")
    page.get_by_label("Ditt telefonnummer i rådets personlista").fill("ring mig")
    page.get_by_role("button", name="Spara").click()
    page.locator("#error-summary").wait_for()
    assert_accessible(page, "correction form with errors")
    page.get_by_label("Ditt telefonnummer i rådets personlista").fill("070-444 55 66")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Dina rättelser är sparade.").wait_for()

    page.get_by_role("link", name="Begär att dina uppgifter raderas").click()
    assert_accessible(page, "erasure confirmation")
    page.get_by_role("button", name="Radera mina personuppgifter och logga ut").click()
    page.locator("#error-summary").wait_for()
    assert_accessible(page, "erasure confirmation with errors")
    assert not ErasureRequest.objects.exists()
    page.get_by_label(re.compile("Jag förstår")).check()
    page.get_by_role("button", name="Radera mina personuppgifter och logga ut").click()
    page.get_by_text("Dina personuppgifter är raderade").wait_for()
    assert page.get_by_role("link", name="Logga in").is_visible()
    assert ErasureRequest.objects.count() == 1

    _log_in(page, live_server, world.secretary)
    page.get_by_role("link", name="Begäranden om radering").click()
    page.get_by_role("heading", name="Begäranden om radering", level=1).wait_for()
    assert "anna@example.org" in page.content()
    assert_accessible(page, "erasure requests")
