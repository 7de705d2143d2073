from django.core.management.base import BaseCommand

from samverkan.consultations.services import consultation_reminders_send


class Command(BaseCommand):
    help = (
        "Remind consultees that have not answered, 7 and 2 days before the reply-by date. "
        "Safe to run as often as you like: each reminder is sent once."
    )

    def handle(self, *args, **options) -> None:
        count = consultation_reminders_send()
        self.stdout.write(f"{count} reminder(s) queued")
