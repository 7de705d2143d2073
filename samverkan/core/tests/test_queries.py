"""The one-query readers of lists of words give what prefetch_related and plain queries give."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.collaboration_map.models import Theme
from samverkan.core.queries import many_to_many_load, word_choices
from samverkan.core.swedish import sort_key
from samverkan.organisations.models import Area, District, Organisation, TargetGroup
from samverkan.watchlist.models import WatchItem


def _words(model, *names):
    return [model.objects.create(name=n, slug=n.lower(), name_sort=sort_key(n)) for n in names]


@pytest.mark.django_db
def test_many_to_many_load_matches_prefetch_related_in_one_query():
    areas = _words(Area, "Ödemark", "Idrott", "Äldre", "Kultur")
    districts = _words(District, "Östermalm", "Centrum")
    first = Organisation.objects.create(name="Första föreningen", kind="association")
    second = Organisation.objects.create(name="Andra föreningen", kind="association")
    empty = Organisation.objects.create(name="Tredje föreningen", kind="association")
    first.areas.set(areas)
    first.districts.set(districts[:1])
    second.areas.set(areas[1:2])
    ids = [first.pk, second.pk, empty.pk]

    expected = {
        o.pk: ([a.name for a in o.areas.all()], [d.name for d in o.districts.all()])
        for o in Organisation.objects.filter(pk__in=ids).prefetch_related("areas", "districts")
    }
    organisations = list(Organisation.objects.filter(pk__in=ids))
    with CaptureQueriesContext(connection) as captured:
        many_to_many_load(organisations, ("areas", "districts"))
        got = {
            o.pk: ([a.name for a in o.areas.all()], [d.name for d in o.districts.all()])
            for o in organisations
        }
    assert len(captured.captured_queries) == 1
    assert got == expected
    assert got[first.pk][0] == ["Idrott", "Kultur", "Äldre", "Ödemark"]  # Swedish order
    assert got[empty.pk] == ([], [])


@pytest.mark.django_db
def test_word_choices_reads_several_lists_in_one_query():
    _words(Area, "Kultur", "Idrott")
    _words(District, "Älvsbacka", "Centrum")
    _words(TargetGroup, "Unga")
    _words(Theme, "Trygghet", "Boende")

    with CaptureQueriesContext(connection) as captured:
        areas, districts, groups, themes = word_choices(Area, District, TargetGroup, Theme)
    assert len(captured.captured_queries) == 1
    assert areas == [("idrott", "Idrott"), ("kultur", "Kultur")]
    assert districts == [("centrum", "Centrum"), ("älvsbacka", "Älvsbacka")]
    assert groups == [("unga", "Unga")]
    assert themes == [("boende", "Boende"), ("trygghet", "Trygghet")]


def test_only_lists_of_words_are_accepted():
    with pytest.raises(ValueError, match="not a list of words"):
        word_choices(WatchItem)
