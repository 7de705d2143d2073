"""Several outbox workers at once, on PostgreSQL: every message is delivered exactly once.

Two real `samverkan send_outbox --loop` processes run against the test database and the real
local SMTP server while a batch of messages is committed; rows are claimed with
SELECT ... FOR UPDATE SKIP LOCKED, so the workers share the work and never send twice.
(On SQLite run one worker: it has no row locks.)
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from samverkan.outbox.models import OutboundEmail

ROOT = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locking with SKIP LOCKED needs PostgreSQL"
    ),
]


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def _start_worker(smtp_server) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "EMAIL_HOST": smtp_server.host,
        "EMAIL_PORT": str(smtp_server.port),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "django", "send_outbox", "--loop", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_two_workers_deliver_every_message_exactly_once(smtp_server):
    workers = [_start_worker(smtp_server), _start_worker(smtp_server)]
    try:
        time.sleep(3)  # both workers are up and polling
        assert all(w.poll() is None for w in workers), "a worker stopped at start"
        now = timezone.now()
        OutboundEmail.objects.bulk_create(
            OutboundEmail(
                to=f"mottagare{n}@example.org",
                subject=f"Nyhetsbrev {n}",
                body="Hej!",
                created_at=now,
                next_attempt_at=now,
            )
            for n in range(400)
        )
        assert _wait_until(
            lambda: not OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).exists(),
            timeout=120,
        ), "not every message was sent"
        time.sleep(1)  # anything sent twice would arrive now
    finally:
        outputs = []
        for worker in workers:
            worker.terminate()
            outputs.append(worker.communicate(timeout=30)[0])

    subjects = [message["Subject"] for message in smtp_server.messages]
    assert len(subjects) == 400, outputs
    assert len(set(subjects)) == 400, "a message was delivered twice"
    sent_by = [sum(int(n) for n in re.findall(r"sent (\d+)", output)) for output in outputs]
    assert sum(sent_by) == 400, outputs
    assert all(count > 0 for count in sent_by), f"one worker did all the work: {sent_by}"
