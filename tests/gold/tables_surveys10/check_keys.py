"""Check tests/gold/tables_surveys10 (adoption and changes keys) against the texts of tests/gold/surveys10.

Stdlib only; self-contained (it does not load another folder's checker). Usage, from the repository root:

    python3 tests/gold/tables_surveys10/check_keys.py [--quiet] [--uncovered]

What is checked (any failure is an error and the exit code is 1):

- texts: ten files `sv10_NN_slug.txt`; UTF-8; title on the first line, a blank second line; no tabs,
  no non-breaking or other unusual spaces; 1,500 to 3,500 characters and 1,500 to 3,500 bytes; the sha256
  prefix of each text as recorded below (the texts were frozen before the keys were written);
- `catalog.csv`: the columns of the surveys9 catalog, one row per text in file order, the title equal to
  the text's first line, publisher marked "(fictional)", a date in November 2026, language `de`,
  `published_inferred` false, an empty url and the note prefix of this set;
- keys: one JSON object per line with exactly the fields (in this order) of the surveys9 keys; types
  and enums; `surface` occurs at least `occurrence` times in the article (counted as in the earlier
  sets: overlapping, case-sensitive `str.find` walk over the whole file, title included); adoption
  `low <= high` within 0..100 and `restates` (a percent surface of the same article) only on optional
  rows; changes have at most one of `change_pct` / `change_abs` / `change_factor`, a `unit` exactly
  when `change_abs` is set, a `level_unit` exactly when a level is set, a levels-only row has `to`
  (and is optional when it has no `from`), an owner-less row (`entity` null) is optional; no two rows
  are equal apart from `note`; the counts of required and optional rows per table and per article
  equal EXPECTED below.

`--uncovered` also lists, per article, the numbers and share/multiple words that no row's surface
covers (for re-reading; the NOTES list what is left without a row on purpose). `--quiet` prints only
errors and the final line.
"""
import csv
import hashlib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
SET = HERE.name.replace("tables_", "")            # surveys10
TEXTS = HERE.parent / SET
PREFIX = "sv10_"
NOTE_PREFIX = "written for the explore project (blind key, surveys10)"
CATALOG_COLUMNS = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]
LENGTHS = (1500, 3500)                           # characters and bytes (min, max)

TEXT_SHA = {                                     # sha256, first 16 hex digits (texts frozen before the keys)
    "sv10_01_digitale_werkzeuge_kmu": "304521ed170d4f12",
    "sv10_02_sparen_geldanlage": "43f36551222b357d",
    "sv10_03_arbeitsmarkt_bundeslaender": "73b45f2e71f6dd20",
    "sv10_04_logiernaechte_schweiz": "b1e601212420153d",
    "sv10_05_aussenhandel_produktion": "68e8aec2e2ef015f",
    "sv10_06_inflation_euroraum": "29924f844323ee2c",
    "sv10_07_chemie_halbjahr": "40223e1dd07212c7",
    "sv10_08_haldern_quartal": "fa6f8b60307a70f1",
    "sv10_09_ihk_konjunktur": "5cba62a154cf430e",
    "sv10_10_wohnen_energie": "847c4589514cda22",
}

FIELDS = {
    "adoption": ["article", "surface", "occurrence", "group", "subject", "region", "period", "low", "high",
                 "qualifier", "restates", "optional", "note"],
    "changes": ["article", "surface", "occurrence", "entity", "aliases", "measure", "change_pct", "change_abs",
                "unit", "change_factor", "period", "from", "to", "level_unit", "qualifier", "optional", "note"],
}
MEASURES = {"revenue", "profit", "orders", "sales_volume", "employment", "unemployment", "prices", "exports",
            "production", "market_share", "users", "other", "loss", "dividend", "gdp", "wages", "costs",
            "passengers"}
QUALIFIERS = {None, "approx", "more_than", "less_than"}

