"""Index the written site with Pagefind's extended binary (it segments Chinese text).

Pagefind 1.5 writes its filter indexes in hash-map order, so two runs over the same
pages give different bytes and file names (Pagefind/pagefind#638). After indexing, the
filter files are rewritten with their values sorted and renamed by content, and the
files that name them are updated, so the same pages always give the same bundle.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import cbor2
from pagefind.service import get_executable

PAGEFIND_MAGIC = b"pagefind_dcd"


class SearchIndexFailed(RuntimeError):
    """Pagefind could not be found or did not finish; carries its command and output."""


def pagefind_binary() -> Path:
    """The binary the `pagefind[extended]` package ships; fails clearly when it is missing."""
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise SearchIndexFailed("the Pagefind binary is missing: install the project with "
                                "`pip install -e .` (it depends on pagefind[extended])")
    if "extended" not in binary.name:
        raise SearchIndexFailed(f"{binary} is not Pagefind's extended binary, which Chinese search needs: "
                                "install pagefind[extended]")
    return binary


def index_site(site_dir: Path) -> str:
    """Run Pagefind over site_dir, writing site_dir/pagefind; return its summary output."""
    command = [str(pagefind_binary()), "--site", str(site_dir), "--output-subdir", "pagefind"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexFailed(f"Pagefind failed (exit {result.returncode}): {' '.join(command)}\n"
                                f"{result.stdout}{result.stderr}")
    make_bundle_deterministic(site_dir / "pagefind")
    return result.stdout


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(PAGEFIND_MAGIC):
        raise SearchIndexFailed(f"{path} is not in the Pagefind 1.5 format this builder knows")
    return cbor2.loads(raw[len(PAGEFIND_MAGIC):])


def _write(folder: Path, stem: str, suffix: str, digits: int, data: Any) -> str:
    """Write data in Pagefind's encoding under a name derived from its content; return the hash part."""
    payload = PAGEFIND_MAGIC + cbor2.dumps(data)
    name = f"{stem}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return name


def make_bundle_deterministic(bundle: Path) -> None:
    """Sort each filter's values, rename filter and meta files by content, update the entry file."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, details in entry["languages"].items():
        meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = {}
        for old in sorted((bundle / "filter").glob(f"{language}_*.pf_filter")):
            name, values = _read(old)
            old.unlink()
            renamed[old.stem] = _write(bundle / "filter", language, ".pf_filter", 7, [name, sorted(values)])
        meta[3] = sorted([name, renamed.get(old_hash, old_hash)] for name, old_hash in meta[3])
        meta_path.unlink()
        details["hash"] = _write(bundle, f"pagefind.{language}", ".pf_meta", 10, meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
