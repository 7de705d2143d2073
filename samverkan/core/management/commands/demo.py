"""Serve the demo: create the embedded database, load the demo data once, run the server."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the SQLite database, load the demo data if it is empty, and serve the site."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="only prepare the database")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, no_serve: bool, addrport: str, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", verbosity=options["verbosity"])
        if no_serve:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Samverkan runs on http://{addrport}/ – demo secretary: "
                "sekreterare@example.org / demo-sekreterare-2024. Emailed login links are printed here."
            )
        )
        call_command("runserver", addrport, use_reloader=False)
