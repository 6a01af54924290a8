#!/usr/bin/env python3
"""Split structured.jsonl into a dev half and a test half (issue 11, second round).

The values come in groups of variants of one name or one kind of organisation
("Marko Petrović", "Marko Petrovic", "PETROVIĆ MARKO", ...), so a split by line
would put near-copies on both sides. The rule keeps runs of eight lines together
and alternates them: lines 1-8 dev, 9-16 test, 17-24 dev, and so on. It was fixed
before either half was scored. Tune only on structured-dev.jsonl.
"""
import pathlib

here = pathlib.Path(__file__).parent
lines = (here / "structured.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
halves = {"dev": [], "test": []}
for n, line in enumerate(lines):
    halves["dev" if (n // 8) % 2 == 0 else "test"].append(line)
for name, part in halves.items():
    (here / f"structured-{name}.jsonl").write_text("".join(part), encoding="utf-8")
    people = sum('"person": true' in line for line in part)
    print(f"structured-{name}.jsonl: {len(part)} values, {people} people, {len(part) - people} not people")
