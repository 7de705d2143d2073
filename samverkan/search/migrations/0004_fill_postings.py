"""The vocabulary and postings of the entries indexed before postings existed, from their
stored stem documents, so that the search works right after ``migrate`` (a rebuild gives the
same). The rules are those of ``index.py`` when this was written, copied here so that later
changes there do not change what this migration does."""

from django.db import migrations

MIN_STEM, MIN_PART, MAX_STEM = 2, 3, 100
TITLE_WORD, TITLE_PART, TEXT_WORD, TEXT_PART = 8, 4, 2, 1
CHUNK = 50_000


def _stems(document: str) -> set[str]:
    return {stem[:MAX_STEM] for stem in document.split() if len(stem) >= MIN_STEM}


def _parts(stem: str, ids: dict[str, int]) -> list[int]:
    return [
        ids[stem[start:end]]
        for start in range(len(stem) - MIN_PART + 1)
        for end in range(start + MIN_PART, len(stem) + 1)
        if end - start < len(stem) and stem[start:end] in ids
    ]


def fill(apps, schema_editor):
    entry_model = apps.get_model("search", "SearchEntry")
    word_model = apps.get_model("search", "SearchWord")
    kind_model = apps.get_model("search", "SearchKind")
    connection = schema_editor.connection
    if not entry_model.objects.using(connection.alias).exists():
        return
    entries = list(
        entry_model.objects.using(connection.alias).values_list(
            "pk", "kind", "date", "search_document", "title_document"
        )
    )
    stems = {pk: (_stems(document), _stems(title)) for pk, _, _, document, title in entries}
    vocabulary = set().union(*(own for own, _ in stems.values()))
    word_model.objects.using(connection.alias).all().delete()
    word_model.objects.using(connection.alias).bulk_create(
        [word_model(stem=stem, length=len(stem)) for stem in sorted(vocabulary)], batch_size=500
    )
    ids = dict(word_model.objects.using(connection.alias).values_list("stem", "pk"))
    parts = {stem: _parts(stem, ids) for stem in vocabulary}
    kinds = sorted({kind for _, kind, _, _, _ in entries})
    kind_model.objects.using(connection.alias).bulk_create(
        [kind_model(name=kind) for kind in kinds], ignore_conflicts=True
    )
    kind_ids = dict(kind_model.objects.using(connection.alias).values_list("name", "pk"))
    table = connection.ops.quote_name(apps.get_model("search", "SearchPosting")._meta.db_table)
    sql = f"INSERT INTO {table} (word_id, entry_id, points, day, kind_id) VALUES (%s, %s, %s, %s, %s)"
    rows = []
    for pk, kind, date, _, _ in entries:
        own, title = stems[pk]
        points: dict[int, int] = {}
        for stem in own:
            whole, part = (TITLE_WORD, TITLE_PART) if stem in title else (TEXT_WORD, TEXT_PART)
            for word, value in [(ids[stem], whole)] + [(p, part) for p in parts[stem]]:
                if points.get(word, 0) < value:
                    points[word] = value
        day = date.toordinal() if date else 0
        rows += [(word, pk, value, day, kind_ids[kind]) for word, value in points.items()]
        if len(rows) >= CHUNK:
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            rows = []
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postings")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
