"""Check tests/gold/tables_surveys2 against tests/gold/surveys2 (stdlib only).

Reuses the row rules of the two existing adoption/changes checkers, loaded by path:

- ``../tables/check_shares_changes.py``: ``check_adoption`` and ``check_change`` (fields, enums,
  surface occurs ``occurrence`` times and is not part of a longer number, low <= high, a change
  states a value or both levels, to-only rows optional, signs agree with the levels, aliases are
  names the article uses);
- ``../tables_shares/check_shares_key.py``: ``read_docs``, ``read_rows``, ``check_catalog``
  (header, columns, language, exactly the documents on disk), ``count_occurrences`` and
  ``report``.

Added here: the fields in the order of the existing keys; ``restates`` names another row's surface
of the same article and the restating row is optional; no duplicate (article, surface, occurrence,
value) rows; the catalog rules of this set (ids ``sv2_NN_slug``, title = the text's first line,
publisher "(invented)", published in 2026, note "written for the explore project (blind key,
surveys2)"), texts of 1,200 to 3,000 characters. Prints required/optional counts per document.

    python3 tests/gold/tables_surveys2/check_keys.py [--quiet] [--uncovered]

``--uncovered`` also lists, per document, the numbers and share words of the text that no row
covers (for re-reading; not an error).
"""
from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "surveys2"
SET = "surveys2"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


sc = _load("check_shares_changes_for_sv2", HERE.parent / "tables" / "check_shares_changes.py")
sk = _load("check_shares_key_for_sv2", HERE.parent / "tables_shares" / "check_shares_key.py")

ADOPTION_ORDER = sk.FIELDS  # article, surface, occurrence, group, subject, region, period, low, high, ...
CHANGES_ORDER = ["article", "surface", "occurrence", "entity", "aliases", "measure", "change_pct", "change_abs",
                 "unit", "change_factor", "period", "from", "to", "level_unit", "qualifier", "optional", "note"]
ID_RE = re.compile(r"^sv2_\d\d_[a-z0-9_]+$")
NOTE = f"written for the explore project (blind key, {SET})"
MIN_CHARS, MAX_CHARS = 1200, 3000


def check_catalog_set(docs: dict[str, str], errors: list[str]) -> None:
    """This set's catalog rules on top of the shared ones."""
    rows = sk.check_catalog(str(DOCS), docs, errors)
    for r in rows:
        rid, title, publisher, published, inferred, _lang, url, note = r
        where = f"catalog.csv row {rid}"
        if not ID_RE.match(rid) or len(rid) + 4 > 50:
            errors.append(f"{where}: id does not match {ID_RE.pattern} (or is too long)")
        if rid in docs and docs[rid].splitlines()[0].strip() != title:
            errors.append(f"{where}: title is not the text's first line")
        if not publisher.endswith("(invented)"):
            errors.append(f"{where}: publisher should be marked '(invented)'")
        if not re.match(r"^2026-\d\d-\d\d$", published):
            errors.append(f"{where}: published {published!r} not a 2026 date")
        if inferred not in ("true", "false"):
            errors.append(f"{where}: published_inferred must be true/false")
        if url:
            errors.append(f"{where}: url must be empty (written texts)")
        if not note.startswith(NOTE):
            errors.append(f"{where}: note must start with {NOTE!r}")
    for a, t in docs.items():
        if not MIN_CHARS <= len(t) <= MAX_CHARS:
            errors.append(f"{a}.txt: {len(t)} characters, not within {MIN_CHARS}..{MAX_CHARS}")


def check_file(name: str, order: list[str], check, texts: dict[str, str], errors: list[str]) -> list[dict]:
    rows = []
    for ln, r in sk.read_rows(str(HERE / name), errors):
        where = f"{name}:{ln}"
        if list(r.keys()) != order:
            errors.append(f"{where}: fields {list(r.keys())} not in the order {order}")
        check(r, where, texts, errors)
        rows.append((ln, r))
    seen = {}
    for ln, r in rows:
        k = (r.get("article"), r.get("surface"), r.get("occurrence"), r.get("change_pct"), r.get("change_abs"),
             r.get("change_factor"), r.get("from"), r.get("low"))
        if k in seen:
            errors.append(f"{name}: lines {seen[k]} and {ln} are duplicates")
        seen[k] = ln
    return [r for _, r in rows]


