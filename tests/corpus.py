"""The bad-input corpus: each folder under tests/fixtures/invalid/ is one broken content tree.

A case is `case.yaml` plus, optionally, files under `content/` that are copied over the
base tree as they are (byte for byte, for encodings and tabs):

    about: what a contributor did wrong
    base: fixture | real          # tests/fixtures/base/content or the project's content/
    edits:                         # replace the first occurrence of a text in a base file
      - {file: articles/alpha-2022-07-01.md, replace: "value: 478", with: "value: lots"}
    delete: [cities/gamma.md]
    large_file: {file: articles/huge.md, bytes: 1100000}
    strict: true                   # warnings fail too
    expect:                        # every problem, as "path:line:column: words of the message"
      - "content/articles/alpha-2022-07-01.md:12:12: facts[0].value: expected a number"
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.config import PROJECT_ROOT
from tests.sitekit import BASE_CONTENT

CORPUS = Path(__file__).parent / "fixtures" / "invalid"


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, and the problems `check` must report."""

    name: str
    folder: Path
    spec: dict

    @property
    def expected(self) -> list[str]:
        return list(self.spec["expect"])

    @property
    def strict(self) -> bool:
        return bool(self.spec.get("strict", False))

    def materialize(self, root: Path) -> Path:
        """Write the broken content tree under root/content and return that folder."""
        content = root / "content"
        base = PROJECT_ROOT / "content" if self.spec.get("base") == "real" else BASE_CONTENT
        shutil.copytree(base, content)
        for edit in self.spec.get("edits", []):
            path = content / edit["file"]
            text = path.read_text(encoding="utf-8")
            assert edit["replace"] in text, f"{self.name}: '{edit['replace']}' is not in {edit['file']}"
            path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")
        for relative in self.spec.get("delete", []):
            (content / relative).unlink()
        overlay = self.folder / "content"
        if overlay.is_dir():
            shutil.copytree(overlay, content, dirs_exist_ok=True)
        large = self.spec.get("large_file")
        if large:
            (content / large["file"]).write_bytes(b"---\n" + b"#" * large["bytes"] + b"\n---\n")
        return content


def cases() -> list[Case]:
    return [Case(folder.name, folder, yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8")))
            for folder in sorted(CORPUS.iterdir()) if (folder / "case.yaml").is_file()]
