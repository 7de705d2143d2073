from django.core.management.base import BaseCommand

from samverkan.consultations.services import responses_purge_unconfirmed


class Command(BaseCommand):
    help = "Delete responses whose email was never confirmed within 48 hours."

    def handle(self, *args, **options) -> None:
        count = responses_purge_unconfirmed()
        self.stdout.write(f"{count} unconfirmed response(s) deleted")
