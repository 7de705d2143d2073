"""Backups: a consistent, compressed copy of the database and the uploaded files.

A backup is a folder holding

    database.json.gz   every row of every table, as Django's serialised form
    uploads.tar.gz     the uploaded files (MEDIA_ROOT)
    manifest.json      when, from which database and migrations, and for every model the
                       number of rows and a checksum of their content; for every file its
                       checksum

The database is read inside one transaction (REPEATABLE READ on PostgreSQL; SQLite keeps its
read lock for the whole transaction), so the copy is of one moment even while the site is in
use. The format does not depend on the database: a backup of SQLite restores into PostgreSQL
and the other way round. Restoring needs an empty installation with the same migrations and
checks the counts and checksums of the result against the manifest.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone

FORMAT_VERSION = 1
DATABASE_FILE = "database.json.gz"
UPLOADS_FILE = "uploads.tar.gz"
MANIFEST_FILE = "manifest.json"

# Rebuilt by `migrate` in every installation (referred to by natural key in the backup),
# sessions (everyone logs in again), and the search index (rebuilt after a restore).
EXCLUDED_MODELS = frozenset(
    {
        "contenttypes.contenttype",
        "auth.permission",
        "sessions.session",
        "search.searchentry",
        "search.searchkind",
        "search.searchposting",
        "search.searchword",
    }
)


class BackupError(Exception):
    """A backup cannot be written or restored; the message says why, in words."""


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but keeping the microseconds of times (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, (datetime, time)):
            return o.isoformat()
        return super().default(o)


def backed_up_models() -> list[type[Model]]:
    """Every concrete model whose rows a backup holds, those referred to before those that
    refer to them (natural keys need their target first)."""
    wanted = [
        (
            config,
            [
                model
                for model in config.get_models()
                if model._meta.label_lower not in EXCLUDED_MODELS
                and not model._meta.proxy
                and model._meta.managed
            ],
        )
        for config in apps.get_app_configs()
    ]
    return serializers.sort_dependencies([(c, m) for c, m in wanted if m], allow_cycles=True)


def _rows(model: type[Model]) -> Iterator[dict]:
    queryset = model._base_manager.order_by("pk")
    yield from serializers.serialize(
        "python", queryset.iterator(chunk_size=2000), use_natural_foreign_keys=True
    )


def _canonical(row: dict) -> bytes:
    """A row as bytes for its checksum. Many-to-many lists come in no fixed order (PostgreSQL
    returns them as stored), so they are sorted."""
    fields = {
        name: sorted(value, key=str) if isinstance(value, list) else value
        for name, value in row["fields"].items()
    }
    return json.dumps({**row, "fields": fields}, sort_keys=True, default=str).encode()


def database_fingerprint() -> dict[str, dict[str, object]]:
    """For every backed-up model: its number of rows and a SHA-256 of their content."""
    result: dict[str, dict[str, object]] = {}
    for model in backed_up_models():
        digest, count = hashlib.sha256(), 0
        for row in _rows(model):
            digest.update(_canonical(row))
            count += 1
        result[model._meta.label_lower] = {"rows": count, "sha256": digest.hexdigest()}
    return result


def _file_checksums(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


@dataclass
class BackupReport:
    folder: Path
    rows: int
    files: int
    bytes: int


def backup_write(target: Path) -> BackupReport:
    """Write a backup into a new folder under ``target`` and return what it holds."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    folder = Path(target) / f"samverkan-backup-{stamp}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = Path(target) / f"samverkan-backup-{stamp}-{suffix}"
    folder.mkdir(parents=True)

    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        fingerprint: dict[str, dict[str, object]] = {}
        with gzip.open(folder / DATABASE_FILE, "wt", encoding="utf-8") as out:
            out.write("[")
            first = True
            for model in backed_up_models():
                digest, count = hashlib.sha256(), 0
                for row in _rows(model):
                    digest.update(_canonical(row))
                    count += 1
                    out.write("" if first else ",\n")
                    out.write(json.dumps(row, cls=_ExactJSONEncoder))
                    first = False
                fingerprint[model._meta.label_lower] = {
                    "rows": count,
                    "sha256": digest.hexdigest(),
                }
            out.write("]\n")
        migrations = _applied_migrations()

    media_root = Path(settings.MEDIA_ROOT)
    files = _file_checksums(media_root)
    with tarfile.open(folder / UPLOADS_FILE, "w:gz") as archive:
        for name in files:
            archive.add(media_root / name, arcname=name, recursive=False)

    manifest = {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": migrations,
        "models": fingerprint,
        "files": files,
        "checksums": {
            name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in (DATABASE_FILE, UPLOADS_FILE)
        },
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return BackupReport(
        folder=folder,
        rows=sum(int(m["rows"]) for m in fingerprint.values()),
        files=len(files),
        bytes=sum(p.stat().st_size for p in folder.iterdir()),
    )


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise BackupError(f"{folder} is not a Samverkan backup: {MANIFEST_FILE} is missing.")
    try:
        manifest = json.loads(path.read_text())
    except ValueError as error:
        raise BackupError(f"{path} cannot be read: {error}") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} has format {manifest.get('format')!r}, not {FORMAT_VERSION}.")
    for name, expected in manifest.get("checksums", {}).items():
        data = folder / name
        if not data.is_file():
            raise BackupError(f"{data} is missing.")
        if hashlib.sha256(data.read_bytes()).hexdigest() != expected:
            raise BackupError(f"{data} is damaged: its checksum differs from the manifest.")
    return manifest


