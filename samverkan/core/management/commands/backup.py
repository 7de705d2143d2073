"""`samverkan backup FOLDER`: a consistent, compressed copy of the database and uploads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.core.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write a consistent, compressed backup of the database and the uploaded files into a "
        "new folder under FOLDER (restore it with `samverkan restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        try:
            report = backup_write(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {report.folder}: {report.rows} rows, {report.files} files, "
                f"{report.bytes / 1_048_576:.1f} MiB."
            )
        )
