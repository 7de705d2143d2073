"""The public pages of council work, through HTTP: bodies, a meeting with its minutes,
attachments, the decision register, open tasks, tabled points and the personal link in the
notice. Assertions are on data and structure, not on translated text."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from samverkan.core.testing import assert_accessible, links_in
from samverkan.meetings import services
from samverkan.meetings.models import (
    ActionItem,
    Attachment,
    Attendance,
    CarriedOverPoint,
    Invitation,
    Meeting,
)
from samverkan.meetings.tests.conftest import CouncilSetup, record_minutes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Attachments are written to a temporary folder, never to var/uploads."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


# --- helpers ----------------------------------------------------------------------------------


def text_of(response) -> str:
    """The visible text of the page's main element, whitespace collapsed."""
    html = response.content.decode()
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def main_html(response) -> str:
    html = response.content.decode()
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def section(response, element_id: str) -> str:
    """The HTML of the <section> whose heading has this id."""
    html = main_html(response)
    start = html.index(f'aria-labelledby="{element_id}"')
    return html[start : html.index("</section>", start)]


def list_items(html: str) -> list[str]:
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", li)).split())
        for li in re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)
    ]


def add_attachment(
    item, name: str = "Bilaga – karta över samverkan.pdf", data: bytes = PDF
) -> Attachment:
    attachment = Attachment(
        agenda_item=item, original_name=name, content_type="application/pdf", size=len(data)
    )
    attachment.file.save(name, ContentFile(data), save=True)
    return attachment


def meeting_with_items(
    setup: CouncilSetup, count: int, day: date, *, visibility: str = Meeting.Visibility.PUBLIC
) -> Meeting:
    """A meeting of the council with `count` items, each with notes, a decision, a task, an
    attachment and a tabled point, and with attendance recorded; minutes published."""
    meeting = services.meeting_create(
        bodies=[setup.council],
        title=f"Rådsmöte {day}",
        date=day,
        start_time=time(16),
        end_time=time(18),
        visibility=visibility,
        carry_over=False,
    )
    record_minutes(
        meeting,
        setup.people,
        present=["chair", "maria", "secretary"],
        apologies=["fredrik"],
        guests={"guest": "föreläsare"},
    )
    for n in range(count):
        item = services.agenda_item_add(meeting=meeting, title=f"Punkt {n}", presenter="Anna")
        services.agenda_item_record(item=item, notes=f"Anteckningar {n}")
        services.decision_add(item=item, text=f"Rådet beslutar om föreningsstöd nummer {n}.")
        services.action_item_add(item=item, what=f"Uppdrag {n}", owner=setup.people["lotta"])
        services.point_carry_over(item=item, kind=CarriedOverPoint.Kind.TABLED, reason="tidsbrist")
        add_attachment(item, name=f"bilaga-{n}.pdf")
    return services.minutes_publish(meeting=meeting, recorded_by="Anna Fors")


# --- bodies -----------------------------------------------------------------------------------


def test_body_list_shows_the_bodies_with_working_groups_under_the_council(client, council_setup):
    response = client.get(reverse("meetings:body_list"))
    assert response.status_code == 200
    assert response.context["nav"] == "council"
    html = main_html(response)
    top = [b.slug for b in response.context["bodies"]]
    assert top == ["samverkansradet", "c-natet", "valberedningen"]
    council = response.context["bodies"][0]
    assert [c.slug for c in council.current_children] == ["au", "karta-over-samverkan"]
    assert council.member_count == 9
    network = response.context["bodies"][1]
    assert (network.member_count, network.vacant_count) == (4, 1)
    for body in council_setup.bodies:
        assert reverse("meetings:body_detail", args=[body.slug]) in html


