"""`samverkan restore BACKUP_FOLDER`: bring a backup back into an empty installation."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from samverkan.core.backup import BackupError, backup_restore
from samverkan.search.services import index_rebuild


class Command(BaseCommand):
    help = (
        "Restore a backup written by `samverkan backup` into an empty installation: the "
        "database is migrated first, then loaded, then checked against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            report = backup_restore(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if report.mismatches:
            raise CommandError(
                "The restored data differs from the backup:\n" + "\n".join(report.mismatches)
            )
        entries = index_rebuild()  # the index is derived data, not in the backup
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {report.rows} rows and {report.files} files; "
                f"counts and checksums match the backup. Search index: {entries} entries."
            )
        )
