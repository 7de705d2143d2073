"""How fast the main pages are under load, served as in production (issue 7).

Run from the repository's root::

    python benchmarks/pages.py [--db sqlite|postgres|both] [--postgres URL] [--scale 1.0]
        [--seed 2024] [--duration 20] [--warmup 3] [--connections 10] [--only PAGE ...]
        [--skip-import] [--skip-digests] [--digest-subscribers 50000] [--fresh]

For each database it:

1. creates the scale data with ``seed_scale`` (``migrate`` and ``createcachetable`` first), or
   reuses a database that already holds organisations. SQLite lives in
   ``var/bench/pages-seed<seed>-scale<scale>.sqlite3`` (kept between runs; ``--fresh`` makes it
   anew); PostgreSQL in the database named in ``--postgres`` (or ``DATABASE_URL``), created
   when missing;
2. collects the static files into a temporary folder and starts gunicorn (2 workers,
   ``config.settings.production``, DEBUG off, static files through WhiteNoise) on 127.0.0.1
   at a free port;
3. makes a session for a secretary (``bench-secretary@example.org``, created if missing),
   finds real addresses in the data and counts the SQL queries of each page in-process
   (Django's test client, second request of two, same settings and database);
4. drives each page with wrk: a warm-up, then ``--duration`` seconds with ``--connections``
   connections, anonymous and logged in, recording requests per second, p50/p95/p99 latency,
   bytes per response and errors (a Lua ``done`` callback prints wrk's own figures as JSON);
5. reads the peak memory (VmHWM) of each gunicorn worker at the end, and stops gunicorn.

Then, unless skipped, it runs ``benchmarks/import_speed.py`` and ``benchmarks/digests.py``
(which update their own result files) and takes their figures.

Results: ``benchmarks/results/pages-<sqlite|postgresql>.json`` and ``.md``, with the machine
described. Not a test: nothing fails when a target is missed; the table says so.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
BENCH_DATA = ROOT / "var" / "bench"
SECRETARY_EMAIL = "bench-secretary@example.org"
WORKERS = 2

# name -> what it is; the addresses are found in the data by ``inner_prepare``.
PAGES: dict[str, str] = {
    "home": "home page",
    "register": "register, first page",
    "register_filtered": "register, filtered and searched",
    "organisation": "an organisation's page",
    "meeting": "a meeting with published minutes",
    "calendar": "calendar page",
    "ical": "iCalendar feed",
    "map": "collaboration map",
    "search": "search results",
    "consultation": "an open consultation",
    "not_found": "a page that does not exist (404)",
}
FAST_PAGES = {"home", "not_found"}

TARGETS = {
    "requests_per_second": 300,
    "requests_per_second_fast": 600,  # home and 404
    "p95_ms": 50,
    "queries": 10,
    "worker_memory_mib": 150,
    "import_documents_per_second": 50,
    "digests_seconds_for_50000": 120,
}

WRK_LUA = r"""
done = function(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%.0f,"p95":%.0f,"p99":%.0f,"mean":%.1f,"max":%.0f}}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max))
end
"""


# --- Inside Django (run as a subprocess with the production environment) --------------------


def inner_prepare(output: Path) -> None:
    """Make the secretary's session, find the pages' addresses and count their queries;
    write JSON to ``output``."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from urllib.parse import urlencode

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from samverkan.accounts.models import Role, User
    from samverkan.consultations.models import Consultation, ConsultationState
    from samverkan.meetings.models import Meeting
    from samverkan.organisations import selectors as org_selectors
    from samverkan.organisations.models import District

    # Queries are counted as a page is made, not as it is served from the anonymous page cache.
    settings.PAGE_CACHE = False
    user = User.objects.filter(email=SECRETARY_EMAIL).first()
    if user is None:
        user = User.objects.create_user(SECRETARY_EMAIL, full_name="Bänk Sekreterare")
    user.groups.add(Group.objects.get_or_create(name=Role.SECRETARY.value)[0])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(24 * 60 * 60)
    session.create()

    agreement = org_selectors.agreement_current()
    organisation = (
        org_selectors.register_search(agreement, org_selectors.RegisterFilter()).first()
        if agreement
        else None
    )
    district = (
        organisation.districts.order_by("pk").first() if organisation is not None else None
    ) or District.objects.order_by("pk").first()
    meeting = (
        Meeting.objects.filter(
            visibility=Meeting.Visibility.PUBLIC,
            minutes_status=Meeting.MinutesStatus.PUBLISHED,
        )
        .order_by("-date", "pk")
        .first()
    )
    consultation = (
        Consultation.objects.filter(state=ConsultationState.OPEN).order_by("reply_by", "pk").first()
    )
    filtered = {"q": "förening", "sort": "name"}
    if district is not None:
        filtered["district"] = district.slug
    urls: dict[str, str | None] = {
        "home": reverse("core:home"),
        "register": reverse("organisations:register"),
        "register_filtered": reverse("organisations:register") + "?" + urlencode(filtered),
        "organisation": reverse("organisations:organisation_detail", args=[organisation.pk])
        if organisation
        else None,
        "meeting": reverse("meetings:meeting_detail", args=[meeting.pk]) if meeting else None,
        "calendar": reverse("meetings:calendar"),
        "ical": reverse("meetings:public_feed"),
        "map": reverse("collaboration_map:map"),
        "search": reverse("search:results") + "?" + urlencode({"q": "förening"}),
        "consultation": reverse("consultations:detail", args=[consultation.pk])
        if consultation
        else None,
        "not_found": "/finns-inte/",
    }

    counts: dict[str, dict[str, dict]] = {}
    for name, url in urls.items():
        if url is None:
            continue
        counts[name] = {}
        for mode in ("anonymous", "logged_in"):
            client = Client(HTTP_HOST="127.0.0.1")
            if mode == "logged_in":
                client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
            client.get(url)  # warm: caches, lazily built things
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            counts[name][mode] = {
                "queries": len(queries),
                "status": response.status_code,
                "body_bytes": len(response.content)
                if not response.streaming
                else sum(len(chunk) for chunk in response.streaming_content),
            }

    import django as dj

    output.write_text(
        json.dumps(
            {
                "session_cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
                "urls": urls,
                "queries": counts,
                "django": dj.get_version(),
                "database_vendor": connection.vendor,
                "database_version": _database_version(connection),
                "rows": _row_counts(),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def _database_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        if connection.vendor == "postgresql":
            cursor.execute("show server_version")
            return "PostgreSQL " + cursor.fetchone()[0]
    return connection.vendor


def _row_counts() -> dict[str, int]:
    from samverkan.consultations.models import Consultation
    from samverkan.meetings.models import AgendaItem, Meeting, Person
    from samverkan.organisations.models import Organisation
    from samverkan.search.models import SearchEntry

    return {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
        "agenda_items": AgendaItem.objects.count(),
        "consultations": Consultation.objects.count(),
        "search_entries": SearchEntry.objects.count(),
    }


def inner_has_data(output: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from samverkan.core.backup import installation_is_empty
    from samverkan.organisations.models import Organisation

    tables = set(connection.introspection.table_names())
    if Organisation._meta.db_table not in tables:
        result = {"organisations": 0, "empty": True}
    else:
        result = {
            "organisations": Organisation.objects.count(),
            "empty": installation_is_empty(),
        }
    output.write_text(json.dumps(result), encoding="utf-8")


# --- Outside: orchestration ------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[pages] {message}", flush=True)


def run(command: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)


def django_admin(env: dict[str, str], *arguments: str, quiet: bool = True) -> None:
    run(
        [sys.executable, "-m", "django", *arguments],
        env,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def inner(env: dict[str, str], what: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        path = Path(handle.name)
    try:
        run([sys.executable, __file__, f"--inner-{what}", str(path)], env)
        return json.loads(path.read_text(encoding="utf-8"))
    finally:
        path.unlink(missing_ok=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    command = "apt-get update && apt-get install -y wrk"
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log(f"wrk is missing; running: {command}")
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit(f"wrk is needed (Debian package 'wrk'): run `sudo sh -c '{command}'`.")
    return found


def postgres_ensure(url: str) -> None:
    """Create the database named in ``url`` when it does not exist (nothing is dropped)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    name = params.get("dbname")
    if not name:
        sys.exit(f"The PostgreSQL URL must name a database: {url}")
    try:
        psycopg.connect(url, connect_timeout=10).close()
        return
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise
    maintenance = make_conninfo(**{**params, "dbname": "postgres"})
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    log(f"created PostgreSQL database {name}")


def production_env(database_url: str, data_dir: Path, port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "SAMVERKAN_", "SECURE_", "EMAIL_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "SAMVERKAN_DATA_DIR": str(data_dir),
            "SECURE_SSL_REDIRECT": "false",  # plain http on loopback
            "SECURE_HSTS_SECONDS": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "OUTBOX_DELIVER_ON_COMMIT": "false",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare_database(env: dict[str, str], options, sqlite_path: Path | None) -> dict:
    if sqlite_path is not None:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        if options.fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    log("migrate")
    django_admin(env, "migrate", "--noinput")
    django_admin(env, "createcachetable")
    state = inner(env, "has-data")
    if state["organisations"]:
        log(f"reusing the data already there ({state['organisations']} organisations)")
        return {"reused": True, "seconds": None}
    if not state["empty"]:
        sys.exit(
            "The database holds data but no organisations: not the scale data. "
            "Use an empty database (or --fresh for SQLite)."
        )
    log(f"seed_scale --seed {options.seed} --scale {options.scale} (this can take minutes)")
    started = time.monotonic()
    django_admin(
        env, "seed_scale", "--seed", str(options.seed), "--scale", str(options.scale), quiet=False
    )
    return {"reused": False, "seconds": round(time.monotonic() - started, 1)}


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, log_file):
    """Start gunicorn in its own process group (its log, with the 404 warnings, into
    ``log_file``); stop it and its workers on exit."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "60",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                log_file.flush()
                tail = Path(log_file.name).read_text(errors="replace")[-3000:]
                raise RuntimeError(f"gunicorn stopped at start ({process.returncode}):\n{tail}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer within 60 s") from None
                time.sleep(0.3)
        while len(worker_pids(process.pid)) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    try:
        return [int(pid) for pid in children.read_text().split()]
    except OSError:
        return []


def memory_kib(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in {"VmHWM", "VmRSS"}:
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values


def check_page(port: int, url: str, cookie: str | None, expected: int) -> str | None:
    """One request before the load: the expected status, and logged in when it should be."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{url}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, response.read()
            kind = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        status, body, kind = error.code, error.read(), error.headers.get("Content-Type", "")
    if status != expected:
        return f"status {status}, expected {expected}"
    if cookie and kind.startswith("text/html") and b"/konto/logga-ut/" not in body:
        return "the secretary's session was not recognised (no log-out link)"
    return None


def wrk_run(
    wrk: str, lua: Path, port: int, url: str, cookie: str | None, seconds: int, connections: int
) -> dict:
    command = [
        wrk,
        "--threads",
        str(min(2, connections)),
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--script",
        str(lua),
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{url}")
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    for line in output.splitlines():
        if line.startswith("WRKJSON "):
            return json.loads(line.removeprefix("WRKJSON "))
    raise RuntimeError(f"wrk printed no figures:\n{output}")


def bench_database(label: str, database_url: str, sqlite_path: Path | None, wrk: str, options):
    with tempfile.TemporaryDirectory(prefix="samverkan-bench-") as folder:
        folder_path = Path(folder)
        port = free_port()
        env = production_env(database_url, folder_path, port)
        data = prepare_database(env, options, sqlite_path)
        log("collectstatic")
        django_admin(env, "collectstatic", "--noinput")
        log("session, addresses and SQL queries per page")
        prepared = inner(env, "prepare")
        cookie = prepared["session_cookie"]
        lua = folder_path / "report.lua"
        lua.write_text(WRK_LUA, encoding="utf-8")
        pages = [name for name in PAGES if not options.only or name in options.only]
        rows = []
        server_log = (folder_path / "gunicorn.log").open("wb")
        with server_log, gunicorn(env, port, server_log) as server:
            workers = worker_pids(server.pid)
            log(f"gunicorn on 127.0.0.1:{port}, workers {workers}")
            for name in pages:
                url = prepared["urls"].get(name)
                if url is None:
                    log(f"{name}: nothing in the data to show; skipped")
                    rows.append({"page": name, "skipped": "nothing in the data"})
                    continue
                expected = 404 if name == "not_found" else 200
                for mode in ("anonymous", "logged_in"):
                    mode_cookie = cookie if mode == "logged_in" else None
                    problem = check_page(port, url, mode_cookie, expected)
                    if problem:
                        log(f"{name} ({mode}): {problem}")
                    if options.warmup:
                        wrk_run(
                            wrk, lua, port, url, mode_cookie, options.warmup, options.connections
                        )
                    figures = wrk_run(
                        wrk, lua, port, url, mode_cookie, options.duration, options.connections
                    )
                    row = page_row(name, mode, url, figures, prepared, expected, problem)
                    # The workers' peak so far: where along the run the memory grew.
                    row["worker_peak_mib_after"] = round(
                        max((memory_kib(pid).get("VmHWM", 0) for pid in workers), default=0) / 1024,
                        1,
                    )
                    rows.append(row)
                    log(
                        f"{name:<18} {mode:<9} {row['requests_per_second']:>8.1f} req/s  "
                        f"p50 {row['latency_ms']['p50']:.1f}  p95 {row['latency_ms']['p95']:.1f}  "
                        f"p99 {row['latency_ms']['p99']:.1f} ms  "
                        f"{row['queries']} queries  {row['bytes_per_response']} B  "
                        f"{row['errors']} errors"
                    )
            memory = {str(pid): memory_kib(pid) for pid in worker_pids(server.pid)}
            if set(memory) != {str(pid) for pid in workers}:
                log(f"workers changed during the run: {workers} -> {list(memory)}")
    peak_kib = max((m.get("VmHWM", 0) for m in memory.values()), default=0)
    return {
        "database": label,
        "database_version": prepared["database_version"],
        "django": prepared["django"],
        "data": {**data, "rows": prepared["rows"], "seed": options.seed, "scale": options.scale},
        "urls": prepared["urls"],
        "pages": rows,
        "workers": {
            "count": WORKERS,
            "memory_kib": memory,
            "peak_mib": round(peak_kib / 1024, 1),
            "target_met": bool(peak_kib) and peak_kib / 1024 < TARGETS["worker_memory_mib"],
        },
    }


def page_row(name, mode, url, figures, prepared, expected, problem) -> dict:
    seconds = figures["duration_us"] / 1e6
    requests = figures["requests"]
    errors = figures["errors"]
    # wrk counts every status above 399 as an error: for the 404 page they are expected.
    status_errors = errors["status"] if expected < 400 else requests - errors["status"]
    error_total = (
        errors["connect"] + errors["read"] + errors["write"] + errors["timeout"] + status_errors
    )
    measured = prepared["queries"].get(name, {}).get(mode, {})
    rps = requests / seconds if seconds else 0.0
    latency = {k: round(figures["latency_us"][k] / 1000, 2) for k in ("p50", "p95", "p99")}
    latency["max"] = round(figures["latency_us"]["max"] / 1000, 2)
    queries = measured.get("queries")
    wanted_rps = TARGETS[
        "requests_per_second_fast" if name in FAST_PAGES else "requests_per_second"
    ]
    missed = []
    if rps < wanted_rps:
        missed.append(f"< {wanted_rps} req/s")
    if latency["p95"] >= TARGETS["p95_ms"]:
        missed.append("p95")
    if queries is None or queries > TARGETS["queries"]:
        missed.append("queries")
    if error_total:
        missed.append("errors")
    if problem:
        missed.append(problem)
    return {
        "page": name,
        "description": PAGES[name],
        "mode": mode,
        "url": url,
        "requests": requests,
        "seconds": round(seconds, 2),
        "requests_per_second": round(rps, 1),
        "latency_ms": latency,
        "queries": queries,
        "status": measured.get("status"),
        "bytes_per_response": round(figures["bytes"] / requests) if requests else 0,
        "body_bytes": measured.get("body_bytes"),
        "errors": error_total,
        "error_detail": errors,
        "check": problem,
        "target": {
            "requests_per_second": wanted_rps,
            "met": not missed,
            "missed": missed,
        },
    }


def import_figures(env: dict[str, str]) -> dict:
    log("benchmarks/import_speed.py")
    run([sys.executable, "benchmarks/import_speed.py"], env, stdout=subprocess.DEVNULL)
    report = json.loads((RESULTS / "import_speed.json").read_text(encoding="utf-8"))
    rows = {row["measurement"]: row for row in report["results"]}
    return {
        "source": "benchmarks/results/import_speed.json",
        "measured_at": report["measured_at"],
        "results": [
            {
                "measurement": name,
                "documents_per_second": row["documents_per_second"],
                "target_met": (row["documents_per_second"] or 0)
                >= TARGETS["import_documents_per_second"],
            }
            for name, row in rows.items()
        ],
    }


def digest_figures(env: dict[str, str], subscribers: int, postgres_url: str | None) -> dict:
    env = dict(env)
    if postgres_url:
        # digests.py needs an empty database: a fresh one of its own beside the page data.
        import psycopg
        from psycopg.conninfo import make_conninfo

        parts = urlsplit(postgres_url)
        name = f"{parts.path.lstrip('/')}_digests"
        maintenance = make_conninfo(postgres_url, dbname="postgres")
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # our own, made below
            conn.execute(f'CREATE DATABASE "{name}"')
        # A URL, as the settings read DATABASE_URL (a "key=value" string is not one).
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
        vendor = "postgresql"
    else:
        vendor = "sqlite"
    log(f"benchmarks/digests.py --subscribers {subscribers} ({vendor}; minutes at 50,000)")
    run(
        [sys.executable, "benchmarks/digests.py", "--subscribers", str(subscribers)],
        env,
        stdout=subprocess.DEVNULL,
    )
    report = json.loads((RESULTS / f"digests-{vendor}.json").read_text(encoding="utf-8"))
    seconds = report["build"]["seconds"]
    # The target is for 50,000 subscribers; scale linearly when fewer were measured.
    per_50000 = seconds * 50_000 / subscribers if subscribers else None
    return {
        "source": f"benchmarks/results/digests-{vendor}.json",
        "subscribers": subscribers,
        "seconds": seconds,
        "emails_queued": report["build"]["emails_queued"],
        "seconds_per_50000": round(per_50000, 1) if per_50000 else None,
        "target_met": per_50000 is not None and per_50000 < TARGETS["digests_seconds_for_50000"],
    }


def plain_env() -> dict[str, str]:
    """The environment for the other benchmark scripts (their own test settings)."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    wrk = shutil.which("wrk")
    wrk_version = None
    if wrk:
        result = subprocess.run([wrk, "--version"], capture_output=True, text=True)
        wrk_version = (result.stdout or result.stderr).splitlines()[0].strip()
    import gunicorn as gunicorn_module

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "gunicorn": gunicorn_module.__version__,
        "wrk": wrk_version,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def fmt(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def markdown(report: dict) -> str:
    m = report["machine"]
    r = report["result"]
    o = report["options"]
    lines = [
        f"# Page benchmark — {r['database_version']}",
        "",
        f"Measured {report['measured_at']} with `python benchmarks/pages.py` "
        f"(`--duration {o['duration']} --warmup {o['warmup']} --connections {o['connections']} "
        f"--scale {o['scale']} --seed {o['seed']}`).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {fmt(m['memory_gib'])} GiB RAM, {m['os']}; "
        f"Python {m['python']}, Django {r['django']}, gunicorn {m['gunicorn']} "
        f"({WORKERS} workers), {m['wrk']}, {r['database_version']}. Load average at start "
        f"{m['load_average_at_start']}. wrk runs on the same machine as the server.",
        "",
        "Data: "
        + ", ".join(f"{k.replace('_', ' ')} {fmt(v)}" for k, v in r["data"]["rows"].items())
        + (" (reused)" if r["data"]["reused"] else f" (seeded in {r['data']['seconds']} s)"),
        "",
        "| page | visitor | req/s | p50 ms | p95 ms | p99 ms | queries | bytes | errors "
        "| requests | workers' peak MiB after | target met? |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in r["pages"]:
        if "skipped" in row:
            lines.append(
                f"| {row['page']} | – | – | – | – | – | – | – | – | – | – "
                f"| skipped: {row['skipped']} |"
            )
            continue
        latency = row["latency_ms"]
        met = "yes" if row["target"]["met"] else "**no**: " + ", ".join(row["target"]["missed"])
        lines.append(
            f"| {row['page']} `{row['url']}` | {row['mode'].replace('_', ' ')} "
            f"| {fmt(row['requests_per_second'])} | {fmt(latency['p50'])} | {fmt(latency['p95'])} "
            f"| {fmt(latency['p99'])} | {fmt(row['queries'])} | {fmt(row['bytes_per_response'])} "
            f"| {fmt(row['errors'])} | {fmt(row['requests'])} "
            f"| {fmt(row.get('worker_peak_mib_after'))} | {met} |"
        )
    workers = r["workers"]
    lines += [
        "",
        f"Peak worker memory (VmHWM, largest of {workers['count']}): "
        f"{fmt(workers['peak_mib'])} MiB — target < {TARGETS['worker_memory_mib']} MiB: "
        f"{'met' if workers['target_met'] else '**not met**'}.",
    ]
    if report.get("import"):
        lines += ["", "Import (from `benchmarks/import_speed.py`, SQLite, one core):", ""]
        for row in report["import"]["results"]:
            lines.append(
                f"- {row['measurement']}: {fmt(row['documents_per_second'])} documents/s "
                f"(target ≥ {TARGETS['import_documents_per_second']}: "
                f"{'met' if row['target_met'] else 'not met'})"
            )
    if report.get("digests"):
        d = report["digests"]
        lines += [
            "",
            f"Weekly digests (from `benchmarks/digests.py`): {fmt(d['subscribers'])} subscribers "
            f"in {fmt(d['seconds'])} s, {fmt(d['emails_queued'])} queued; ≈ "
            f"{fmt(d['seconds_per_50000'])} s per 50,000 (target < "
            f"{TARGETS['digests_seconds_for_50000']} s: {'met' if d['target_met'] else 'not met'}).",
        ]
    lines += [
        "",
        "Targets: every page ≥ 300 req/s (home and 404 ≥ 600) and p95 < 50 ms at 10 "
        "connections, ≤ 10 SQL queries, no errors; worker memory < 150 MiB.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument(
        "--postgres",
        default=None,
        help="postgres://user@host:port/dbname for the page data (default: DATABASE_URL)",
    )
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--only", nargs="+", choices=list(PAGES), help="only these pages")
    parser.add_argument("--fresh", action="store_true", help="SQLite: seed a new database")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-digests", action="store_true")
    parser.add_argument("--digest-subscribers", type=int, default=50_000)
    parser.add_argument("--inner-prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--inner-has-data", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.inner_prepare:
        inner_prepare(options.inner_prepare)
        return
    if options.inner_has_data:
        inner_has_data(options.inner_has_data)
        return

    wrk = ensure_wrk()
    postgres_url = options.postgres or os.environ.get("DATABASE_URL")
    if postgres_url and not postgres_url.startswith(("postgres://", "postgresql://")):
        postgres_url = None
    targets: list[tuple[str, str, Path | None]] = []
    if options.db in {"sqlite", "both"}:
        scale = f"{options.scale:g}".replace(".", "_")
        path = BENCH_DATA / f"pages-seed{options.seed}-scale{scale}.sqlite3"
        targets.append(("sqlite", f"sqlite:///{path}", path))
    if options.db in {"postgres", "both"}:
        if not postgres_url:
            sys.exit("--db postgres needs --postgres postgres://... (or DATABASE_URL).")
        postgres_ensure(postgres_url)
        targets.append(("postgresql", postgres_url, None))

    imported = None if options.skip_import else import_figures(plain_env())
    for label, url, sqlite_path in targets:
        log(f"=== {label}")
        started = datetime.now(UTC)
        report = {
            "measured_at": started.isoformat(timespec="seconds"),
            "machine": machine(),
            "options": {
                "duration": options.duration,
                "warmup": options.warmup,
                "connections": options.connections,
                "scale": options.scale,
                "seed": options.seed,
                "only": options.only,
            },
            "targets": TARGETS,
            "result": bench_database(label, url, sqlite_path, wrk, options),
            "import": imported,
            "digests": None,
        }
        # The pages' figures are written before the digests run, so a failure there loses
        # nothing measured; written again with the digests' figures.
        write_report(label, report)
        if not options.skip_digests:
            report["digests"] = digest_figures(
                plain_env(), options.digest_subscribers, url if label == "postgresql" else None
            )
            write_report(label, report)


def write_report(label: str, report: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"pages-{label}.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (RESULTS / f"pages-{label}.md").write_text(markdown(report), encoding="utf-8")
    log(f"written benchmarks/results/pages-{label}.json and .md")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
