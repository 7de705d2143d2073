from django.core.management.base import BaseCommand

from samverkan.organisations.services import signatures_expire


class Command(BaseCommand):
    help = "Mark signatures of agreement periods that have ended as expired (run daily)."

    def handle(self, *args, **options):
        count = signatures_expire()
        self.stdout.write(f"{count} signatures expired.")
