#!/usr/bin/env python3
"""Check the second changes key on GermEval 2014 change sentences (stdlib only).

    python3 tests/gold/tables_changes2/check_changes_key.py          # check, print counts
    python3 tests/gold/tables_changes2/check_changes_key.py --show   # also print each row beside its sentence

Adapted from ../tables_changes/check_changes_key.py (the first GermEval changes key) for
../germeval_changes2/ (documents gd01 ... gd11, 8-11 sentences each). Differences: ids must match
^gd\d\d_(dev|test|train)_[a-z0-9_]+$; no sentence may also be a sentence of ../germeval_changes/,
../germeval_shares/ or ../germeval_money/; an *optional* row may give only the new level (`to`,
FORMAT.md: "A row with only the new level ... is optional"), a required row may not.

Verifies that
- every row has exactly the fields of tests/gold/tables/changes.jsonl, in that order, with the
  right types; measure and qualifier are in their enums; unit is `pp`, an ISO-like currency code
  or a counted noun and is set exactly when change_abs is; level_unit is set exactly when a
  level (from/to) is; change_factor > 0;
- its article exists in ../germeval_changes2/ and its surface occurs at least `occurrence`
  times there (overlapping hits counted, as in the sibling keys) and within one line;
- the row states a value (change_pct, change_abs or change_factor) or both levels (from, to),
  or (optional rows only) the new level `to`;
- a row without entity is optional; every row has a note;
- a row whose levels and change are both given is consistent (sign, and size within 1 point /
  1 %);
- (article, surface, occurrence) is repeated only for alternative readings, of which at most
  one is required;
- catalog.csv lists exactly the documents on disk, with language `de`, one split per document
  (named in the file name and the note), 8-11 sentences per document, one sentence per line;
- when /work/shared/data/germeval2014/ is present: every line is the GermEval sentence the
  catalog names (rebuilt with the joining rule of ../germeval_shares/README.md);
- no sentence is also a sentence of ../germeval_changes/, ../germeval_shares/ or ../germeval_money/
  (the other GermEval keys' documents), and no sentence is used twice.
Prints per-document counts (lines, required rows, optional rows, lines with required rows,
lines with only optional rows, lines without rows). Exit code 1 on any error.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tables_shares"))
from check_shares_key import (QUALIFIERS, check_catalog, count_occurrences, is_num, is_opt_str,  # noqa: E402
                              read_docs, read_rows, report)

DOCS = os.path.normpath(os.path.join(HERE, "..", "germeval_changes2"))
OTHER_KEYS = [os.path.normpath(os.path.join(HERE, "..", d))
              for d in ("germeval_changes", "germeval_shares", "germeval_money")]
ID_RE = re.compile(r"^gd\d\d_(dev|test|train)_[a-z0-9_]+$")
KEY = os.path.join(HERE, "changes.jsonl")
sys.path.insert(0, os.path.join(HERE, "..", "tables_changes"))
from check_changes_key import (DATA, DATA_FILES, FIELDS, MEASURES, NOTE_RE, detok, is_opt_num,  # noqa: E402,F401
                               load_split, nth_position)

def main():
    errors = []
    docs = read_docs(DOCS)

    # documents
    for a, text in docs.items():
        if len(a) + 4 > 50 or not re.fullmatch(r"[a-z0-9_]+", a):
            errors.append(f"file name {a}.txt: not lowercase ascii / too long")
        if not text.endswith("\n") or "\n\n" in text or "\r" in text:
            errors.append(f"{a}: expected one sentence per line, no blank lines, final newline")
        n = len(text.splitlines())
        if not 8 <= n <= 11:
            errors.append(f"{a}: {n} sentences (expected 8-11)")
        if not ID_RE.match(a):
            errors.append(f"{a}: name does not match {ID_RE.pattern}")

    # catalog: the shared checks, then the GermEval split, sentences and lines its note names
    catalog = {}
    for r in check_catalog(DOCS, docs, errors):
        m = NOTE_RE.match(r[7])
        if not m:
            errors.append(f"catalog.csv row {r[0]}: note does not name split/sentences/lines")
            continue
        split, sents, fname, lines = m.group(1), m.group(2).split(), m.group(3), m.group(4).split()
        if fname != DATA_FILES[split] or len(sents) != len(lines):
            errors.append(f"catalog.csv row {r[0]}: file {fname} / counts do not fit split {split}")
            continue
        if f"_{split}_" not in r[0]:
            errors.append(f"catalog.csv row {r[0]}: split {split} not in the document name")
        catalog[r[0]] = (split, [int(x) for x in sents], [int(x) for x in lines])

    # provenance against the corpus (if present)
    splits = {}
    seen_sentences = {}
    for a, (split, sents, lines) in catalog.items():
        if a not in docs:
            continue
        text_lines = docs[a].splitlines()
        if len(text_lines) != len(sents):
            errors.append(f"{a}: {len(text_lines)} lines but catalog names {len(sents)} sentences")
        for s in sents:
            key = (split, s)
            if key in seen_sentences:
                errors.append(f"{a}: {split} sentence {s} also used in {seen_sentences[key]}")
            seen_sentences[key] = a
        if split not in splits:
            splits[split] = load_split(split)
        corpus = splits[split]
        if corpus is None:
            continue
        for k, (s, ln) in enumerate(zip(sents, lines)):
            if s not in corpus:
                errors.append(f"{a}: {split} sentence {s} does not exist")
                continue
            first, sent = corpus[s]
            if first != ln:
                errors.append(f"{a}: {split} sentence {s} starts at line {first}, catalog says {ln}")
            if k < len(text_lines) and text_lines[k] != sent:
                errors.append(f"{a} line {k + 1}: text differs from {split} sentence {s}")
    if splits and all(v is None for v in splits.values()):
        print("(GermEval data not found: sentence texts not compared with the corpus)")

    # no overlap with the other GermEval keys' sentences, no sentence used twice
    for folder in OTHER_KEYS:
        if not os.path.isdir(folder):
            print(f"(folder {folder} not found: overlap not checked)")
            continue
        other = set()
        for fn in os.listdir(folder):
            if fn.endswith(".txt"):
                with open(os.path.join(folder, fn), encoding="utf-8") as f:
                    other |= {l for l in f.read().splitlines() if l.strip()}
        for a, text in docs.items():
            for k, line in enumerate(text.splitlines(), 1):
                if line in other:
                    errors.append(f"{a} line {k}: sentence also in {os.path.basename(folder)}/")
    seen_text = {}
    for a, text in sorted(docs.items()):
        for k, line in enumerate(text.splitlines(), 1):
            if line in seen_text:
                errors.append(f"{a} line {k}: same sentence as {seen_text[line]}")
            seen_text.setdefault(line, f"{a} line {k}")

    rows = read_rows(KEY, errors)

    groups = {}
    row_line = {}
    for ln, r in rows:
        where = f"line {ln} ({r.get('article')} {r.get('surface')!r})"
        if list(r.keys()) != FIELDS:
            missing = [k for k in FIELDS if k not in r]
            extra = [k for k in r if k not in FIELDS]
            errors.append(f"{where}: fields missing {missing} extra {extra}"
                          if missing or extra else f"{where}: field order differs")
            if missing or extra:
                continue
        art = r["article"]
        if art not in docs:
            errors.append(f"{where}: article not found in {DOCS}")
            continue
        if not isinstance(r["surface"], str) or not r["surface"].strip():
            errors.append(f"{where}: surface must be a non-empty string")
            continue
        occ = r["occurrence"]
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: occurrence must be an int >= 1")
            continue
        n = count_occurrences(docs[art], r["surface"])
        if n < occ:
            errors.append(f"{where}: surface occurs {n} times, occurrence {occ}")
            continue
        pos = nth_position(docs[art], r["surface"], occ)
        if "\n" in r["surface"]:
            errors.append(f"{where}: surface spans lines")
        row_line[ln] = docs[art].count("\n", 0, pos) + 1
        groups.setdefault((art, r["surface"], occ), []).append((ln, r))

        if not is_opt_str(r["entity"]):
            errors.append(f"{where}: entity must be a non-empty string or null")
        if not isinstance(r["aliases"], list) or not all(isinstance(x, str) and x.strip() for x in r["aliases"]):
            errors.append(f"{where}: aliases must be a list of strings")
        if r["measure"] not in MEASURES:
            errors.append(f"{where}: measure {r['measure']!r} not in {sorted(MEASURES)}")
        for k in ("change_pct", "change_abs", "change_factor", "from", "to"):
            if not is_opt_num(r[k]):
                errors.append(f"{where}: {k} must be a number or null")
        for k in ("unit", "period", "level_unit"):
            if not is_opt_str(r[k]):
                errors.append(f"{where}: {k} must be a non-empty string or null")
        if r["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: qualifier {r['qualifier']!r} not in {sorted(q for q in QUALIFIERS if q)} or null")
        if not isinstance(r["optional"], bool):
            errors.append(f"{where}: optional must be true/false")
        if not isinstance(r["note"], str) or not r["note"].strip():
            errors.append(f"{where}: every row needs a note (the words that justify it)")
        if r["entity"] is None and r["optional"] is not True:
            errors.append(f"{where}: a row without entity must be optional")

        pct, ab, fac, fr, to = (r["change_pct"], r["change_abs"], r["change_factor"],
                                r["from"], r["to"])
        if not all(is_opt_num(x) for x in (pct, ab, fac, fr, to)):
            continue
        if pct is None and ab is None and fac is None and (fr is None or to is None):
            if not (r["optional"] is True and to is not None and fr is None):
                errors.append(f"{where}: states neither a change (pct/abs/factor) nor both levels"
                              " (only optional rows may give the new level alone)")
        if (ab is None) != (r["unit"] is None):
            errors.append(f"{where}: unit must be set exactly when change_abs is")
        if r["unit"] is not None and not (r["unit"] == "pp" or re.fullmatch(r"[A-Z]{3}", r["unit"])
                                          or r["unit"][:1].isupper()):
            errors.append(f"{where}: unit {r['unit']!r} is neither pp, an ISO currency nor a noun")
        if (fr is None and to is None) != (r["level_unit"] is None):
            errors.append(f"{where}: level_unit must be set exactly when from/to is")
        if fac is not None and fac <= 0:
            errors.append(f"{where}: change_factor must be > 0")
        if fr is not None and to is not None:
            if pct is not None and fr != 0:
                calc = (to - fr) / abs(fr) * 100
                if abs(calc - pct) > 1.0:
                    errors.append(f"{where}: change_pct {pct} but levels give {calc:.2f}")
            if ab is not None and (r["unit"] == r["level_unit"] or r["unit"] == "pp" and r["level_unit"] == "%"):
                if abs((to - fr) - ab) > max(1e-9, 0.01 * abs(ab)):
                    errors.append(f"{where}: change_abs {ab} but levels give {to - fr}")
            if fac is not None and fr != 0 and abs(to / fr - fac) > 0.2 * fac:
                errors.append(f"{where}: change_factor {fac} but levels give {to / fr:.2f}")

    for (art, surf, occ), members in groups.items():
        if len(members) > 1:
            req = [ln for ln, r in members if not r["optional"]]
            if len(req) > 1:
                errors.append(f"{art} {surf!r} occurrence {occ}: {len(req)} required rows (lines {req})")
            sigs = {json.dumps([r[k] for k in FIELDS if k not in ("note", "optional")]) for _, r in members}
            if len(sigs) != len(members):
                errors.append(f"{art} {surf!r} occurrence {occ}: duplicate rows")

    # counts
    per = {a: [0, 0] for a in docs}
    line_state = {a: {} for a in docs}
    for ln, r in rows:
        a = r.get("article")
        if a in per:
            per[a][1 if r.get("optional") else 0] += 1
            if ln in row_line:
                st = line_state[a]
                k = row_line[ln]
                st[k] = "req" if (st.get(k) == "req" or not r.get("optional")) else "opt"
    print(f"{'document':36s} {'lines':>5s} {'req':>4s} {'opt':>4s} {'l_req':>5s} {'l_opt':>5s} {'l_none':>6s}")
    tot = [0] * 6
    for a in sorted(per):
        n_lines = len(docs[a].splitlines())
        lr = sum(1 for v in line_state[a].values() if v == "req")
        lo = sum(1 for v in line_state[a].values() if v == "opt")
        vals = [n_lines, per[a][0], per[a][1], lr, lo, n_lines - lr - lo]
        tot = [x + y for x, y in zip(tot, vals)]
        print(f"{a:36s} {vals[0]:5d} {vals[1]:4d} {vals[2]:4d} {vals[3]:5d} {vals[4]:5d} {vals[5]:6d}")
    print(f"{'total (' + str(len(docs)) + ' documents)':36s} {tot[0]:5d} {tot[1]:4d} {tot[2]:4d} {tot[3]:5d} {tot[4]:5d} {tot[5]:6d}")
    print(f"rows: {len(rows)}")
    if "--show" in sys.argv:
        for ln, r in rows:
            a = r.get("article")
            if a not in docs or ln not in row_line:
                continue
            sent = docs[a].splitlines()[row_line[ln] - 1]
            vals = {k: r[k] for k in ("entity", "change_pct", "change_abs", "unit", "change_factor",
                                      "from", "to", "level_unit", "qualifier", "period") if r[k] not in (None, [])}
            print(f"\n[{'opt' if r['optional'] else 'REQ'}] {a} l{row_line[ln]} {r['surface']!r}#{r['occurrence']} {vals}")
            print(f"      {sent}")
    return report(errors)


if __name__ == "__main__":
    sys.exit(main())
