"""Small content trees written by tests: a valid two-city site that each test bends to its case."""

from __future__ import annotations

import textwrap
from pathlib import Path

SITE_YAML = """\
title: Fixture Profiles
description: A tiny site for tests.
base_url: https://example.org/profiles/
language: en
"""

METRICS_YAML = """\
themes:
  - id: enterprises
    label: Innovative enterprises
  - id: designations
    label: Designations
units:
  - id: count
    label: ""
  - id: CNY
    label: yuan
    from:
      billion yuan: 1000000000
      100 million yuan: 100000000
  - id: percent
    label: "%"
  - id: hectare
    label: ha
    from:
      mu: "1/15"
metrics:
  - id: high_tech_enterprises
    label: High-tech enterprises
    theme: enterprises
    unit: count
    kind: stock
    definition: Enterprises holding a valid high-tech enterprise certificate.
    higher_is_better: true
    comparable: true
  - id: rd_spending
    label: R&D spending
    theme: enterprises
    unit: CNY
    kind: flow
    definition: Spending on research and development in the year.
    higher_is_better: true
    comparable: true
  - id: park_area
    label: Park area
    theme: enterprises
    unit: hectare
    kind: stock
    definition: Planned area of a science park.
    higher_is_better: true
    comparable: false
  - id: national_innovative_city
    label: National innovative city
    theme: designations
    kind: designation
    definition: Approved to build a national innovative city.
    higher_is_better: true
    comparable: false
"""

CITY = """\
---
name: {name}
name_zh: {name_zh}
province: {province}
province_zh: {province_zh}
level: prefecture-level city
---
{name} is a city used in tests.
"""

ALPHA_ARTICLE = """\
---
title: Alpha grows its high-tech base
publisher: Alpha Daily
published: 2022-07-01
language: en
source_file: alpha.txt
cities:
  - alpha
facts:
  - city: alpha
    metric: high_tech_enterprises
    value: 478
    year: 2021
    quote: "In 2021, there were 478 high-tech enterprises in the city."
  - city: alpha
    metric: rd_spending
    value: 3
    unit: billion yuan
    year: 2021
    quote: "R&D spending reached 3 billion yuan."
  - city: alpha
    metric: national_innovative_city
    date: 2022-01
    quote: "In January, Alpha was approved to build a national innovative city."
---
In January, Alpha was approved to build a national innovative city.

In 2021, there were 478 high-tech enterprises in the city. R&D spending reached 3 billion yuan.
"""

BETA_ARTICLE = """\
---
title: Beta counts its enterprises
publisher: Beta News
published: 2021-03-02
language: en
source_file: beta.txt
cities:
  - beta
facts:
  - city: beta
    metric: high_tech_enterprises
    value: 120
    year: 2020
    qualifier: more than
    quote: "Beta had more than 120 high-tech enterprises in 2020."
---
Beta had more than 120 high-tech enterprises in 2020.
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_site(root: Path) -> Path:
    """Write a valid content tree under root/content and return that folder."""
    content = root / "content"
    write(content, "site.yaml", SITE_YAML)
    write(content, "metrics.yaml", METRICS_YAML)
    write(content, "cities/alpha.md", CITY.format(name="Alpha", name_zh="阿尔法市", province="Hubei",
                                                  province_zh="湖北省"))
    write(content, "cities/beta.md", CITY.format(name="Beta", name_zh="贝塔市", province="Hunan",
                                                 province_zh="湖南省"))
    write(content, "cities/gamma.md", CITY.format(name="Gamma", name_zh="伽马市", province="Hunan",
                                                  province_zh="湖南省"))
    write(content, "articles/alpha-2022-07-01.md", ALPHA_ARTICLE)
    write(content, "articles/beta-2021-03-02.md", BETA_ARTICLE)
    return content