# (required, optional) per article and table
EXPECTED = {
    "adoption": {
        "sv10_01_digitale_werkzeuge_kmu": (15, 1), "sv10_02_sparen_geldanlage": (17, 1),
        "sv10_03_arbeitsmarkt_bundeslaender": (0, 0), "sv10_04_logiernaechte_schweiz": (0, 0),
        "sv10_05_aussenhandel_produktion": (0, 0), "sv10_06_inflation_euroraum": (0, 0),
        "sv10_07_chemie_halbjahr": (3, 0), "sv10_08_haldern_quartal": (0, 0),
        "sv10_09_ihk_konjunktur": (17, 1), "sv10_10_wohnen_energie": (7, 0),
    },
    "changes": {
        "sv10_01_digitale_werkzeuge_kmu": (3, 5), "sv10_02_sparen_geldanlage": (5, 2),
        "sv10_03_arbeitsmarkt_bundeslaender": (26, 0), "sv10_04_logiernaechte_schweiz": (19, 2),
        "sv10_05_aussenhandel_produktion": (18, 2), "sv10_06_inflation_euroraum": (20, 7),
        "sv10_07_chemie_halbjahr": (17, 2), "sv10_08_haldern_quartal": (19, 5),
        "sv10_09_ihk_konjunktur": (5, 4), "sv10_10_wohnen_energie": (17, 1),
    },
}

SHARE_WORDS = re.compile(
    r"(?i)\b(?:jede[mnrs]?\s+\w+te[mnr]?|\w+\s+von\s+(?:zwei|drei|vier|fünf|zehn)|(?:die\s+)?Hälfte|\w*\s*Dritte?l|"
    r"\w*\s*Viertel|\w*\s*Fünftel|\w*\s*Sechstel|verdoppel\w*|doppelt\s+so\s+\w+|halbier\w*|verdreifach\w*)")
NUMBERS = re.compile(r"\d[\d.,']*\d|\d")


