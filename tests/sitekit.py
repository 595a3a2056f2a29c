"""Small content trees for tests: a copy of tests/fixtures/base/content that each test bends to its case."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

BASE_CONTENT = Path(__file__).parent / "fixtures" / "base" / "content"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_site(root: Path) -> Path:
    """Copy the valid fixture content tree to root/content and return that folder."""
    content = root / "content"
    shutil.copytree(BASE_CONTENT, content)
    return content
