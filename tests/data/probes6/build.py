"""Write probes.jsonl from the hand-written tables in build_part*.py (run from this folder)."""

import glob
import json

SECTIONS = {"e": "experience", "s": "skills", "u": "summary", "l": "letter"}
P: dict = {}
for f in sorted(glob.glob("build_part*.py")):
    ns: dict = {}
    exec(open(f, encoding="utf-8").read(), ns)
    P.update(ns["P"])
with open("probes.jsonl", "w", encoding="utf-8") as out:
    for skill, rows in P.items():
        for i, (sec, text, exp, why) in enumerate(rows, 1):
            rec = {"id": f"{skill}-{i:02d}", "skill": skill, "section": SECTIONS[sec],
                   "text": text, "expected": exp, "why": why}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(sum(len(v) for v in P.values()), "lines")
