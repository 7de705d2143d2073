"""How many documents per second the minutes import reads, and reads and saves.

Run from the repository's root::

    python benchmarks/import_speed.py [--repeat 20] [--no-database]

Three measurements, each on one core (one process, one thread):

``parse``
    :func:`samverkan.minutes_import.extraction.extract_bytes` (decode, clean, parse) over the
    five seed documents in ``../shared/seeds/`` (when that folder exists), repeated N times,
    from bytes already in memory.
``parse (own)``
    the same over the project's own documents that can be read: the demo's minutes and the
    test documents (text, Markdown, Windows-1252), repeated N times.
``parse + import``
    :func:`samverkan.minutes_import.importing.import_result` into a fresh SQLite database
    (migrated in a temporary folder first), reading and parsing included: every text document
    of both sets, each repetition moved some years on (dates in whole weeks, as the demo
    does) so that every import makes a new meeting rather than finding the last one
    unchanged. Each document is one transaction, committed; the documents are one run
    (:class:`samverkan.minutes_import.runs.ImportRun`), as ``import_minutes`` imports a batch,
    and the run's re-indexing for search at its end is timed too. The SQL queries are
    counted (the transactions' BEGIN and COMMIT included). The URL configuration is loaded
    before the clock starts, as a running process has it.

It prints a table and writes ``benchmarks/results/import_speed.json``. The aims: at least 50
text documents per second for reading and parsing (issue 4), and for reading, parsing and
saving (issue 7). Not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RESULTS = ROOT / "benchmarks" / "results" / "import_speed.json"
TEXT_SUFFIXES = (".txt", ".md", ".docx")


def setup_django(database: Path | None) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    if database is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def documents() -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(the seeds, the project's own documents) as (name, bytes)."""
    from samverkan.minutes_import.demo import DOCUMENTS as DEMO

    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    tests = ROOT / "samverkan" / "minutes_import" / "tests" / "documents"
    own = sorted(DEMO.iterdir()) + sorted(
        p for p in tests.iterdir() if p.suffix in TEXT_SUFFIXES and p.stat().st_size
    )
    from samverkan.minutes_import.extraction import extract_bytes

    readable = [
        (p.name, p.read_bytes())
        for p in own
        if p.suffix in TEXT_SUFFIXES and extract_bytes(p.read_bytes(), filename=p.name)[1]
    ]
    return [(p.name, p.read_bytes()) for p in seeds], readable


def measure(name: str, count: int, seconds: float) -> dict:
    return {
        "measurement": name,
        "documents": count,
        "seconds": round(seconds, 4),
        "documents_per_second": round(count / seconds, 1) if seconds else None,
    }


def bench_parse(label: str, batch: list[tuple[str, bytes]], repeat: int) -> dict:
    from samverkan.minutes_import.extraction import extract_bytes

    for name, data in batch:  # warm up: compile the patterns, load the catalogues
        extract_bytes(data, filename=name)
    started = time.perf_counter()
    for _ in range(repeat):
        for name, data in batch:
            extract_bytes(data, filename=name)
    return measure(label, repeat * len(batch), time.perf_counter() - started)


def bench_import(batch: list[tuple[str, bytes]], repeat: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.urls import get_resolver

    from samverkan.minutes_import.demo import shift_text
    from samverkan.minutes_import.extraction import extract_bytes
    from samverkan.minutes_import.importing import import_result
    from samverkan.minutes_import.runs import ImportRun

    call_command("migrate", verbosity=0, interactive=False)
    get_resolver().url_patterns  # noqa: B018 - loaded once per process, not per document
    moved: list[tuple[str, bytes]] = []
    for number in range(repeat):
        for name, data in batch:
            if name.endswith(".docx"):
                continue  # the dates inside a Word file are not moved: it would be unchanged
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
            moved.append((f"{number}/{name}", shift_text(text, number + 1).encode("utf-8")))
    actions: dict[str, int] = {}
    queries = 0

    def count(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count), ImportRun() as run:
        for name, data in moved:
            result, readable = extract_bytes(data, filename=name)
            outcome = import_result(result, run=run) if readable else None
            action = outcome.action if outcome else "unreadable"
            actions[action] = actions.get(action, 0) + 1
    row = measure("parse + import", len(moved), time.perf_counter() - started)
    row["actions"] = actions
    row["queries"] = queries
    row["queries_per_document"] = round(queries / len(moved), 1)
    row["note"] = "read, parse and save each document into a fresh SQLite database, as one run"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times each document is read")
    parser.add_argument(
        "--no-database", action="store_true", help="only measure reading and parsing"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(None if options.no_database else Path(folder) / "bench.sqlite3")
        seeds, own = documents()
        rows = []
        if seeds:
            rows.append(bench_parse("parse (5 seeds)", seeds, options.repeat))
        rows.append(bench_parse(f"parse (own, {len(own)} documents)", own, options.repeat))
        if not options.no_database:
            rows.append(bench_import(seeds + own, max(1, options.repeat // 4)))
    print(f"{'measurement':<32} {'documents':>9} {'seconds':>9} {'docs/s':>9} {'queries/doc':>12}")
    for row in rows:
        print(
            f"{row['measurement']:<32} {row['documents']:>9} {row['seconds']:>9.3f} "
            f"{row['documents_per_second'] or 0:>9.1f} {row.get('queries_per_document', ''):>12}"
        )
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "repeat": options.repeat,
        "aim_documents_per_second": 50,
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "results": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
