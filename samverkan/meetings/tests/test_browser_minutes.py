"""The secretary records minutes in a real browser, by keyboard and mouse, and axe checks the
secretary's pages."""

import re
from datetime import date, time, timedelta

from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.testing import assert_accessible
from samverkan.meetings import services
from samverkan.meetings.models import Attendance, Decision, Meeting
from samverkan.organisations import services as organisation_services


def log_in(page, live_server):
    user = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    user.set_password("ett-langt-losenord-2026")
    user.save()
    page.goto(live_server.url + reverse("accounts:login_password"))
    page.get_by_label("E-postadress").fill("sekreterare@example.org")
    page.get_by_label("Lösenord").fill("ett-langt-losenord-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(live_server.url + "/")


def test_recording_minutes_in_the_browser(live_server, page):
    council = services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")
    forening = organisation_services.organisation_create(name="Vinterö IK", kind="network")
    anna = services.person_create(name="Anna Berg", email="anna@example.org")
    bo = services.person_create(name="Bo Ström", email="bo@example.org")
    for person in (anna, bo):
        services.membership_add(
            body=council, person=person, organisation=forening, start=date(2024, 1, 1)
        )
    meeting = services.meeting_create(
        bodies=[council],
        title="Samverkansrådet",
        kind="meeting",
        date=timezone.localdate() - timedelta(days=1),
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus",
        visibility="public",
    )
    item = services.agenda_item_add(meeting=meeting, title="Aktivitetsplanen", item_type="decision")

    log_in(page, live_server)
    page.goto(live_server.url + reverse("meetings:manage_meetings") + "?visa=tidigare")
    assert_accessible(page, "meetings list")
    page.goto(live_server.url + reverse("meetings:meeting_edit", args=[meeting.pk]))
    assert_accessible(page, "meeting edit page")
    page.goto(live_server.url + reverse("meetings:minutes_edit", args=[meeting.pk]))
    assert_accessible(page, "empty minutes")

    with page.expect_navigation():
        page.get_by_role("button", name="Fyll i ledamöterna").click()
    page.get_by_label("Närvaro för Bo Ström").select_option("apologies")
    with page.expect_navigation():
        page.get_by_label("Närvaro för Bo Ström").locator("xpath=..").get_by_role("button").click()

    section = page.locator(f"#item-{item.pk}")
    section.get_by_label("Anteckningar").fill("Arbetsgruppen presenterade förslaget.")
    with page.expect_navigation():
        section.get_by_role("button", name="Spara anteckningarna").click()
    section = page.locator(f"#item-{item.pk}")
    section.locator("summary", has_text="beslut").click()
    section.get_by_label("Beslut").fill("Samverkansrådet beslutar att anta aktivitetsplanen.")
    with page.expect_navigation():
        section.get_by_role("button", name="Lägg till beslutet").click()
    assert_accessible(page, "minutes with content")

    page.get_by_label("Antecknat av").fill("Sara Sekreterare")
    page.get_by_role("button", name="Publicera minnesanteckningarna").click()
    # The browser keeps the #item fragment of the previous redirect.
    page.wait_for_url(
        re.compile(re.escape(reverse("meetings:meeting_detail", args=[meeting.pk])) + r"(#.*)?$")
    )

    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert Attendance.objects.get(person=bo).status == "apologies"
    assert Attendance.objects.get(person=anna).status == "present"
    assert Decision.objects.get().text == "Samverkansrådet beslutar att anta aktivitetsplanen."
    item.refresh_from_db()
    assert item.notes == "Arbetsgruppen presenterade förslaget."
    assert_accessible(page, "published minutes")


def test_body_page_for_the_secretary_is_accessible(live_server, page):
    council = services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")
    log_in(page, live_server)
    page.goto(live_server.url + reverse("meetings:body_manage", args=[council.slug]))
    assert_accessible(page, "body management")
    page.goto(live_server.url + reverse("meetings:people"))
    assert_accessible(page, "people")
    page.goto(live_server.url + reverse("meetings:meeting_create"))
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    assert_accessible(page, "meeting form with errors")
