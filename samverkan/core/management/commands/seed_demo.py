"""Load the demo data of every capability into an empty database (does nothing if loaded)."""

from django.core.management.base import BaseCommand

from samverkan.collaboration_map import demo as collaboration_map_demo
from samverkan.consultations import demo as consultations_demo
from samverkan.inquiries import demo as inquiries_demo
from samverkan.meetings import demo as meetings_demo
from samverkan.minutes_import import demo as minutes_import_demo
from samverkan.organisations import demo as organisations_demo
from samverkan.organisations.models import Organisation
from samverkan.search import index as search_index
from samverkan.search.services import index_rebuild
from samverkan.subscriptions import demo as subscriptions_demo
from samverkan.watchlist import demo as watchlist_demo


class Command(BaseCommand):
    help = "Load the fictional municipality's demo data, unless the database already has data."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, seed: int, **options):
        if Organisation.objects.exists():
            self.stdout.write("The database already has data; the demo data is not loaded again.")
            return
        # Each capability in order: later ones use what the earlier ones made. The search
        # index is built once at the end instead of after every saved row.
        loaders = [
            ("", lambda: organisations_demo.load_demo(seed=seed)),
            ("meetings ", lambda: meetings_demo.load_demo(seed=seed)),
            ("import ", minutes_import_demo.load_demo),
            ("map ", lambda: collaboration_map_demo.load_demo(seed=seed)),
            ("inquiries ", lambda: inquiries_demo.load_demo(seed=seed)),
            ("watch list ", lambda: watchlist_demo.load_demo(seed=seed)),
            ("consultations ", lambda: consultations_demo.load_demo(seed=seed)),
            ("subscriptions ", lambda: subscriptions_demo.load_demo(seed=seed)),
        ]
        counts: dict[str, int] = {}
        with search_index.paused():
            for prefix, load in loaders:
                counts.update({f"{prefix}{k}": v for k, v in load().items()})
        counts["search index entries"] = index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items())
            )
        )
