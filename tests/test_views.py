"""Topic tables: correct on the seeds (answer key views.json), general on new text, traceable."""
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

import explore
from explore import views
from explore.cli import main
from explore.corpus import Article, Corpus

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
KEY = json.loads((HERE / "gold" / "views.json").read_text(encoding="utf-8"))
TOL = 0.005


def close(a, b):
    if a is None or b is None or a != a or b != b:
        return (a is None or a != a) and (b is None or b != b)
    return abs(a - b) <= TOL * max(abs(a), abs(b))


def contains(produced, expected):
    return produced is not None and produced == produced and expected.lower() in str(produced).lower()


@pytest.fixture(scope="module")
def figs():
    return explore.figures(explore.load_corpus(SEEDS))


SPECS = {
    # table: (function, text fields, number fields)
    "budgets": (views.budgets, ("entity",), (("amount", "amount"), ("currency", "currency"))),
    "adoption": (views.adoption, ("subject", "region"), (("low", "low"), ("high", "high"))),
    "stock_moves": (views.stock_moves, ("entity", "period"), (("change_pct", "change_pct"),)),
    "timeframes": (views.timeframes, ("subject",), (("low", "low"), ("high", "high"), ("unit", "unit"))),
}


def _matches(row, gold, texts, numbers, keys_only=False):
    if row["article"] != gold["article"]:
        return False
    if not all(contains(row[t], gold[t]) for t in texts if gold.get(t) is not None):
        return False
    if keys_only:
        return True
    for col, key in numbers:
        if key not in gold:
            continue
        g, p = gold[key], row[col]
        if isinstance(g, str) or isinstance(p, str):
            if g != p:
                return False
        elif not close(None if pd.isna(p) else float(p), g):
            return False
    return True


@pytest.mark.parametrize("table", list(SPECS))
def test_every_key_row_is_present(table, figs):
    fn, texts, numbers = SPECS[table]
    rows = fn(figs).to_dict("records")
    missing = [g for g in KEY[table] if not g.get("optional")
               and not any(_matches(r, g, texts, numbers) for r in rows)]
    assert not missing, f"{table}: missing {missing}"


@pytest.mark.parametrize("table", list(SPECS))
def test_no_row_contradicts_the_key(table, figs):
    fn, texts, numbers = SPECS[table]
    for r in fn(figs).to_dict("records"):
        same_key = [g for g in KEY[table] if _matches(r, g, texts, numbers, keys_only=True)]
        if same_key:
            assert any(_matches(r, g, texts, numbers) for g in same_key), f"{table}: {r['text']!r} contradicts {same_key}"


def test_stated_conversion_is_linked_and_checked_against_the_ecb(figs):
    m = views.money(figs)
    yuan = m[(m.text == "3 Milliarden Yuan") & m.stated_amount.notna()].iloc[0]
    usd = m[m.text == "431 Mio. US-Dollar"].iloc[0]
    assert usd.stated_for == yuan.start                      # linked to the original
    assert yuan.stated_currency == "USD" and yuan.stated_amount == 431e6
    assert abs(yuan.deviation_pct) < 2
    b = views.budgets(figs)
    assert "431 Mio. US-Dollar" not in set(b.text)           # a restatement is not a second budget


def test_stated_conversion_into_a_currency_the_ecb_does_not_quote():
    # once a ValueError from the converter that cost the whole money table
    text = "Der Fonds verwaltet Bitcoin im Wert von rund 71 Mrd. Dollar, das entspricht etwa 800.000 BTC."
    m = views.money(Corpus([Article("krypto", text, published=dt.date(2025, 11, 28))]))
    usd = m[m.text == "71 Mrd. Dollar"].iloc[0]
    btc = m[m.text == "800.000 BTC"].iloc[0]
    assert btc.stated_for == usd.start and usd.stated_currency == "BTC" and usd.stated_amount == 800_000
    assert pd.isna(usd.deviation_pct)                        # no ECB rate: nothing to check it against


def test_conversion_is_traceable_to_its_ecb_rate_and_date(figs):
    from currency_converter import CurrencyConverter
    ecb = CurrencyConverter()
    m = views.money(figs)
    row = m[m.entity == "Tencent"].iloc[0]
    assert row.rate_date == "2026-02-05"                     # the article's (inferred) publication date
    day = dt.date.fromisoformat(row.rate_date)
    assert row.eur_rate == pytest.approx(ecb.convert(1, "EUR", "CNY", date=day))
    assert row.amount_usd == pytest.approx(ecb.convert(row.amount, "CNY", "USD", date=day))
    assert row.amount_eur == pytest.approx(row.amount / row.eur_rate)
    assert row.amount_cny == pytest.approx(row.amount)