def test_body_detail_lists_members_by_role_as_the_minutes_write_them(client, council_setup):
    response = client.get(reverse("meetings:body_detail", args=["samverkansradet"]))
    assert response.status_code == 200
    groups = {g.role: [s.label for s in g.seats] for g in response.context["role_groups"]}
    assert list(groups) == ["chair", "vice_chair", "secretary", "member"]
    assert groups["chair"] == ["Tina Fager, Örebro Föreningsråd"]
    assert groups["secretary"] == ["Anna Fors, Örebro kommun"]
    # Civil society first, then the politicians with their party.
    assert groups["member"] == [
        "Caroline Dahl, Örebro Rättighetscenter",
        "Fredrik Wall, Studieförbundet Vuxenskolan",
        "Lotta Karlsson, Stiftelsen Activa",
        "Jerker Lind (L)",
        "Madelen Strand (S)",
        "Maria Hedlund (M)",
    ]
    html = main_html(response)
    assert "Maria Hedlund (M)" in html
    assert reverse("meetings:body_feed", args=["samverkansradet"]) in html
    assert reverse("meetings:decisions") + "?body=samverkansradet" in html
    assert reverse("meetings:body_detail", args=["au"]) in html


def test_a_vacant_seat_is_shown_with_its_department_and_is_not_a_person(client, council_setup):
    response = client.get(reverse("meetings:body_detail", args=["c-natet"]))
    (members,) = response.context["role_groups"]
    vacant = [s for s in members.seats if s.is_vacant]
    assert [s.label for s in vacant] == ["Förskole- och grundskoleförvaltningen"]
    assert members.seats[-1].is_vacant, "vacant seats come after the people"
    html = main_html(response)
    (vacant_li,) = re.findall(r'<li class="vacant">([^<]*)</li>', html)
    assert "Förskole- och grundskoleförvaltningen" in vacant_li
    assert "Vakans" not in [s.label for s in members.seats]


def test_body_detail_lists_only_meetings_the_viewer_may_see(
    client, client_for, council_setup, past_public_meeting, members_only_meeting, upcoming_meeting
):
    url = reverse("meetings:body_detail", args=["samverkansradet"])
    private = reverse("meetings:meeting_detail", args=[members_only_meeting.meeting.pk])
    public = reverse("meetings:meeting_detail", args=[past_public_meeting.meeting.pk])
    coming = reverse("meetings:meeting_detail", args=[upcoming_meeting.meeting.pk])
    anonymous = client.get(url).content.decode()
    assert public in anonymous and coming in anonymous
    assert private not in anonymous
    assert private not in client_for(council_setup.outsider_user).get(url).content.decode()
    assert private in client_for(council_setup.member_user).get(url).content.decode()
    assert private in client_for(council_setup.secretary_user).get(url).content.decode()
    response = client.get(url)
    assert [m.pk for m in response.context["upcoming"]] == [upcoming_meeting.meeting.pk]
    assert [m.pk for m in response.context["page"].object_list] == [past_public_meeting.meeting.pk]


def test_body_detail_paginates_earlier_meetings(client, council_setup):
    for n in range(30):
        services.meeting_create(
            bodies=[council_setup.network],
            title=f"C-nätet {n:02d}",
            date=date(2022, 1, 1) + timedelta(days=7 * n),
            visibility=Meeting.Visibility.PUBLIC,
        )
    url = reverse("meetings:body_detail", args=["c-natet"])
    first = client.get(url)
    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].object_list[0].title == "C-nätet 29", "newest first"
    assert "sida=2" in first.content.decode()
    second = client.get(url, {"sida": 2})
    assert [m.title for m in second.context["page"].object_list][-1] == "C-nätet 00"
    assert client.get(url, {"sida": "abc"}).status_code == 200


def test_unknown_body_is_404(client, council_setup):
    assert client.get(reverse("meetings:body_detail", args=["finns-inte"])).status_code == 404


# --- a meeting --------------------------------------------------------------------------------


def test_members_only_meeting_is_404_for_those_who_may_not_see_it(
    client, client_for, council_setup, members_only_meeting
):
    url = reverse("meetings:meeting_detail", args=[members_only_meeting.meeting.pk])
    assert client.get(url).status_code == 404
    assert client_for(council_setup.outsider_user).get(url).status_code == 404
    # A C-network contact is not a member of the council, which alone holds this meeting.
    assert client_for(council_setup.network_user).get(url).status_code == 404
    member = client_for(council_setup.member_user).get(url)
    assert member.status_code == 200
    assert "hemlig rutin" in text_of(member)
    assert client_for(council_setup.secretary_user).get(url).status_code == 200
    assert client.get(reverse("meetings:meeting_detail", args=[999999])).status_code == 404


