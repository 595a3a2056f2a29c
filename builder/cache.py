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
from builder.write import digest

MANIFEST = "build.json"
PARSED = "parsed.pickle"
CACHE_VERSION = 1


def tree_stats(root: Path) -> dict[str, tuple[int, int]]:
    """Relative path -> (size, mtime_ns) of every file under root: one scandir walk, one stat per file."""
    stats: dict[str, tuple[int, int]] = {}
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file(follow_symlinks=False):
                    stat = entry.stat(follow_symlinks=False)
                    stats[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
    return stats


def fingerprint_inputs(config: Config) -> str:
    """One digest of everything a build reads (content, templates, the builder's code, its settings),
    from each file's path, size and modification time: reading no file, it costs little at any size.
    Only the decision to skip a whole build rests on it; parsed files are matched by content."""
    hasher = hashlib.blake2b(digest_size=16)
    settings = [CACHE_VERSION, str(config.base_url), config.strict, config.search]
    hasher.update(json.dumps(settings).encode())
    for label, folder in (("content", config.content_dir), ("templates", config.templates_dir),
                          ("builder", PROJECT_ROOT / "builder")):
        for relative, (size, mtime) in sorted(tree_stats(Path(folder)).items()):
            hasher.update(f"{label}/{relative}\0{size}\0{mtime}\0".encode())
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
        recorded = {relative: (size, mtime) for relative, (size, mtime) in self.stats.items()}
        return tree_stats(out_dir) == recorded


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
    return {f"{prefix}/{relative}": digest((folder / relative).read_bytes()) for relative in sorted(tree_stats(folder))}


@dataclass(frozen=True)
class CacheState:
    """What the cache says before a build: the inputs' fingerprint, the last build, whether the output is intact."""

    inputs: str
    manifest: Manifest
    intact: bool

    @property
    def up_to_date(self) -> bool:
        """Nothing changed since the last build, and its output is untouched: there is nothing to do."""
        return self.intact and self.manifest.inputs == self.inputs


def read_state(config: Config) -> CacheState:
    """Fingerprint the inputs and read the last build's manifest; cheap, and imports no build stage."""
    if config.cache_dir is None:
        return CacheState("", Manifest(), False)
    manifest = read_manifest(config.cache_dir)
    return CacheState(fingerprint_inputs(config), manifest, manifest.output_intact(Path(config.out_dir)))
