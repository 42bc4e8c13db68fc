#!/usr/bin/env python3
"""Write N synthetic but realistic project files, valid under the schema.

Usage: python benchmarks/generate.py N DIR

DIR/projects/ receives N files drawn from the real vocabulary: real themes, kinds, tags,
counties and their municipalities, owners and Swedish words from the bundled projects'
texts, in sentences of realistic length. The same N and seed give the same files.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def load(name):
    return yaml.safe_load((DATA / "reference" / name).read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[0]), Path(argv[1]) / "projects"
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n)
    themes = load("themes.yaml")
    kinds = [k["slug"] for k in load("kinds.yaml")]
    tags = [t["slug"] for t in load("tags.yaml")]
    municipalities = load("municipalities.yaml")
    by_county: dict[str, list[str]] = {}
    for m in municipalities:
        by_county.setdefault(m["county"], []).append(m["name"])
    real = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "projects").glob("*.yaml"))]
    words = [
        w
        for p in real
        for w in re.findall(
            r"[a-zåäöéA-ZÅÄÖÉ]+", " ".join([p["summary"], *p["activities"], *p["results"], *p["lessons"]])
        )
    ]
    owners = [p["owner"] for p in real if p["owner"]]

    def sentence(lo=8, hi=20) -> str:
        s = " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))
        return s[0].upper() + s[1:] + "."

    for i in range(n):
        theme = rng.choice(themes)
        status = rng.choice(["completed", "completed", "completed", "ongoing"])
        county_count = rng.choice([1, 1, 1, 1, 1, 1, 2, 0])
        counties = rng.sample(sorted(by_county), county_count)
        munis = sorted({rng.choice(by_county[c]) for c in counties for _ in range(rng.randint(0, 2))})
        scope = (
            "national"
            if not counties
            else "multi-county"
            if len(counties) > 1
            else rng.choice(["local", "municipal", "county"])
        )
        amount = rng.choice([None, rng.randint(100_000, 12_000_000)])
        title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))).capitalize()
        pid = f"syntetiskt-projekt-{i:06d}"
        record = {
            "id": pid,
            "title": f"{title} {i}",
            "theme": theme["slug"],
            "kind": rng.choice(kinds),
            "status": status,
            "end_date": None,
            "owner": rng.choice(owners + [None]),
            "geography": {
                "scope": scope,
                "counties": counties,
                "municipalities": munis,
                # a local project names its places (checks: scope_local_places)
                "places": [rng.choice(words).capitalize() for _ in range(rng.randint(1 if scope == "local" else 0, 2))],
            },
            "funding": {
                "total_cost_sek": amount if status == "completed" else None,
                "budget_sek": amount if status != "completed" else None,
                "public_support_sek": None if amount is None or rng.random() < 0.7 else amount // 2,
                "co_funders": [],
            },
            "summary": " ".join(sentence() for _ in range(rng.randint(2, 4))),
            "activities": [sentence() for _ in range(rng.randint(1, 4))],
            "results": [sentence() for _ in range(rng.randint(1, 4))],
            "lessons": [sentence() for _ in range(rng.randint(0, 3))],
            "tags": rng.sample(tags, rng.randint(1, 4)),
            "related": [],
            "links": [],
            "source": theme["label"],
        }
        text = "# yaml-language-server: $schema=../../schemas/project.schema.json\n"
        text += yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
        (out / f"{pid}.yaml").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
