"""``samverkan import_minutes PATH... [--dry-run] [--json]``: read existing minutes.

With ``--dry-run --json`` the command writes nothing and prints a JSON list with one object
per file (the shape of issue 4) on standard output, in UTF-8. A file that cannot be read gets
an object with its reason in ``warnings`` and a line on standard error, and the batch goes on.

Without ``--dry-run`` each file is imported into the database in its own transaction
(:func:`samverkan.minutes_import.importing.import_path`): a file that fails leaves nothing
behind and the batch goes on. A line per file goes to standard output (with ``--json``, a
JSON list of the outcomes instead), a progress bar to standard error when it is a terminal,
and a summary at the end: created, updated, unchanged, skipped, failed, and how many names
need review.
"""

from __future__ import annotations

import json
import logging
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...extraction import expand_paths, extract_path
from ...importing import ImportOutcome, import_path
from ...parsing import empty_result
from ...runs import ImportRun

logger = logging.getLogger(__name__)


class ProgressBar:
    """A one-line progress bar on a terminal: ``[#####.....] 5/10 name``."""

    width = 30

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total = max(total, 1)
        # Django's OutputWrapper ends every write with a newline; write to what it wraps.
        self.stream: IO[str] = getattr(stream, "_out", stream)
        self.done = 0

    def show(self, name: str) -> None:
        filled = self.width * self.done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        label = name if len(name) <= 40 else "…" + name[-39:]
        self.stream.write(f"\r\033[K[{bar}] {self.done}/{self.total} {label}")
        self.stream.flush()

    def advance(self, name: str) -> None:
        self.done += 1
        self.show(name)

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


def _is_terminal(stream: Any) -> bool:
    out = getattr(stream, "_out", stream)
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def _write_utf8(stream: Any, text: str) -> None:
    """Write UTF-8 whatever the locale of the terminal or pipe says."""
    out = getattr(stream, "_out", stream)
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)


class Command(BaseCommand):
    help = (
        "Import existing minutes (.txt, .md, .docx and text PDFs; folders are searched "
        "recursively) into the database. With --dry-run, read only; with --json, print JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read and parse only; write nothing to the database",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="print one JSON object per file (a list) on standard output",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files = list(expand_paths(options["paths"]))
        if not files:
            raise CommandError(_("No files to read."))
        if not options["dry_run"]:
            self.import_files(files, as_json=options["json"])
            return
        progress = ProgressBar(len(files), self.stderr) if _is_terminal(self.stderr) else None
        results: list[dict[str, Any]] = []
        failed = 0
        needs_review = 0
        for name, path in files:
            if progress:
                progress.show(name)
            if path is None:
                result = empty_result(name, None)
                result["warnings"].append(_("%(file)s does not exist.") % {"file": name})
                ok = False
            else:
                result, ok = extract_path(path, display_name=name)
            if not ok:
                failed += 1
                if progress:
                    progress.close()
                self.stderr.write(result["warnings"][0])
            elif result["warnings"]:
                needs_review += 1
            results.append(result)
            if progress:
                progress.advance(name)
        if progress:
            progress.close()
        if options["json"]:
            _write_utf8(self.stdout, json.dumps(results, ensure_ascii=False, indent=2) + "\n")
        else:
            for result in results:
                self.stdout.write(self._summary_line(result))
        self.stderr.write(self._summary(len(results), failed, needs_review))

    def _summary_line(self, result: dict[str, Any]) -> str:
        return _(
            "%(file)s: %(kind)s, %(date)s, %(present)d present, %(items)d items, "
            "%(warnings)d warnings"
        ) % {
            "file": result["file"],
            "kind": result["kind"],
            "date": result["date"] or "?",
            "present": len(result["present"]),
            "items": len(result["agenda_items"]),
            "warnings": len(result["warnings"]),
        }

    def _summary(self, total: int, failed: int, needs_review: int) -> str:
        read = ngettext("%(count)d file read", "%(count)d files read", total - failed) % {
            "count": total - failed
        }
        review = ngettext("%(count)d needs review", "%(count)d need review", needs_review) % {
            "count": needs_review
        }
        unreadable = ngettext(
            "%(count)d could not be read", "%(count)d could not be read", failed
        ) % {"count": failed}
        return _("Dry run, nothing was saved: %(read)s, %(review)s, %(unreadable)s.") % {
            "read": read,
            "review": review,
            "unreadable": unreadable,
        }

    # -- import into the database ----------------------------------------------------------

    def import_files(self, files: list[tuple[str, Any]], *, as_json: bool) -> None:
        progress = ProgressBar(len(files), self.stderr) if _is_terminal(self.stderr) else None
        outcomes: list[ImportOutcome] = []
        with ImportRun() as run:
            for name, path in files:
                outcomes.append(self.import_file(name, path, run, progress, as_json=as_json))
        if progress:
            progress.close()
        if as_json:
            _write_utf8(
                self.stdout,
                json.dumps([o.as_dict() for o in outcomes], ensure_ascii=False, indent=2) + "\n",
            )
        self.stderr.write(self._import_summary(outcomes))

    def import_file(
        self, name: str, path: Any, run: ImportRun, progress: ProgressBar | None, *, as_json: bool
    ) -> ImportOutcome:
        """One file of the batch, in its own transaction (a failure leaves nothing of it)."""
        if progress:
            progress.show(name)
        if path is None:
            outcome = ImportOutcome(name, "failed", _("%(file)s does not exist.") % {"file": name})
        else:
            try:
                outcome = import_path(path, display_name=name, run=run)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
                logger.exception("Import of %s failed", name)
                outcome = ImportOutcome(
                    name,
                    "failed",
                    _("%(file)s could not be imported: %(reason)s")
                    % {"file": name, "reason": f"{error.__class__.__name__}: {error}"},
                )
        if progress:
            progress.close()
        if outcome.action in ("failed", "skipped"):
            self.stderr.write(outcome.message)
        if not as_json:
            self.stdout.write(self._outcome_line(outcome))
        if progress:
            progress.advance(name)
        return outcome

    def _outcome_line(self, outcome: ImportOutcome) -> str:
        labels = {
            "created": _("created"),
            "updated": _("updated"),
            "unchanged": _("unchanged"),
            "skipped": _("skipped"),
            "failed": _("failed"),
        }
        line = f"{outcome.file}: {labels[outcome.action]}"
        meeting = outcome.meeting
        if meeting is not None:
            line += f" – {meeting.title}, {meeting.date.isoformat() if meeting.date else '?'}"
        pending = sum(1 for s in outcome.suggestions if s.status == "pending")
        if pending:
            line += " – " + ngettext(
                "%(count)d name to review", "%(count)d names to review", pending
            ) % {"count": pending}
        return line

    def _import_summary(self, outcomes: list[ImportOutcome]) -> str:
        actions = {
            action: sum(1 for o in outcomes if o.action == action)
            for action in ("created", "updated", "unchanged", "skipped", "failed")
        }
        review = [o for o in outcomes if o.needs_review]
        names = sum(1 for o in review for s in o.suggestions if s.status == "pending")
        return _(
            "Import done: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped, %(failed)d failed; %(review)s."
        ) % {
            **actions,
            "review": ngettext(
                "%(files)d file needs review (%(names)d names)",
                "%(files)d files need review (%(names)d names)",
                len(review),
            )
            % {"files": len(review), "names": names},
        }
