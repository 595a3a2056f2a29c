"""The only code that writes the site: into a fresh staging folder, swapped into place at the end.

A build that fails at any stage discards its staging folder, so the previous site stays
exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


class UnsafeOutputPath(ValueError):
    """An output path that would land outside the site folder."""


def create_staging(out_dir: Path) -> Path:
    """A new empty folder beside the output folder, so the final swap is a rename."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))


def write_files(staging: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write each (relative path, bytes) under staging; refuse paths that escape it."""
    root = staging.resolve()
    count = 0
    for relative, data in files:
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or target == root:
            raise UnsafeOutputPath(f"refusing to write outside the site folder: {relative!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    return count


def copy_tree(source: Path, staging: Path, prefix: str) -> list[str]:
    """Copy a folder of static files into staging/prefix; return the copied relative paths."""
    copied = []
    for path in sorted(source.rglob("*")):
        if path.is_file():
            relative = f"{prefix}/{path.relative_to(source).as_posix()}"
            write_files(staging, [(relative, path.read_bytes())])
            copied.append(relative)
    return copied


def swap_into_place(staging: Path, out_dir: Path) -> None:
    """Replace out_dir with staging: two renames, then the old site is removed."""
    out_dir = out_dir.resolve()
    retired = None
    if out_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
        os.replace(out_dir, retired / out_dir.name)
    os.replace(staging, out_dir)
    if retired is not None:
        shutil.rmtree(retired)


def discard(staging: Path) -> None:
    """Remove a staging folder after a failed build."""
    shutil.rmtree(staging, ignore_errors=True)
