"""PostgreSQL only: a tsvector column generated from title and text with the 'swedish'
configuration, under a GIN index. On other databases this migration does nothing."""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('swedish'::regconfig, coalesce(text, '')), 'B')"
)


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX search_entry_vector_idx ON search_searchentry USING GIN (search_vector)"
    )


def remove_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_idx")
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]

    operations = [migrations.RunPython(add_vector, remove_vector, elidable=False)]
