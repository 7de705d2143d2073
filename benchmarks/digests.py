"""How long preparing the weekly digests takes, and how much memory, for many subscribers.

Run from the repository's root::

    python benchmarks/digests.py --subscribers 50000 [--happenings 300] [--batch-size 1000]

With no ``DATABASE_URL`` it uses a fresh SQLite database in a temporary folder (migrated
first, not timed); with ``DATABASE_URL=postgres://...`` it uses that database, which must be
empty and will be left holding the data.

The data: ``--subscribers`` confirmed weekly subscribers, each following one to four topics
drawn with a skewed (Zipf-like) weight from 60 topics (themes, districts, bodies,
departments), as real followers crowd on a few popular topics; ``--happenings`` happenings
over the last week, each tagged with one or two topics. Then one timed call of
``subscriber_emails_build(frequency="weekly")`` — the work of ``send_digests`` — with peak
Python memory measured by ``tracemalloc`` (which slows the run somewhat), and a second,
timed, call that must find nothing to do.

It prints the figures and writes ``benchmarks/results/digests-<sqlite|postgresql>.json``.
Not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def setup_django(database: Path | None) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    if database is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def make_data(subscribers: int, happenings: int, seed: int = 1) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from samverkan.core.models import hash_token
    from samverkan.subscriptions.models import (
        Happening,
        HappeningKind,
        HappeningTopic,
        Subscriber,
        SubscriptionTopic,
    )

    rng = random.Random(seed)
    topics = (
        [f"theme:tema-{n}" for n in range(20)]
        + [f"district:omrade-{n}" for n in range(15)]
        + [f"body:{n}" for n in range(1, 11)]
        + [f"department:{n}" for n in range(1, 16)]
    )
    weights = [1 / (rank + 1) for rank in range(len(topics))]
    rng.shuffle(weights)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        rows = []
        for n in range(happenings):
            rows.append(
                Happening(
                    kind=rng.choice(HappeningKind.values),
                    title=f"Händelse nummer {n} om något som hänt i kommunen",
                    summary="En kort sammanfattning av vad som hänt och vad det betyder. " * 3,
                    path=f"/remisser/{n}/",
                    occurred_at=now - timedelta(minutes=rng.randrange(7 * 24 * 60)),
                )
            )
        Happening.objects.bulk_create(rows, batch_size=500)
        HappeningTopic.objects.bulk_create(
            [
                HappeningTopic(happening=h, topic=t)
                for h in Happening.objects.all()
                for t in set(rng.choices(topics, weights=weights, k=rng.randint(1, 2)))
            ],
            batch_size=2000,
        )
    chunk = 5000
    for start in range(0, subscribers, chunk):
        with transaction.atomic():
            made = Subscriber.objects.bulk_create(
                [
                    Subscriber(
                        email=f"prenumerant{n}@example.org",
                        language="en" if n % 10 == 0 else "sv",
                        frequency="weekly",
                        confirmed_at=now - timedelta(days=30),
                        created_at=now - timedelta(days=30),
                        last_happening_id=0,
                        manage_salt=f"salt{n}",
                        manage_token_hash=hash_token(f"bench-{n}"),
                    )
                    for n in range(start, min(start + chunk, subscribers))
                ],
                batch_size=1000,
            )
            if made and made[0].pk is None:  # databases that return no keys
                made = list(Subscriber.objects.filter(pk__gt=0).order_by("pk")[start:])
            SubscriptionTopic.objects.bulk_create(
                [
                    SubscriptionTopic(subscriber_id=s.pk, topic=t)
                    for s in made
                    for t in set(rng.choices(topics, weights=weights, k=rng.randint(1, 4)))
                ],
                batch_size=2000,
            )
    return {
        "subscribers": Subscriber.objects.count(),
        "subscription_topics": SubscriptionTopic.objects.count(),
        "happenings": Happening.objects.count(),
        "happening_topics": HappeningTopic.objects.count(),
        "topics": len(topics),
        "data_seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=50000)
    parser.add_argument("--happenings", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        use_sqlite = not os.environ.get("DATABASE_URL")
        setup_django(Path(folder) / "bench.sqlite3" if use_sqlite else None)
        from django.core.management import call_command
        from django.db import connection

        from samverkan.outbox.models import OutboundEmail
        from samverkan.subscriptions.digests import subscriber_emails_build

        call_command("migrate", verbosity=0, interactive=False)
        data = make_data(options.subscribers, options.happenings)
        tracemalloc.start()
        started = time.perf_counter()
        report = subscriber_emails_build(frequency="weekly", batch_size=options.batch_size)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        started = time.perf_counter()
        again = subscriber_emails_build(frequency="weekly", batch_size=options.batch_size)
        again_seconds = time.perf_counter() - started
        vendor = connection.vendor
        queued = OutboundEmail.objects.count()
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "batch_size": options.batch_size,
        "data": data,
        "build": {
            "seconds": round(seconds, 2),
            "subscribers_per_second": round(report.subscribers / seconds) if seconds else None,
            "peak_python_memory_mb": round(peak / 1024 / 1024, 1),
            "subscribers_considered": report.subscribers,
            "emails_queued": report.emails,
            "distinct_contents_rendered": report.contents_rendered,
            "batches": report.batches,
            "outbox_rows": queued,
        },
        "second_run": {"seconds": round(again_seconds, 2), "emails_queued": again.emails},
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"digests-{vendor}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
