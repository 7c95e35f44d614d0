#!/usr/bin/env python3
"""Check the second GermEval train changes key and its adoption key (stdlib only, self-contained).

    python3 tests/gold/tables_germeval_train_changes2/check_keys.py          # check, print counts
    python3 tests/gold/tables_germeval_train_changes2/check_keys.py --show   # also print each row beside its sentence

Copied from ../tables_germeval_train_changes/check_keys.py (itself adapted from ../tables_changes3/check_keys.py (documents, catalog, corpus, overlap, the changes rules) with the
adoption rules of ../tables_shares/check_shares_key.py), with the document folder, the id prefix gtd_, the
stock words Index/Kurs and a check that the named sibling keys were scanned; it imports nothing from them.
Documents: ../germeval_train_changes2/ (gtd_01 ... gtd_12, 10 GermEval 2014 sentences each, train file only).
Key files: changes.jsonl and adoption.jsonl next to this file.

Verifies that
- documents: lowercase ascii names ``gtd_NN_train_<slug>`` (at most 50 characters with ``.txt``), one sentence per
  line, no blank line, final newline, no non-breaking space, exactly 10 sentences; no sentence contains a currency
  word or symbol or a stock word (those sentences are left to the money/stock-move keys);
- catalog.csv: exactly the columns id,title,publisher,published,published_inferred,language,url,note; lists exactly
  the documents on disk, each once; title/publisher/published/published_inferred/url empty, language de; the note
  names the split (train only: dev and test are refused here), the sentence indexes and the file lines in the form of
  the earlier GermEval keys, as many as the document has lines;
- when /work/shared/data/germeval2014/ is present: every line is the train sentence the catalog names, rebuilt with
  the joining rule of ../germeval_changes2/README.md, starting at the named line;
- no sentence is used twice (by index and by text); no sentence is a sentence of any other key under tests/gold/ (by
  text: every line of every .txt file in every other folder; by split and index: every GermEval note of any other
  catalog.csv, e.g. germeval_changes, germeval_changes2, germeval_changes3, germeval_money, germeval_shares,
  germeval_train_money, germeval_train_money2, germeval_train_changes; those named in REQUIRED_OTHER must exist and
  contribute sentence lines and GermEval references);
- every row: exactly the fields of its table in the order of the earlier keys, the right types; the article exists;
  the surface occurs at least ``occurrence`` times (overlapping hits counted, as in the sibling keys), within one
  line, and the chosen hit does not start or end inside a longer number; every row has a note;
- changes: entity a name or null, a row without entity is optional and has no aliases; aliases are strings the
  sentence uses (case ignored); measure and qualifier in their enums; at most one of change_pct / change_abs /
  change_factor; unit (``pp``, an ISO-like code or a counted noun) set exactly with change_abs; level_unit set
  exactly with a level; change_factor > 0; a row states a change or both levels, or (optional rows only) the new
  level ``to`` alone; levels and change agree (sign; size within 1 point / 1 % / 20 % for factors);
- adoption: group/region/period/restates text or null, subject text; low <= high, both numbers in 0..100; qualifier
  in its enum; restates names the surface of another adoption row of the same article and its row is optional; a row
  with group null explains it in its note;
- (article, surface, occurrence) repeats only for alternative readings with different fields, of which at most one
  is required.
Prints per-document counts (lines, required/optional rows per table, lines with required rows, lines with only
optional rows, lines without rows) and exits with 1 on any error.
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.normpath(os.path.join(HERE, ".."))
DOCS = os.path.join(GOLD, "germeval_train_changes2")
# other keys that must be present and scanned (the brief names them; the scan covers every folder anyway)
REQUIRED_OTHER = ["germeval_train_changes", "germeval_train_money", "germeval_train_money2", "germeval_changes",
                  "germeval_changes2", "germeval_changes3", "germeval_money", "germeval_shares"]
DATA = "/work/shared/data/germeval2014"
DATA_FILES = {"train": "NER-de-train.outer_only.tsv", "dev": "NER-de-dev.tsv", "test": "NER-de-test.tsv"}
ALLOWED_SPLITS = {"train"}
SENTENCES_PER_DOC = 10
KEYS = {"changes.jsonl": os.path.join(HERE, "changes.jsonl"), "adoption.jsonl": os.path.join(HERE, "adoption.jsonl")}

CATALOG_HEADER = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]
ID_RE = re.compile(r"^gtd_\d\d_train_[a-z0-9_]+$")
NOTE_RE = re.compile(r"^GermEval 2014 NER \((train|dev|test) sentences ([0-9 ]+); (\S+) lines ([0-9 ]+)\), "
                     r"CC BY 4\.0; Benikova et al\. 2014$")
# sentence references in the notes of other GermEval catalogs ("dev sentences 1 2 3;", "test sentence 4;")
OTHER_NOTE_RE = re.compile(r"\((train|dev|test) sentences? ([0-9 ]+);")
# sentences with these words belong to the money / stock-move keys, not here
FORBIDDEN_RE = re.compile(r"\b(Euro|Euros|Eurocent|US-Dollar|Dollar|Mark|D-Mark|Reichsmark|DM|Franken|Pfund|Yen|"
                          r"EUR|USD|CHF|GBP|JPY|Kurs|Kurse|Kursen|Kurses)\b|€|\$|Aktie|Papiere|\bDax\b|DAX|TecDax|MDax|Börse|Index|index")

FIELDS = {
    "changes.jsonl": ["article", "surface", "occurrence", "entity", "aliases", "measure", "change_pct",
                      "change_abs", "unit", "change_factor", "period", "from", "to", "level_unit",
                      "qualifier", "optional", "note"],
    "adoption.jsonl": ["article", "surface", "occurrence", "group", "subject", "region", "period", "low", "high",
                       "qualifier", "restates", "optional", "note"],
}
CHANGE_MEASURES = {"revenue", "profit", "loss", "orders", "sales_volume", "employment", "unemployment",
                   "prices", "exports", "production", "market_share", "users", "dividend", "gdp", "wages",
                   "costs", "passengers", "other"}
QUALIFIERS = {None, "approx", "more_than", "less_than", "up_to"}
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


# ---------------------------------------------------------------- helpers
def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def is_opt_num(x):
    return x is None or is_num(x)


def is_opt_str(x):
    return x is None or (isinstance(x, str) and x.strip() != "")


def count_occurrences(text, sub):
    """Occurrences of sub in text, overlapping ones included."""
    n, i = 0, text.find(sub)
    while i >= 0:
        n += 1
        i = text.find(sub, i + 1)
    return n


def nth_position(text, sub, n):
    """Start of the n-th (from 1) overlapping occurrence of sub, or -1."""
    i = text.find(sub)
    for _ in range(n - 1):
        if i < 0:
            return -1
        i = text.find(sub, i + 1)
    return i


def inside_number(text, start, end):
    """True when text[start:end] begins or ends in the middle of a longer number ('6 Prozent' in '15,6 Prozent')."""
    before = text[max(0, start - 2):start]
    if text[start].isdigit() and before:
        if before[-1].isdigit() or (len(before) == 2 and before[-1] in ",." and before[0].isdigit()):
            return True
    if text[end - 1].isdigit() and end < len(text):
        nxt = text[end:end + 2]
        if nxt[0].isdigit() or (len(nxt) == 2 and nxt[0] in ",." and nxt[1].isdigit()):
            return True
    return False


def detok(tokens):
    """The joining rule of ../germeval_changes2/README.md."""
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?)%])", r"\1", s)
    return re.sub(r"([(„]) ", r"\1", s)


def load_split(split):
    """{sentence index: (first token line, text)} of one GermEval file, or None when absent."""
    path = os.path.join(DATA, DATA_FILES[split])
    if not os.path.exists(path):
        return None
    out, toks, first = {}, [], None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    out[len(out) + 1] = (first, detok(toks))
                toks, first = [], None
                continue
            if line.startswith("#"):
                continue
            if first is None:
                first = ln
            toks.append(line.split("\t")[1])
    if toks:
        out[len(out) + 1] = (first, detok(toks))
    return out


def read_docs(folder):
    docs = {}
    for fn in sorted(os.listdir(folder)):
        if fn.endswith(".txt"):
            with open(os.path.join(folder, fn), encoding="utf-8") as f:
                docs[fn[:-4]] = f.read()
    return docs


def read_rows(path, errors, name):
    rows = []
    if not os.path.exists(path):
        errors.append(f"{name}: file missing")
        return rows
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((ln, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"{name}:{ln}: bad JSON ({e})")
    return rows


# ---------------------------------------------------------------- documents and catalog
def check_documents(docs, errors):
    for a, text in docs.items():
        if len(a) + 4 > 50 or not re.fullmatch(r"[a-z0-9_]+", a):
            errors.append(f"file name {a}.txt: not lowercase ascii / too long")
        if not ID_RE.match(a):
            errors.append(f"{a}: name does not match {ID_RE.pattern}")
        if not text.endswith("\n") or "\n\n" in text or "\r" in text or text.startswith("\n"):
            errors.append(f"{a}: expected one sentence per line, no blank lines, final newline")
        if "\u00a0" in text:
            errors.append(f"{a}: non-breaking space in the text")
        lines = text.splitlines()
        if len(lines) != SENTENCES_PER_DOC:
            errors.append(f"{a}: {len(lines)} sentences (expected {SENTENCES_PER_DOC})")
        for k, line in enumerate(lines, 1):
            m = FORBIDDEN_RE.search(line)
            if m:
                errors.append(f"{a} line {k}: currency or stock word {m.group(0)!r} (left to the money/stock keys)")


def check_catalog(docs, errors):
    """Returns {document: (split, [sentence indexes], [lines])} for well-formed catalog rows."""
    path = os.path.join(DOCS, "catalog.csv")
    if not os.path.exists(path):
        errors.append("catalog.csv missing")
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    if not rd or rd[0] != CATALOG_HEADER:
        errors.append(f"catalog.csv header {rd[0] if rd else None} != {CATALOG_HEADER}")
        return {}
    ids = [r[0] for r in rd[1:] if r]
    if len(set(ids)) != len(ids):
        errors.append("catalog.csv: duplicate ids")
    for a in sorted(set(docs) - set(ids)):
        errors.append(f"catalog.csv: document {a} not listed")
    for a in sorted(set(ids) - set(docs)):
        errors.append(f"catalog.csv: id {a} has no .txt file")
    catalog = {}
    for r in rd[1:]:
        if not r:
            continue
        if len(r) != len(CATALOG_HEADER):
            errors.append(f"catalog.csv row {r[0]}: {len(r)} columns")
            continue
        rid, title, publisher, published, inferred, language, url, note = r
        if any((title, publisher, published, inferred, url)):
            errors.append(f"catalog.csv row {rid}: title/publisher/published/published_inferred/url must be"
                          " empty (as in germeval_changes2)")
        if language != "de":
            errors.append(f"catalog.csv row {rid}: language {language!r}")
        m = NOTE_RE.match(note)
        if not m:
            errors.append(f"catalog.csv row {rid}: note does not name split/sentences/lines in the set's form")
            continue
        split, sents, fname, lines = m.group(1), m.group(2).split(), m.group(3), m.group(4).split()
        if split not in ALLOWED_SPLITS:
            errors.append(f"catalog.csv row {rid}: {split} sentences are not allowed in this set (train only)")
            continue
        if fname != DATA_FILES[split] or len(sents) != len(lines):
            errors.append(f"catalog.csv row {rid}: file {fname} / counts do not fit split {split}")
            continue
        if f"_{split}_" not in rid:
            errors.append(f"catalog.csv row {rid}: split {split} not in the document name")
        catalog[rid] = (split, [int(x) for x in sents], [int(x) for x in lines])
    return catalog


def check_provenance(docs, catalog, errors):
    corpora = {}
    seen = {}
    for a, (split, sents, lines) in sorted(catalog.items()):
        if a not in docs:
            continue
        text_lines = docs[a].splitlines()
        if len(text_lines) != len(sents):
            errors.append(f"{a}: {len(text_lines)} lines but the catalog names {len(sents)} sentences")
        for s in sents:
            if (split, s) in seen:
                errors.append(f"{a}: {split} sentence {s} also used in {seen[(split, s)]}")
            seen[(split, s)] = a
        if split not in corpora:
            corpora[split] = load_split(split)
        corpus = corpora[split]
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
    if corpora and all(v is None for v in corpora.values()):
        print("(GermEval data not found: sentence texts not compared with the corpus)")
    return seen


def check_overlap(docs, used, errors):
    """No sentence of another key under tests/gold/ (by text, and by split/index of GermEval catalogs)."""
    own = os.path.basename(DOCS)
    other_texts = {}
    other_refs = {}
    for d in sorted(os.listdir(GOLD)):
        folder = os.path.join(GOLD, d)
        if d == own or not os.path.isdir(folder):
            continue
        for fn in os.listdir(folder):
            p = os.path.join(folder, fn)
            if fn.endswith(".txt"):
                with open(p, encoding="utf-8") as f:
                    for line in f.read().splitlines():
                        if line.strip():
                            other_texts.setdefault(line.strip(), d)
            elif fn == "catalog.csv":
                with open(p, encoding="utf-8", newline="") as f:
                    for r in csv.DictReader(f):
                        note = r.get("note") or ""
                        if "GermEval 2014" not in note:
                            continue
                        for m in OTHER_NOTE_RE.finditer(note):
                            for i in m.group(2).split():
                                other_refs.setdefault((m.group(1), int(i)), d)
    contributed = set(other_texts.values()) | set(other_refs.values())
    for d in REQUIRED_OTHER:
        if d not in contributed:
            errors.append(f"other key {d}/ missing or without sentences/GermEval references: overlap not verified")
    for (split, s), a in sorted(used.items()):
        if (split, s) in other_refs:
            errors.append(f"{a}: {split} sentence {s} is already used by {other_refs[(split, s)]}/")
    seen_text = {}
    for a, text in sorted(docs.items()):
        for k, line in enumerate(text.splitlines(), 1):
            if line.strip() in other_texts:
                errors.append(f"{a} line {k}: sentence also in {other_texts[line.strip()]}/")
            if line in seen_text:
                errors.append(f"{a} line {k}: same sentence as {seen_text[line]}")
            seen_text.setdefault(line, f"{a} line {k}")
    return len(other_texts), len(other_refs)


# ---------------------------------------------------------------- rows
def check_common(name, r, where, docs, errors):
    """Fields, article, surface/occurrence, optional, note. Returns the line of the hit or None."""
    fields = FIELDS[name]
    if list(r.keys()) != fields:
        missing = [k for k in fields if k not in r]
        extra = [k for k in r if k not in fields]
        errors.append(f"{where}: fields missing {missing} extra {extra}" if missing or extra
                      else f"{where}: field order differs from {fields}")
        if missing or extra:
            return None
    art = r["article"]
    if art not in docs:
        errors.append(f"{where}: article not found in {DOCS}")
        return None
    text = docs[art]
    surf, occ = r["surface"], r["occurrence"]
    if not isinstance(surf, str) or not surf.strip():
        errors.append(f"{where}: surface must be a non-empty string")
        return None
    if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
        errors.append(f"{where}: occurrence must be an int >= 1")
        return None
    n = count_occurrences(text, surf)
    if n < occ:
        errors.append(f"{where}: surface occurs {n} times, occurrence {occ}")
        return None
    if "\n" in surf:
        errors.append(f"{where}: surface spans lines")
    pos = nth_position(text, surf, occ)
    if inside_number(text, pos, pos + len(surf)):
        errors.append(f"{where}: occurrence {occ} of {surf!r} is part of a longer number: "
                      f"{text[max(0, pos - 12):pos + len(surf) + 12]!r}")
    if not isinstance(r["optional"], bool):
        errors.append(f"{where}: optional must be true/false")
    if not isinstance(r["note"], str) or not r["note"].strip():
        errors.append(f"{where}: every row needs a note (the words that justify it)")
    return text.count("\n", 0, pos) + 1


def check_entity(r, where, docs, line, errors):
    if not is_opt_str(r["entity"]):
        errors.append(f"{where}: entity must be a non-empty string or null")
    if not isinstance(r["aliases"], list) or not all(isinstance(x, str) and x.strip() for x in r["aliases"]):
        errors.append(f"{where}: aliases must be a list of non-empty strings")
    else:
        if r["entity"] is None and r["aliases"]:
            errors.append(f"{where}: aliases without an entity")
        line_text = docs[r["article"]].splitlines()[line - 1].lower()
        for alias in r["aliases"]:
            if alias.lower() not in line_text:
                errors.append(f"{where}: alias {alias!r} is not a name the sentence uses")
    if r["entity"] is None and r["optional"] is not True:
        errors.append(f"{where}: a row without entity must be optional")


def check_change(r, where, errors):
    if r["measure"] not in CHANGE_MEASURES:
        errors.append(f"{where}: measure {r['measure']!r} not in {sorted(CHANGE_MEASURES)}")
    if r["qualifier"] not in QUALIFIERS:
        errors.append(f"{where}: qualifier {r['qualifier']!r} not in {sorted(q for q in QUALIFIERS if q)} or null")
    for k in ("change_pct", "change_abs", "change_factor", "from", "to"):
        if not is_opt_num(r[k]):
            errors.append(f"{where}: {k} must be a number or null")
    for k in ("unit", "period", "level_unit"):
        if not is_opt_str(r[k]):
            errors.append(f"{where}: {k} must be a non-empty string or null")
    pct, ab, fac, fr, to = r["change_pct"], r["change_abs"], r["change_factor"], r["from"], r["to"]
    if not all(is_opt_num(x) for x in (pct, ab, fac, fr, to)):
        return
    stated = [k for k in ("change_pct", "change_abs", "change_factor") if r[k] is not None]
    if len(stated) > 1:
        errors.append(f"{where}: more than one of change_pct/change_abs/change_factor")
    if not stated and (fr is None or to is None):
        if not (r["optional"] is True and to is not None and fr is None):
            errors.append(f"{where}: states neither a change (pct/abs/factor) nor both levels"
                          " (only optional rows may give the new level alone)")
    if (ab is None) != (r["unit"] is None):
        errors.append(f"{where}: unit must be set exactly when change_abs is")
    if isinstance(r["unit"], str) and not (r["unit"] == "pp" or CURRENCY_RE.match(r["unit"])
                                           or r["unit"][:1].isupper()):
        errors.append(f"{where}: unit {r['unit']!r} is neither pp, an ISO currency nor a noun")
    if (fr is None and to is None) != (r["level_unit"] is None):
        errors.append(f"{where}: level_unit must be set exactly when from/to is")
    if fac is not None and fac <= 0:
        errors.append(f"{where}: change_factor must be > 0")
    if fr is not None and to is not None:
        if pct is not None and fr != 0 and abs((to - fr) / abs(fr) * 100 - pct) > 1.0:
            errors.append(f"{where}: change_pct {pct} but levels give {(to - fr) / abs(fr) * 100:.2f}")
        if ab is not None and (r["unit"] == r["level_unit"] or r["unit"] == "pp" and r["level_unit"] == "%"):
            if abs((to - fr) - ab) > max(1e-9, 0.01 * abs(ab)):
                errors.append(f"{where}: change_abs {ab} but levels give {to - fr}")
        if fac is not None and fr != 0 and abs(to / fr - fac) > 0.2 * fac:
            errors.append(f"{where}: change_factor {fac} but levels give {to / fr:.2f}")
        if stated and fr != to:
            v = r[stated[0]]
            up = to > fr
            if (v > 1 if stated[0] == "change_factor" else v > 0) != up:
                errors.append(f"{where}: sign of {stated[0]} disagrees with from {fr} -> to {to}")


def check_adoption(r, where, surfaces, errors):
    for k in ("group", "region", "period", "restates"):
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
    if r["restates"] is not None:
        if r["restates"] not in surfaces.get(r["article"], set()) or r["restates"] == r["surface"]:
            errors.append(f"{where}: restates {r['restates']!r} is not another row's surface in the article")
        if r["optional"] is not True:
            errors.append(f"{where}: a restating fraction must be optional")
    if r["group"] is None and "not named" not in r["note"] and "null" not in r["note"]:
        errors.append(f"{where}: group null needs a note saying why")


def check_rows(name, rows, docs, errors):
    groups, row_line = {}, {}
    surfaces = {}
    for _, r in rows:
        surfaces.setdefault(r.get("article"), set()).add(r.get("surface"))
    for ln, r in rows:
        where = f"{name}:{ln} ({r.get('article')} {r.get('surface')!r})"
        line = check_common(name, r, where, docs, errors)
        if line is None:
            continue
        row_line[ln] = line
        if name == "changes.jsonl":
            check_entity(r, where, docs, line, errors)
            check_change(r, where, errors)
        else:
            check_adoption(r, where, surfaces, errors)
        groups.setdefault((r["article"], r["surface"], r["occurrence"]), []).append((ln, r))
    for (art, surf, occ), members in groups.items():
        if len(members) < 2:
            continue
        req = [ln for ln, r in members if not r["optional"]]
        if len(req) > 1:
            errors.append(f"{name}: {art} {surf!r} occurrence {occ}: {len(req)} required rows (lines {req})")
        sigs = {json.dumps([r[k] for k in FIELDS[name] if k not in ("note", "optional")], ensure_ascii=False)
                for _, r in members}
        if len(sigs) != len(members):
            errors.append(f"{name}: {art} {surf!r} occurrence {occ}: duplicate rows")
    return row_line


# ---------------------------------------------------------------- main
def main(argv):
    errors = []
    docs = read_docs(DOCS)
    check_documents(docs, errors)
    catalog = check_catalog(docs, errors)
    used = check_provenance(docs, catalog, errors)
    n_texts, n_refs = check_overlap(docs, used, errors)

    per = {a: {name: [0, 0] for name in KEYS} for a in docs}
    state = {a: {} for a in docs}
    all_rows = {}
    for name, path in KEYS.items():
        rows = read_rows(path, errors, name)
        all_rows[name] = rows
        row_line = check_rows(name, rows, docs, errors)
        for ln, r in rows:
            a = r.get("article")
            if a not in per or ln not in row_line:
                continue
            per[a][name][1 if r.get("optional") else 0] += 1
            k = row_line[ln]
            state[a][k] = "req" if (state[a].get(k) == "req" or not r.get("optional")) else "opt"

    print(f"{'document':38s} {'lines':>5s} {'ch_req':>6s} {'ch_opt':>6s} {'ad_req':>6s} {'ad_opt':>6s}"
          f" {'l_req':>5s} {'l_opt':>5s} {'l_none':>6s}")
    tot = [0] * 8
    for a in sorted(per):
        n_lines = len(docs[a].splitlines())
        lr = sum(1 for v in state[a].values() if v == "req")
        lo = sum(1 for v in state[a].values() if v == "opt")
        vals = [n_lines, *per[a]["changes.jsonl"], *per[a]["adoption.jsonl"], lr, lo, n_lines - lr - lo]
        tot = [x + y for x, y in zip(tot, vals)]
        print(f"{a:38s} {vals[0]:5d} {vals[1]:6d} {vals[2]:6d} {vals[3]:6d} {vals[4]:6d} {vals[5]:5d} {vals[6]:5d}"
              f" {vals[7]:6d}")
    print(f"{'total (' + str(len(docs)) + ' documents)':38s} {tot[0]:5d} {tot[1]:6d} {tot[2]:6d} {tot[3]:6d}"
          f" {tot[4]:6d} {tot[5]:5d} {tot[6]:5d} {tot[7]:6d}")
    splits = {}
    for (split, _), _ in used.items():
        splits[split] = splits.get(split, 0) + 1
    print("sentences per split: " + ", ".join(f"{k} {v}" for k, v in sorted(splits.items())))
    for name in KEYS:
        docs_with = {r.get("article") for _, r in all_rows[name]}
        docs_req = {r.get("article") for _, r in all_rows[name] if not r.get("optional")}
        i = 1 if name == "changes.jsonl" else 3
        print(f"{name}: {len(all_rows[name])} rows, {tot[i]} required, {tot[i + 1]} optional,"
              f" in {len(docs_with)} documents ({len(docs_req)} with required rows)")
    print(f"(overlap checked against {n_texts} sentence lines and {n_refs} GermEval sentence references"
          " of the other keys)")

    if "--show" in argv:
        for name in KEYS:
            for ln, r in all_rows[name]:
                a = r.get("article")
                if a not in docs or not isinstance(r.get("surface"), str) or not isinstance(r.get("occurrence"), int):
                    continue
                pos = nth_position(docs[a], r["surface"], r["occurrence"])
                if pos < 0:
                    continue
                k = docs[a].count("\n", 0, pos) + 1
                skip = ("article", "surface", "occurrence", "optional", "note", "aliases")
                vals = {f: v for f, v in r.items() if f not in skip and v not in (None, [])}
                print(f"\n[{'opt' if r.get('optional') else 'REQ'}] {name[:-6]} {a} l{k} "
                      f"{r['surface']!r}#{r['occurrence']} {vals}")
                print(f"      {docs[a].splitlines()[k - 1]}")

    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
