"""The postings (which entries each word occurs in) follow every change, as a rebuild would
write them; the page bounds what it ranks and counts."""

from django.urls import reverse

from samverkan.collaboration_map import services as map_services
from samverkan.collaboration_map.models import ContactPointKind
from samverkan.meetings.models import Meeting
from samverkan.organisations import services as org_services
from samverkan.search import selectors
from samverkan.search.index import day_number
from samverkan.search.models import SearchEntry, SearchKind, SearchPosting, SearchWord
from samverkan.search.services import index_rebuild
from samverkan.search.tests.test_quality import titles

URL = reverse("search:results")


def postings() -> set[tuple]:
    """Every posting as (word, kind, object pk, points, day): comparable across rebuilds."""
    entries = {e.pk: e for e in SearchEntry.objects.all()}
    words = dict(SearchWord.objects.values_list("pk", "stem"))
    kinds = dict(SearchKind.objects.values_list("pk", "name"))
    rows = list(SearchPosting.objects.all())
    assert len({(p.word_id, p.entry_id) for p in rows}) == len(rows), "one per word and entry"
    assert all(kinds[p.kind_id] == entries[p.entry_id].kind for p in rows)
    return {
        (words[p.word_id], entries[p.entry_id].kind, entries[p.entry_id].object_pk, p.points, p.day)
        for p in rows
    }


def assert_no_postings_of_removed_entries() -> None:
    entries = set(SearchEntry.objects.values_list("pk", flat=True))
    assert set(SearchPosting.objects.values_list("entry_id", flat=True)) <= entries
    assert set(SearchPosting.objects.values_list("word_id", flat=True)) <= set(
        SearchWord.objects.values_list("pk", flat=True)
    )


def test_postings_after_changes_are_those_a_rebuild_writes(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        org_services.organisation_update(
            organisation=world.orgs["idrott"], description="Innebandy, gårdsfester och schack."
        )
        map_services.contact_point_create(
            name="Gård och trädgård", kind=ContactPointKind.PLACE, description="Odling."
        )
        map_services.theme_update(theme=world.themes["idrott"], name="Friluftsliv")
        Meeting.objects.get(pk=world.public_meeting.pk).delete()
    assert_no_postings_of_removed_entries()
    kept = postings()
    index_rebuild()
    rebuilt = postings()
    # Words no longer in any entry stay in the vocabulary until a rebuild, with the postings
    # of the words they are part of; everything else is the same.
    vocabulary = set(SearchWord.objects.values_list("stem", flat=True))
    assert {p for p in kept if p[0] in vocabulary} == rebuilt
    assert {p[0] for p in kept} >= vocabulary


def test_a_new_word_is_found_inside_the_words_indexed_before_it(
    client, world, django_capture_on_commit_callbacks
):
    assert not SearchWord.objects.filter(stem="gård").exists()
    # Only inside "hembygdsgården" so far: found through the words that contain it.
    assert titles(client, q="gård") == ["Vinterö Hembygdsförening"]
    with django_capture_on_commit_callbacks(execute=True):
        map_services.contact_point_create(
            name="Gård och trädgård", kind=ContactPointKind.PLACE, description="Odling."
        )
    word = SearchWord.objects.get(stem="gård")
    hembygd = SearchEntry.objects.get(kind="organisation", object_pk=str(world.orgs["hembygd"].pk))
    assert SearchPosting.objects.get(word=word, entry=hembygd).points == 1  # part, in the text
    assert SearchPosting.objects.get(word=word, entry=hembygd).day == day_number(hembygd.date)
    assert titles(client, q="gård") == ["Gård och trädgård", "Vinterö Hembygdsförening"]


def test_removed_and_hidden_entries_leave_no_postings(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        map_services.contact_point_deactivate(contact_point=world.points["hus"])
        Meeting.objects.get(pk=world.public_meeting.pk).delete()
    assert_no_postings_of_removed_entries()
    assert SearchPosting.objects.exists()


def test_a_two_letter_word_is_found_inside_longer_words_too(client, world):
    # "vi" is a word of its own ("Vi vårdar …", "Vi får bidrag …") and part of "Vinterö".
    found = titles(client, q="vi")
    assert "Vinterö Hembygdsförening" in found
    assert "Föreningen Gemenskap" in found


def test_two_words_are_ranked_by_where_both_are_found(client, world):
    found = titles(client, q="förening bidrag")
    assert found[0] == "Bidragen till föreningar 2026"  # both whole words in the title
    assert found.index("Föreningsbidrag") < found.index("Stödgruppen Ljuset")  # title > text
    assert titles(client, q="bidrag förening") == found


def test_more_hits_than_are_ranked_are_said_and_bounded(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(8):
            map_services.contact_point_create(
                name=f"Spontanidrottsplats {n}", kind=ContactPointKind.PLACE
            )
    monkeypatch.setattr(selectors, "MAX_HITS", 5)
    html = client.get(URL, {"q": "spontanidrott"}).content.decode()
    assert '<h2 id="results-title" class="result-count">Fler än 5 träffar</h2>' in html
    assert "De 5 bästa visas." in html
    assert html.count("<h3>") == 5
    # Newest first among equals: the last ones made come first.
    assert titles(client, q="spontanidrott")[0] == "Spontanidrottsplats 7"
    # Two words: the hits ranked are still the first five that hold both.
    html = client.get(URL, {"q": "spontanidrott plats"}).content.decode()
    assert "Fler än 5 träffar" in html
    assert html.count("<h3>") == 5
    monkeypatch.setattr(selectors, "MAX_HITS", 8)
    html = client.get(URL, {"q": "spontanidrott plats"}).content.decode()
    assert '<h2 id="results-title" class="result-count">8 träffar</h2>' in html


def test_equal_points_are_ordered_by_text_rank_on_postgresql_else_newest_first(
    client, world, django_capture_on_commit_callbacks
):
    from django.db import connection

    with django_capture_on_commit_callbacks(execute=True):
        map_services.contact_point_create(
            name="Fotbollsplan norr",
            kind=ContactPointKind.PLACE,
            description="Fotboll för alla. Fotboll på kvällarna. Fotboll i skolan.",
        )
        map_services.contact_point_create(
            name="Fotbollsplan söder", kind=ContactPointKind.PLACE, description="Gräs."
        )
    found = titles(client, q="fotboll", typ="contact_point")
    if connection.vendor == "postgresql":
        assert found == ["Fotbollsplan norr", "Fotbollsplan söder"]  # ts_rank: said more often
    else:
        assert found == ["Fotbollsplan söder", "Fotbollsplan norr"]  # the newer first
