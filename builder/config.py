"""Where a build reads from and writes to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE_DIR = PROJECT_ROOT / ".cache"


@dataclass(frozen=True)
class Config:
    """Settings for one run of the builder; paths may be relative to the working directory."""

    content_dir: Path = PROJECT_ROOT / "content"
    templates_dir: Path = PROJECT_ROOT / "templates"
    out_dir: Path = PROJECT_ROOT / "site"
    base_url: str | None = None
    strict: bool = False
    search: bool = True
    cache_dir: Path | None = None  # where incremental builds keep what they remember; None: always build fully
