"""How a build shows its progress: a bar with counts per stage in a terminal, plain log lines elsewhere."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

BAR_WIDTH = 28


@dataclass
class Progress:
    """Times each stage; when given a stream, reports each stage as it runs and when it ends."""

    stream: TextIO | None = None
    interactive: bool = False  # redraw a bar in place (a terminal) rather than print log lines
    seconds: dict[str, float] = field(default_factory=dict)
    _stage: str = ""
    _total: int = 0
    _done: int = 0

    @contextmanager
    def stage(self, name: str, total: int = 0) -> Iterator[None]:
        """Time a stage of `total` steps (0: not counted), reporting it as it goes."""
        self._stage, self._total, self._done = name, total, 0
        start = time.perf_counter()
        self._draw()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self._report_end(name)

    def advance(self, steps: int) -> None:
        self._done += steps
        self._draw()

    def _draw(self) -> None:
        if not (self.stream and self.interactive):
            return
        if self._total:
            filled = BAR_WIDTH * self._done // self._total
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            self.stream.write(f"\r  {self._stage:<18} {bar} {self._done:,}/{self._total:,}\x1b[K")
        else:
            self.stream.write(f"\r  {self._stage:<18} …\x1b[K")
        self.stream.flush()

    def _report_end(self, name: str) -> None:
        if not self.stream:
            return
        counted = f"{self._total:,} " if self._total else ""
        line = f"  {name:<18} {self.seconds[name]:8.2f} s" + (f"  ({counted}pages)" if counted else "")
        self.stream.write(("\r" + line + "\x1b[K\n") if self.interactive else line + "\n")
        self.stream.flush()
