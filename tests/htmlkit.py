"""Read built HTML the way the tests need it: links, ids, and the text of marked elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Parsed:
    """What one page holds: every link target, every id, texts by data-fact and by id."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    fact_text: dict[str, str] = field(default_factory=dict)
    id_text: dict[str, str] = field(default_factory=dict)
    text: str = ""
    lang: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Parsed()
        self.open: list[tuple[str, str | None, str | None]] = []  # (tag, data-fact, id)
        self.chunks: list[str] = []
        self.collecting: dict[tuple[str, str], list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.result.lang = attributes.get("lang") or ""
        for name in ("href", "src"):
            if attributes.get(name):
                self.result.links.append(attributes[name] or "")
        element_id = attributes.get("id")
        if element_id:
            self.result.ids.add(element_id)
            self.collecting[("id", element_id)] = []
        fact = attributes.get("data-fact")
        if fact:
            self.collecting[("fact", fact)] = []
        if tag not in VOID:
            self.open.append((tag, fact, element_id))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            open_tag, fact, element_id = self.open.pop()
            if fact:
                self.result.fact_text.setdefault(fact, "".join(self.collecting.pop(("fact", fact), [])))
            if element_id:
                self.result.id_text[element_id] = "".join(self.collecting.pop(("id", element_id), []))
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        for chunks in self.collecting.values():
            chunks.append(data)


def parse(path: Path) -> Parsed:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser.result.text = " ".join("".join(parser.chunks).split())
    return parser.result


def page_file(site: Path, url_path: str) -> Path:
    """The file a path under the site root is served from (directory URLs serve index.html)."""
    target = site / unquote(url_path).lstrip("/")
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def internal_targets(site: Path, page: Path, links: list[str]) -> list[tuple[str, Path, str]]:
    """(link, file it resolves to, fragment) for every link that stays on the site."""
    base = "http://site.test/" + page.relative_to(site).as_posix()
    targets = []
    for link in links:
        if urlsplit(link).scheme in ("http", "https", "mailto") and not link.startswith("http://site.test"):
            continue
        absolute, fragment = urldefrag(urljoin(base, link))
        targets.append((link, page_file(site, urlsplit(absolute).path), fragment))
    return targets
