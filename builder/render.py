"""The Jinja2 environment, and rendering a Page to HTML bytes."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from builder.pages import Page


def environment(templates_dir: Path) -> Environment:
    """Autoescaping everywhere and StrictUndefined, so a misspelt variable fails the build."""
    return Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(env: Environment, page: Page) -> bytes:
    """The page's HTML; the context's fields become the template's variables."""
    context = {field.name: getattr(page.context, field.name) for field in fields(page.context)}
    return env.get_template(page.template).render(context).encode("utf-8")