def installation_is_empty() -> bool:
    """True when no model holds a row that a person made (migrations' own rows aside)."""
    from django.contrib.auth.models import Group

    for model in backed_up_models():
        if model is Group:
            continue  # the role groups are created by a migration
        if model._base_manager.exists():
            return False
    return True


@dataclass
class RestoreReport:
    rows: int
    files: int
    mismatches: list[str] = field(default_factory=list)


def backup_restore(folder: Path) -> RestoreReport:
    """Bring a backup back into an empty installation, then verify it against its manifest."""
    folder = Path(folder)
    manifest = _read_manifest(folder)
    missing = sorted(
        {tuple(m) for m in manifest["migrations"]} - {tuple(m) for m in _applied_migrations()}
    )
    if missing:
        raise BackupError(
            "The backup was made with migrations this installation has not applied "
            f"(run `samverkan migrate` first, or upgrade): {missing[:5]}"
        )
    if not installation_is_empty():
        raise BackupError("The database is not empty: restore only into an empty installation.")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(f"The upload folder {media_root} is not empty.")

    with transaction.atomic():
        from django.contrib.auth.models import Group

        Group.objects.all().delete()  # the backup holds the groups, with their members
        with (
            gzip.open(folder / DATABASE_FILE, "rb") as data,
            connection.constraint_checks_disabled(),
        ):
            objects = serializers.deserialize(
                "json", io.TextIOWrapper(data, encoding="utf-8"), handle_forward_references=True
            )
            deferred = []
            for obj in objects:
                obj.save()
                if obj.deferred_fields:
                    deferred.append(obj)
            for obj in deferred:
                obj.save_deferred_fields()
        connection.check_constraints()
        _reset_sequences()

    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / UPLOADS_FILE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")

    report = RestoreReport(
        rows=sum(int(m["rows"]) for m in manifest["models"].values()),
        files=len(manifest["files"]),
    )
    now = database_fingerprint()
    for label, expected in manifest["models"].items():
        if now.get(label) != expected:
            report.mismatches.append(f"table {label}: expected {expected}, found {now.get(label)}")
    for name, expected in _file_checksums(media_root).items():
        if manifest["files"].get(name) != expected:
            report.mismatches.append(f"file {name} differs")
    for name in set(manifest["files"]) - set(_file_checksums(media_root)):
        report.mismatches.append(f"file {name} is missing")
    return report


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
