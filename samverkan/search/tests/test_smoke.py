from samverkan.search.models import SearchEntry


def test_world_is_indexed(world):
    for e in SearchEntry.objects.order_by("kind", "title"):
        print(e.kind, e.title, e.date, e.search_document[:80])
    assert SearchEntry.objects.exists()
