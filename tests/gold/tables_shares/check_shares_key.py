#!/usr/bin/env python3
"""Check the adoption key on the GermEval 2014 share sentences (stdlib only).

    python3 tests/gold/tables_shares/check_shares_key.py

Verifies that every row has exactly the adoption fields with the right types,
that its article exists in ../germeval_shares/, that its surface occurs at
least `occurrence` times in the article, that low <= high (both in 0..100),
that `restates` names the surface of another row of the same article, and that
catalog.csv lists exactly the documents on disk. Prints required/optional row
counts per document. Exit code 1 on any error.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.normpath(os.path.join(HERE, "..", "germeval_shares"))
KEY = os.path.join(HERE, "adoption.jsonl")

FIELDS = ["article", "surface", "occurrence", "group", "subject", "region", "period",
          "low", "high", "qualifier", "restates", "optional", "note"]
QUALIFIERS = {None, "approx", "more_than", "less_than", "up_to"}
CATALOG_HEADER = ["id", "title", "publisher", "published", "published_inferred",
                  "language", "url", "note"]


def count_occurrences(text, sub):
    """Occurrences of sub in text, overlapping ones included."""
    n, i = 0, text.find(sub)
    while i >= 0:
        n += 1
        i = text.find(sub, i + 1)
    return n


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def is_opt_str(x):
    return x is None or (isinstance(x, str) and x.strip() != "")


# --- shared with ../tables_changes/check_changes_key.py -------------------------------------
def read_docs(folder):
    """{document id: text} of the .txt files of a folder."""
    docs = {}
    for fn in sorted(os.listdir(folder)):
        if fn.endswith(".txt"):
            with open(os.path.join(folder, fn), encoding="utf-8") as f:
                docs[fn[:-4]] = f.read()
    return docs


def check_catalog(folder, docs, errors):
    """Header, columns and language of catalog.csv, and that it lists exactly the documents;
    returns its well-formed rows (without the header)."""
    cat_path = os.path.join(folder, "catalog.csv")
    if not os.path.exists(cat_path):
        errors.append("catalog.csv missing")
        return []
    with open(cat_path, encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    if not rd or rd[0] != CATALOG_HEADER:
        errors.append(f"catalog.csv header {rd[0] if rd else None} != {CATALOG_HEADER}")
    ids = [r[0] for r in rd[1:] if r]
    good = []
    for r in rd[1:]:
        if r and len(r) != len(CATALOG_HEADER):
            errors.append(f"catalog.csv row {r[0]}: {len(r)} columns")
        elif r and r[5] != "de":
            errors.append(f"catalog.csv row {r[0]}: language {r[5]!r}")
        elif r:
            good.append(r)
    if len(set(ids)) != len(ids):
        errors.append("catalog.csv: duplicate ids")
    for a in sorted(set(docs) - set(ids)):
        errors.append(f"catalog.csv: document {a} not listed")
    for a in sorted(set(ids) - set(docs)):
        errors.append(f"catalog.csv: id {a} has no .txt file")
    return good


def read_rows(path, errors):
    """(line number, row) of a JSON-lines key; a line that is no JSON is an error."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((ln, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"line {ln}: bad JSON ({e})")
    return rows


def report(errors):
    """Print the errors; the exit code."""
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("no errors")
    return 0


def main():
    errors = []
    docs = read_docs(DOCS)
    check_catalog(DOCS, docs, errors)
    for a in docs:
        if len(a) + 4 > 50 or not all(c.islower() or c.isdigit() or c == "_" for c in a):
            errors.append(f"file name {a}.txt: not lowercase ascii / too long")
    rows = read_rows(KEY, errors)

    surfaces = {}
    seen = set()
    for ln, r in rows:
        surfaces.setdefault(r.get("article"), set()).add(r.get("surface"))
    for ln, r in rows:
        where = f"line {ln} ({r.get('article')} {r.get('surface')!r})"
        if list(r.keys()) != FIELDS:
            missing = [k for k in FIELDS if k not in r]
            extra = [k for k in r if k not in FIELDS]
            if missing or extra:
                errors.append(f"{where}: fields missing {missing} extra {extra}")
                continue
        art = r["article"]
        if art not in docs:
            errors.append(f"{where}: article not found in {DOCS}")
            continue
        if not isinstance(r["surface"], str) or not r["surface"]:
            errors.append(f"{where}: surface must be a non-empty string")
            continue
        occ = r["occurrence"]
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: occurrence must be an int >= 1")
        else:
            n = count_occurrences(docs[art], r["surface"])
            if n < occ:
                errors.append(f"{where}: surface occurs {n} times, occurrence {occ}")
        key = (art, r["surface"], occ)
        if key in seen:
            errors.append(f"{where}: duplicate (article, surface, occurrence)")
        seen.add(key)
        for k in ("group", "region", "period", "restates", "note"):
            if not is_opt_str(r[k]):
                errors.append(f"{where}: {k} must be a non-empty string or null")
        if not isinstance(r["subject"], str) or not r["subject"].strip():
            errors.append(f"{where}: subject must be a non-empty string")
        if not (is_num(r["low"]) and is_num(r["high"])):
            errors.append(f"{where}: low/high must be numbers")
        else:
            if r["low"] > r["high"]:
                errors.append(f"{where}: low {r['low']} > high {r['high']}")
            if not (0 <= r["low"] <= 100 and 0 <= r["high"] <= 100):
                errors.append(f"{where}: low/high outside 0..100")
        if r["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: qualifier {r['qualifier']!r} not in {sorted(q for q in QUALIFIERS if q)} or null")
        if not isinstance(r["optional"], bool):
            errors.append(f"{where}: optional must be true/false")
        if r["restates"] is not None:
            if r["restates"] not in surfaces.get(art, set()) or r["restates"] == r["surface"]:
                errors.append(f"{where}: restates {r['restates']!r} is not another row's surface in the article")
            if r["optional"] is not True:
                errors.append(f"{where}: a restating fraction must be optional")
        if r["group"] is None and not r["note"]:
            errors.append(f"{where}: group null needs a note")

    # counts
    per = {a: [0, 0] for a in docs}
    for _, r in rows:
        if r.get("article") in per:
            per[r["article"]][1 if r.get("optional") else 0] += 1
    print(f"{'document':40s} {'lines':>5s} {'req':>4s} {'opt':>4s}")
    for a in sorted(per):
        n_lines = len([l for l in docs[a].splitlines() if l.strip()])
        print(f"{a:40s} {n_lines:5d} {per[a][0]:4d} {per[a][1]:4d}")
    tot_req = sum(v[0] for v in per.values())
    tot_opt = sum(v[1] for v in per.values())
    tot_lines = sum(len([l for l in t.splitlines() if l.strip()]) for t in docs.values())
    print(f"{'total (' + str(len(docs)) + ' documents)':40s} {tot_lines:5d} {tot_req:4d} {tot_opt:4d}")
    print(f"rows: {len(rows)}")
    return report(errors)


if __name__ == "__main__":
    sys.exit(main())
