"""Delete inquiries whose sender never confirmed the email address within 48 hours."""

from django.core.management.base import BaseCommand

from samverkan.inquiries.services import CONFIRMATION_HOURS, inquiries_purge_unconfirmed


class Command(BaseCommand):
    help = (
        f"Delete unconfirmed inquiries older than {CONFIRMATION_HOURS} hours, with their files. "
        "They were never sent, so they are not public records. Run it daily (or hourly)."
    )

    def handle(self, *args, **options) -> None:
        count = inquiries_purge_unconfirmed()
        self.stdout.write(f"Unconfirmed inquiries deleted: {count}")
