from django.core.management.base import BaseCommand

from samverkan.subscriptions.digests import BATCH_SIZE, subscriber_emails_build
from samverkan.subscriptions.models import Frequency


class Command(BaseCommand):
    help = (
        "Queue an email for every subscriber who wants news at once and has some. Run every "
        "few minutes; running it again, or twice at once, queues nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, **options):
        report = subscriber_emails_build(
            frequency=Frequency.IMMEDIATE, batch_size=options["batch_size"]
        )
        self.stdout.write(
            f"{report.emails} notifications queued for {report.subscribers} subscribers."
        )
