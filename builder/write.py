"""The only code that writes the site: into a fresh staging folder, swapped into place at the end.

A build that fails at any stage discards its staging folder, so the previous site stays
exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class UnsafeOutputPath(ValueError):
    """An output path that would land outside the site folder."""


def create_staging(out_dir: Path) -> Path:
    """A new empty folder beside the output folder, so the final swap is a rename."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))


def digest(data: bytes) -> str:
    """The digest that identifies a file's bytes, for the cache and for unchanged outputs."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Previous:
    """The site being replaced and its files' digests: an unchanged file is linked from it, not rewritten."""

    site: Path
    digests: dict[str, str]


def write_files(staging: Path, files: Iterable[tuple[str, bytes]], previous: Previous | None = None) -> dict[str, str]:
    """Write each (relative path, bytes) under staging; refuse paths that escape it; return their digests.

    A file whose bytes equal the previous build's is hard-linked from the previous site, so
    it keeps its inode and time: only the files whose content changed are rewritten.
    """
    root = staging.resolve()
    written = {}
    for relative, data in files:
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or target == root:
            raise UnsafeOutputPath(f"refusing to write outside the site folder: {relative!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        data_digest = digest(data)
        if (previous is None or previous.digests.get(relative) != data_digest
                or not _link(previous.site / relative, target)):
            target.write_bytes(data)
        written[relative] = data_digest
    return written


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def copy_tree(source: Path, staging: Path, prefix: str, previous: Previous | None = None) -> dict[str, str]:
    """Copy a folder of static files into staging/prefix; return the copied files' digests."""
    return write_files(staging, ((f"{prefix}/{path.relative_to(source).as_posix()}", path.read_bytes())
                                 for path in sorted(source.rglob("*")) if path.is_file()), previous)


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
