from django.core.management.base import BaseCommand

from samverkan.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every registered source (in batches)."

    def handle(self, *args, **options) -> None:
        count = index_rebuild()
        self.stdout.write(f"The search index holds {count} entries.")
