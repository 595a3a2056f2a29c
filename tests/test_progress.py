"""The progress display: a bar with counts in a terminal, plain log lines elsewhere."""

from __future__ import annotations

import io

from builder.progress import Progress


def test_a_terminal_sees_a_bar_with_counts() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True)
    with progress.stage("render and write", total=4):
        progress.advance(2)
        progress.advance(2)
    text = stream.getvalue()
    assert "█" * 14 + "░" * 14 + " 2/4" in text and "█" * 28 + " 4/4" in text
    assert text.endswith("(4 pages)\x1b[K\n") and "\r" in text


def test_ci_logs_see_one_plain_line_per_stage() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=False)
    with progress.stage("load"):
        pass
    with progress.stage("render and write", total=3):
        progress.advance(3)
    lines = stream.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == ["load", "render"]
    assert lines[1].endswith("s  (3 pages)") and "\r" not in stream.getvalue() and "█" not in stream.getvalue()
    assert set(progress.seconds) == {"load", "render and write"}