def check_restates(rows: list[dict], errors: list[str]) -> None:
    surfaces: dict[str, set] = {}
    for r in rows:
        surfaces.setdefault(r.get("article"), set()).add(r.get("surface"))
    for r in rows:
        if r.get("restates") is None:
            continue
        where = f"adoption.jsonl ({r.get('article')} {r.get('surface')!r})"
        if r["restates"] == r.get("surface") or r["restates"] not in surfaces.get(r.get("article"), set()):
            errors.append(f"{where}: restates {r['restates']!r} is not another row's surface in the article")
        if r.get("optional") is not True:
            errors.append(f"{where}: a restating fraction must be optional")


NUMWORD = r"(?:ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)"
SHARE_WORDS = re.compile(r"(?i)\b(?:jede[rsm]?\s+\w+|" + NUMWORD + r"\s+von\s+\w+|" + NUMWORD +
                         r"\s+(?:Drittel|Viertel|Fünftel)|die\s+Hälfte|verdoppelt|halbiert|\w+\s+Prozentpunkte?)\b")
NUMBER = re.compile(r"(?<![\w,.'])(?:minus\s+)?\d[\d.,']*")


def uncovered(texts: dict[str, str], adoption: list[dict], changes: list[dict]) -> None:
    """Print the numbers and share words of each text that no row's surface span covers."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in adoption + changes:
        t = texts.get(r["article"])
        if t is None:
            continue
        at = sc.span_start(t, r["surface"], r["occurrence"])
        if at >= 0:
            spans.setdefault(r["article"], []).append((at, at + len(r["surface"])))
    for a in sorted(texts):
        t, cov = texts[a], spans.get(a, [])
        left = []
        for rx in (NUMBER, SHARE_WORDS):
            for m in rx.finditer(t):
                if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in cov):
                    ctx = t[max(0, m.start() - 30):m.start()] + "[[" + m.group() + "]]" + t[m.end():m.end() + 30]
                    left.append((m.start(), ctx.replace("\n", " ")))
        print(f"\n{a}: {len(left)} uncovered")
        for _, ctx in sorted(left):
            print(f"    ...{ctx}...")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    errors: list[str] = []
    texts = sk.read_docs(str(DOCS))
    check_catalog_set(texts, errors)
    adoption = check_file("adoption.jsonl", ADOPTION_ORDER, sc.check_adoption, texts, errors)
    changes = check_file("changes.jsonl", CHANGES_ORDER, sc.check_change, texts, errors)
    check_restates(adoption, errors)
    if not quiet:
        print(f"{'document':40s} {'chars':>5s} {'adopt req/opt':>14s} {'changes req/opt':>16s}")
        tot = [0, 0, 0, 0]
        for a in sorted(texts):
            ad = [r for r in adoption if r.get("article") == a]
            ch = [r for r in changes if r.get("article") == a]
            c = [sum(not r.get("optional") for r in ad), sum(bool(r.get("optional")) for r in ad),
                 sum(not r.get("optional") for r in ch), sum(bool(r.get("optional")) for r in ch)]
            tot = [x + y for x, y in zip(tot, c)]
            print(f"{a:40s} {len(texts[a]):5d} {c[0]:>8d}/{c[1]:<5d} {c[2]:>10d}/{c[3]:<5d}")
        print(f"{'total (' + str(len(texts)) + ' documents)':40s} {'':5s} {tot[0]:>8d}/{tot[1]:<5d} "
              f"{tot[2]:>10d}/{tot[3]:<5d}")
        if "--uncovered" in argv:
            uncovered(texts, adoption, changes)
    return sk.report(errors)


def main_for(checker_file: str, lengths: tuple[int, int]) -> int:
    """The check of another written survey set, run from its checker (``tests/gold/tables_surveysN/check_keys.py``):
    this module's rules on that set's folders, ids ``svN_NN_slug``, its note and its text lengths."""
    global HERE, DOCS, SET, ID_RE, NOTE, MIN_CHARS, MAX_CHARS
    HERE = Path(checker_file).resolve().parent
    SET = HERE.name.removeprefix("tables_")
    DOCS = HERE.parent / SET
    ID_RE = re.compile(r"^sv" + SET.removeprefix("surveys") + r"_\d\d_[a-z0-9_]+$")
    NOTE = f"written for the explore project (blind key, {SET})"
    MIN_CHARS, MAX_CHARS = lengths
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
