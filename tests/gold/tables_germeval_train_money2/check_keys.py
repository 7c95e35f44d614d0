#!/usr/bin/env python3
"""Check the second GermEval train money / stock-move key (stdlib only, self-contained).

    python3 tests/gold/tables_germeval_train_money2/check_keys.py          # check, print counts
    python3 tests/gold/tables_germeval_train_money2/check_keys.py --show   # also print each row beside its sentence

Adapted from ../tables_germeval_train_money/check_keys.py (the first train key; same documents,
catalog, corpus, overlap and row rules), with three changes: 'jeweils' rows (one surface, the same
figure for several named owners) may be required for each owner, as in ../tables_market4/ ff.;
the overlap check also names the keys it must have seen (the first train money key and the train
changes key among them) and fails when one of them is missing; and two selection rules of this
set are checked (see below). Imports nothing from the other checkers.
Documents: ../germeval_train_money2/ (gtn_01 ... gtn_15, 10 GermEval 2014 sentences each, from the
TRAIN file only). Key files: money.jsonl and stock_moves.jsonl next to this file.

Verifies that
- documents: 14-16 files, lowercase ascii names ``gtn_NN_train_<slug>`` (at most 50 characters
  with ``.txt``), one sentence per line, exactly 10 lines, no blank line, final newline, no
  non-breaking space;
- catalog.csv: exactly the columns id,title,publisher,published,published_inferred,language,url,
  note; lists exactly the documents on disk, each once; title/publisher/published/
  published_inferred/url empty (as ../germeval_changes3/), language de; the note names the train
  file, the sentence indexes and the file lines in the form of the earlier GermEval keys, as many
  as the document has lines; dev and test sentences are not allowed here;
- when /work/shared/data/germeval2014/ is present: every line is the train sentence the catalog
  names, rebuilt with the joining rule of ../germeval_changes3/README.md, starting at the named
  line;
- no sentence is used twice (by index and by text); no sentence is a sentence of any other key
  under tests/gold/ (by text: every line of every .txt file in every other folder; by split and
  index: every GermEval note of any other catalog.csv, e.g. the train sentences of
  germeval_changes, germeval_changes2, germeval_shares);
- every row: exactly the fields of its table in the order of ../tables_germeval_money/, the right
  types; the article exists; the surface occurs at least ``occurrence`` times (overlapping hits
  counted), within one line, and the chosen hit does not start or end inside a longer number;
  entity a name or null, a row without entity is optional and has no aliases; aliases are strings
  the sentence uses (case ignored); every row has a note;
- money: value a positive number, currency three capital letters (ISO 4217; XXX = no currency),
  measure in its enum, period text or null, stated_for (a printed conversion) occurs in the
  article;
- stock moves: change_pct and change_points numbers or null, at least one of them set; period in
  1d / intraday / after-hours / wtd / 7d / ytd / 12m / other;
- (article, surface, occurrence) repeats only for alternative readings with different fields, of
  which at most one is required per entity (several required rows only for different owners of a
  shared figure, 'jeweils'); no two rows share (article, surface, occurrence, entity, value);
- selection rules of this set: a document with stock-move rows does not start with a line that
  states a time of day (nachbörslich, vorbörslich, am Morgen, zur Eröffnung, aktuell, "Uhr", ...)
  and its first line is either a past-tense move or carries money rows; every line with "Prozent"
  or "%" has a currency or market word or carries a stock-move row of a named share or index;
- overlap: the other keys named in MUST_SEE (germeval_train_money, germeval_train_changes,
  germeval_money, germeval_changes ... germeval_changes3, germeval_shares) exist and were read.
Prints per-document counts (lines, required/optional rows per table, lines with required rows,
lines with only optional rows, lines without rows) and exits with 1 on any error.
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.normpath(os.path.join(HERE, ".."))
DOCS = os.path.join(GOLD, "germeval_train_money2")
DATA = "/work/shared/data/germeval2014"
DATA_FILES = {"train": "NER-de-train.outer_only.tsv", "dev": "NER-de-dev.tsv", "test": "NER-de-test.tsv"}
ALLOWED_SPLITS = {"train"}
KEYS = {"money.jsonl": os.path.join(HERE, "money.jsonl"),
        "stock_moves.jsonl": os.path.join(HERE, "stock_moves.jsonl")}
N_DOCS = (14, 16)
N_LINES = 10

CATALOG_HEADER = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]
ID_RE = re.compile(r"^gtn_\d\d_train_[a-z0-9_]+$")
NOTE_RE = re.compile(r"^GermEval 2014 NER \((train|dev|test) sentences ([0-9 ]+); (\S+) lines ([0-9 ]+)\), "
                     r"CC BY 4\.0; Benikova et al\. 2014$")
# sentence references in the notes of other GermEval catalogs ("dev sentences 1 2 3;", "test sentence 4;")
OTHER_NOTE_RE = re.compile(r"\((train|dev|test) sentences? ([0-9 ]+);")

FIELDS = {
    "money.jsonl": ["article", "surface", "occurrence", "entity", "aliases", "value", "currency", "measure",
                    "period", "stated_for", "optional", "note"],
    "stock_moves.jsonl": ["article", "surface", "occurrence", "entity", "aliases", "change_pct", "change_points",
                          "period", "optional", "note"],
}
MONEY_MEASURES = {"revenue", "profit", "loss", "orders", "dividend", "share_price", "price_target", "buyback",
                  "fine", "investment", "funding", "budget", "campaign", "valuation", "other"}
STOCK_PERIODS = {"1d", "intraday", "after-hours", "wtd", "7d", "ytd", "12m", "other"}
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
# other keys whose sentences must have been read by the overlap check (folder: what must be found)
MUST_SEE = {"germeval_train_money": "catalog", "germeval_train_changes": "catalog", "germeval_money": "catalog",
            "germeval_changes": "catalog", "germeval_changes2": "catalog", "germeval_changes3": "catalog",
            "germeval_shares": "catalog"}
TIME_OF_DAY_RE = re.compile(r"nachbörslich|vorbörslich|am Morgen|am Vormittag|am Mittag|am Nachmittag|am Abend|"
                            r"zur Eröffnung|Börsenöffnung|Handelsverlauf|Handelsminuten|aktuell|zuletzt|derzeit|"
                            r"zeitweise|zeitweilig|\bUhr\b|Frühhandel", re.I)
PAST_MOVE_RE = re.compile(r"\b(verlor|verloren|gewann|gewannen|legte|legten|fiel|fielen|stieg|stiegen|sank|sanken|"
                          r"schloss|schlossen|gab|gaben|büßte|kletterte|kletterten|sprang|sprangen|verbilligte|"
                          r"verteuerte|ging|rutschte)\b")
MARKET_WORD_RE = re.compile(r"Euro|EUR|€|Dollar|USD|\$|Franken|CHF|Pfund|£|Yen|Baht|Mark|Aktie|Papier|Anteils?schein|"
                            r"Titel|[Ww]erte|Börse|Dax|DAX|Index|Leitindex|Dow|Nasdaq|Nikkei|Future|Kurs|Zähler|Punkte|"
                            r"Dividend")


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
    """True when text[start:end] begins or ends in the middle of a longer number ('6 Prozent' in '6,6 Prozent')."""
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
    """The joining rule of ../germeval_changes3/README.md (and ../germeval_changes2/)."""
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
    if not N_DOCS[0] <= len(docs) <= N_DOCS[1]:
        errors.append(f"{len(docs)} documents (expected {N_DOCS[0]}-{N_DOCS[1]})")
    for a, text in docs.items():
        if len(a) + 4 > 50 or not re.fullmatch(r"[a-z0-9_]+", a):
            errors.append(f"file name {a}.txt: not lowercase ascii / too long")
        if not ID_RE.match(a):
            errors.append(f"{a}: name does not match {ID_RE.pattern}")
        if not text.endswith("\n") or "\n\n" in text or "\r" in text or text.startswith("\n"):
            errors.append(f"{a}: expected one sentence per line, no blank lines, final newline")
        if "\u00a0" in text:
            errors.append(f"{a}: non-breaking space in the text")
        n = len(text.splitlines())
        if n != N_LINES:
            errors.append(f"{a}: {n} sentences (expected {N_LINES})")


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
                          " empty (as in germeval_changes3)")
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
    per_folder = {}  # folder: [sentence lines, GermEval references]
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
                            per_folder.setdefault(d, [0, 0])[0] += 1
            elif fn == "catalog.csv":
                with open(p, encoding="utf-8", newline="") as f:
                    for r in csv.DictReader(f):
                        note = r.get("note") or ""
                        if "GermEval 2014" not in note:
                            continue
                        for m in OTHER_NOTE_RE.finditer(note):
                            for i in m.group(2).split():
                                other_refs.setdefault((m.group(1), int(i)), d)
                                per_folder.setdefault(d, [0, 0])[1] += 1
    for d, what in sorted(MUST_SEE.items()):
        lines, refs = per_folder.get(d, [0, 0])
        if not lines or (what == "catalog" and not refs):
            errors.append(f"overlap check: key folder {d}/ not found or without sentences / GermEval catalog"
                          " references (it must be compared)")
    first = per_folder.get("germeval_train_money", [0, 0])
    print(f"(compared with germeval_train_money/: {first[0]} sentence lines, {first[1]} train references;"
          f" with germeval_train_changes/: {per_folder.get('germeval_train_changes', [0, 0])[1]} references)")
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
    """Fields, article, surface/occurrence, entity/aliases, optional, note. Returns the line of the hit or None."""
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
    if not is_opt_str(r["entity"]):
        errors.append(f"{where}: entity must be a non-empty string or null")
    if not isinstance(r["aliases"], list) or not all(isinstance(x, str) and x.strip() for x in r["aliases"]):
        errors.append(f"{where}: aliases must be a list of non-empty strings")
    else:
        if r["entity"] is None and r["aliases"]:
            errors.append(f"{where}: aliases without an entity")
        if r["entity"] is not None and any(x.casefold() == r["entity"].casefold() for x in r["aliases"]):
            errors.append(f"{where}: an alias repeats the entity")
        line_text = text.splitlines()[text.count("\n", 0, pos)].lower()
        for alias in r["aliases"]:
            if alias.lower() not in line_text:
                errors.append(f"{where}: alias {alias!r} is not a name the sentence uses")
    if not isinstance(r["optional"], bool):
        errors.append(f"{where}: optional must be true/false")
    if r["entity"] is None and r["optional"] is not True:
        errors.append(f"{where}: a row without entity must be optional")
    if not isinstance(r["note"], str) or not r["note"].strip():
        errors.append(f"{where}: every row needs a note (the words that justify it)")
    return text.count("\n", 0, pos) + 1


def check_money(r, where, docs, errors):
    if not is_num(r["value"]) or r["value"] <= 0:
        errors.append(f"{where}: value must be a positive number")
    if not isinstance(r["currency"], str) or not CURRENCY_RE.match(r["currency"]):
        errors.append(f"{where}: currency {r['currency']!r} is not an ISO 4217 code")
    if r["measure"] not in MONEY_MEASURES:
        errors.append(f"{where}: measure {r['measure']!r} not in {sorted(MONEY_MEASURES)}")
    if not is_opt_str(r["period"]):
        errors.append(f"{where}: period must be a non-empty string or null")
    sf = r["stated_for"]
    if sf is not None and (not isinstance(sf, str) or sf not in docs[r["article"]]):
        errors.append(f"{where}: stated_for {sf!r} not in the article")


def check_stock(r, where, errors):
    pct, pts = r["change_pct"], r["change_points"]
    if not is_opt_num(pct) or not is_opt_num(pts):
        errors.append(f"{where}: change_pct / change_points must be numbers or null")
    elif pct is None and pts is None:
        errors.append(f"{where}: neither change_pct nor change_points")
    elif pct is not None and pts is not None and pct != 0 and pts != 0 and (pct > 0) != (pts > 0):
        errors.append(f"{where}: change_pct and change_points disagree in sign")
    if r["period"] not in STOCK_PERIODS:
        errors.append(f"{where}: period {r['period']!r} not in {sorted(STOCK_PERIODS)}")


def row_value(name, r):
    return r["value"] if name == "money.jsonl" else (r["change_pct"], r["change_points"])


def check_rows(name, rows, docs, errors):
    groups, row_line = {}, {}
    for ln, r in rows:
        where = f"{name}:{ln} ({r.get('article')} {r.get('surface')!r})"
        line = check_common(name, r, where, docs, errors)
        if line is None:
            continue
        row_line[ln] = line
        (check_money(r, where, docs, errors) if name == "money.jsonl" else check_stock(r, where, errors))
        groups.setdefault((r["article"], r["surface"], r["occurrence"]), []).append((ln, r))
    for (art, surf, occ), members in groups.items():
        if len(members) < 2:
            continue
        req = [(ln, (r["entity"] or "").casefold()) for ln, r in members if not r["optional"]]
        if len({e for _, e in req}) != len(req):
            errors.append(f"{name}: {art} {surf!r} occurrence {occ}: two required rows for one owner"
                          f" (lines {[ln for ln, _ in req]})")
        sigs = {json.dumps([r[k] for k in FIELDS[name] if k not in ("note", "optional")], ensure_ascii=False)
                for _, r in members}
        if len(sigs) != len(members):
            errors.append(f"{name}: {art} {surf!r} occurrence {occ}: duplicate rows")
        keys = [((r["entity"] or "").casefold(), json.dumps(row_value(name, r))) for _, r in members]
        if len(set(keys)) != len(keys):
            errors.append(f"{name}: {art} {surf!r} occurrence {occ}: two rows with the same entity and value")
    return row_line


def check_selection(docs, all_rows, errors):
    """The grouping and picking rules of this set (README: how sentences were chosen)."""
    stock_lines, money_lines = {}, {}
    for name, target in (("stock_moves.jsonl", stock_lines), ("money.jsonl", money_lines)):
        for _, r in all_rows[name]:
            a = r.get("article")
            if a not in docs or not isinstance(r.get("surface"), str) or not isinstance(r.get("occurrence"), int):
                continue
            pos = nth_position(docs[a], r["surface"], r["occurrence"])
            if pos < 0:
                continue
            k = docs[a].count("\n", 0, pos) + 1
            target.setdefault(a, {}).setdefault(k, []).append(r)
    for a, text in sorted(docs.items()):
        lines = text.splitlines()
        if a in stock_lines and lines:
            first = lines[0]
            if TIME_OF_DAY_RE.search(first):
                errors.append(f"{a}: a document with stock moves starts with a time of day: {first[:80]!r}")
            if 1 not in money_lines.get(a, {}) and not PAST_MOVE_RE.search(first):
                errors.append(f"{a}: a document with stock moves must start with a past-tense move or a money"
                              f" sentence: {first[:80]!r}")
            for r in stock_lines[a].get(1, []):
                if r["period"] not in ("1d",) and r["entity"] is not None:
                    errors.append(f"{a}: first line carries a {r['period']} move; start with a close instead")
        for k, line in enumerate(lines, 1):
            if re.search(r"Prozent|%", line) and not MARKET_WORD_RE.search(line):
                named = [r for r in stock_lines.get(a, {}).get(k, []) if r["entity"] is not None]
                if not named:
                    errors.append(f"{a} line {k}: 'Prozent'/'%' without a currency or market word and without"
                                  " a stock-move row of a named share or index")


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

    check_selection(docs, all_rows, errors)

    print(f"{'document':38s} {'lines':>5s} {'mo_req':>6s} {'mo_opt':>6s} {'st_req':>6s} {'st_opt':>6s}"
          f" {'l_req':>5s} {'l_opt':>5s} {'l_none':>6s}")
    tot = [0] * 8
    for a in sorted(per):
        n_lines = len(docs[a].splitlines())
        lr = sum(1 for v in state[a].values() if v == "req")
        lo = sum(1 for v in state[a].values() if v == "opt")
        vals = [n_lines, *per[a]["money.jsonl"], *per[a]["stock_moves.jsonl"], lr, lo, n_lines - lr - lo]
        tot = [x + y for x, y in zip(tot, vals)]
        print(f"{a:38s} {vals[0]:5d} {vals[1]:6d} {vals[2]:6d} {vals[3]:6d} {vals[4]:6d} {vals[5]:5d} {vals[6]:5d} {vals[7]:6d}")
    print(f"{'total (' + str(len(docs)) + ' documents)':38s} {tot[0]:5d} {tot[1]:6d} {tot[2]:6d} {tot[3]:6d} {tot[4]:6d}"
          f" {tot[5]:5d} {tot[6]:5d} {tot[7]:6d}")
    splits = {}
    for (split, _), _ in used.items():
        splits[split] = splits.get(split, 0) + 1
    print("sentences per split: " + ", ".join(f"{k} {v}" for k, v in sorted(splits.items())))
    for i, name in enumerate(KEYS):
        docs_with = {r.get("article") for _, r in all_rows[name]}
        docs_req = {r.get("article") for _, r in all_rows[name] if not r.get("optional")}
        print(f"{name}: {len(all_rows[name])} rows, {tot[1 + 2 * i]} required, {tot[2 + 2 * i]} optional,"
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