def test_meeting_page_shows_the_notice_facts(client, upcoming_meeting):
    meeting = upcoming_meeting.meeting
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    html = main_html(response)
    assert f"<h1>{meeting.title}</h1>" in html
    assert services.meeting_when(meeting) in text_of(response)
    assert f'<time datetime="{meeting.date:%Y-%m-%d}T16:00">' in html
    assert "Föreningarnas Hus" in html
    assert 'href="https://teams.example.org/mote"' in html
    assert reverse("meetings:meeting_ics", args=[meeting.pk]) in html
    assert reverse("meetings:body_detail", args=["samverkansradet"]) in html
    assert response.context["show_minutes"] is False
    assert "attendance" not in response.context
    assert f'id="item-{upcoming_meeting.items["plan"].pk}"' in html
    assert "Arbetsgruppen" in html


def test_meeting_page_shows_the_published_minutes(client, council_setup, past_public_meeting):
    meeting = past_public_meeting.meeting
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    attendance = section(response, "attendance-title")
    people = list_items(attendance)
    assert "Maria Hedlund (M)" in people
    assert "Caroline Dahl, Örebro Rättighetscenter" in people
    assert any(p.startswith("Tina Fager, Örebro Föreningsråd (") for p in people), people
    assert "Magnus Åström, digitaliseringsledare" in people

    listing = response.context["attendance"]
    present = {g.body.slug: [r.label for r in g.rows] for g in listing.present}
    assert list(present) == ["samverkansradet", "c-natet"], "the council first, as in the minutes"
    assert "Arianne Axell, Vård- och omsorgsförvaltningen" in present["c-natet"]
    apologies = {g.body.slug: [r.label for r in g.rows] for g in listing.apologies}
    assert apologies == {
        "samverkansradet": ["Fredrik Wall, Studieförbundet Vuxenskolan", "Madelen Strand (S)"],
        "c-natet": ["Camilla Vik, Vård- och omsorgsförvaltningen"],
    }
    (substitution,) = listing.substitutions
    assert (substitution.person.name, substitution.substitute_for.name) == (
        "Arianne Axell",
        "Camilla Vik",
    )
    assert "Arianne Axell" in attendance and "Camilla Vik" in attendance
    assert [r.organisation for g in listing.vacant for r in g.rows] == [
        "Förskole- och grundskoleförvaltningen"
    ]
    assert '<li class="vacant">' in attendance

    text = text_of(response)
    items = past_public_meeting.items
    assert "inleds med en presentationsrunda" in text
    assert "godkänna förslaget" in text
    assert "Skapar ett team och bjuder in." in text
    assert "Anna Fors, sekreterare" in text
    assert "tidsbrist" in text and "Rapport om sommarsatsningen" in text
    html = main_html(response)
    for item in items.values():
        assert f'id="item-{item.pk}"' in html
    assert reverse("meetings:minutes_pdf", args=[meeting.pk]) in html
    assert '<time datetime="2023-09-13T16:00">' in html


