#!/usr/bin/env python3
"""Writes N seeded synthetic assessments of a checklist, for benchmarks and stress tests.

Usage: generate-assessments.py CHECKLIST OUT_DIR N [--seed S] [--invalid-every K]

Each cooperative gets a random product profile from the bundled vocabulary and answers every
requirement (statuses weighted toward yes), with evidence dates and measurements, like a real
self-assessment. With --invalid-every K, every K-th file is broken on purpose.
"""
import argparse
import datetime
import os
import random
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = "{urn:salama:checklist:1}"
PRODUCTS = ["dates", "honey", "argan-oil", "olive-oil", "couscous", "dairy", "goat-cheese",
            "aromatic-plants", "rose-water", "saffron"]
ACTIVITIES = ["collection", "processing", "packaging", "storage", "transport", "pressing",
              "roasting", "drying", "distillation", "extraction", "cheese-making", "beekeeping"]
PROVINCES = ["Errachidia", "Midelt", "Ouarzazate", "Zagora", "Tinghir"]


def load_requirements(path):
    base = os.path.dirname(os.path.abspath(path))
    tree = ET.parse(path)
    root = tree.getroot()
    # Resolve includes level by level, each relative to the file that holds it.
    def resolve(element, folder):
        for index, child in enumerate(list(element)):
            if child.tag == "{http://www.w3.org/2001/XInclude}include":
                target = os.path.join(folder, child.get("href"))
                with open(target, "rb") as handle:
                    module = ET.fromstring(handle.read())
                resolve(module, os.path.dirname(target))
                element.remove(child)
                element.insert(index, module)
            else:
                resolve(child, folder)
    resolve(root, base)
    requirements = []
    for requirement in root.iter(NS + "requirement"):
        requirements.append({
            "id": requirement.get("id"),
            "evidence": [(e.get("id"), e.get("max-age-days")) for e in requirement.findall(NS + "evidence")],
            "measures": [(m.get("id"), m.get("min"), m.get("max")) for m in requirement.findall(NS + "measure")],
        })
    return root.get("id"), root.get("version"), requirements


def measurement(rng, low, high):
    low = float(low) if low is not None else None
    high = float(high) if high is not None else None
    if low is None:
        low = 0.0 if high is None else min(0.0, high / 2)
    if high is None:
        high = low * 2 + 10
    value = rng.uniform(low, high) if rng.random() < 0.9 else high * 1.5 + 1
    return f"{value:.3f}"


def assessment(rng, checklist_id, version, requirements, index, date):
    products = rng.sample(PRODUCTS, rng.choice([1, 1, 2, 3]))
    activities = rng.sample(ACTIVITIES, rng.choice([0, 1, 2, 3]))
    province = rng.choice(PROVINCES)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<assessment xmlns="urn:salama:assessment:1" checklist="{checklist_id}" checklist-version="{version}" date="{date}" kind="self">',
        f'  <cooperative id="COOP-{index:06d}" name="Coopérative synthétique n° {index}">',
        "    <region>Drâa-Tafilalet</region>",
        f"    <province>{province}</province>",
        f"    <members>{rng.randint(7, 120)}</members>",
    ]
    lines += [f"    <product>{p}</product>" for p in products]
    lines += [f"    <activity>{a}</activity>" for a in activities]
    lines += ["  </cooperative>", '  <assessor name="Membre du bureau" role="member"/>']
    day = datetime.date.fromisoformat(date)
    for requirement in requirements:
        status = rng.choices(["yes", "partial", "no", "na", None], [60, 15, 15, 3, 7])[0]
        if status is None:
            continue
        lines.append(f'  <answer ref="{requirement["id"]}" status="{status}">')
        if status in ("yes", "partial"):
            for evidence_id, max_age in requirement["evidence"]:
                if rng.random() < 0.85:
                    age = rng.randint(0, int(max_age) + 60 if max_age else 900)
                    shown = (day - datetime.timedelta(days=age)).isoformat()
                    lines.append(f'    <evidence ref="{evidence_id}" date="{shown}">{escape(evidence_id)}-{index}.pdf</evidence>')
            for measure_id, low, high in requirement["measures"]:
                if rng.random() < 0.9:
                    lines.append(f'    <measurement ref="{measure_id}" value="{measurement(rng, low, high)}"/>')
        if rng.random() < 0.1:
            lines.append("    <note>Voir le registre &amp; le classeur « hygiène ».</note>")
        lines.append("  </answer>")
    lines.append("</assessment>")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("checklist")
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--invalid-every", type=int, default=0)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    checklist_id, version, requirements = load_requirements(arguments.checklist)
    os.makedirs(arguments.out, exist_ok=True)
    for index in range(arguments.count):
        date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 330))).isoformat()
        text = assessment(rng, checklist_id, version, requirements, index, date)
        if arguments.invalid_every and index % arguments.invalid_every == arguments.invalid_every - 1:
            text = text.replace("</assessment>", "")
        folder = os.path.join(arguments.out, f"{index // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"assessment-{index:06d}.xml"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(f"wrote {arguments.count} assessments of {checklist_id} {version} ({len(requirements)} requirements) to {arguments.out}")


if __name__ == "__main__":
    main()