def starts(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


class Checker:
    def __init__(self, quiet=False):
        self.quiet = quiet
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)
        print("ERROR:", msg)

    def say(self, msg=""):
        if not self.quiet:
            print(msg)

    # ------------------------------------------------------------------ texts and catalog
    def load_texts(self):
        texts = {}
        files = sorted(TEXTS.glob("*.txt"))
        if len(files) != 10:
            self.err(f"{TEXTS}: expected 10 texts, found {len(files)}")
        for p in files:
            aid = p.stem
            if not re.fullmatch(PREFIX + r"(0[1-9]|10)_[a-z0-9_]+", aid):
                self.err(f"{p.name}: id is not {PREFIX}NN_slug")
            raw = p.read_bytes()
            try:
                t = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.err(f"{p.name}: not UTF-8")
                continue
            texts[aid] = t
            if not (LENGTHS[0] <= len(t) <= LENGTHS[1]) or not (LENGTHS[0] <= len(raw) <= LENGTHS[1]):
                self.err(f"{p.name}: {len(t)} characters / {len(raw)} bytes, outside {LENGTHS}")
            lines = t.split("\n")
            if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
                self.err(f"{p.name}: first line must be the title, second line blank")
            if re.search(r"[\t\u00a0\u2007\u202f\u200b\r]", t):
                self.err(f"{p.name}: tab, carriage return or unusual space")
            sha = hashlib.sha256(raw).hexdigest()[:16]
            if TEXT_SHA.get(aid) != sha:
                self.err(f"{p.name}: sha256 prefix {sha} differs from the recorded {TEXT_SHA.get(aid)}")
        if set(texts) != set(TEXT_SHA):
            self.err(f"texts {sorted(set(texts) ^ set(TEXT_SHA))} not as recorded")
        return texts

    def check_catalog(self, texts):
        path = TEXTS / "catalog.csv"
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != CATALOG_COLUMNS:
                self.err(f"catalog.csv: columns {reader.fieldnames} != {CATALOG_COLUMNS}")
            rows = list(reader)
        ids = [r["id"] for r in rows]
        if ids != sorted(texts):
            self.err(f"catalog.csv: ids {ids} are not the texts in file order")
        for r in rows:
            aid = r["id"]
            if aid in texts and r["title"] != texts[aid].split("\n", 1)[0]:
                self.err(f"catalog.csv {aid}: title differs from the text's first line")
            if not r["publisher"].endswith("(fictional)"):
                self.err(f"catalog.csv {aid}: publisher not marked (fictional)")
            if not re.fullmatch(r"2026-11-(0[1-9]|[12]\d|30)", r["published"]):
                self.err(f"catalog.csv {aid}: date {r['published']!r} not in November 2026")
            if r["published_inferred"] != "false" or r["language"] != "de" or r["url"] != "":
                self.err(f"catalog.csv {aid}: published_inferred/language/url not false/de/empty")
            if not r["note"].startswith(NOTE_PREFIX):
                self.err(f"catalog.csv {aid}: note does not start with {NOTE_PREFIX!r}")

    # ------------------------------------------------------------------ keys
    def load_key(self, table, texts):
        rows = []
        path = HERE / f"{table}.jsonl"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{table}.jsonl:{n}"
            if not line.strip():
                self.err(f"{where}: empty line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                self.err(f"{where}: {e}")
                continue
            if not isinstance(r, dict) or list(r) != FIELDS[table]:
                self.err(f"{where}: fields {list(r) if isinstance(r, dict) else type(r)} != {FIELDS[table]}")
                continue
            r["_where"] = where
            self.check_common(r, texts)
            (self.check_adoption if table == "adoption" else self.check_changes)(r, texts)
            rows.append(r)
        seen = {}
        for r in rows:
            k = json.dumps({f: r[f] for f in FIELDS[table] if f != "note"}, sort_keys=True, ensure_ascii=False)
            if k in seen:
                self.err(f"{r['_where']}: duplicate of {seen[k]}")
            seen[k] = r["_where"]
        return rows

    def check_common(self, r, texts):
        w = r["_where"]
        if r["article"] not in texts:
            self.err(f"{w}: unknown article {r['article']!r}")
            return
        if not isinstance(r["surface"], str) or not r["surface"]:
            self.err(f"{w}: surface must be a non-empty string")
            return
        occ = r["occurrence"]
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            self.err(f"{w}: occurrence must be an integer >= 1")
            return
        n = len(starts(texts[r["article"]], r["surface"]))
        if n < occ:
            self.err(f"{w}: surface {r['surface']!r} occurs {n} times, occurrence {occ}")
        if not isinstance(r["optional"], bool):
            self.err(f"{w}: optional must be true/false")
        if not isinstance(r["note"], str):
            self.err(f"{w}: note must be a string")
        for f in ("period",):
            if r[f] is not None and not (isinstance(r[f], str) and r[f]):
                self.err(f"{w}: {f} must be a non-empty string or null")
        if r["qualifier"] not in QUALIFIERS:
            self.err(f"{w}: qualifier {r['qualifier']!r} not in {sorted(q for q in QUALIFIERS if q)} or null")

    def check_adoption(self, r, texts):
        w = r["_where"]
        for f in ("group", "subject"):
            if not (isinstance(r[f], str) and r[f]):
                self.err(f"{w}: {f} must be a non-empty string")
        if r["region"] is not None and not (isinstance(r["region"], str) and r["region"]):
            self.err(f"{w}: region must be a non-empty string or null")
        lo, hi = r["low"], r["high"]
        if not (is_num(lo) and is_num(hi) and 0 <= lo <= hi <= 100):
            self.err(f"{w}: low/high must be numbers with 0 <= low <= high <= 100")
        if r["restates"] is not None:
            if not isinstance(r["restates"], str) or r["restates"] not in texts.get(r["article"], ""):
                self.err(f"{w}: restates {r['restates']!r} is not a surface of the article")
            if r["optional"] is not True:
                self.err(f"{w}: a fraction restating a percent must be optional")

    def check_changes(self, r, texts):
        w = r["_where"]
        ent = r["entity"]
        if ent is not None and not (isinstance(ent, str) and ent):
            self.err(f"{w}: entity must be a non-empty string or null")
        if ent is None and r["optional"] is not True:
            self.err(f"{w}: a row without owner must be optional")
        al = r["aliases"]
        if not isinstance(al, list) or not all(isinstance(a, str) and a for a in al) or (ent in al):
            self.err(f"{w}: aliases must be a list of other names")
        if r["measure"] not in MEASURES:
            self.err(f"{w}: measure {r['measure']!r} not in the list")
        ch = {f: r[f] for f in ("change_pct", "change_abs", "change_factor")}
        for f, v in list(ch.items()) + [("from", r["from"]), ("to", r["to"])]:
            if v is not None and not is_num(v):
                self.err(f"{w}: {f} must be a number or null")
        set_ = [f for f, v in ch.items() if v is not None]
        if len(set_) > 1:
            self.err(f"{w}: more than one of {set_}")
        if (r["change_abs"] is not None) != (isinstance(r["unit"], str) and bool(r["unit"])):
            self.err(f"{w}: unit must be given exactly when change_abs is")
        if r["change_factor"] is not None and is_num(r["change_factor"]) and r["change_factor"] <= 0:
            self.err(f"{w}: change_factor must be positive")
        has_level = r["from"] is not None or r["to"] is not None
        if has_level != (isinstance(r["level_unit"], str) and bool(r["level_unit"])):
            self.err(f"{w}: level_unit must be given exactly when from or to is")
        if not set_:
            if r["to"] is None:
                self.err(f"{w}: a row without change_* needs the level 'to'")
            elif r["from"] is None and r["optional"] is not True:
                self.err(f"{w}: a row with only the new level must be optional")
            elif r["from"] is not None and r["from"] == r["to"]:
                self.err(f"{w}: levels-only row with from == to")
        if r["unit"] == "pp" and r["to"] is not None and r["level_unit"] != "%":
            self.err(f"{w}: a pp change with a level needs level_unit '%'")
        if (is_num(r["change_pct"]) and is_num(r["from"]) and is_num(r["to"]) and r["level_unit"] != "%"
                and (r["change_pct"] > 0) != (r["to"] > r["from"])):
            self.err(f"{w}: sign of change_pct does not match from -> to")

    # ------------------------------------------------------------------ counts, coverage
    def counts(self, table, rows, texts):
        got = {a: [0, 0] for a in texts}
        for r in rows:
            if r["article"] in got:
                got[r["article"]][1 if r["optional"] else 0] += 1
        exp = EXPECTED[table]
        for a in texts:
            if tuple(got[a]) != tuple(exp.get(a, (0, 0))):
                self.err(f"{table}: {a} has {tuple(got[a])} (required, optional), expected {exp.get(a)}")
        req = sum(v[0] for v in got.values())
        opt = sum(v[1] for v in got.values())
        self.say(f"{table}: {req} required, {opt} optional rows; "
                 f"{sum(1 for v in got.values() if sum(v))} documents with rows ({sum(1 for v in got.values() if v[0])} with required rows)")
        for a in texts:
            self.say(f"  {a:34s} required {got[a][0]:3d}  optional {got[a][1]:3d}")
        return req, opt

    def uncovered(self, texts, all_rows):
        spans = {a: [] for a in texts}
        for r in all_rows:
            t = texts.get(r["article"])
            if t is None:
                continue
            st = starts(t, r["surface"])
            if len(st) >= r["occurrence"]:
                s = st[r["occurrence"] - 1]
                spans[r["article"]].append((s, s + len(r["surface"])))
        print("\nUncovered numbers and share words (for re-reading):")
        for a, t in texts.items():
            miss = []
            for m in list(NUMBERS.finditer(t)) + list(SHARE_WORDS.finditer(t)):
                if not any(s <= m.start() and m.end() <= e for s, e in spans[a]):
                    miss.append((m.start(), m.group(0)))
            print(f"  {a}: " + "; ".join(g for _, g in sorted(miss)))


def main(argv):
    quiet = "--quiet" in argv
    c = Checker(quiet)
    texts = c.load_texts()
    c.check_catalog(texts)
    rows = {}
    for table in ("adoption", "changes"):
        rows[table] = c.load_key(table, texts)
    for table in ("adoption", "changes"):
        c.counts(table, rows[table], texts)
    if "--uncovered" in argv:
        c.uncovered(texts, rows["adoption"] + rows["changes"])
    print(f"{SET}: {len(c.errors)} errors")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
