"""``import_minutes PATH... --dry-run --json`` prints one object per file, in order, and goes
on past files it cannot read; without ``--dry-run`` the files are imported, one transaction
each. (The command object is given to ``call_command`` directly.)"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from samverkan.minutes_import.management.commands.import_minutes import Command, ProgressBar

from .conftest import MINUTES_PDF_PAGES, image_only_pdf, text_pdf
from .docx_builder import DocxBuilder
from .test_seeds import KEYS, SEEDS


def run(*args: str, **options: Any) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(Command(), *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def batch(tmp_path: Path, documents: Path) -> Path:
    folder = tmp_path / "arkiv"
    (folder / "2023").mkdir(parents=True)
    shutil.copy(documents / "protokoll_paragrafer.txt", folder / "b_protokoll.txt")
    shutil.copy(documents / "namn_pa_en_rad.md", folder / "2023" / "a_au.md")
    shutil.copy(documents / "tom.txt", folder / "c_tom.txt")
    shutil.copy(documents / "skrap.docx", folder / "d_skrap.docx")
    (folder / "e_möte.pdf").write_bytes(text_pdf(MINUTES_PDF_PAGES))
    (folder / "f_skannad.pdf").write_bytes(image_only_pdf())
    (folder / "g_word.docx").write_bytes(
        DocxBuilder().paragraph("Protokoll 2024-02-01").numbered("Välkomna").build()
    )
    (folder / "ignored.odt").write_bytes(b"not read")
    (folder / "~$g_word.docx").write_bytes(b"a Word lock file")
    return folder


def test_dry_run_json_over_a_folder(batch: Path):
    out, err = run(str(batch), dry_run=True, json=True)
    results = json.loads(out)
    assert [r["file"] for r in results] == [
        str(batch / "2023" / "a_au.md"),
        str(batch / "b_protokoll.txt"),
        str(batch / "c_tom.txt"),
        str(batch / "d_skrap.docx"),
        str(batch / "e_möte.pdf"),
        str(batch / "f_skannad.pdf"),
        str(batch / "g_word.docx"),
    ]
    assert all(list(r) == KEYS for r in results)
    assert results[1]["agenda_items"][0]["number"] == "12"
    assert results[4]["date"] == "2023-11-07"
    assert results[6]["agenda_items"][0]["title"] == "Välkomna"
    # Unreadable files: the reason in the object and a line on standard error.
    for position in (2, 3, 5):
        assert len(results[position]["warnings"]) == 1
        assert results[position]["warnings"][0] in err
    assert "has no text layer" in results[5]["warnings"][0]
    assert results[2]["sha256"] is not None  # the bytes of an empty file have a hash too
    assert "3 could not be read" in err
    assert "Dry run" in err


def test_json_is_utf8_and_not_escaped(batch: Path):
    out, _err = run(str(batch / "b_protokoll.txt"), dry_run=True, json=True)
    assert "Kultur- och fritidsnämndens arbetsutskott" in out
    assert "\\u00e5" not in out


def test_files_are_taken_in_the_order_given(documents: Path, tmp_path: Path):
    missing = tmp_path / "saknas.txt"
    out, err = run(
        str(documents / "windows1252.txt"),
        str(missing),
        str(documents / "protokoll_paragrafer.txt"),
        dry_run=True,
        json=True,
    )
    results = json.loads(out)
    assert [Path(r["file"]).name for r in results] == [
        "windows1252.txt",
        "saknas.txt",
        "protokoll_paragrafer.txt",
    ]
    assert results[1]["sha256"] is None
    assert "does not exist" in results[1]["warnings"][0] and str(missing) in err


@pytest.mark.django_db
def test_without_dry_run_each_file_is_imported_and_the_batch_goes_on(batch: Path):
    """Every file in its own transaction: the unreadable ones fail with their reason, the
    others are imported, and the summary counts both."""
    out, err = run(str(batch))
    lines = out.strip().splitlines()
    assert len(lines) == 7
    assert "b_protokoll.txt: created" in out and "e_möte.pdf: created" in out
    assert "c_tom.txt: failed" in out and "f_skannad.pdf: failed" in out
    assert "has no text layer" in err
    assert "Import done: 4 created, 0 updated, 0 unchanged, 0 skipped, 3 failed" in err
    again_out, again_err = run(str(batch))
    assert "4 unchanged" in again_err and "0 created" in again_err


def test_without_json_a_line_per_file(documents: Path):
    out, _err = run(str(documents / "protokoll_paragrafer.txt"), dry_run=True)
    assert out.strip().startswith(str(documents / "protokoll_paragrafer.txt"))
    assert "5 items" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not here")
def test_the_five_seeds_in_one_run():
    out, err = run(str(SEEDS), dry_run=True, json=True)
    results = json.loads(out)
    assert [r["kind"] for r in results] == ["minutes", "minutes", "minutes", "summary", "minutes"]
    assert "5 files read" in err


def test_json_goes_to_the_byte_stream_in_utf8():
    class Terminal(io.TextIOWrapper):
        pass

    raw = io.BytesIO()
    stream = Terminal(raw, encoding="ascii")  # a terminal set to a locale without å
    call_command(
        Command(),
        str(Path(__file__).parent / "documents" / "windows1252.txt"),
        dry_run=True,
        json=True,
        stdout=stream,
        stderr=io.StringIO(),
    )
    stream.flush()
    assert "Åsa Öberg" in raw.getvalue().decode("utf-8")


def test_progress_bar_on_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(4, stream)
    bar.show("a.txt")
    bar.advance("a.txt")
    bar.advance("b.txt")
    bar.close()
    output = stream.getvalue()
    assert "[" + "." * 30 + "] 0/4 a.txt" in output
    assert "[" + "#" * 15 + "." * 15 + "] 2/4 b.txt" in output


def test_the_command_draws_a_progress_bar_when_standard_error_is_a_terminal(documents: Path):
    class TerminalError(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = TerminalError()
    call_command(
        Command(),
        str(documents / "windows1252.txt"),
        str(documents / "tom.txt"),
        dry_run=True,
        json=True,
        stdout=io.StringIO(),
        stderr=err,
    )
    output = err.getvalue()
    assert "] 0/2 " in output and "] 2/2 " in output
    assert "tom.txt is empty." in output


@pytest.mark.django_db
def test_the_import_draws_a_progress_bar_and_sums_up_what_needs_review(documents: Path):
    class TerminalError(io.StringIO):
        def isatty(self) -> bool:
            return True

    err, out = TerminalError(), io.StringIO()
    call_command(
        Command(),
        str(documents / "windows1252.txt"),
        str(documents / "inte_protokoll.txt"),
        stdout=out,
        stderr=err,
    )
    output = err.getvalue()
    assert "] 0/2 " in output and "] 2/2 " in output
    assert "inte_protokoll.txt is not minutes" in output
    assert output.rstrip().endswith(
        "Import done: 1 created, 0 updated, 0 unchanged, 1 skipped, 0 failed; "
        "0 files need review (0 names)."
    )
    assert "windows1252.txt: created – Samverkansrådet, 2019-03-14" in out.getvalue()
