"""What a person clicks, in a real Chromium, with axe-core checking every public page."""

import re

from django.urls import reverse

from samverkan.core.testing import assert_accessible, links_in
from samverkan.organisations import services
from samverkan.organisations.models import Signature, SignatureStatus
from samverkan.organisations.tests.conftest import sign_and_approve


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_volunteer_signs_on_a_phone_and_the_secretary_approves(
    live_server, browser, agreement, secretary, terms, smtp_server
):
    from samverkan.core.testing import new_browser_context

    phone = new_browser_context(browser, viewport={"width": 360, "height": 740}, is_mobile=True)
    page = phone.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Anslut er organisation").first.click()
    assert_accessible(page, "empty signing form")

    page.get_by_label("Organisationens namn").fill("Vinterö Hembygdsförening")
    page.get_by_label("Typ av organisation").select_option("association")
    page.get_by_label("Organisationsnummer").fill("802002-4281")  # wrong check digit
    page.get_by_label("Idrott").check()
    page.get_by_label("Ditt namn").fill("Greta Gran")
    page.get_by_label("Din roll i organisationen").fill("ordförande")
    page.get_by_label("Din e-postadress").fill("greta@example.org")
    page.get_by_role("button", name="Fortsätt").click()

    error = page.locator("#id_organisation_number_error")
    assert "kontrollsiffra" in error.inner_text()
    assert page.get_by_label("Organisationens namn").input_value() == "Vinterö Hembygdsförening", (
        "nothing typed is lost"
    )
    assert_accessible(page, "signing form with an error")

    page.get_by_label("Organisationsnummer").fill("802002-4280")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_role("heading", name="Titta i din e-post").wait_for()
    assert_accessible(page, "check your email")

    (mail,) = smtp_server.wait_for(1)
    page.goto(live_server.url + path_of(links_in(mail)[0]))
    assert_accessible(page, "confirm page")
    page.get_by_role("button", name="Underteckna").click()
    assert "Kryssa i rutan" in page.locator(".error-summary").inner_text()
    page.get_by_label(re.compile("står bakom|värdegrund|värden", re.I)).check()
    page.get_by_role("button", name="Underteckna").click()
    page.get_by_role("heading", name="Tack för att ni ansluter er").wait_for()
    assert Signature.objects.get().status == SignatureStatus.PENDING
    phone.close()

    desk = new_browser_context(browser)
    page = desk.new_page()
    secretary.set_password("ett-langt-losenord-2026")
    secretary.save()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill("sekreterare@example.org")
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.goto(live_server.url + reverse("organisations:review_queue"))
    assert_accessible(page, "review queue")
    page.get_by_role("link", name="Vinterö Hembygdsförening").click()
    assert_accessible(page, "signature review")
    page.get_by_role("button", name="Godkänn anslutningen").click()
    page.wait_for_url(live_server.url + reverse("organisations:review_queue"))
    assert Signature.objects.get().status == SignatureStatus.ACTIVE

    page.goto(live_server.url + reverse("organisations:register"))
    page.locator("#main").get_by_role("searchbox").fill("hembygdsföreningar")
    page.locator("#main").get_by_role("button", name="Sök").click()
    page.wait_for_url(re.compile(r"q=hembygdsf"))
    page.get_by_role("link", name="Vinterö Hembygdsförening").wait_for()
    desk.close()


def test_the_register_works_by_keyboard(live_server, page, agreement, secretary, terms):
    sign_and_approve(
        agreement, secretary, name="Åsens Schackklubb", kind="network", terms=[terms["idrott"]]
    )
    page.goto(live_server.url + reverse("organisations:register"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Hoppa till innehållet" in focused
    page.keyboard.press("Enter")
    page.locator("#main").get_by_role("searchbox").focus()
    page.keyboard.type("schack")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=schack"))
    assert page.get_by_role("link", name="Åsens Schackklubb").is_visible()


def test_every_public_page_passes_axe(
    live_server, page, agreement, previous_agreement, secretary, terms
):
    signature = sign_and_approve(
        agreement,
        secretary,
        name="Norrby IK",
        kind="association",
        number="802002-4280",
        terms=[terms["idrott"], terms["norrby"]],
    )
    withdrawn = sign_and_approve(agreement, secretary, name="Åsens IF", kind="network")
    services.signature_withdraw(signature=withdrawn, actor=secretary, reason="Nedlagd")
    paths = {
        "home": "/",
        "agreement": reverse("organisations:agreement_current"),
        "agreement easy-read": reverse("organisations:agreement_easy_read", args=[agreement.pk]),
        "register": reverse("organisations:register"),
        "register, no hits": reverse("organisations:register") + "?q=finnsinte",
        "register, filtered": reverse("organisations:register") + "?area=idrott&district=norrby",
        "renewal": reverse("organisations:renewal_overview"),
        "organisation": reverse(
            "organisations:organisation_detail", args=[signature.organisation_id]
        ),
        "verification yes": reverse(
            "organisations:verify", args=[signature.organisation.public_id]
        ),
        "verification no": reverse("organisations:verify", args=[withdrawn.organisation.public_id]),
        "sign": reverse("organisations:sign"),
        "sign sent": reverse("organisations:sign_sent"),
        "bad link": reverse("organisations:sign_confirm", args=["made-up"]),
        "open data": reverse("opendata:page"),
        "accessibility": reverse("core:accessibility"),
        "privacy": reverse("core:privacy"),
        "contact": reverse("core:contact"),
        "login": reverse("accounts:login"),
        "password login": reverse("accounts:login_password"),
        "not found": "/finns-inte/",
    }
    for label, path in paths.items():
        page.goto(live_server.url + path)
        assert_accessible(page, label)
    page.goto(live_server.url + reverse("core:contact"))
    page.get_by_role("button", name="Skicka").click()
    assert_accessible(page, "contact form with errors")
    page.goto(live_server.url + reverse("organisations:register"))
    page.get_by_role("link", name="In English").click()
    page.get_by_role("heading", name="Who has signed the agreement").wait_for()
    assert_accessible(page, "register in English")


def test_pages_reflow_at_320_pixels_without_sideways_scrolling(
    live_server, browser, agreement, secretary, terms
):
    from samverkan.core.testing import new_browser_context

    signature = sign_and_approve(
        agreement,
        secretary,
        name="Föreningen Östra Hamnens Kajakpaddlare",
        kind="network",
        terms=[terms["idrott"]],
    )
    context = new_browser_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in [
        "/",
        reverse("organisations:register"),
        reverse("organisations:sign"),
        reverse("organisations:organisation_detail", args=[signature.organisation_id]),
        reverse("organisations:agreement_current"),
        reverse("opendata:page"),
    ]:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321)"
            ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5)"
        )
        assert width <= 320, f"{path} is {width} px wide at a 320 px viewport: {wide}"
        assert_accessible(page, f"{path} at 320 px")
    context.close()
