"""The ladder through HTTP as a browser without JavaScript uses it: one GET form per question,
the answers carried along in hidden fields, then the contact points and the inquiry link."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from samverkan.collaboration_map import selectors, services
from samverkan.collaboration_map.tests.conftest import URLS
from samverkan.collaboration_map.tests.test_public import WITH_INQUIRIES

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


def form_fields(response) -> tuple[str, list[tuple[str, str]], list[str], str]:
    """The ladder form's action, hidden fields, radio choices and the radios' name."""
    html = response.content.decode()
    form = re.search(r'<form method="get" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form, "the question is a GET form"
    action, body = form.group(1), form.group(2)
    hidden = [
        (unescape(name), unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body)
    ]
    radios = re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', body)
    assert radios, "one question with choices"
    names = {name for name, _ in radios}
    assert len(names) == 1, "one question at a time"
    return action, hidden, [value for _, value in radios], names.pop()


def answer(client, response, value: str | None):
    action, hidden, choices, name = form_fields(response)
    data = list(hidden)
    if value is not None:
        assert value in choices
        data.append((name, value))
    return client.get(action, data)


def walk(client, *values):
    response = client.get(reverse("collaboration_map:ladder"))
    for value in values:
        response = answer(client, response, value)
    return response


def recommended(response) -> list[str]:
    html = response.content.decode()
    section = html[html.index("Kontaktytor för er") :]
    return re.findall(r'<h3><a href="/kontaktytor/[^"]+">([^<]+)</a></h3>', section)


@pytest.fixture
def ladder(catalogue, secretary):
    services.ladder_create_standard_steps(actor=secretary)
    return catalogue


def test_the_first_question_comes_with_the_ladder_explained(client, ladder):
    response = client.get(reverse("collaboration_map:ladder"))
    html = response.content.decode()
    assert "Fråga 1 av 3" in html
    assert "<legend><h1>Vilken typ av organisation är ni?</h1></legend>" in html
    assert "error-summary" not in html and "<script" not in html
    for step in [
        "Information",
        "Samråd och dialog",
        "Inflytande och samarbete",
        "Partnerskap och IOP",
    ]:
        assert f"<h3>{step}" in html
    _action, _hidden, choices, name = form_fields(response)
    assert name == "organisation_kind" and "association" in choices
    assert not any(choice.startswith("municipal_") for choice in choices)


def test_each_question_without_an_answer_says_so_next_to_it(client, ladder):
    response = walk(client, None)
    html = response.content.decode()
    assert "Fråga 1 av 3" in html
    assert 'id="id_organisation_kind_error"' in html
    assert "Välj den typ av organisation som passar er bäst." in html
    assert 'aria-describedby="id_organisation_kind_error"' in html
    assert "<title>Fel: " in html
    response = walk(client, "association", None)
    html = response.content.decode()
    assert "Fråga 2 av 3" in html and "Välj det ni vill ha mest just nu." in html
    assert form_fields(response)[1][0] == ("organisation_kind", "association"), (
        "the first answer is kept"
    )


def test_an_answer_from_nowhere_is_refused_on_its_own_question(client, ladder):
    response = client.get(
        reverse("collaboration_map:ladder"),
        {"organisation_kind": "association", "want": "a-pony", "frequency": "once"},
    )
    html = response.content.decode()
    assert "Fråga 2 av 3" in html
    assert "Det svaret finns inte bland alternativen" in html
    hidden = dict(form_fields(response)[1])
    assert hidden["organisation_kind"] == "association" and hidden["frequency"] == "once"


def test_an_association_wanting_a_grant_once_is_sent_to_the_grant_team(client, ladder):
    response = walk(client, "association", "grant", "once")
    html = response.content.decode()
    assert "<h1>Vart ni kan vända er</h1>" in html
    assert "Det ni vill hör till steget <strong>Information</strong>." in html
    assert 'aria-current="step"' in html
    assert recommended(response) == [
        "Handläggarteam aktivitetsstöd",
        "Kultur- och fritidsförvaltningens ingång",
    ]
    assert "<script" not in html


def test_a_foundation_wanting_a_partnership_regularly_finds_the_iop_team(client, ladder):
    response = walk(client, "foundation", "partnership", "regularly")
    assert recommended(response) == ["Handläggarteam IOP"]
    assert "<strong>Partnerskap och IOP</strong>" in response.content.decode()


def test_dialogue_over_a_long_time_puts_the_forums_first(client, ladder):
    services.contact_point_update(contact_point=ladder.entry, offers=["dialogue"])
    regularly = recommended(walk(client, "association", "dialogue", "regularly"))
    once = recommended(walk(client, "association", "dialogue", "once"))
    assert regularly == ["Samverkansrådet", "Kultur- och fritidsförvaltningens ingång"]
    assert once == ["Kultur- och fritidsförvaltningens ingång", "Samverkansrådet"]


def test_a_deactivated_contact_point_is_not_recommended(client, ladder):
    services.contact_point_deactivate(contact_point=ladder.grant_team)
    assert recommended(walk(client, "association", "grant", "once")) == [
        "Kultur- och fritidsförvaltningens ingång"
    ]


@pytest.mark.urls(WITH_INQUIRIES)
def test_the_ladder_ends_with_a_link_to_send_an_inquiry_to_the_right_team(client, ladder):
    response = walk(client, "association", "grant", "once")
    html = response.content.decode()
    link = re.search(r'<a class="button" id="send-inquiry" href="([^"]+)">([^<]+)</a>', html)
    assert link, html
    url = unescape(link.group(1))
    assert urlsplit(url).path == reverse("inquiries:new")
    assert dict(parse_qsl(urlsplit(url).query)) == {"team": "aktivitetsstod", "kind": "grant"}
    assert link.group(2) == "Skicka en fråga till Handläggarteam aktivitetsstöd"


@pytest.mark.urls(WITH_INQUIRIES)
def test_with_no_team_for_it_the_inquiry_goes_to_the_common_entry(client, ladder):
    response = walk(client, "faith_community", "volunteers", "sometimes")
    html = response.content.decode()
    assert "Vi hittade ingen kontaktyta för just det ännu." in html
    link = re.search(r'id="send-inquiry" href="([^"]+)"', html)
    assert dict(parse_qsl(urlsplit(unescape(link.group(1))).query)) == {"kind": "question"}


def test_an_answer_can_be_changed_and_the_others_are_kept(client, ladder):
    response = walk(client, "association", "grant", "once")
    html = response.content.decode()
    change = re.findall(
        r'<a href="([^"]+)">Ändra<span class="visually-hidden">: ([^<]+)</span>', html
    )
    assert [question for _url, question in change] == [
        "Vilken typ av organisation är ni?",
        "Vad vill ni ha från kommunen?",
        "Hur ofta tror ni att ni kommer att ha kontakt?",
    ]
    again = client.get(unescape(change[1][0]))
    assert "Vad vill ni ha från kommunen?" in again.content.decode()
    assert "error-summary" not in again.content.decode()
    result = answer(client, again, "partnership")
    assert "<h1>Vart ni kan vända er</h1>" in result.content.decode()
    assert recommended(result) == ["Handläggarteam IOP"]


def test_the_back_link_asks_the_previous_question_again(client, ladder):
    response = walk(client, "association", "grant")
    html = response.content.decode()
    assert "Fråga 3 av 3" in html
    back = re.search(r'<a href="([^"]+)">Tillbaka till förra frågan</a>', html)
    previous = client.get(unescape(back.group(1)))
    assert "Fråga 2 av 3" in previous.content.decode()
    assert dict(form_fields(previous)[1])["organisation_kind"] == "association"


def test_the_ladder_works_before_the_secretary_has_written_its_steps(client, catalogue):
    response = walk(client, "association", "grant", "once")
    html = response.content.decode()
    assert "<h1>Vart ni kan vända er</h1>" in html
    assert "ladder-steps" not in html
    assert recommended(response)[0] == "Handläggarteam aktivitetsstöd"


def test_the_result_can_be_narrowed_to_a_theme_without_answering_again(client, ladder):
    response = walk(client, "association", "premises", "once")
    assert recommended(response) == [
        "Kultur- och fritidsförvaltningens ingång",
        "Föreningarnas Hus",
    ]
    html = response.content.decode()
    form = re.search(
        r'<form method="get" action="([^"]+)" class="search-panel ladder-theme".*?</form>',
        html,
        re.S,
    )
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group()))
    assert hidden == {"organisation_kind": "association", "want": "premises", "frequency": "once"}
    narrowed = client.get(form.group(1), {**hidden, "theme": "idrott"})
    assert recommended(narrowed) == ["Kultur- och fritidsförvaltningens ingång"]
    assert "Visar kontaktytorna för temat Idrott." in narrowed.content.decode()
    nothing = client.get(form.group(1), {**hidden, "theme": "krisberedskap"})
    assert recommended(nothing) == []
    assert "Vi hittade ingen kontaktyta för just det ännu." in nothing.content.decode()
    unknown = client.get(form.group(1), {**hidden, "theme": "finns-inte"})
    assert recommended(unknown) == recommended(response), "an unknown theme narrows nothing"


def test_a_long_result_shows_the_best_first_and_the_rest_one_click_away(
    client, ladder, make_points
):
    make_points(8)
    html = walk(client, "association", "grant", "once").content.decode()
    first, _, more = html.partition('<details class="ladder-more">')
    assert (
        len(re.findall(r"<h3><a href=\"/kontaktytor/", first.split("Kontaktytor för er")[1])) == 5
    )
    assert "fler kontaktytor</summary>" in more


@pytest.mark.urls("samverkan.collaboration_map.tests.urls_without_inquiries")
def test_without_the_inquiry_form_the_ladder_points_to_the_teams_own_details(ladder):
    """The pages need the inquiry service (the site's menu links to it), so this is checked on
    the ladder's result itself: the team is chosen, and there is no address to send to."""
    result = selectors.ladder_result(
        selectors.LadderAnswers(organisation_kind="association", want="grant", frequency="once")
    )
    assert result.team == ladder.grant_team
    assert result.inquiry_url is None
    assert selectors.inquiry_url_for(ladder.grant_team, "grant") is None
