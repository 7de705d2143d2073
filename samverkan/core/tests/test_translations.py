"""Every string the interface shows has a Swedish translation, and the compiled catalogues are
up to date with their sources."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/sv/LC_MESSAGES/django.po"))


def test_every_app_with_strings_has_a_swedish_catalogue():
    apps = {p.parts[-5] for p in CATALOGUES}
    assert {"core", "accounts", "organisations"} <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_fully_translated(path):
    catalogue = polib.pofile(str(path))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated in {path}: {missing[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_matches_its_source(path):
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))

    def key(entry):
        return (
            entry.msgctxt or "",
            entry.msgid,
            entry.msgstr or tuple(sorted(entry.msgstr_plural.items())),
        )

    assert {key(e) for e in source.translated_entries()} == {key(e) for e in compiled if e.msgid}, (
        f"{path.with_suffix('.mo')} is out of date: run `make compile`"
    )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_no_string_in_the_code_is_missing_from_the_catalogue(path, tmp_path):
    app_dir = path.parents[3]
    copy = tmp_path / app_dir.name
    shutil.copytree(app_dir, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    subprocess.run(
        ["django-admin", "makemessages", "-l", "sv", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(copy / "locale/sv/LC_MESSAGES/django.po"))
    known = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path))}
    new = [e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known]
    assert not new, f"strings not in {path} (run `make messages`): {new[:10]}"
