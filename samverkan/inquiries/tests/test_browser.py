"""An inquiry sent and confirmed in a real Chromium, with axe-core checking each page."""

import re

import pytest
from django.urls import reverse

from samverkan.core.testing import assert_accessible, links_in
from samverkan.inquiries.models import Inquiry, InquiryStatus
from samverkan.inquiries.tests.conftest import URLS, path_of

pytestmark = pytest.mark.urls(URLS)


def test_a_volunteer_sends_an_inquiry_and_the_team_sees_it(live_server, page, setup, smtp_server):
    page.goto(live_server.url + reverse("inquiries:new") + "?kind=grant")
    assert_accessible(page, "inquiry form")
    assert page.get_by_label("Bidrag", exact=True).is_checked(), "the kind from the link"

    page.get_by_label("Rubrik").fill("Lokalbidrag för klubbstugan")
    page.get_by_label("Din e-postadress").fill("anna@example.org")
    page.get_by_role("button", name="Skicka", exact=True).click()
    error = page.locator("#id_text_error")
    assert "måste fyllas i" in error.inner_text()
    assert page.get_by_label("Rubrik").input_value() == "Lokalbidrag för klubbstugan", (
        "nothing typed is lost"
    )
    assert_accessible(page, "inquiry form with errors")

    page.get_by_label("Din fråga, idé eller ditt förslag").fill(
        "Vi vill söka lokalbidrag för klubbstugan. Hur gör vi?"
    )
    page.get_by_label("Din organisation").fill("Norrby IK")
    page.get_by_label("Ditt namn").fill("Anna Andersson")
    page.get_by_role("button", name="Skicka", exact=True).click()
    page.get_by_role("heading", name="Titta i din e-post").wait_for()
    assert_accessible(page, "check your email")

    (mail,) = smtp_server.wait_for(1)
    page.goto(live_server.url + path_of(links_in(mail)[0]))
    assert_accessible(page, "confirm page")
    page.get_by_role("button", name="Skicka ärendet").click()
    page.get_by_role("heading", name="Ditt ärende är skickat").wait_for()
    inquiry = Inquiry.objects.get()
    assert inquiry.status == InquiryStatus.NEW and inquiry.team == setup.grants
    assert inquiry.reference in page.content()

    page.get_by_role("link", name="Följ ditt ärende").click()
    page.get_by_role("heading", name=f"Ditt ärende {inquiry.reference}").wait_for()
    assert_accessible(page, "status page")

    smtp_server.wait_for(3)
    assert any(inquiry.reference in m["Subject"] for m in smtp_server.to("anna@example.org"))

    setup.lena.set_password("ett-langt-losenord-2026")
    setup.lena.save()
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill("lena@kommun.example.org")
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r".*/$"))
    page.goto(live_server.url + reverse("inquiries:team_queue", args=["lokalbidrag"]))
    assert_accessible(page, "team queue")
    page.get_by_role("link", name=inquiry.reference).click()
    page.get_by_role("heading", name=re.compile(inquiry.reference)).wait_for()
    assert_accessible(page, "inquiry page for the team")
    page.get_by_role("button", name="Ta ärendet", exact=True).click()
    page.get_by_text("Du har tagit").wait_for()
    inquiry.refresh_from_db()
    assert inquiry.assigned_to == setup.lena


def test_the_secretarys_pages_pass_axe(live_server, page, setup, secretary, register):
    from samverkan.inquiries import services

    inquiry, token = register(kind="grant", text="lokalbidrag")
    services.inquiry_request_info(inquiry=inquiry, actor=setup.lena, text="Hur stor är lokalen?")
    services.inquiry_sender_answer(raw_token=token, text="120 kvadratmeter.")
    services.inquiry_close(inquiry=inquiry, actor=setup.lena, outcome="Beviljat.")
    services.team_create(name="Föreningslokaler", slug="lokaler")
    services.routing_rule_create(team=setup.culture, priority=30, kind="grant", words="lokalbidrag")

    secretary.set_password("ett-langt-losenord-2026")
    secretary.save()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill("sekreterare@example.org")
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r".*/$"))
    pages = {
        "work queues": reverse("inquiries:team_list"),
        "closed queue": reverse("inquiries:team_queue", args=["lokalbidrag"]) + "?visa=closed",
        "empty queue": reverse("inquiries:team_queue", args=["lokaler"]),
        "closed inquiry": reverse("inquiries:detail", args=[inquiry.pk]),
        "erasure": reverse("inquiries:erase", args=[inquiry.pk]),
        "routing with warnings": reverse("inquiries:routing"),
        "team form": reverse("inquiries:team_edit", args=[setup.grants.pk]),
        "rule form": reverse("inquiries:rule_create"),
        "statistics": reverse("inquiries:statistics"),
        "invalid link": reverse("inquiries:status", args=["finns-inte"]),
    }
    for label, path in pages.items():
        page.goto(live_server.url + path)
        assert_accessible(page, label)
    page.goto(live_server.url + reverse("inquiries:rule_create"))
    page.get_by_role("button", name="Spara").click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page, "rule form with errors")
