"""In a real Chromium, with axe-core: the catalogue, a contact point, the map (by keyboard too,
and printed), the ladder, and the secretary's form."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from samverkan.collaboration_map import services
from samverkan.collaboration_map.tests.conftest import URLS
from samverkan.core.testing import assert_accessible

pytestmark = pytest.mark.urls(URLS)


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                inMap: !!el.closest('svg.collab-map'),
                label: el.getAttribute('aria-label'),
                href: el.getAttribute('href'),
            };
        }"""
    )


def test_a_visitor_finds_their_way_by_catalogue_map_and_ladder(live_server, page, catalogue):
    services.ladder_create_standard_steps()
    url = live_server.url

    page.goto(url + reverse("collaboration_map:catalogue"))
    assert_accessible(page, "catalogue")
    page.get_by_label("Tema").select_option("idrott")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url(re.compile(r"theme=idrott"))
    assert_accessible(page, "filtered catalogue")
    page.get_by_role("link", name="Kultur- och fritidsförvaltningens ingång").click()
    page.get_by_role("heading", name="Kultur- och fritidsförvaltningens ingång").wait_for()
    assert_accessible(page, "contact point page")
    page.get_by_role("link", name="Samverkansrådet").first.click()
    page.get_by_role("heading", name="Samverkansrådet", exact=True).wait_for()
    assert_accessible(page, "contact point page of an adopted body")

    page.goto(url + reverse("collaboration_map:map"))
    assert_accessible(page, "map")
    # By keyboard: from the filter's button, Tab goes into the map, the municipality first.
    page.locator("#map-filter-submit").focus()
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["inMap"] and first["label"] == "Älvstads kommun"
    page.keyboard.press("Tab")
    second = focused(page)
    assert second["inMap"] and second["label"].endswith(", forum")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(second["href"]) + "$"))
    assert page.locator("h1").inner_text() == second["label"].removesuffix(", forum")

    # Printed, the map fits on one A4 page.
    page.goto(url + reverse("collaboration_map:map"))
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595), "A4 landscape"
    page.emulate_media(media="screen")

    page.goto(url + reverse("collaboration_map:map_embed_frame"))
    assert_accessible(page, "embeddable frame")
    page.goto(url + reverse("collaboration_map:map_embed_code"))
    assert_accessible(page, "snippet page")

    page.goto(url + reverse("collaboration_map:ladder"))
    assert_accessible(page, "ladder, first question")
    page.get_by_role("button", name="Nästa fråga").click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page, "ladder, a question left unanswered")
    page.get_by_label("Förening", exact=True).check()
    page.get_by_role("button", name="Nästa fråga").click()
    page.get_by_label("Bidrag").check()
    page.get_by_role("button", name="Nästa fråga").click()
    page.get_by_label("En gång, eller då och då").check()
    page.get_by_role("button", name="Visa vart ni ska vända er").click()
    page.get_by_role("heading", name="Vart ni kan vända er").wait_for()
    assert_accessible(page, "ladder, where to go")
    assert page.get_by_role("link", name="Handläggarteam aktivitetsstöd").first.is_visible()


def test_the_secretary_adds_a_contact_point_in_the_browser(live_server, page, catalogue, secretary):
    secretary.set_password("ett-langt-losenord-2026")
    secretary.save()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill("sekreterare@example.org")
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    page.goto(live_server.url + reverse("collaboration_map:manage"))
    assert_accessible(page, "the secretary's catalogue")
    page.get_by_role("link", name="Lägg till en kontaktyta").click()
    assert_accessible(page, "new contact point form")
    page.get_by_label(re.compile(r"^Namn")).fill("Handläggarteam föreningslokaler")
    page.get_by_label(re.compile(r"^Syfte")).fill("<b>Lokaler</b>")
    page.get_by_role("button", name="Lägg till", exact=True).click()
    page.locator("#id_purpose_error").wait_for()
    assert "vanlig text" in page.locator("#id_purpose_error").inner_text()
    assert_accessible(page, "new contact point form with an error")
    page.get_by_label(re.compile(r"^Syfte")).fill("Hjälper föreningar att hitta lokaler.")
    page.get_by_label("Bidrag").check()
    page.get_by_role("button", name="Lägg till", exact=True).click()
    page.get_by_role("heading", name="Ändra Handläggarteam föreningslokaler").wait_for()
    assert_accessible(page, "edit contact point")
