from django.core.management.base import BaseCommand

from samverkan.subscriptions.services import CONFIRMATION_DAYS, subscribers_purge_unconfirmed


class Command(BaseCommand):
    help = "Delete subscriptions whose email address was never confirmed (after 7 days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=CONFIRMATION_DAYS)

    def handle(self, *args, **options):
        deleted = subscribers_purge_unconfirmed(days=options["days"])
        self.stdout.write(f"{deleted} unconfirmed subscriptions deleted.")
