"""Reading plus parsing: one file (or one upload) in, one result of issue 4's shape out.

The command and, later, the upload page and the database import use these two functions, so
a file reads the same wherever it comes from. A file that cannot be read still gives a
result: every key present, nothing found, and the reason in ``warnings``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .parsing import empty_result, parse_minutes
from .reading import (
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    UnreadableDocument,
    read_bytes,
    sha256_of,
    too_large_message,
)


def extract_bytes(data: bytes, *, filename: str) -> tuple[dict[str, Any], bool]:
    """The structure of one document given as bytes (an upload), and whether it could be
    read at all (when not, the reason is the result's only warning)."""
    try:
        document = read_bytes(data, filename=filename)
    except UnreadableDocument as error:
        result = empty_result(filename, sha256_of(data))
        result["warnings"].append(str(error))
        return result, False
    result = parse_minutes(
        document.text,
        filename=filename,
        sha256=document.sha256,
        join_lines=document.format != "docx",
    )
    return result, True


def extract_path(path: Path, *, display_name: str | None = None) -> tuple[dict[str, Any], bool]:
    """The structure of one file, and whether it could be read at all."""
    name = display_name or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            result = empty_result(name, None)
            result["warnings"].append(too_large_message(name))
            return result, False
        data = path.read_bytes()
    except OSError as error:
        result = empty_result(name, None)
        result["warnings"].append(
            _("%(file)s could not be opened: %(reason)s")
            % {"file": name, "reason": error.strerror or error.__class__.__name__}
        )
        return result, False
    return extract_bytes(data, filename=name)


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """The files to read, as ``(name as given, path)``: files in the order given, the
    supported files of a folder (recursively) sorted by their path within it. A path that
    does not exist gives ``(name, None)``."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts)
                ),
                key=lambda p: [part.lower() for part in p.relative_to(path).parts],
            )
            for file in found:
                yield str(Path(given) / file.relative_to(path)), file
        elif path.is_file():
            yield given, path
        else:
            yield given, None
