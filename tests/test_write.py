"""write.py: nothing is written outside the site folder, and the new site replaces the old whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.write import UnsafeOutputPath, create_staging, discard, swap_into_place, write_files


@pytest.mark.parametrize("relative", ["../escape.html", "/etc/passwd", "a/../../escape.html", ""])
def test_paths_outside_the_site_are_refused(tmp_path: Path, relative: str) -> None:
    staging = create_staging(tmp_path / "site")
    with pytest.raises(UnsafeOutputPath):
        write_files(staging, [(relative, b"x")])
    assert not (tmp_path / "escape.html").exists()


def test_the_staged_site_replaces_the_old_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "old").mkdir(parents=True)
    (out / "old" / "gone.html").write_text("old")
    staging = create_staging(out)
    assert staging.parent == tmp_path and staging.name.startswith(".site.staging-")
    write_files(staging, [("index.html", b"new"), ("cities/a/index.html", b"a")])
    swap_into_place(staging, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "cities/a/index.html", "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_discarded_staging_folder_leaves_no_trace(tmp_path: Path) -> None:
    staging = create_staging(tmp_path / "site")
    write_files(staging, [("index.html", b"half")])
    discard(staging)
    assert list(tmp_path.iterdir()) == []
