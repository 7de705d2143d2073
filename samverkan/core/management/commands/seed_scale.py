"""Fill an empty database with a large, realistic dataset for benchmarks, the same for the
same seed (see samverkan/core/scale.py)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from samverkan.core import scale as data
from samverkan.core.backup import installation_is_empty
from samverkan.search import index as search_index
from samverkan.search.services import index_rebuild


class Command(BaseCommand):
    help = (
        "Fill an empty database with a large realistic dataset (20,000 organisations, 50,000 "
        "people, 10,000 meetings ... by default), deterministic from --seed. --scale multiplies "
        "every number; an option per number sets it exactly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiply every default number by this."
        )
        for name, default in data.DEFAULTS.items():
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                default=None,
                dest=name,
                help=(
                    f"How many {name.replace('_', ' ')} (default {default} times --scale; "
                    f"at least {data.MINIMUMS[name]})."
                ),
            )

    def handle(self, *args, seed: int, scale: float, **options):
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        for name in data.DEFAULTS:
            if options.get(name) is not None and options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} cannot be negative.")
        if not installation_is_empty():
            raise CommandError(
                "The database is not empty: seed_scale only fills an empty database "
                "(create a new one and run `migrate` first)."
            )
        counts = data.scaled_counts(scale, **{k: options.get(k) for k in data.DEFAULTS})
        ctx = data.Context(seed=seed, today=timezone.localdate())
        started = time.monotonic()
        made: dict[str, int] = {}
        with search_index.paused():
            for name, step in data.steps(ctx, counts):
                began = time.monotonic()
                with transaction.atomic():
                    result = step()
                made.update(result)
                self.stdout.write(
                    f"{name}: "
                    + ", ".join(f"{k} {v}" for k, v in result.items())
                    + f" ({time.monotonic() - began:.1f} s)"
                )
        began = time.monotonic()
        with transaction.atomic():
            made["search index entries"] = index_rebuild()
        self.stdout.write(
            f"search index: {made['search index entries']} entries "
            f"({time.monotonic() - began:.1f} s)"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {time.monotonic() - started:.1f} s: "
                + ", ".join(f"{k} {v}" for k, v in made.items())
            )
        )
