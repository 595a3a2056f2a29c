"""Every variable a template uses is a field of the context dataclass it is given."""

from __future__ import annotations

from dataclasses import fields

import pytest
from jinja2 import meta, nodes

from builder import contexts, pages
from builder.config import PROJECT_ROOT
from builder.render import environment

TEMPLATE_CONTEXTS = {
    "base.html": contexts.Layout, "home.html": contexts.HomePage, "cities.html": contexts.CitiesPage,
    "city.html": contexts.CityPage, "articles.html": contexts.ArticlesPage, "article.html": contexts.ArticlePage,
    "compare.html": contexts.ComparePage, "ranking.html": contexts.RankingPage, "metrics.html": contexts.MetricsPage,
    "metric.html": contexts.MetricPage, "data.html": contexts.DataPage, "search.html": contexts.Layout,
    "404.html": contexts.Layout, "_macros.html": contexts.Layout, "_charts.html": contexts.Layout,
    "peers.html": contexts.PeersPage,
}


def test_every_template_has_a_context() -> None:
    templates = {path.name for path in (PROJECT_ROOT / "templates").glob("*.html")}
    assert templates == set(TEMPLATE_CONTEXTS)


@pytest.mark.parametrize(("template", "context"), sorted(TEMPLATE_CONTEXTS.items()))
def test_template_variables_are_context_fields(template: str, context: type) -> None:
    env = environment(PROJECT_ROOT / "templates")
    source = (PROJECT_ROOT / "templates" / template).read_text(encoding="utf-8")
    tree = env.parse(source)
    imported = {name if isinstance(name, str) else name[1]
                for node in tree.find_all(nodes.FromImport) for name in node.names}
    macros = {node.name for node in tree.find_all(nodes.Macro)}
    used = meta.find_undeclared_variables(tree) - imported - macros
    assert used <= {field.name for field in fields(context)}


def test_pages_use_the_context_their_template_expects(real_build: object) -> None:
    _, result = real_build  # type: ignore[misc]
    for page in pages.pages(result.site):
        assert isinstance(page.context, TEMPLATE_CONTEXTS[page.template])
