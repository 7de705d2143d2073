"""The public register: search, filters, Swedish sorting, pagination, verification."""

import pytest
from django.urls import reverse

from samverkan.organisations.models import Organisation
from samverkan.organisations.tests.conftest import sign_and_approve, sign_pending

pytestmark = pytest.mark.django_db


def names_on(response) -> list[str]:
    import re

    return re.findall(
        r'<h2><a href="/organisationer/\d+/">([^<]+)</a></h2>', response.content.decode()
    )


@pytest.fixture
def register(agreement, secretary, terms):
    names = [
        ("Örby IS", [terms["idrott"]]),
        ("Alingsås KK", [terms["kultur"], terms["norrby"]]),
        ("Ängby SK", [terms["idrott"], terms["angsbacka"]]),
        ("Zenith", []),
        ("Åkersberga BK", [terms["unga"]]),
        ("Idrottsföreningen Kamraterna", [terms["idrott"]]),
    ]
    for name, chosen in names:
        sign_and_approve(agreement, secretary, name=name, kind="network", terms=chosen)
    return names


def test_the_register_sorts_in_swedish_order(client, register):
    response = client.get(reverse("organisations:register"))
    assert names_on(response) == [
        "Alingsås KK",
        "Idrottsföreningen Kamraterna",
        "Zenith",
        "Åkersberga BK",
        "Ängby SK",
        "Örby IS",
    ]
    reverse_order = client.get(reverse("organisations:register"), {"sort": "-name"})
    assert names_on(reverse_order)[0] == "Örby IS"


def test_search_is_swedish_aware(client, register):
    assert names_on(client.get(reverse("organisations:register"), {"q": "föreningar"})) == [
        "Idrottsföreningen Kamraterna"
    ]
    assert names_on(client.get(reverse("organisations:register"), {"q": "förening"})) == [
        "Idrottsföreningen Kamraterna"
    ]
    assert names_on(client.get(reverse("organisations:register"), {"q": "ÄNGBY"})) == ["Ängby SK"]
    assert names_on(client.get(reverse("organisations:register"), {"q": "angby"})) == []


def test_filters_combine(client, register):
    assert names_on(client.get(reverse("organisations:register"), {"area": "idrott"})) == [
        "Idrottsföreningen Kamraterna",
        "Ängby SK",
        "Örby IS",
    ]
    assert names_on(
        client.get(reverse("organisations:register"), {"area": "idrott", "district": "angsbacka"})
    ) == ["Ängby SK"]
    assert names_on(client.get(reverse("organisations:register"), {"target_group": "unga"})) == [
        "Åkersberga BK"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"q": "%"},
        {"q": "_"},
        {"q": "x" * 500},
        {"area": "nonexistent"},
        {"sida": "abc"},
        {"sida": "9999"},
        {"sort": "drop table"},
        {"q": "\\'\""},
    ],
)
def test_odd_queries_never_fail(client, register, query):
    response = client.get(reverse("organisations:register"), query)
    assert response.status_code == 200


def test_pagination_keeps_the_filters(client, agreement, secretary):
    for n in range(30):
        sign_and_approve(agreement, secretary, name=f"Klubb {n:02d}", kind="network")
    first = client.get(reverse("organisations:register"), {"q": "klubb"})
    assert len(names_on(first)) == 25
    assert "q=klubb&amp;sida=2" in first.content.decode()
    second = client.get(reverse("organisations:register"), {"q": "klubb", "sida": 2})
    assert len(names_on(second)) == 5


def test_the_register_page_uses_a_constant_number_of_queries(
    client, agreement, secretary, terms, django_assert_max_num_queries
):
    for n in range(3):
        sign_and_approve(
            agreement, secretary, name=f"Lag {n}", kind="network", terms=[terms["idrott"]]
        )
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("organisations:register"))
    for n in range(3, 20):
        sign_and_approve(
            agreement, secretary, name=f"Lag {n}", kind="network", terms=[terms["idrott"]]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("organisations:register"))


def test_the_register_counts_only_active_signatories_of_the_current_period(
    client, agreement, previous_agreement, secretary
):
    """The whole register is counted from the signatures (a shortcut of the view); the count
    must still leave out pending, withdrawn and other periods' signatures, sorted either way,
    and agree with a filtered count."""
    from samverkan.organisations import services

    for name in ("Alfa IK", "Beta KK", "Gamma SK"):
        sign_and_approve(agreement, secretary, name=name, kind="network")
    withdrawn = sign_and_approve(agreement, secretary, name="Delta BK", kind="network")
    services.signature_withdraw(signature=withdrawn, actor=secretary, reason="Nedlagd")
    sign_and_approve(previous_agreement, secretary, name="Epsilon IF", kind="network")
    sign_pending(agreement, name="Zeta FF", kind="network", email="zeta@example.org")

    for query in ({}, {"sort": "-name"}, {"kind": "network"}):
        response = client.get(reverse("organisations:register"), query)
        assert sorted(names_on(response)) == ["Alfa IK", "Beta KK", "Gamma SK"]
        assert "3 organisationer" in response.content.decode()


def test_verification_link_answers_yes_then_no(client, agreement, secretary):
    from samverkan.organisations import services

    signature = sign_and_approve(agreement, secretary, name="Norrby IK", kind="network")
    url = reverse("organisations:verify", args=[signature.organisation.public_id])
    assert "verification--yes" in client.get(url).content.decode()
    services.signature_withdraw(signature=signature, actor=secretary, reason="Nedlagd")
    assert "verification--no" in client.get(url).content.decode()


def test_unknown_pages_are_404(client, agreement):
    assert client.get(reverse("organisations:organisation_detail", args=[999])).status_code == 404
    assert client.get("/verifiera/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get(reverse("organisations:agreement_detail", args=[999])).status_code == 404


def test_organisation_page_shows_history_and_predecessors(client, agreement, secretary):
    from datetime import date

    from samverkan.organisations import services

    old = services.organisation_create(
        name="Kommunstyrelseförvaltningen", kind="municipal_department"
    )
    new = sign_and_approve(
        agreement, secretary, name="Kommunledningsförvaltningen", kind="municipal_department"
    )
    services.organisation_link_create(
        predecessor=old, successor=new.organisation, kind="renamed", on=date(2023, 1, 1)
    )
    body = client.get(
        reverse("organisations:organisation_detail", args=[new.organisation_id])
    ).content.decode()
    assert "Kommunstyrelseförvaltningen" in body
    assert "Pia Persson" not in body, "the signatory's name is not public"
    assert Organisation.objects.count() == 2
