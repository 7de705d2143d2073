"""Carry out the retention table (privacy/retention.py): remove personal data past its time."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from samverkan.privacy.retention import BY_KEY, RULES, retention_apply


class Command(BaseCommand):
    help = (
        "Remove personal data that is not part of an official record once its time is past, "
        "rule by rule (see docs/personal-data.md). Run it daily. It replaces the separate "
        "purge_unconfirmed_* commands, whose services it calls."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what is due; remove nothing."
        )
        parser.add_argument(
            "--rule",
            action="append",
            default=[],
            metavar="KEY",
            help=f"Only this rule (may be repeated): {', '.join(rule.key for rule in RULES)}.",
        )

    def handle(self, *args, **options) -> None:
        unknown = [key for key in options["rule"] if key not in BY_KEY]
        if unknown:
            raise CommandError(f"Unknown rule(s): {', '.join(unknown)}")
        dry_run = options["dry_run"]
        with translation.override("en"):
            outcomes = retention_apply(dry_run=dry_run, only=options["rule"])
            verb = "due" if dry_run else "removed"
            for outcome in outcomes:
                rule = outcome.rule
                self.stdout.write(
                    f"{rule.key}: {outcome.count} {verb} ({rule.what}: {rule.kept_for}, "
                    f"then {rule.then})"
                )
            total = sum(outcome.count for outcome in outcomes)
            self.stdout.write(f"{'Dry run: ' if dry_run else ''}{total} in all {verb}.")
