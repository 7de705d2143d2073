"""Reading several small lists in one query instead of one query each.

Pages that show an object's themes, districts, areas… (many-to-many fields to small lists of
words that all have ``id``, ``name``, ``slug`` and ``name_sort``) would spend one prefetch query
per field, and a filter form one query per list of choices. These helpers read them all with a
single ``UNION ALL``, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models

WORD_FIELDS = ("id", "name", "slug", "name_sort")


def _check_word_model(model: type[models.Model]) -> None:
    names = {field.attname for field in model._meta.concrete_fields}
    if names != set(WORD_FIELDS):
        raise ValueError(f"{model.__name__} is not a list of words ({sorted(names)})")


def many_to_many_load(objects: Sequence[models.Model], fields: Sequence[str]) -> list:
    """Fill ``obj.<field>.all()`` of each object for each many-to-many ``field`` (to a list of
    words) with one query, as ``prefetch_related`` would with one query per field. The words
    come in their model's order (``name_sort``). Returns the objects as a list."""
    objects = list(objects)
    if not objects or not fields:
        return objects
    model = type(objects[0])
    ids = [obj.pk for obj in objects]
    parts = []
    targets = {}
    for name in fields:
        field = model._meta.get_field(name)
        targets[name] = field.related_model
        _check_word_model(field.related_model)
        target = field.m2m_reverse_field_name()
        parts.append(
            field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}__in": ids})
            .order_by()
            .annotate(
                loaded_field=models.Value(name), loaded_owner=models.F(field.m2m_column_name())
            )
            .values_list(
                "loaded_field", "loaded_owner", *(f"{target}__{column}" for column in WORD_FIELDS)
            )
        )
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found: dict[tuple[str, int], list] = {}
    for name, owner, *values in rows:
        word = targets[name].from_db(rows.db, list(WORD_FIELDS), values)
        found.setdefault((name, owner), []).append(word)
    for obj in objects:
        cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
        for name in fields:
            loaded = targets[name].objects.all()
            # Left as Django's own prefetch leaves it: evaluated, nothing more to fetch.
            loaded._result_cache = sorted(
                found.get((name, obj.pk), []), key=lambda word: (word.name_sort, word.pk)
            )
            loaded._prefetch_done = True
            cache[name] = loaded
    return objects


def word_choices(*word_models: type[models.Model], value: str = "slug") -> list[list]:
    """``(value, name)`` choices of each model (a list of words) in Swedish order, read in one
    query; one list per model, in the order given."""
    parts = []
    for index, model in enumerate(word_models):
        _check_word_model(model)
        parts.append(
            model.objects.order_by()
            .annotate(loaded_list=models.Value(index))
            .values_list("loaded_list", value, "name", "name_sort")
        )
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    choices: list[list] = [[] for _model in word_models]
    for index, key, name, _sort in sorted(rows, key=lambda row: (row[0], row[3], row[1])):
        choices[index].append((key, name))
    return choices