def test_weekend_date_uses_the_previous_business_day():
    df = views.money(Corpus([Article("a", "Der Fonds sammelte 10 Mio. Franken ein.",
                                     published=dt.date(2025, 3, 16))]))   # a Sunday
    assert df.iloc[0].rate_date == "2025-03-14"


def test_unknown_date_gives_no_conversion_and_says_why(figs):
    m = views.money(figs)
    luma = m[m.entity == "Luma AI"].iloc[0]
    assert pd.isna(luma.amount_usd) and "no publication date" in luma.conversion_note


def test_legacy_currency_goes_to_eur_at_its_irrevocable_rate():
    from currency_converter import CurrencyConverter
    text = "Zu den besten Zeiten erlöste Rowenta mehr als 320 Millionen D-Mark."
    day = dt.date(2025, 6, 6)
    m = explore.money(Corpus([Article("a", text, published=day)]))
    row = m[m.text == "320 Millionen D-Mark"].iloc[0]
    assert row.currency == "DEM" and row.amount == 320e6
    assert row.amount_eur == pytest.approx(320e6 / 1.95583)      # Council Regulation (EC) No 2866/98
    assert row.eur_rate == 1.95583 and row.rate_date == "1999-01-01"
    assert "irrevocable euro conversion rate" in row.conversion_note
    usd = CurrencyConverter().convert(1, "EUR", "USD", date=day)  # then from EUR at the article's date
    assert row.amount_usd == pytest.approx(row.amount_eur * usd)


def test_printed_euro_conversion_of_a_legacy_amount_is_checked_and_unknown_currencies_still_say_so():
    text = ("Die Wienstrom wird 2 Milliarden Schilling (rund 145 Millionen Euro) investieren. "
            "Der Partner in Hanoi steuert 500 Mio. VND bei.")
    m = views.money(Corpus([Article("a", text, published=dt.date(2011, 1, 17))]))
    ats = m[m.text == "2 Milliarden Schilling"].iloc[0]
    assert ats.currency == "ATS" and ats.amount_eur == pytest.approx(2e9 / 13.7603)
    assert ats.stated_currency == "EUR" and abs(ats.deviation_pct) < 1     # 145.35 million at 13.7603
    vnd = m[m.text == "500 Mio. VND"].iloc[0]
    assert pd.isna(vnd.amount_eur) and vnd.conversion_note == "no ECB reference rate for currency 'VND'"


def test_verdreifacht_claim_is_checked(figs):
    c = views.checks(figs)
    row = c[c.check == "multiple"].iloc[0]
    assert row.text == "verdreifacht" and row.claimed == 3 and row.computed == pytest.approx(3) and row.ok


def test_percent_change_against_start_and_end_values():
    text = "Der Umsatz stieg von 2,5 auf 3,1 Mrd. Euro, ein Plus von 24 Prozent."
    c = views.checks(Corpus([Article("a", text, published=dt.date(2025, 5, 2))]))
    row = c[c.check == "percent_change"].iloc[0]
    assert row.claimed == 24 and row.computed == pytest.approx(24) and row.ok
    wrong = views.checks(Corpus([Article("b", text.replace("24", "30"), published=dt.date(2025, 5, 2))]))
    assert not wrong[wrong.check == "percent_change"].iloc[0].ok


@pytest.mark.parametrize("text, entity, period, change", [
    ("Die Rheinmetall-Aktie legte am Montag um 3,2 Prozent zu.", "Rheinmetall", "1d", 3.2),
    ("Seit Jahresbeginn haben die Papiere von Zalando 12 Prozent verloren.", "Zalando", "ytd", -12),
    ("Der Dax schloss 0,4 Prozent tiefer bei 18.512 Punkten.", "DAX", "1d", -0.4),
    ("Auf Wochensicht steht für die Brenntag SE ein Plus von 2,5 Prozent zu Buche.", "Brenntag", "wtd", 2.5),
])
def test_stock_moves_of_companies_outside_the_gazetteer(text, entity, period, change):
    df = views.stock_moves(Corpus([Article("a", text, published=dt.date(2025, 6, 2))]))
    assert len(df) == 1, df
    row = df.iloc[0]
    assert (row.entity, row.period, row.change_pct) == (entity, period, change)
    assert row.as_of == "2025-06-02"


