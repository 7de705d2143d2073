"""Search quality in Swedish, through the results page, on the data of ``world``."""

import re

import pytest
from django.urls import reverse

from samverkan.search.models import SearchEntry

URL = reverse("search:results")


def titles(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r"<h3><a href=\"[^\"]*\">(.*?)</a></h3>", html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def test_a_word_finds_its_other_forms_and_compounds(client, world):
    found = titles(client, q="förening")
    assert "Norrby Idrottsförening" in found, "part of a compound"
    assert "Vinterö Hembygdsförening" in found
    assert "Föreningsbidrag" in found, "found in 'föreningar' in the text and in the compound"
    assert "Föreningen Gemenskap" in found
    assert "Föreningarnas Hus" in found


def test_bidrag_finds_bidragen(client, world):
    found = titles(client, q="bidrag")
    assert "Stödgruppen Ljuset" in found  # "... som söker bidragen."
    assert "Bidragen till föreningar 2026" in found
    assert "Föreningen Gemenskap" in found  # "Vi får bidrag"


def test_a_a_and_o_are_letters_of_their_own(client, world):
    assert "Föreningen Gemenskap" in titles(client, q="får")
    assert "Far och barn i Norrby" not in titles(client, q="får")
    assert "Far och barn i Norrby" in titles(client, q="far")
    assert "Föreningen Gemenskap" not in titles(client, q="far")


def test_case_does_not_matter(client, world):
    assert titles(client, q="FÖRENING") == titles(client, q="förening")
    assert titles(client, q="Samverkansrådet") == titles(client, q="samverkansrådet")


def test_every_word_must_match(client, world):
    assert titles(client, q="norrby fotboll") == ["Norrby Idrottsförening"]
    assert titles(client, q="fotboll midsommar") == []


def test_a_small_typo_is_corrected_and_said(client, world):
    response = client.get(URL, {"q": "förenig"})
    html = response.content.decode()
    assert "Visar resultat för" in html
    assert "<strong>förening</strong>" in html
    assert "Norrby Idrottsförening" in titles(client, q="förenig")
    assert titles(client, q="Hembydgsförening") == ["Vinterö Hembygdsförening"]  # swapped letters
    # Nothing close enough: no guess, no hits.
    response = client.get(URL, {"q": "xylofonorkester"})
    assert "Visar resultat för" not in response.content.decode()
    assert "0 träffar" in response.content.decode()


def test_no_correction_when_the_word_is_found(client, world):
    response = client.get(URL, {"q": "far"})
    assert "Visar resultat för" not in response.content.decode()


def test_title_matches_rank_above_text_matches_and_whole_words_above_parts(client, world):
    found = titles(client, q="förening")
    whole_in_title = {"Föreningen Gemenskap", "Föreningarnas Hus", "Bidragen till föreningar 2026"}
    part_in_title = {"Norrby Idrottsförening", "Vinterö Hembygdsförening", "Föreningsbidrag"}
    only_in_text = {"Stödgruppen Ljuset", "Far och barn i Norrby", "Samverkansrådets möte"}
    assert set(found[:3]) == whole_in_title
    assert set(found[3:6]) == part_in_title
    assert set(found[6:]) == only_in_text
    # Among the bidrag hits: the decision and the meeting item titles say "Bidragen".
    bidrag = titles(client, q="bidrag")
    assert bidrag[0] == "Bidragen till föreningar 2026"
    assert bidrag.index("Föreningsbidrag") < bidrag.index("Stödgruppen Ljuset")


def test_filter_by_kind(client, world):
    assert titles(client, q="bidrag", typ="decision") == ["Bidragen till föreningar 2026"]
    assert set(titles(client, q="förening", typ="contact_point")) == {
        "Föreningsbidrag",
        "Föreningarnas Hus",
    }
    response = client.get(URL, {"q": "bidrag", "typ": "nonsense"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_filter_by_date(client, world):
    assert titles(client, q="rådet", fran="2026-01-01") == ["Rådets arbetsmöte om kulturstöd"]
    assert "Rådets arbetsmöte om kulturstöd" not in titles(client, q="rådet", till="2025-12-31")
    assert "Samverkansrådets möte" in titles(
        client, q="rådet", fran="2025-09-13", till="2025-09-13"
    )


def test_bad_dates_are_explained_next_to_the_field(client, world):
    response = client.get(URL, {"q": "bidrag", "fran": "13 sept"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_fran_error"' in html
    assert "Skriv datumet som ÅÅÅÅ-MM-DD" in html
    assert "Föreningsbidrag" in html, "the search still runs without the bad filter"
    response = client.get(URL, {"q": "bidrag", "fran": "2026-01-01", "till": "2025-01-01"})
    assert 'id="id_till_error"' in response.content.decode()


def test_matching_words_are_marked(client, world):
    html = client.get(URL, {"q": "bidrag"}).content.decode()
    assert "<mark>Bidragen</mark> till föreningar 2026" in html
    assert "som söker <mark>bidragen</mark>." in html


def test_everything_else_is_escaped(client, world, django_capture_on_commit_callbacks):
    from samverkan.meetings import services
    from samverkan.meetings.models import Body, Meeting

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_create(
            bodies=[Body.objects.get(slug="samverkansradet")],
            title='<img src=x onerror="alert(1)"> Föreningsträff',
            visibility=Meeting.Visibility.PUBLIC,
        )
    html = client.get(URL, {"q": "föreningsträff"}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Föreningsträff</mark>" in html
    html = client.get(URL, {"q": "<script>alert(2)</script> föreningsträff"}).content.decode()
    assert "<script>alert(2)" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # in the field and the page title


SYNTAX = ['"', "*", "&", "|", "!", ":", "(", "'", "%", "_", "\\"]


@pytest.mark.parametrize("char", SYNTAX)
def test_search_syntax_is_plain_text(client, world, char):
    assert titles(client, q=f"{char}förening{char}") == titles(client, q="förening")
    assert titles(client, q=f"bidrag {char} förening") == titles(client, q="bidrag förening")
    response = client.get(URL, {"q": char * 5})
    assert response.status_code == 200
    assert "Inga ord att söka efter" in response.content.decode()


def test_like_wildcards_do_not_match_everything(client, world):
    assert titles(client, q="%_%") == []
    assert titles(client, q="förening%") == titles(client, q="förening")


def test_empty_query_gives_a_helpful_page(client, world):
    html = client.get(URL).content.decode()
    assert "Vad du kan söka" in html
    assert "Sammanträden och minnesanteckningar" in html
    assert client.get(URL, {"q": "   "}).status_code == 200


def test_enormous_query_is_cut_not_refused(client, world):
    response = client.get(URL, {"q": "förening " + "ä" * 10_000})
    assert response.status_code == 200
    response = client.get(URL, {"q": ("bidrag " * 1500)[:10_000]})
    assert response.status_code == 200
    assert "Bidragen till föreningar 2026" in titles(client, q=("bidrag " * 1500)[:10_000])


def test_only_public_things_are_found(client, world):
    assert titles(client, q="väntan") == [], "a signature not yet approved"
    assert titles(client, q="föreningsjouren") == [], "an inactive contact point"
    assert titles(client, q="zebra") == [], "notes in draft minutes"
    assert titles(client, q="giraffer") == [], "a decision in draft minutes"
    assert titles(client, q="krokodiler") == [], "a members-only meeting and its decision"
    assert titles(client, q="kulturstöd") == ["Rådets arbetsmöte om kulturstöd"]
    assert "Samverkansrådets möte" in titles(client, q="fördelningen")  # published notes
    assert not SearchEntry.objects.filter(kind="decision", title="Krokodilfrågan").exists()


def test_the_count_is_in_a_heading_and_pages_are_bounded(client, world):
    html = client.get(URL, {"q": "förening"}).content.decode()
    count = len(titles(client, q="förening"))
    assert f'<h2 id="results-title" class="result-count">{count} träffar</h2>' in html
    assert client.get(URL, {"q": "förening", "sida": "9999"}).status_code == 200
    assert client.get(URL, {"q": "förening", "sida": "abc"}).status_code == 200


def test_small_common_words_are_searched_too(client, world):
    # PostgreSQL's 'swedish' configuration drops these from its tsquery; the search must not.
    assert "Far och barn i Norrby" in titles(client, q="och barn")
    assert client.get(URL, {"q": "och i för"}).status_code == 200


def test_words_are_marked_in_any_spelling_of_the_letters():
    from samverkan.search.selectors import excerpt, highlight

    assert highlight("Norrby IDROTTSFÖRENING", ["förening"]) == (
        "Norrby <mark>IDROTTSFÖRENING</mark>"
    )
    decomposed = "Fo\u0308reningen"  # "ö" written as "o" and a combining mark
    assert highlight(decomposed, ["förening"]) == "<mark>Föreningen</mark>"
    lengthened = "İzmir Idrottsförening"  # "İ" lowers to two letters
    assert highlight(lengthened, ["förening"]) == "İzmir <mark>Idrottsförening</mark>"
    text = "Inledning. " * 40 + "Bidragen till föreningar."
    assert excerpt(text, ["förening"]).endswith("till <mark>föreningar</mark>.")
    assert excerpt(text, ["förening"]).startswith("… ")
