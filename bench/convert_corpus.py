#!/usr/bin/env python3
"""Turn the peer benchmark's synthetic corpus into this project's content format.

Usage: python3 bench/convert_corpus.py SRC DST

SRC is what ../shared/bench/gen_corpus.py wrote (SRC/cities/<slug>.md). DST becomes a
content folder (site.yaml, metrics.yaml, cities/, articles/) holding the same cities and
the same facts: each city gets one article, a statistical digest with one sentence per
fact, which every fact quotes. The generator's first five metrics, the ones its Hugo and
MkDocs sites compare across all cities, are the comparable metrics here.
Same SRC, same bytes.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

import yaml

PROVINCES_ZH = {
    "Anhui": "安徽省", "Fujian": "福建省", "Gansu": "甘肃省", "Guangdong": "广东省", "Guizhou": "贵州省",
    "Hainan": "海南省", "Hebei": "河北省", "Heilongjiang": "黑龙江省", "Henan": "河南省", "Hubei": "湖北省",
    "Hunan": "湖南省", "Jiangsu": "江苏省", "Jiangxi": "江西省", "Jilin": "吉林省", "Liaoning": "辽宁省",
    "Qinghai": "青海省", "Shaanxi": "陕西省", "Shandong": "山东省", "Shanxi": "山西省", "Sichuan": "四川省",
    "Yunnan": "云南省", "Zhejiang": "浙江省", "Guangxi": "广西壮族自治区", "Inner Mongolia": "内蒙古自治区",
    "Ningxia": "宁夏回族自治区", "Tibet": "西藏自治区", "Xinjiang": "新疆维吾尔自治区",
}
# The generator's unit -> (this project's canonical unit id, label, factor from the generator's unit).
UNITS = {
    "billion CNY": ("CNY", "yuan", 10**9), "CNY": ("CNY", "yuan", 1), "billion USD": ("USD", "US dollars", 10**9),
    "million USD": ("USD", "US dollars", 10**6), "%": ("percent", "%", 1), "% of GDP": ("percent", "%", 1),
    "‰": ("per_mille", "‰", 1), "km²": ("square_km", "km²", 1), "persons/km²": ("per_square_km", "per km²", 1),
    "CNY/m²": ("CNY_per_m2", "yuan per m²", 1), "CNY/year": ("CNY", "yuan", 1),
    "µg/m³": ("micrograms_per_m3", "µg/m³", 1), "million m³": ("cubic_metre", "m³", 10**6),
    "billion kWh": ("kWh", "kWh", 10**9), "km": ("km", "km", 1), "million t": ("tonne", "t", 10**6),
    "million": ("count", "", 10**6), "years": ("years", "years", 1), "days": ("days", "days", 1),
}
COMPARABLE = ("population", "gdp", "area", "gdp_per_capita", "urbanization_rate")


def unit_of(unit: str) -> tuple[str, str, int]:
    return UNITS.get(unit, ("count", "", 1))


def front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), body.strip()


def number_text(value: object) -> str:
    """The value as the digest sentence writes it: 11,461,065 or 791.6."""
    number = Decimal(str(value))
    return f"{number:,}" if number == number.to_integral_value() else f"{number:,f}"


def metrics_yaml(units_seen: dict[str, str], metrics_seen: dict[str, str]) -> str:
    lines = ["themes:", "  - id: statistics", "    label: Statistics", "units:"]
    for unit_id in sorted(units_seen):
        lines += [f"  - id: {unit_id}", f"    label: {json.dumps(units_seen[unit_id], ensure_ascii=False)}"]
        conversions = sorted({(name, factor) for name, (uid, _, factor) in UNITS.items() if uid == unit_id
                              and factor != 1})
        if conversions:
            lines.append("    from:")
            lines += [f"      {json.dumps(name, ensure_ascii=False)}: {factor}" for name, factor in conversions]
    lines.append("metrics:")
    for metric, unit_id in metrics_seen.items():
        lines += [f"  - id: {metric}", f"    label: {metric.replace('_', ' ').capitalize()}",
                  "    theme: statistics", f"    unit: {unit_id}", "    kind: stock",
                  f"    definition: The city's {metric.replace('_', ' ')}, as the statistics report it.",
                  f"    higher_is_better: {'true' if metric != 'death_rate' else 'false'}",
                  f"    comparable: {'true' if metric in COMPARABLE else 'false'}"]
    return "\n".join(lines) + "\n"


def convert(src: Path, dst: Path) -> int:
    (dst / "cities").mkdir(parents=True, exist_ok=True)
    (dst / "articles").mkdir(parents=True, exist_ok=True)
    units_seen: dict[str, str] = {"count": ""}
    metrics_seen: dict[str, str] = {}
    count = 0
    for path in sorted((src / "cities").glob("*.md")):
        if path.name.startswith("_"):
            continue
        data, body = front_matter(path.read_text(encoding="utf-8"))
        slug, name = path.stem, data["name"]
        (dst / "cities" / f"{slug}.md").write_text(
            "---\n" + "\n".join([f"name: {json.dumps(name, ensure_ascii=False)}",
                                 f"name_zh: {json.dumps(data['name_zh'], ensure_ascii=False)}",
                                 f"province: {json.dumps(data['province'])}",
                                 f"province_zh: {PROVINCES_ZH[data['province']]}",
                                 "level: prefecture-level city"]) + "\n---\n" + body + "\n", encoding="utf-8")
        sentences, facts = [], []
        for fact in data["facts"]:
            unit_id, label, _ = unit_of(fact["unit"])
            units_seen[unit_id] = label
            metrics_seen.setdefault(fact["metric"], unit_id)
            sentence = (f"In {fact['year']}, the {fact['metric'].replace('_', ' ')} of {name} was "
                        f"{number_text(fact['value'])} {fact['unit']}, according to {fact['source']}.")
            sentences.append(sentence)
            unit_line = f"\n    unit: {json.dumps(fact['unit'], ensure_ascii=False)}" if fact["unit"] in UNITS \
                and UNITS[fact["unit"]][2] != 1 else ""
            facts.append(f"  - city: {slug}\n    metric: {fact['metric']}\n    value: {fact['value']}{unit_line}\n"
                         f"    year: {fact['year']}\n    quote: {json.dumps(sentence, ensure_ascii=False)}")
        article = (f"---\ntitle: {json.dumps(f'Statistical digest: {name}', ensure_ascii=False)}\n"
                   "publisher: Synthetic Statistics Daily\npublished: 2024-01-15\nlanguage: en\n"
                   f"source_file: {path.name}\ncities:\n  - {slug}\nfacts:\n" + "\n".join(facts) + "\n---\n"
                   + "\n\n".join(sentences) + "\n")
        (dst / "articles" / f"{slug}-2024-01-15.md").write_text(article, encoding="utf-8")
        count += 1
    (dst / "metrics.yaml").write_text(metrics_yaml(units_seen, metrics_seen), encoding="utf-8")
    (dst / "site.yaml").write_text(
        "title: Synthetic City Profiles\ndescription: A synthetic corpus for measuring build speed.\n"
        "base_url: https://example.org/bench/\nlanguage: en\n", encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    args = parser.parse_args()
    print(f"converted {convert(args.src, args.dst)} cities into {args.dst}")


if __name__ == "__main__":
    main()
