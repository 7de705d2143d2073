"""`samverkan backup` and `samverkan restore` round-trip the demo data and the uploads."""

import gzip
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samverkan.core.backup import MANIFEST_FILE, database_fingerprint
from samverkan.organisations.models import Organisation
from samverkan.search.models import SearchEntry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    (settings.MEDIA_ROOT / "meetings" / "2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "meetings" / "2026" / "bilaga.pdf").write_bytes(b"%PDF-1.4 demo\n")
    (settings.MEDIA_ROOT / "inquiries").mkdir()
    (settings.MEDIA_ROOT / "inquiries" / "skiss å.odt").write_bytes(bytes(range(256)) * 40)
    return settings.MEDIA_ROOT


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _only_folder(path: Path) -> Path:
    (folder,) = [p for p in path.iterdir() if p.is_dir()]
    return folder


def test_the_demo_data_and_uploads_survive_a_backup_and_restore(uploads, tmp_path):
    call_command("seed_demo", verbosity=0)
    before = database_fingerprint()
    entries_before = SearchEntry.objects.count()
    assert entries_before > 100
    files_before = _files(uploads)
    assert before["organisations.organisation"]["rows"] > 100
    assert before["meetings.meeting"]["rows"] > 50

    call_command("backup", str(tmp_path / "backups"), verbosity=0)
    folder = _only_folder(tmp_path / "backups")
    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    assert manifest["models"] == before
    assert set(manifest["files"]) == set(files_before) and len(files_before) >= 2

    # An empty installation: no rows, no uploads.
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(uploads.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert not Organisation.objects.exists()

    call_command("restore", str(folder), verbosity=0)

    assert database_fingerprint() == before
    assert SearchEntry.objects.count() == entries_before
    assert _files(uploads) == files_before
    # New rows get fresh keys after a restore (the sequences were moved past the data).
    new = Organisation.objects.create(name="Efter återläsningen", kind="association")
    assert new.pk > max(Organisation.objects.exclude(pk=new.pk).values_list("pk", flat=True))


def test_restore_refuses_a_database_that_has_data(uploads, tmp_path):
    Organisation.objects.create(name="Redan här", kind="association")
    call_command("backup", str(tmp_path / "b"), verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(_only_folder(tmp_path / "b")), verbosity=0)
    assert Organisation.objects.count() == 1


def test_restore_refuses_a_damaged_backup_and_changes_nothing(uploads, tmp_path):
    Organisation.objects.create(name="Föreningen Ett", kind="association")
    call_command("backup", str(tmp_path / "b"), verbosity=0)
    folder = _only_folder(tmp_path / "b")
    call_command("flush", interactive=False, verbosity=0)
    with gzip.open(folder / "database.json.gz", "wt") as damaged:
        damaged.write("[]")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(folder), verbosity=0)
    assert not Organisation.objects.exists()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a Samverkan backup"):
        call_command("restore", str(tmp_path), verbosity=0)
