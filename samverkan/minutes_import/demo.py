"""Demo: minutes from the year before the meetings demo starts, brought in by the importer.

The documents in ``demo_documents/`` are minutes of Älvstads kommun's council, written in
four layouts (minutes with grouped attendance, an AU protocol with "§" and names on one line,
compiled group notes of a theme evening, minutes with "Plats och tid"). They are dated 2023;
:func:`load_demo` moves them to the year before the meetings demo's first year (its first
year is two years before ``today``), whole weeks at a time so that every weekday stays right,
and imports them through :func:`.importing.import_result` as the secretary.

They use the demo's people, bodies and organisations, so "who is who" links them, and on
purpose also: a short form with the organisation beside it ("Gittan Lövgren, Älvstads
Föreningsråd" — sure), a first name alone ("Tobias tar kontakt ..." — sure among the
document's people), a department under its former name ("Förvaltningen för sociala
insatser"), and three that wait for the secretary's review: a short form without an
organisation ("Tompa Kjellberg"), a longer double surname ("Lovisa Brink Nyström") and a
misspelling ("Rebecka Talgren").

Run it after ``samverkan.meetings.demo.load_demo`` on the same database (with the same
``today``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.organisations.demo import SECRETARY_EMAIL

from .extraction import extract_bytes
from .importing import import_result
from .models import IdentitySuggestion
from .runs import ImportRun

DOCUMENTS = Path(__file__).resolve().parent / "demo_documents"
WRITTEN_IN = 2023

_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_DATE_OR_YEAR_RE = re.compile(
    r"(?P<word>(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_MONTHS) + r")(?:\s+(?P<year>20\d\d))?)"
    r"|(?P<iso>(?P<iso_year>20\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d))"
    r"|(?P<bare>(?<![\d-])20\d\d(?![\d]))",
    re.IGNORECASE,
)


def demo_year(today: date | None = None) -> int:
    """The year of the demo's documents: the year before the meetings demo starts."""
    today = today or timezone.localdate()
    return today.year - 3


def shift_text(text: str, years: int) -> str:
    """Move every date in ``text`` (written as in 2023) ``years`` years on, in whole weeks
    (52 a year) so that weekdays stay right; bare years ("2024-2025") move by ``years``."""
    if years == 0:
        return text
    delta = timedelta(weeks=52 * years)

    def replace(match: re.Match[str]) -> str:
        if match.group("bare"):
            return str(int(match.group("bare")) + years)
        if match.group("iso"):
            day = date(
                int(match.group("iso_year")),
                int(match.group("iso_month")),
                int(match.group("iso_day")),
            )
            return (day + delta).isoformat()
        year = int(match.group("year") or WRITTEN_IN)
        month = _MONTHS.index(match.group("month").lower()) + 1
        moved = date(year, month, int(match.group("day"))) + delta
        shown = f"{moved.day} {_MONTHS[moved.month - 1]}"
        return f"{shown} {moved.year}" if match.group("year") else shown

    return _DATE_OR_YEAR_RE.sub(replace, text)


def demo_results(today: date | None = None) -> list[dict]:
    """The demo documents read and parsed (the shape of issue 4), moved to the demo's year."""
    years = demo_year(today) - WRITTEN_IN
    results = []
    for path in sorted(DOCUMENTS.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        text = shift_text(path.read_text(encoding="utf-8"), years)
        name = f"demo/{shift_text(path.name, years)}"
        result, _readable = extract_bytes(text.encode("utf-8"), filename=name)
        results.append(result)
    return results


def load_demo(*, today: date | None = None) -> dict[str, int]:
    """Import the demo's own minutes as the demo secretary and say what came of it."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    counts: dict[str, int] = {
        "documents": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    with ImportRun() as run:
        for result in sorted(demo_results(today), key=lambda r: r["date"] or ""):
            outcome = import_result(result, actor=actor, run=run)
            counts["documents"] += 1
            counts[outcome.action] += 1
            if outcome.action == "failed":
                raise RuntimeError(
                    f"The demo document {outcome.file} was not imported: {outcome.message}"
                )
    counts["suggestions_to_review"] = IdentitySuggestion.objects.filter(
        status=IdentitySuggestion.Status.PENDING
    ).count()
    return counts