def test_draft_minutes_are_only_for_the_secretary(client, client_for, council_setup):
    meeting = services.meeting_create(
        bodies=[council_setup.council],
        title="Rådsmöte med utkast",
        date=date(2024, 3, 18),
        start_time=time(16),
        visibility=Meeting.Visibility.PUBLIC,
    )
    item = services.agenda_item_add(meeting=meeting, title="Aktivitetsplan")
    record_minutes(meeting, council_setup.people, present=["chair"])
    services.agenda_item_record(item=item, notes="Hemligt utkast till anteckning.")
    url = reverse("meetings:meeting_detail", args=[meeting.pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 200
    assert "Hemligt utkast" not in anonymous.content.decode()
    assert "attendance-title" not in anonymous.content.decode()
    secretary = client_for(council_setup.secretary_user).get(url)
    assert "Hemligt utkast" in secretary.content.decode()
    assert secretary.context["is_draft"] is True


def test_the_history_of_changes_to_published_minutes_is_visible(
    client, council_setup, past_public_meeting
):
    item = past_public_meeting.items["evaluation"]
    (decision,) = past_public_meeting.decisions
    services.minutes_revise(
        item=item,
        actor=council_setup.secretary_user,
        reason="Felskrivning rättad efter påpekande från ordföranden.",
        decision=decision,
        decision_text="Samverkansrådet beslutar att godkänna det reviderade förslaget.",
    )
    response = client.get(reverse("meetings:meeting_detail", args=[past_public_meeting.meeting.pk]))
    history = section(response, "history-title")
    assert "Felskrivning rättad" in history
    assert "Anna Fors" in history
    assert "lämna det vidare för beredning" in history  # before
    assert "det reviderade förslaget" in history  # after
    assert "<del>" in history and "<ins>" in history
    assert item.title in history
    assert "anna.fors@example.org" not in response.content.decode(), "no email addresses"
    (row,) = response.context["revisions"]
    assert row["item"] == item and row["kind"] == "decision"


def test_cancelled_meeting_still_has_its_page(client, upcoming_meeting):
    services.meeting_cancel(meeting=upcoming_meeting.meeting)
    response = client.get(reverse("meetings:meeting_detail", args=[upcoming_meeting.meeting.pk]))
    assert response.status_code == 200
    assert reverse("meetings:meeting_ics", args=[upcoming_meeting.meeting.pk]) not in main_html(
        response
    )


def test_meeting_page_query_count_does_not_grow_with_the_items(
    client_for, council_setup, django_assert_max_num_queries
):
    small = meeting_with_items(council_setup, 3, date(2023, 3, 1), visibility="members")
    large = meeting_with_items(council_setup, 20, date(2023, 4, 1), visibility="members")
    member = client_for(council_setup.member_user)
    with django_assert_max_num_queries(25) as few:
        response = member.get(reverse("meetings:meeting_detail", args=[small.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = member.get(reverse("meetings:meeting_detail", args=[large.pk]))
    assert len(response.context["items"]) == 20
    assert "bilaga-19.pdf" in response.content.decode()


# --- attachments ------------------------------------------------------------------------------


def test_attachment_downloads_with_its_original_name_and_nosniff(client, past_public_meeting):
    attachment = add_attachment(past_public_meeting.items["one_way_in"])
    page = client.get(reverse("meetings:meeting_detail", args=[past_public_meeting.meeting.pk]))
    url = reverse("meetings:attachment_download", args=[attachment.pk])
    assert url in page.content.decode()
    assert "Bilaga – karta över samverkan.pdf" in text_of(page)

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''Bilaga%20%E2%80%93%20karta%20%C3%B6ver%20samverkan.pdf" in disposition
    assert b"".join(response.streaming_content) == PDF
    response.close()


def test_members_only_attachment_is_404_for_others(
    client, client_for, council_setup, members_only_meeting
):
    attachment = add_attachment(members_only_meeting.items["exclusion"], name="rutin.pdf")
    url = reverse("meetings:attachment_download", args=[attachment.pk])
    assert client.get(url).status_code == 404
    assert client_for(council_setup.outsider_user).get(url).status_code == 404
    response = client_for(council_setup.member_user).get(url)
    assert response.status_code == 200
    assert 'filename="rutin.pdf"' in response["Content-Disposition"]
    response.close()


def test_attachment_missing_on_disk_is_404_not_500(client, past_public_meeting):
    attachment = add_attachment(past_public_meeting.items["map"])
    attachment.file.storage.delete(attachment.file.name)
    assert (
        client.get(reverse("meetings:attachment_download", args=[attachment.pk])).status_code == 404
    )
    assert client.get(reverse("meetings:attachment_download", args=[999999])).status_code == 404


# --- the decision register --------------------------------------------------------------------


def decisions_on(response) -> list[str]:
    return [d.text for d in response.context["page"].object_list]


def test_decision_register_shows_only_decisions_the_viewer_may_see(
    client, client_for, council_setup, past_public_meeting, members_only_meeting
):
    url = reverse("meetings:decisions")
    public_text = past_public_meeting.decisions[0].text
    private_text = members_only_meeting.decisions[0].text
    assert decisions_on(client.get(url)) == [public_text]
    assert decisions_on(client_for(council_setup.outsider_user).get(url)) == [public_text]
    assert decisions_on(client_for(council_setup.member_user).get(url)) == [
        private_text,
        public_text,
    ], "newest first"
    assert decisions_on(client_for(council_setup.secretary_user).get(url)) == [
        private_text,
        public_text,
    ]
    html = client.get(url).content.decode()
    item = past_public_meeting.items["evaluation"]
    link = reverse("meetings:meeting_detail", args=[past_public_meeting.meeting.pk])
    assert f'href="{link}#item-{item.pk}"' in html
    assert "<caption" in html and 'scope="col"' in html


def test_decision_search_is_swedish(client, past_public_meeting, members_only_meeting):
    url = reverse("meetings:decisions")
    expected = [past_public_meeting.decisions[0].text]
    assert decisions_on(client.get(url, {"q": "föreningar"})) == expected
    assert decisions_on(client.get(url, {"q": "FÖRENING"})) == expected
    assert decisions_on(client.get(url, {"q": "utvärdering"})) == expected, "the item's title"
    assert decisions_on(client.get(url, {"q": "föreningar cykelbana"})) == []
    assert decisions_on(client.get(url, {"q": "uteslutning"})) == [], "members only"


def test_decision_filters_by_body_and_year(client_for, council_setup, past_public_meeting):
    meeting = services.meeting_create(
        bodies=[council_setup.network],
        title="C-nätet",
        date=date(2024, 2, 1),
        visibility=Meeting.Visibility.PUBLIC,
        carry_over=False,
    )
    item = services.agenda_item_add(meeting=meeting, title="Kontaktpersoner")
    record_minutes(meeting, council_setup.people, present=["urban"])
    services.decision_add(item=item, text="C-nätet utser kontaktpersoner.")
    services.minutes_publish(meeting=meeting, recorded_by="Anna Fors")
    client = client_for(None)
    url = reverse("meetings:decisions")
    assert decisions_on(client.get(url, {"body": "c-natet"})) == ["C-nätet utser kontaktpersoner."]
    assert decisions_on(client.get(url, {"body": "samverkansradet"})) == [
        past_public_meeting.decisions[0].text
    ]
    assert decisions_on(client.get(url, {"year": "2023"})) == [
        past_public_meeting.decisions[0].text
    ]
    assert decisions_on(client.get(url, {"year": "2024", "body": "c-natet"})) == [
        "C-nätet utser kontaktpersoner."
    ]
    assert decisions_on(client.get(url, {"year": "2024", "body": "samverkansradet"})) == []
    assert client.get(url).context["form"].fields["year"].choices[1:] == [
        ("2024", "2024"),
        ("2023", "2023"),
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"q": "%"},
        {"q": "_"},
        {"q": "x" * 500},
        {"body": "finns-inte"},
        {"year": "tjugo"},
        {"year": "1850"},
        {"sida": "abc"},
        {"sida": "9999"},
        {"q": "\\'\""},
    ],
)
def test_odd_decision_queries_never_fail(client, past_public_meeting, query):
    assert client.get(reverse("meetings:decisions"), query).status_code == 200


def test_decision_register_paginates_and_keeps_the_search(client, council_setup):
    meeting_with_items(council_setup, 30, date(2023, 5, 1))
    url = reverse("meetings:decisions")
    first = client.get(url, {"q": "föreningsstöd"})
    assert len(first.context["page"].object_list) == 25
    assert "q=f%C3%B6reningsst%C3%B6d&amp;sida=2" in first.content.decode()
    second = client.get(url, {"q": "föreningsstöd", "sida": 2})
    assert len(second.context["page"].object_list) == 5


def test_decision_register_query_count_is_constant(
    client, council_setup, django_assert_max_num_queries
):
    meeting_with_items(council_setup, 3, date(2023, 3, 1))
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("meetings:decisions"))
    meeting_with_items(council_setup, 20, date(2023, 4, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("meetings:decisions"))
    assert response.context["page"].paginator.count == 23


# --- open tasks -------------------------------------------------------------------------------


def test_open_tasks_are_grouped_per_person_with_overdue_marked(client, past_public_meeting):
    done = past_public_meeting.actions[1]  # "AU: Återkommer med förslag på datum."
    services.action_item_set_done(action=done)
    response = client.get(reverse("meetings:action_items"))
    assert response.status_code == 200
    groups = {
        g.label: [(r.action.what, r.is_overdue) for r in g.rows] for g in response.context["groups"]
    }
    assert groups == {
        "Anna Fors": [("Skapar ett team och bjuder in.", True)],
        "Lotta Karlsson": [("Tar fram ett utkast till karta.", False)],
    }
    html = main_html(response)
    assert html.count("action--overdue") == 1
    assert '<time datetime="2023-10-01">' in html
    assert done.what not in html
    assert response.context["person"] is None


def test_a_member_sees_their_own_tasks_first(client_for, council_setup, past_public_meeting):
    response = client_for(council_setup.member_user).get(reverse("meetings:action_items"))
    assert [r.action.what for r in response.context["mine"]] == ["Tar fram ett utkast till karta."]
    html = main_html(response)
    assert html.index('id="mine-title"') < html.index("Skapar ett team")


def test_open_tasks_follow_visibility_and_the_body_filter(
    client, client_for, council_setup, past_public_meeting, members_only_meeting
):
    meeting = meeting_with_items(council_setup, 1, date(2023, 12, 1), visibility="members")
    url = reverse("meetings:action_items")
    anonymous = [r.action.what for g in client.get(url).context["groups"] for r in g.rows]
    assert "Uppdrag 0" not in anonymous
    member = client_for(council_setup.member_user).get(url)
    assert "Uppdrag 0" in [r.action.what for g in member.context["groups"] for r in g.rows]
    assert ActionItem.objects.filter(agenda_item__meeting=meeting).count() == 1
    by_network = client.get(url, {"body": "c-natet"})
    assert by_network.context["count"] == 3  # the joint meeting's open tasks
    assert client.get(url, {"body": "valberedningen"}).context["count"] == 0
    assert client.get(url, {"body": "finns-inte"}).status_code == 200


def test_open_tasks_query_count_is_constant(client, council_setup, django_assert_max_num_queries):
    meeting_with_items(council_setup, 3, date(2023, 3, 1))
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("meetings:action_items"))
    meeting_with_items(council_setup, 20, date(2023, 4, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("meetings:action_items"))
    assert response.context["count"] == 23


# --- tabled points and follow-ups -------------------------------------------------------------


def test_tabled_points_show_where_they_came_from_and_where_they_went(
    client, council_setup, past_public_meeting
):
    url = reverse("meetings:carried_over")
    response = client.get(url)
    ((body, histories),) = response.context["open_by_body"]
    assert body == council_setup.council
    assert {h.title for h in histories} == {
        "Enkät om coronas effekter",
        "Rapport om sommarsatsningen",
    }
    tabled = next(h for h in histories if h.title == "Enkät om coronas effekter")
    assert [(e.kind, e.meeting, e.reason) for e in tabled.events] == [
        ("tabled", past_public_meeting.meeting, "tidsbrist")
    ]
    assert "tidsbrist" in text_of(response)

    # The next meeting takes the points up by itself, then tables one of them again.
    next_meeting = services.meeting_create(
        bodies=[council_setup.council],
        title="Samverkansrådet november",
        date=date(2023, 11, 7),
        start_time=time(16, 30),
        visibility=Meeting.Visibility.PUBLIC,
    )
    came_back = {i.title: i for i in next_meeting.agenda_items.all()}
    assert set(came_back) == {"Enkät om coronas effekter", "Rapport om sommarsatsningen"}
    on_agenda = client.get(url)
    tabled = next(
        h
        for b, hs in on_agenda.context["open_by_body"]
        for h in hs
        if h.title == "Enkät om coronas effekter"
    )
    assert [e.kind for e in tabled.events] == ["tabled", "on_agenda"]
    assert tabled.events[-1].meeting == next_meeting

    record_minutes(next_meeting, council_setup.people, present=["chair", "secretary"])
    services.point_carry_over(
        item=came_back["Enkät om coronas effekter"],
        kind=CarriedOverPoint.Kind.TABLED,
        reason="tidsbrist igen",
    )
    services.minutes_publish(meeting=next_meeting, recorded_by="Anna Fors")

    response = client.get(url)
    open_titles = [h.title for _b, hs in response.context["open_by_body"] for h in hs]
    assert open_titles == ["Enkät om coronas effekter"]
    (history,) = [h for _b, hs in response.context["open_by_body"] for h in hs]
    assert [(e.kind, e.again, e.meeting) for e in history.events] == [
        ("tabled", False, past_public_meeting.meeting),
        ("tabled", True, next_meeting),
    ]
    (dealt,) = response.context["dealt_with"]
    assert dealt.title == "Rapport om sommarsatsningen"
    assert [e.kind for e in dealt.events] == ["follow_up", "dealt_with"]
    html = main_html(response)
    later = reverse("meetings:meeting_detail", args=[next_meeting.pk])
    assert f"{later}#item-{came_back['Rapport om sommarsatsningen'].pk}" in html


def test_tabled_points_of_members_only_meetings_are_hidden(
    client, client_for, council_setup, members_only_meeting
):
    meeting_with_items(council_setup, 1, date(2023, 12, 1), visibility="members")
    url = reverse("meetings:carried_over")
    assert client.get(url).context["open_by_body"] == []
    member = client_for(council_setup.member_user).get(url)
    assert [h.title for _b, hs in member.context["open_by_body"] for h in hs] == ["Punkt 0"]
    assert client.get(url, {"body": "nonsense"}).status_code == 200


def test_tabled_points_query_count_is_constant(
    client, council_setup, django_assert_max_num_queries
):
    meeting_with_items(council_setup, 3, date(2023, 3, 1))
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("meetings:carried_over"))
    meeting_with_items(council_setup, 20, date(2023, 4, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("meetings:carried_over"))
    assert sum(len(hs) for _b, hs in response.context["open_by_body"]) == 23


# --- the personal link in the notice ----------------------------------------------------------


def respond_url(raw: str) -> str:
    return reverse("meetings:invitation_respond", args=[raw])


def test_the_notice_link_lets_a_member_answer_without_logging_in(
    client, council_setup, upcoming_meeting, smtp_server
):
    from samverkan.outbox.services import outbox_deliver

    services.notice_send(meeting=upcoming_meeting.meeting)
    outbox_deliver()
    (mail,) = smtp_server.to("lotta@example.org")
    link = next(url for url in links_in(mail) if "/svar/" in url)
    path = re.sub(r"^https?://[^/]+", "", link)

    page = client.get(path)
    assert page.status_code == 200
    assert page.context["person"] == council_setup.people["lotta"]
    html = main_html(page)
    assert 'name="response" value="attending"' in html
    assert 'name="response" value="absent"' in html
    assert upcoming_meeting.items["plan"].title in html

    answered = client.post(path, {"response": "absent"}, follow=True)
    assert answered.status_code == 200
    invitation = Invitation.objects.get(
        meeting=upcoming_meeting.meeting, person=council_setup.people["lotta"]
    )
    assert invitation.response == Invitation.Response.ABSENT
    assert 'data-response="absent"' in answered.content.decode()


def test_answering_twice_just_updates_the_answer(
    client, council_setup, upcoming_meeting, invitation_link
):
    invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["caroline"])
    first = client.post(respond_url(raw), {"response": "attending"})
    assert first.status_code == 302 and first["Location"] == respond_url(raw)
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.ATTENDING
    client.post(respond_url(raw), {"response": "absent"})
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.ABSENT
    client.post(respond_url(raw), {"response": "attending"})
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.ATTENDING
    assert Invitation.objects.filter(meeting=upcoming_meeting.meeting).count() == 1
    # The answer later fills the attendance list (förhinder → apologies).
    client.post(respond_url(raw), {"response": "absent"})
    services.minutes_start(meeting=upcoming_meeting.meeting)
    services.attendance_prefill(meeting=upcoming_meeting.meeting)
    assert (
        Attendance.objects.get(
            meeting=upcoming_meeting.meeting, person=council_setup.people["caroline"]
        ).status
        == Attendance.Status.APOLOGIES
    )


def test_an_odd_answer_is_a_400_not_a_500(client, council_setup, upcoming_meeting, invitation_link):
    invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["caroline"])
    response = client.post(respond_url(raw), {"response": "maybe"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.NONE


def test_the_link_after_the_meeting_is_gone_with_the_reason(
    client, council_setup, upcoming_meeting, invitation_link
):
    invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["caroline"])
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    for response in (
        client.get(respond_url(raw)),
        client.post(respond_url(raw), {"response": "absent"}),
    ):
        assert response.status_code == 410
        assert response.templates[0].name == "meetings/invitation_invalid.html"
        assert response.context["error"] in text_of(response)
        assert 'role="alert"' in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.NONE


def test_the_link_of_a_cancelled_meeting_is_gone(
    client, council_setup, upcoming_meeting, invitation_link
):
    _invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["caroline"])
    services.meeting_cancel(meeting=upcoming_meeting.meeting)
    response = client.get(respond_url(raw))
    assert response.status_code == 410
    assert response.context["error"]


def test_someone_elses_link_is_forbidden(
    client_for, council_setup, upcoming_meeting, invitation_link
):
    invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["lotta"])
    other = client_for(council_setup.network_user)
    assert other.get(respond_url(raw)).status_code == 403
    response = other.post(respond_url(raw), {"response": "absent"})
    assert response.status_code == 403
    assert response.context["error"] in text_of(response)
    invitation.refresh_from_db()
    assert invitation.response == Invitation.Response.NONE
    # The person's own account, and anybody not logged in, may use it.
    assert client_for(council_setup.member_user).get(respond_url(raw)).status_code == 200
    assert client_for(None).get(respond_url(raw)).status_code == 200


