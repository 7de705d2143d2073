import time

from django.core.management.base import BaseCommand

from samverkan.outbox.services import outbox_deliver


class Command(BaseCommand):
    help = "Deliver queued email. With --loop, keep running and retry failed messages with backoff."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running")
        parser.add_argument("--interval", type=float, default=10.0, help="seconds between rounds")

    def handle(self, *args, loop: bool, interval: float, **options):
        while True:
            report = outbox_deliver(limit=500)
            if report.sent or report.retried or report.failed:
                self.stdout.write(
                    f"sent {report.sent}, to retry {report.retried}, failed {report.failed}"
                )
            if not loop:
                return
            time.sleep(interval)
