"""What a build remembers for the next one: its inputs' fingerprint, its outputs' digests, parsed files.

The cache only ever saves work: a missing or unreadable cache means a full build, and an
incremental build writes exactly the bytes a full build would (tests check it).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from builder.config import PROJECT_ROOT, Config
from builder.errors import SourceError
from builder.load import RawDoc

MANIFEST = "build.json"
PARSED = "parsed.pickle"
CACHE_VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _tree_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def fingerprint_inputs(config: Config) -> str:
    """One digest of everything a build reads (content, templates, the builder's code, its settings),
    from each file's path, size and modification time: reading no file, it costs little at any size.
    Only the decision to skip a whole build rests on it; parsed files are matched by content."""
    hasher = hashlib.blake2b(digest_size=16)
    settings = [CACHE_VERSION, str(config.base_url), config.strict, config.search]
    hasher.update(json.dumps(settings).encode())
    for label, folder in (("content", config.content_dir), ("templates", config.templates_dir),
                          ("builder", PROJECT_ROOT / "builder")):
        for path in _tree_files(folder):
            stat = path.stat()
            hasher.update(f"{label}/{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return hasher.hexdigest()


@dataclass
class Manifest:
    """The last successful build: its inputs' fingerprint and each output file's digest and stat."""

    inputs: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # relative path -> digest
    stats: dict[str, list[int]] = field(default_factory=dict)  # relative path -> [size, mtime_ns]
    warnings: list[SourceError] = field(default_factory=list)
    pages: int = 0

    def output_intact(self, out_dir: Path) -> bool:
        """Whether the output folder still holds exactly the files this build wrote, untouched."""
        if not self.stats or not out_dir.is_dir():
            return False
        on_disk = {path.relative_to(out_dir).as_posix() for path in out_dir.rglob("*") if path.is_file()}
        if on_disk != set(self.stats):
            return False
        for relative, (size, mtime) in self.stats.items():
            stat = (out_dir / relative).stat()
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return False
        return True


def read_manifest(cache_dir: Path) -> Manifest:
    try:
        data = json.loads((cache_dir / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(data["inputs"], data["outputs"], data["stats"],
                        [SourceError(*warning) for warning in data["warnings"]], data["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        return Manifest()


def write_manifest(cache_dir: Path, inputs: str, outputs: dict[str, str], out_dir: Path, *,
                   warnings: list[SourceError], pages: int) -> None:
    """Record the finished build; stats are taken from the output folder as it now stands."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    stats = {}
    for relative in outputs:
        stat = (out_dir / relative).stat()
        stats[relative] = [stat.st_size, stat.st_mtime_ns]
    temporary = cache_dir / f"{MANIFEST}.tmp"
    record = {"inputs": inputs, "outputs": outputs, "stats": stats, "pages": pages,
              "warnings": [[w.path, w.line, w.column, w.message, w.hint, w.severity] for w in warnings]}
    temporary.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    os.replace(temporary, cache_dir / MANIFEST)


def read_parsed(cache_dir: Path) -> dict[str, tuple[str, RawDoc]]:
    """Parsed content files by shown path, with the digest of the bytes they were parsed from."""
    try:
        with (cache_dir / PARSED).open("rb") as handle:
            version, parsed = pickle.load(handle)  # the project's own cache, written below
        return parsed if version == CACHE_VERSION else {}
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}


def write_parsed(cache_dir: Path, parsed: dict[str, tuple[str, RawDoc]]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f"{PARSED}.tmp"
    with temporary.open("wb") as handle:
        pickle.dump((CACHE_VERSION, parsed), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, cache_dir / PARSED)


def digest_tree(folder: Path, prefix: str) -> dict[str, str]:
    """Digests of the files another tool wrote (Pagefind's bundle), keyed like the other outputs."""
    return {f"{prefix}/{path.relative_to(folder).as_posix()}": digest(path.read_bytes())
            for path in _tree_files(folder)}
