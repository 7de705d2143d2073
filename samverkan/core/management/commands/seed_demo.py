"""Load the demo data of every capability into an empty database (does nothing if loaded)."""

from django.core.management.base import BaseCommand

from samverkan.collaboration_map import demo as collaboration_map_demo
from samverkan.inquiries import demo as inquiries_demo
from samverkan.meetings import demo as meetings_demo
from samverkan.minutes_import import demo as minutes_import_demo
from samverkan.organisations import demo as organisations_demo
from samverkan.organisations.models import Organisation


class Command(BaseCommand):
    help = "Load the fictional municipality's demo data, unless the database already has data."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, seed: int, **options):
        if Organisation.objects.exists():
            self.stdout.write("The database already has data; the demo data is not loaded again.")
            return
        counts = organisations_demo.load_demo(seed=seed)
        counts.update({f"meetings {k}": v for k, v in meetings_demo.load_demo(seed=seed).items()})
        counts.update({f"import {k}": v for k, v in minutes_import_demo.load_demo().items()})
        counts.update(
            {f"map {k}": v for k, v in collaboration_map_demo.load_demo(seed=seed).items()}
        )
        counts.update({f"inquiries {k}": v for k, v in inquiries_demo.load_demo(seed=seed).items()})
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items())
            )
        )
