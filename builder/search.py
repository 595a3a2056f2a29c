"""Index the written site with Pagefind's extended binary (it segments Chinese text)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind.service import get_executable


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
    return result.stdout
