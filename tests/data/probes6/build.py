"""Write probes.jsonl from the hand-written tables in build_part*.py (run from this folder)."""

import json
from pathlib import Path

HERE = Path(__file__).parent
SECTIONS = {"e": "experience", "s": "skills", "u": "summary", "l": "letter"}
P: dict[str, list[tuple[str, str, bool, str]]] = {}
for f in sorted(HERE.glob("build_part*.py")):
    ns: dict[str, dict[str, list[tuple[str, str, bool, str]]]] = {}
    exec(f.read_text(encoding="utf-8"), ns)
    P.update(ns["P"])
lines = []
for skill, rows in P.items():
    for i, (sec, text, exp, why) in enumerate(rows, 1):
        rec = {
            "id": f"{skill}-{i:02d}",
            "skill": skill,
            "section": SECTIONS[sec],
            "text": text,
            "expected": exp,
            "why": why,
        }
        lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
(HERE / "probes.jsonl").write_text("".join(lines), encoding="utf-8")
print(len(lines), "lines")