@pytest.mark.parametrize("token", ["nonsense", "x" * 200, "%C3%A5"])
def test_an_unknown_link_is_gone(client, council_setup, token):
    response = client.get(respond_url(token))
    assert response.status_code == 410
    assert response.context["error"]
    assert client.post(respond_url(token), {"response": "attending"}).status_code == 410


def test_the_answer_page_is_never_cached(client, council_setup, upcoming_meeting, invitation_link):
    _invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["lotta"])
    response = client.get(respond_url(raw))
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


# --- in a real browser ------------------------------------------------------------------------


def test_council_pages_are_accessible(
    live_server, page, council_setup, past_public_meeting, upcoming_meeting, invitation_link
):
    add_attachment(past_public_meeting.items["one_way_in"])
    services.minutes_revise(
        item=past_public_meeting.items["welcome"],
        actor=council_setup.secretary_user,
        reason="Rättat namn.",
        notes="Ordförande hälsar alla välkomna.",
    )
    _invitation, raw = invitation_link(upcoming_meeting.meeting, council_setup.people["lotta"])
    pages = {
        "body list": reverse("meetings:body_list"),
        "council page": reverse("meetings:body_detail", args=["samverkansradet"]),
        "C-network page with a vacant seat": reverse("meetings:body_detail", args=["c-natet"]),
        "meeting with minutes": reverse(
            "meetings:meeting_detail", args=[past_public_meeting.meeting.pk]
        ),
        "decision register": reverse("meetings:decisions") + "?q=f%C3%B6reningar",
        "open tasks": reverse("meetings:action_items"),
        "tabled points": reverse("meetings:carried_over"),
        "answer to the notice": respond_url(raw),
    }
    for label, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, label
        assert_accessible(page, label)

    page.goto(live_server.url + respond_url(raw))
    page.locator('button[value="absent"]').click()
    page.locator('[data-response="absent"]').wait_for()
    assert_accessible(page, "answer to the notice after answering")
    page.goto(live_server.url + respond_url("ogiltig"))
    assert_accessible(page, "invalid link")