def test_business_growth_is_not_a_stock_move():
    df = views.stock_moves(Corpus([Article("a", "Der Umsatz von Zalando stieg um 12 Prozent.")]))
    assert df.empty


def test_gazetteer_can_be_extended(tmp_path):
    extra = tmp_path / "more.csv"
    extra.write_text("name,aliases,type,country\nZeiss,Carl Zeiss,company,Deutschland\n", encoding="utf-8")
    corpus = Corpus([Article("a", "Carl Zeiss investiert 100 Mio. Euro in ein neues Werk.",
                             published=dt.date(2025, 6, 2))])
    assert views.budgets(corpus, gazetteer=[extra]).iloc[0].entity == "Zeiss"


def test_tables_from_a_parquet_dataset_equal_tables_from_the_texts(figs, tmp_path):
    from explore.engines import write_figures
    path = write_figures(figs, tmp_path / "figs")
    for name in ("money", "budgets", "adoption", "stock_moves", "timeframes", "checks"):
        fn = getattr(views, name)
        pd.testing.assert_frame_equal(fn(str(path)), fn(figs))


def _owner_in_the_sentence_before():
    return Corpus([Article("a", "Siemens legt Zahlen vor\n\nDer Münchner Konzern Siemens hat am Donnerstag seine "
                                "Bilanz vorgelegt. Der Umsatz stieg im dritten Quartal auf 19,8 Milliarden Euro.",
                           published=dt.date(2025, 11, 13))])


def test_tables_at_once_equal_each_table_alone():
    corpus = _owner_in_the_sentence_before()
    every = views.tables(corpus)
    assert list(every) == list(views.TABLES)
    for name, df in every.items():
        pd.testing.assert_frame_equal(df, getattr(views, name)(corpus))
    assert every["money"].entity.tolist() == ["Siemens"]
    with pytest.raises(ValueError, match="unknown table 'profits'"):
        views.tables(corpus, ("money", "profits"))


def test_app_export_and_data_package_read_the_owner_from_the_text():
    """Built from the figures alone, a figure's owner is looked for in its own sentence only; the app,
    the chart export and the data package pass the texts on, as explore.money(folder) does."""
    from explore import datapackage, export
    from explore.app import topics
    corpus = _owner_in_the_sentence_before()
    figs = explore.figures(corpus)
    assert views.money(figs).entity.isna().all()                    # the figures alone: no owner
    app_tables = topics.tables(figs, {a.id: a.text for a in corpus})
    for built in (app_tables, datapackage.tables(corpus), export.topic_tables(corpus)):
        assert built["money"].entity.tolist() == ["Siemens"]
        pd.testing.assert_frame_equal(built["money"], views.money(corpus))


def test_every_table_validates_against_its_schema(figs):
    from explore.schemas import schema
    for name in ("money", "budgets", "adoption", "stock_moves", "timeframes", "checks"):
        df = getattr(views, name)(figs)
        schema(name).validate(df)
        assert {"article", "published", "text", "start", "end", "sentence"} <= set(df.columns)


def test_cli_tables(capsys):
    assert main(["table", "checks", str(SEEDS), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(r["text"] == "verdreifacht" and r["ok"] for r in lines)
    for name in ("money", "budgets", "adoption", "stock-moves", "timeframes"):
        assert main(["table", name, str(SEEDS)]) == 0
        assert capsys.readouterr().out.startswith("article,")


def test_export_data_writes_csv_parquet_and_a_datapackage(tmp_path):
    assert main(["export-data", str(SEEDS), "--out", str(tmp_path)]) == 0
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in pkg["resources"]}
    assert {"figures", "money", "budgets", "adoption", "stock-moves", "timeframes", "checks"} <= names
    money = next(r for r in pkg["resources"] if r["name"] == "money")
    fields = {f["name"]: f for f in money["schema"]["fields"]}
    assert fields["amount_usd"]["unit"] == "USD" and fields["amount"]["type"] == "number"
    for r in pkg["resources"]:
        assert (tmp_path / r["path"]).exists()
        df = pd.read_parquet(tmp_path / r["path"]) if r["format"] == "parquet" else pd.read_csv(tmp_path / r["path"])
        assert len(df) == r["rows"]
        assert list(df.columns) == [f["name"] for f in r["schema"]["fields"]]
    assert any(s.get("publisher") == "Handelsblatt" for s in pkg["sources"])
