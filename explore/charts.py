"""Charts: a tidy DataFrame in, a ``plotly.graph_objects.Figure`` out.

Every chart carries a title, axis labels with units and a source note (article title or
publisher, publication date) on the figure itself, so an exported image still says where its
numbers come from. Every mark has the figure's exact text and sentence in its hover.
Chart functions never extract anything: they take a table (``explore.budgets()``,
``explore.adoption()``, ...) and column names, plotly-express style.
Every word comes from the label tables (``explore/lang/<locale>/labels.toml``, see
``explore.labels``): German is the default, ``locale="en"`` switches to English.

>>> import pandas as pd
>>> df = pd.DataFrame({"article": ["a"], "title": ["Ein Titel"], "publisher": ["Handelsblatt"],
...     "published": ["2025-02-17"], "subject": ["Chatbots"], "low": [3.0], "high": [6.0],
...     "unit": ["month"], "qualifier": [None], "text": ["3-6 Monate"], "sentence": ["..."]})
>>> fig = timeframe_ranges(df)
>>> fig.layout.title.text, fig.layout.separators
('Zeit bis zur Rendite (ROI)', ',.')
>>> source_note(df)
'Quelle: Ein Titel (Handelsblatt, 17.02.2025)'
>>> source_note(df, locale="en")
'Source: Ein Titel (Handelsblatt, 17 Feb 2025)'
"""
from __future__ import annotations

import datetime as dt
import html
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from . import labels as L

LOCALES = L.LOCALES
CURRENCIES = ("USD", "EUR", "CNY")

#: plotly ``layout.separators``: decimal mark, then thousands mark
_SEPARATORS = {"en": ".,", "de": ",."}

#: periods of a stock move, in reading order; others follow alphabetically
PERIOD_ORDER = ("after-hours", "intraday", "1d", "2d", "3d", "5d", "7d", "1w", "14d", "2w", "1m",
                "30d", "3m", "6m", "ytd", "12m", "1y", "52w", "2y", "3y", "5y")
#: plain-unit durations in months, to put mixed timeframes on one axis
_MONTHS_PER = {"day": 12 / 365.25, "week": 12 / 52.18, "month": 1.0, "quarter": 3.0, "year": 12.0}

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
#: fixed colours for the regions of the adoption tables (China red, the West blue)
REGION_COLORS = {"China": "#d62728", "West": "#1f77b4", "Japan": "#9467bd",
                 "Südostasien": "#2ca02c", "Indien": "#ff7f0e"}
UP, DOWN = "#2ca02c", "#d62728"

WIDTH, HEIGHT = 900, 520
_NOTE_SPACE = 96          # pixels below the plot for the x-axis title and the source note


# ---------------------------------------------------------------- formatting

def _check_locale(locale: str) -> str:
    return L.check(locale)


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def fmt_number(x, locale: str = "de", decimals: int | None = None, sign: bool = False) -> str:
    """A number as written in ``locale``: ``fmt_number(1234.5) == '1.234,5'``.

    Without ``decimals``, up to two decimals are kept and trailing zeros dropped.

    >>> fmt_number(-5.08, sign=True), fmt_number(44.92, "en", sign=True), fmt_number(3e9, "en")
    ('−5,08', '+44.92', '3,000,000,000')
    """
    return L.number(x, locale, decimals, sign)


def fmt_amount(x, locale: str = "de", unit: str | None = None) -> str:
    """A large amount with a scale word: ``fmt_amount(3e9, "de", "CNY") == '3 Mrd. CNY'``.

    >>> fmt_amount(431.2e6, "en"), fmt_amount(500e6, "de", "CNY"), fmt_amount(950)
    ('431.2 M', '500 Mio. CNY', '950')
    """
    return L.amount(x, locale, unit)


def fmt_date(value, locale: str = "de") -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for reading; missing dates are 'ohne Datum'.

    >>> fmt_date("2025-02-17", "en"), fmt_date("2025-02-17"), fmt_date("2025-10"), fmt_date(None, "en")
    ('17 Feb 2025', '17.02.2025', 'Okt 2025', 'undated')
    """
    return L.date(value, locale)


def parse_date(value) -> pd.Timestamp | None:
    """The first day of an ISO date, month or year (``'2010'`` is 1 Jan 2010); None if unreadable."""
    if _missing(value):
        return None
    s = str(value).strip()
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return pd.Timestamp(dt.datetime.strptime(s[:n], fmt))
        except ValueError:
            continue
    return None


def _esc(x) -> str:
    return "" if _missing(x) else html.escape(str(x))


def _clip(text, n: int = 90) -> str:
    text = "" if _missing(text) else " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- source note

def _articles(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("article", "title", "publisher", "published") if c in df.columns]
    if "article" not in cols:
        return pd.DataFrame(columns=["article", "title", "publisher", "published"])
    a = df[cols].drop_duplicates("article").copy()
    for c in ("title", "publisher", "published"):
        if c not in a.columns:
            a[c] = None
    return a.sort_values(["published", "article"], na_position="last")


def _cite(row, locale: str, long: bool) -> str:
    title, publisher = row["title"], row["publisher"]
    date = fmt_date(row["published"], locale)
    if long and not _missing(title):
        who = f"{publisher}, " if not _missing(publisher) else ""
        return f"{_clip(title, 80)} ({who}{date})"
    name = publisher if not _missing(publisher) else (_clip(title, 40) if not _missing(title) else row["article"])
    return f"{name}, {date}"


def source_note(df: pd.DataFrame, locale: str = "de") -> str:
    """The sources of a table's rows, one line of text for a chart's footer.

    One article is cited with its title, publisher and date; up to four by publisher (or a
    short title) and date; more are counted with their date range.
    """
    _check_locale(locale)
    arts = _articles(df)
    word = L.t("source", locale)
    if arts.empty:
        return f"{word}: –"
    if len(arts) == 1:
        return f"{word}: {_cite(arts.iloc[0], locale, long=True)}"
    plural = L.t("sources", locale)
    if len(arts) <= 4:
        return f"{plural}: " + "; ".join(_cite(r, locale, long=False) for _, r in arts.iterrows())
    dates = sorted(d for d in arts["published"] if not _missing(d))
    span = f", {fmt_date(dates[0], locale)} – {fmt_date(dates[-1], locale)}" if dates else ""
    names = sorted({str(p) for p in arts["publisher"] if not _missing(p)})
    who = f" ({', '.join(names)}{', …' if len(names) < len(arts) else ''})" if names else ""
    n = L.t("n_articles", locale, n=len(arts))
    return f"{plural}: {n}{span}{who}"


def _hover_source(row, locale: str) -> str:
    parts = [_esc(_clip(row.get("title"), 70)) if not _missing(row.get("title")) else _esc(row.get("article"))]
    who = [x for x in (row.get("publisher"),) if not _missing(x)]
    parts.append(_esc(", ".join(who + [fmt_date(row.get("published"), locale)])))
    return " · ".join(p for p in parts if p)


def _hover_quote(row) -> str:
    """The figure as written and its sentence, for a hover label."""
    text = "" if _missing(row.get("text")) else str(row.get("text"))
    sentence = "" if _missing(row.get("sentence")) else str(row.get("sentence"))
    lines = textwrap.wrap(" ".join(sentence.split()), 70)[:3]
    quote = "<br>".join(_esc(x) for x in lines)
    if len(textwrap.wrap(" ".join(sentence.split()), 70)) > 3:
        quote += " …"
    head = f"“{_esc(text)}”" if text else ""
    return head + (f"<br><i>{quote}</i>" if quote else "")


def _qual(r, locale: str) -> str:
    """The figure's qualifier in words and a space ('mehr als '), or nothing."""
    q = r.get("qualifier") if hasattr(r, "get") else None
    return "" if _missing(q) else _esc(L.qualifier(q, locale)) + " "


def amount_ticks(values, log: bool = False, n: int = 5) -> list[float]:
    """Round tick positions for an amount axis from 0 (or the smallest power of ten) to the largest
    value, so their labels can be written with scale words ('3,5 Mrd.').

    >>> amount_ticks([4.31e8, 1.44e8]), amount_ticks([3e9, 5e8], log=True)
    ([0.0, 100000000.0, 200000000.0, 300000000.0, 400000000.0, 500000000.0], [100000000.0, 1000000000.0, 10000000000.0])
    """
    vals = [float(v) for v in values if not _missing(v) and float(v) > 0]
    if not vals:
        return []
    top = max(vals)
    if log:
        lo = math.floor(math.log10(min(vals)))
        hi = math.ceil(math.log10(top))
        return [10.0 ** e for e in range(lo, hi + 1)]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [float(i * step) for i in range(int(math.ceil(top / step)) + 1)]


def date_ticks(first, last, most: int = 8) -> list[pd.Timestamp]:
    """Tick dates at the first of a month or year spanning ``first``..``last`` (at most ``most``)."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    for step in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600):
        if months / step <= most:
            break
    if step < 12:
        start = pd.Timestamp(first.year, first.month - (first.month - 1) % step, 1)
    else:
        years = step // 12
        start = pd.Timestamp(first.year - first.year % years, 1, 1)
    ticks = []
    t = start
    while t <= last + pd.DateOffset(months=step):
        ticks.append(t)
        t = t + pd.DateOffset(months=step)
    return ticks


def date_tick(value, locale: str = "de") -> str:
    """A tick label: a year alone on 1 January ('2025'), else month and year ('Okt 2025')."""
    v = pd.Timestamp(value)
    return str(v.year) if v.month == 1 else f"{L.month(v.month, locale)} {v.year}"


# ---------------------------------------------------------------- layout

def _finish(fig: go.Figure, df: pd.DataFrame, title: str, locale: str, subtitle: str | None = None,
            height: int | None = None, left: int = 80, foot: int = 0) -> go.Figure:
    """Title, number marks, white template and the source note at the foot of the image.

    ``left`` is the left margin in pixels (room for long category labels); the note starts
    at the image's left edge whatever the margin. ``foot`` adds room under the plot (for
    two-line tick labels).
    """
    note = source_note(df, locale)
    lines = textwrap.wrap(note, 135)
    if len(lines) > 2:
        lines = lines[:2]
        lines[1] = lines[1][:131] + " …"
    fig.update_layout(
        title=dict(text=title, x=0.01, xanchor="left",
                   subtitle=dict(text=subtitle) if subtitle else None),
        separators=_SEPARATORS[locale],
        template="plotly_white",
        width=WIDTH, height=height or HEIGHT,
        margin=dict(l=left, r=30, t=90 if subtitle else 70, b=_NOTE_SPACE + foot + 14 * (len(lines) - 1)),
        hoverlabel=dict(align="left"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0),
        meta={"source_note": note},
    )
    fig.add_annotation(text="<br>".join(_esc(x) for x in lines), showarrow=False,
                       xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       xshift=-(left - 12), yshift=-(_NOTE_SPACE + foot - 34), align="left",
                       font=dict(size=11, color="#555"), name="source_note")
    return fig


def empty_figure(message: str, title: str = "", df: pd.DataFrame | None = None,
                 locale: str = "de") -> go.Figure:
    """A chart with nothing to plot: a friendly message in place of the marks."""
    fig = go.Figure()
    fig.add_annotation(text=_esc(message), showarrow=False, xref="paper", yref="paper",
                       x=0.5, y=0.5, font=dict(size=15, color="#666"), name="empty_state")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, df if df is not None else pd.DataFrame(), title, locale)


def _need(df: pd.DataFrame, cols, what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"{what} needs the column(s) {missing}; the table has {list(df.columns)}")


def _nothing(locale: str) -> str:
    return L.t("nothing", locale)


def _colors(keys, fixed: dict | None = None) -> dict:
    out, i = {}, 0
    for k in keys:
        if fixed and k in fixed:
            out[k] = fixed[k]
        else:
            out[k] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def _label_margin(labels, px_per_char: float = 7.2) -> int:
    """A left margin wide enough for the longest category label (at the default font size)."""
    longest = max((len(str(x)) for x in labels), default=0)
    return int(min(320, max(80, 30 + px_per_char * longest)))


def _article_label(df: pd.DataFrame, n: int = 38) -> pd.Series:
    """A short readable name per row's article: its title, clipped, else its id."""
    title = df["title"] if "title" in df.columns else pd.Series(pd.NA, index=df.index)
    return pd.Series([_clip(t, n) if not _missing(t) else str(a) for a, t in zip(df["article"], title)],
                     index=df.index)


# ---------------------------------------------------------------- budgets

def budget_bars(df: pd.DataFrame, currency: str = "USD", x: str = "entity", color: str | None = "measure",
                log: bool = False, locale: str = "de", title: str | None = None,
                drop_restated: bool = True) -> go.Figure:
    """Amounts (budgets, campaigns, ...) as bars in one currency, converted at each article's date.

    ``df`` is ``explore.budgets()`` or ``explore.money()``: it needs ``amount_usd``,
    ``amount_eur`` or ``amount_cny`` for the chosen ``currency``. Amounts that only restate
    another (the Dollar conversion printed next to a Yuan budget, ``stated_for`` set) are left
    out unless ``drop_restated=False``; the same amount repeated in one article is drawn once.
    The hover shows the amount and currency as written, the rate date and the sentence.
    """
    _check_locale(locale)
    currency = currency.upper()
    if currency not in CURRENCIES:
        raise ValueError(f"currency must be one of {CURRENCIES}, got {currency!r}")
    col = f"amount_{currency.lower()}"
    title = title or L.t("budget_title", locale, currency=currency)
    _need(df, [x, col, "amount", "currency", "article"], "budget_bars")
    data = df
    if drop_restated and "stated_for" in data.columns:
        data = data[data["stated_for"].isna()]
    unconverted = data[data[col].isna()]
    data = data[data[col].notna()]
    keys = ["article", x, "amount", "currency"] + ([color] if color and color in data.columns else [])
    data = data.drop_duplicates(keys)
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    data = data.sort_values(col, ascending=False)
    label = data[x].astype("string").fillna("?")
    dup = label.duplicated(keep=False)
    if dup.any():
        label = label.where(~dup, label + " · " + _article_label(data, 22))
    data = data.assign(_label=label)
    groups = list(dict.fromkeys(data[color].fillna("other"))) if color and color in data.columns else [None]
    palette = _colors([g for g in groups if g is not None])
    legend = (lambda g: L.measure(g, locale)) if color == "measure" else str
    fig = go.Figure()
    for g in groups:
        part = data if g is None else data[data[color].fillna("other") == g]
        hover = []
        for _, r in part.iterrows():
            stated = fmt_amount(r["amount"], locale, r["currency"])
            if not _missing(r.get("high")) and r.get("high") != r["amount"]:
                stated = f"{fmt_amount(r['amount'], locale)}–{fmt_amount(r['high'], locale, r['currency'])}"
            rate = r.get("rate_date")
            conv = ("" if r["currency"] == currency else
                    "<br>" + L.t("converted_at", locale, date=fmt_date(rate, locale)) if not _missing(rate) else "")
            note = f" ({_esc(r.get('conversion_note'))})" if not _missing(r.get("conversion_note")) and conv else ""
            hover.append(f"<b>{_esc(r[x])}</b>{' · ' + _esc(legend(g)) if g else ''}<br>"
                         f"{fmt_amount(r[col], locale, currency)}<br>"
                         f"{L.t('as_stated', locale)}: {_qual(r, locale)}{stated}{conv}{note}<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}")
        fig.add_trace(go.Bar(
            x=part["_label"].tolist(), y=part[col].tolist(), name=legend(g) if g else currency,
            marker_color=palette.get(g, PALETTE[0]) if g else PALETTE[0],
            text=[fmt_amount(v, locale) for v in part[col]], textposition="outside", cliponaxis=False,
            hovertext=hover, hoverinfo="text", showlegend=g is not None,
        ))
    fig.update_layout(barmode="group", bargap=0.35)
    fig.update_xaxes(title_text=L.column(x, locale), categoryorder="array",
                     categoryarray=list(dict.fromkeys(data["_label"])))
    tickvals = amount_ticks(data[col].astype(float), log)
    fig.update_yaxes(title_text=L.t("amount_axis", locale, currency=currency) + (L.t("log_scale", locale) if log else ""),
                     type="log" if log else "linear", tickvals=tickvals,
                     ticktext=[fmt_amount(v, locale) for v in tickvals])
    if "rate_date" in data.columns and data["currency"].ne(currency).any():
        sub = L.t("budget_sub_converted", locale)
    else:
        sub = L.t("budget_sub_plain", locale)
    if len(unconverted):
        names = ", ".join(dict.fromkeys(str(v) for v in unconverted[x].fillna("?")))
        sub += "; " + L.t("budget_not_drawn", locale, names=names)
    return _finish(fig, data, title, locale, subtitle=sub)


# ---------------------------------------------------------------- adoption

def adoption_split(df: pd.DataFrame, region: str = "region", subject: str = "subject",
                   pair: tuple[str, str] = ("China", "West")) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split an adoption table into (China against the West per application, market comparison).

    A subject is a market comparison when it is compared across regions other than ``pair``.
    """
    _need(df, [region, subject], "adoption_split")
    other = ~df[region].isin(pair)
    market_subjects = set(df.loc[other, subject].dropna())
    is_market = df[subject].isin(market_subjects)
    return df[~is_market & ~other], df[is_market]


def adoption_ranges(df: pd.DataFrame, y: str = "subject", color: str | None = "region",
                    locale: str = "de", title: str | None = None, open_to: float = 100.0) -> go.Figure:
    """Adoption rates as a dumbbell chart: one bar from low to high per category and colour.

    An open-ended rate ("90%+", ``high`` missing) is drawn from its low end as a dotted line
    to ``open_to`` with an open marker, so it never looks like a closed range.
    Use ``y="subject", color="region"`` for China against the West per application and
    ``y="region", color=None`` for the market comparison.
    """
    _check_locale(locale)
    title = title or L.t("adoption_title", locale)
    _need(df, [y, "low", "high"], "adoption_ranges")
    data = df[df["low"].notna() | df["high"].notna()]
    if color and color in data.columns:
        data = data.drop_duplicates(["article", y, color, "low", "high"] if "article" in data else [y, color, "low", "high"])
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    cats = list(dict.fromkeys(data[y].astype("string").fillna("?")))
    groups = list(dict.fromkeys(data[color].fillna("?"))) if color and color in data.columns else [None]
    palette = _colors([g for g in groups if g is not None], REGION_COLORS)
    step = 0.55 / max(len(groups), 1)
    unit = data["unit"].dropna().iloc[0] if "unit" in data.columns and data["unit"].notna().any() else "%"
    fig = go.Figure()
    for j, g in enumerate(groups):
        part = data if g is None else data[data[color].fillna("?") == g]
        offset = (j - (len(groups) - 1) / 2) * step
        closed_x, closed_y, open_x, open_y = [], [], [], []
        mx, my, sym, hover, points = [], [], [], [], []
        for _, r in part.iterrows():
            pos = cats.index(str(r[y]) if not _missing(r[y]) else "?") + offset
            lo, hi = r["low"], r["high"]
            is_open = _missing(hi)
            lo = hi if _missing(lo) else lo
            if is_open:
                open_x += [lo, open_to, None]
                open_y += [pos, pos, None]
                shown = f"{fmt_number(lo, locale)} {unit}+ ({L.t('open_ended', locale)})"
                ends = [(lo, "circle"), (open_to, "triangle-right-open")]
            else:
                closed_x += [lo, hi, None]
                closed_y += [pos, pos, None]
                shown = (f"{fmt_number(lo, locale)}–{fmt_number(hi, locale)} {unit}" if hi != lo
                         else f"{fmt_number(lo, locale)} {unit}")
                ends = [(lo, "circle"), (hi, "circle")] if hi != lo else [(lo, "circle")]
            tip = (f"<b>{_esc(r[y])}</b>{' · ' + _esc(g) if g else ''}: {shown}<br>"
                   f"{_hover_quote(r)}<br>{_hover_source(r, locale)}")
            points.append(f"{_clip(r[y], 40)}={shown}")
            for xv, s in ends:
                mx.append(xv)
                my.append(pos)
                sym.append(s)
                hover.append(tip)
        c = palette.get(g, PALETTE[0]) if g else PALETTE[0]
        name = str(g) if g else L.t("adoption_title", locale)
        if closed_x:
            fig.add_trace(go.Scatter(x=closed_x, y=closed_y, mode="lines", line=dict(color=c, width=9),
                                     opacity=0.55, legendgroup=name, showlegend=False, hoverinfo="skip"))
        if open_x:
            fig.add_trace(go.Scatter(x=open_x, y=open_y, mode="lines", line=dict(color=c, width=3, dash="dot"),
                                     legendgroup=name, showlegend=False, hoverinfo="skip",
                                     name=f"{name} ({L.t('open_ended', locale)})"))
        fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", name=name, legendgroup=name, meta={"points": points},
                                 marker=dict(color=c, size=12, symbol=sym, line=dict(width=2, color=c)),
                                 hovertext=hover, hoverinfo="text", showlegend=g is not None))
    fig.update_yaxes(tickvals=list(range(len(cats))), ticktext=cats, range=[len(cats) - 0.5, -0.5],
                     title_text=L.column(y, locale), showgrid=False, zeroline=False)
    fig.update_xaxes(title_text=L.t("adoption_axis", locale, unit=unit), range=[0, open_to * 1.04],
                     ticksuffix=" " + unit, zeroline=False)
    sub = L.t("adoption_sub", locale)
    return _finish(fig, data, title, locale, subtitle=sub, height=max(HEIGHT, 140 + 60 * len(cats)),
                   left=_label_margin(cats))


# ---------------------------------------------------------------- stock moves

def _period_key(p) -> tuple:
    p = "" if _missing(p) else str(p)
    return (PERIOD_ORDER.index(p), "") if p in PERIOD_ORDER else (len(PERIOD_ORDER), p)


def stock_bars(df: pd.DataFrame, x: str = "period", color: str | None = "entity", y: str = "change_pct",
               locale: str = "de", title: str | None = None) -> go.Figure:
    """Stock moves as signed bars grouped by period, each period labelled with its as-of date.

    ``df`` is ``explore.stock_moves()``. The as-of date is ``as_of`` where the article names
    it, else the article's publication date (said so in the hover).
    """
    _check_locale(locale)
    title = title or L.t("stock_title", locale)
    _need(df, [x, y], "stock_bars")
    data = df[df[y].notna()]
    data = data.drop_duplicates([c for c in ("article", "entity", x, y) if c in data.columns])
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    as_of = data["as_of"] if "as_of" in data.columns else pd.Series(pd.NA, index=data.index)
    pub = data["published"] if "published" in data.columns else pd.Series(pd.NA, index=data.index)
    stated = as_of.notna()
    date = as_of.where(stated, pub)
    data = data.assign(_date=date, _stated=stated)
    periods = sorted(dict.fromkeys(data[x].astype("string").fillna("?")), key=_period_key)
    labels = {}
    for p in periods:
        dates = sorted({str(d) for d in data.loc[data[x].astype("string").fillna("?") == p, "_date"]
                        if not _missing(d)})
        when = (L.t("as_of", locale, date=fmt_date(dates[0], locale)) if len(dates) == 1
                else L.t("as_of_several", locale) if dates else L.t("as_of_none", locale))
        labels[p] = f"{_esc(L.period(p, locale))}<br><sub>{when}</sub>"
    groups = list(dict.fromkeys(data[color].fillna("?"))) if color and color in data.columns else [None]
    palette = _colors([g for g in groups if g is not None])
    fig = go.Figure()
    for g in groups:
        part = data if g is None else data[data[color].fillna("?") == g]
        part = part.iloc[sorted(range(len(part)), key=lambda i: _period_key(part[x].iloc[i]))]
        hover = []
        for _, r in part.iterrows():
            when = (L.t("as_of", locale, date=fmt_date(r['_date'], locale)) if r["_stated"]
                    else L.t("published_no_as_of", locale, date=fmt_date(r['_date'], locale)))
            hover.append(f"<b>{_esc(r.get('entity', g) if not _missing(r.get('entity')) else g)}</b> · "
                         f"{_esc(L.period(r[x], locale))}: {_qual(r, locale)}"
                         f"{L.percent(r[y], locale)}<br>{when}<br>{_hover_quote(r)}<br>"
                         f"{_hover_source(r, locale)}")
        vals = part[y].astype(float)
        fig.add_trace(go.Bar(
            x=[labels[str(p) if not _missing(p) else "?"] for p in part[x]], y=vals.tolist(),
            name=str(g) if g else "change",
            marker_color=(palette[g] if g else [UP if v >= 0 else DOWN for v in vals]),
            text=[L.percent(v, locale) for v in vals], textposition="outside",
            cliponaxis=False, hovertext=hover, hoverinfo="text", showlegend=g is not None,
        ))
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_xaxes(title_text=L.column("period", locale), categoryorder="array",
                     categoryarray=[labels[p] for p in periods])
    lo, hi = min(0.0, float(data[y].min())), max(0.0, float(data[y].max()))
    pad = 0.18 * ((hi - lo) or 1.0)
    fig.update_yaxes(title_text=L.t("stock_axis", locale), ticksuffix=L.table(locale)["number"]["percent"], zeroline=True, zerolinewidth=2,
                     zerolinecolor="#444", range=[lo - pad if lo < 0 else 0, hi + pad if hi > 0 else pad])
    return _finish(fig, data, title, locale, subtitle=L.t("stock_sub", locale), foot=18)


# ---------------------------------------------------------------- ROI timeframes

def timeframe_ranges(df: pd.DataFrame, y: str = "subject", locale: str = "de",
                     title: str | None = None) -> go.Figure:
    """Timeframes (e.g. time to return on investment) as horizontal range bars from low to high.

    ``df`` is ``explore.timeframes()``. Mixed units are put on one axis in months.
    """
    _check_locale(locale)
    title = title or L.t("timeframe_title", locale)
    _need(df, [y, "low", "high", "unit"], "timeframe_ranges")
    data = df[df["low"].notna() | df["high"].notna()]
    data = data.drop_duplicates([c for c in ("article", y, "low", "high", "unit") if c in data.columns])
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    units = set(data["unit"].dropna())
    axis_unit = units.pop() if len(units) == 1 else "month"
    factor = [1.0 if u == axis_unit else _MONTHS_PER.get(u, math.nan) / _MONTHS_PER.get(axis_unit, 1.0)
              for u in data["unit"]]
    lo = data["low"].fillna(data["high"]).astype(float) * factor
    hi = data["high"].astype(float) * factor
    open_end = hi.isna()
    hi = hi.fillna(lo * 1.5)
    cats = [str(s) for s in data[y]]
    hover, text = [], []
    for (_, r), is_open in zip(data.iterrows(), open_end):
        u = L.unit(r["unit"], r["high"] if not _missing(r["high"]) else r["low"], locale)
        shown = (f"{fmt_number(r['low'], locale)}+ {u}" if is_open else
                 f"{fmt_number(r['low'], locale)}–{fmt_number(r['high'], locale)} {u}" if r["low"] != r["high"]
                 else f"{fmt_number(r['low'], locale)} {u}")
        text.append(shown)
        hover.append(f"<b>{_esc(r[y])}</b>: {shown}<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}")
    fig = go.Figure(go.Bar(
        y=cats, x=(hi - lo).tolist(), base=lo.tolist(), orientation="h", name="range",
        marker=dict(color=PALETTE[0], opacity=0.75, pattern_shape=["/" if o else "" for o in open_end]),
        text=text, textposition="outside", cliponaxis=False, hovertext=hover, hoverinfo="text",
    ))
    fig.update_yaxes(title_text=L.column(y, locale), autorange="reversed", categoryorder="array",
                     categoryarray=list(dict.fromkeys(cats)))
    fig.update_xaxes(title_text=L.t("timeframe_axis", locale, unit=L.unit(axis_unit, 2, locale)),
                     range=[0, float(hi.max()) * 1.2], rangemode="tozero")
    return _finish(fig, data, title, locale, subtitle=L.t("timeframe_sub", locale),
                   height=max(380, 160 + 55 * len(set(cats))), left=_label_margin(cats))


# ---------------------------------------------------------------- overview

def figure_counts(figs: pd.DataFrame, by: str = "article", color: str = "kind", locale: str = "de",
                  title: str | None = None) -> go.Figure:
    """How many figures of each kind per article (stacked bars); ``figs`` is ``explore.figures()``."""
    _check_locale(locale)
    title = title or L.t("counts_title", locale)
    _need(figs, [by, color], "figure_counts")
    if figs.empty:
        return empty_figure(_nothing(locale), title, figs, locale)
    data = figs.assign(_label=_article_label(figs) if by == "article" and "article" in figs else figs[by].astype("string"))
    order = list(dict.fromkeys(data.sort_values(["published", "article"] if "published" in data else [by],
                                                na_position="last")["_label"]))
    counts = data.groupby(["_label", color], dropna=False).size().rename("n").reset_index()
    kinds = list(counts.groupby(color)["n"].sum().sort_values(ascending=False).index)
    palette = _colors(kinds)
    fig = go.Figure()
    for k in kinds:
        part = counts[counts[color] == k].set_index("_label").reindex(order)
        name = L.kind(k, locale) if color == "kind" else str(k)
        fig.add_trace(go.Bar(y=order, x=part["n"].fillna(0).astype(int).tolist(), name=name, orientation="h",
                             marker_color=palette[k],
                             hovertemplate=f"%{{y}}<br>{_esc(name)}: %{{x}}<extra></extra>"))
    totals = data.groupby("_label").size().reindex(order)
    fig.add_trace(go.Scatter(y=order, x=totals.tolist(), mode="text", text=[f"  {int(t)}" for t in totals],
                             textposition="middle right", showlegend=False, hoverinfo="skip", name="total"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(title_text=L.column("article", locale), categoryorder="array", categoryarray=order[::-1])
    fig.update_xaxes(title_text=L.t("counts_axis", locale), range=[0, float(totals.max()) * 1.12])
    return _finish(fig, data, title, locale, subtitle=L.t("counts_sub", locale, n=fmt_number(len(figs), locale),
                                                          m=len(order)),
                   height=max(380, 170 + 55 * len(order)), left=_label_margin(order))


def figure_timeline(figs: pd.DataFrame, locale: str = "de", title: str | None = None) -> go.Figure:
    """Every dated figure on a time axis, one row per article; date ranges drawn as lines.

    Years and months are placed at their first day; the hover shows the date as written.
    """
    _check_locale(locale)
    title = title or L.t("timeline_title", locale)
    _need(figs, ["article", "date"], "figure_timeline")
    data = figs[figs["date"].notna()]
    when = data["date"].map(parse_date)
    data = data.assign(_when=when)[when.notna()]
    if data.empty:
        return empty_figure(L.t("no_dates", locale), title, figs, locale)
    data = data.assign(_label=_article_label(data, 30))
    order = list(dict.fromkeys(data.sort_values(["published", "article"] if "published" in data else ["article"],
                                                na_position="last")["_label"]))
    palette = _colors(order)
    fig = go.Figure()
    for lab in order:
        part = data[data["_label"] == lab]
        lx, ly = [], []
        if "date_end" in part.columns:
            for _, r in part[part["date_end"].notna()].iterrows():
                end = parse_date(r["date_end"])
                if end is not None:
                    lx += [r["_when"], end, None]
                    ly += [lab, lab, None]
        if lx:
            fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=palette[lab], width=6),
                                     opacity=0.5, showlegend=False, hoverinfo="skip", legendgroup=lab))
        hover = [f"<b>{_esc(r['date'])}</b>"
                 + (f"–{_esc(r['date_end'])}" if "date_end" in r and not _missing(r["date_end"]) else "")
                 + f"<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}" for _, r in part.iterrows()]
        fig.add_trace(go.Scatter(x=part["_when"].tolist(), y=[lab] * len(part), mode="markers", name=lab,
                                 marker=dict(size=11, color=palette[lab], line=dict(width=1, color="white")),
                                 hovertext=hover, hoverinfo="text", legendgroup=lab, showlegend=False))
    if "published" in data.columns:
        pubs = data.drop_duplicates("article")
        pubs = pubs.assign(_p=pubs["published"].map(parse_date))
        pubs = pubs[pubs["_p"].notna()]
        if not pubs.empty:
            fig.add_trace(go.Scatter(x=pubs["_p"].tolist(), y=pubs["_label"].tolist(), mode="markers",
                                     name=L.t("published", locale), marker=dict(symbol="star", size=14, color="#222"),
                                     hovertext=[L.t("published_on", locale, date=fmt_date(p, locale))
                                                for p in pubs["published"]],
                                     hoverinfo="text"))
    fig.update_yaxes(title_text=L.column("article", locale), categoryorder="array", categoryarray=order[::-1])
    when = [w for w in data["_when"] if pd.notna(w)]
    if "published" in data.columns:
        when += [p for p in map(parse_date, data["published"]) if p is not None and pd.notna(p)]
    tickvals = date_ticks(min(when), max(when))
    fig.update_xaxes(title_text=L.t("timeline_axis", locale), type="date", tickvals=tickvals,
                     ticktext=[date_tick(v, locale) for v in tickvals])
    return _finish(fig, data, title, locale, subtitle=L.t("timeline_sub", locale, n=len(data)),
                   height=max(380, 170 + 60 * len(order)), left=_label_margin(order))


# ---------------------------------------------------------------- checks

def check_bars(df: pd.DataFrame, locale: str = "de", title: str | None = None) -> go.Figure:
    """The article's own claims checked (``explore.checks()``): how far each claimed value lies from
    the recomputed one, in percent; green bars hold, red ones are off."""
    _check_locale(locale)
    title = title or L.t("check_title", locale)
    _need(df, ["claim", "claimed", "computed", "ok"], "check_bars")
    data = df[df["claimed"].notna() & df["computed"].notna()]
    data = data[data["computed"].astype(float) != 0]
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    dev = (data["claimed"].astype(float) / data["computed"].astype(float) - 1) * 100
    cats = [_clip(c, 60) for c in data["claim"]]
    hover = [f"<b>{_esc(r['claim'])}</b><br>{L.t('claimed', locale)}: {fmt_number(r['claimed'], locale)} · "
             f"{L.t('computed', locale)}: {fmt_number(r['computed'], locale)}<br>"
             f"{L.t('check_ok' if r['ok'] is True else 'check_off', locale)}: {L.percent(d, locale)}<br>"
             f"{_esc(_clip(r.get('note'), 110))}<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}"
             for (_, r), d in zip(data.iterrows(), dev)]
    fig = go.Figure(go.Bar(y=cats, x=dev.tolist(), orientation="h", name=L.t("check_title", locale),
                           marker_color=[UP if ok is True else DOWN for ok in data["ok"]],
                           text=[L.percent(d, locale) for d in dev], textposition="outside", cliponaxis=False,
                           hovertext=hover, hoverinfo="text"))
    span = max(1.0, float(dev.abs().max()) * 1.3)
    fig.update_yaxes(title_text=L.column("check", locale), autorange="reversed")
    fig.update_xaxes(title_text=L.t("check_axis", locale), range=[-span, span], zeroline=True, zerolinewidth=2,
                     zerolinecolor="#444", ticksuffix=L.table(locale)["number"]["percent"])
    return _finish(fig, data, title, locale, subtitle=L.t("check_sub", locale),
                   height=max(340, 170 + 50 * len(cats)), left=_label_margin(cats))


# ---------------------------------------------------------------- text summary

def _short(v) -> str:
    if isinstance(v, float):
        if math.isnan(v):
            return "–"
        return f"{v:.4g}"
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    return str(v).split("<br>")[0]


def describe(fig: go.Figure, limit: int = 12) -> str:
    """What a chart shows, as plain text: its title and each trace's points (for notebooks and tests).

    >>> print(describe(go.Figure(go.Bar(x=["a", "b"], y=[1.0, 2.5], name="n"), layout_title_text="T")))
    T
      n: a=1, b=2.5
    """
    lines = [fig.layout.title.text or "(untitled)"]
    empty = [a.text for a in fig.layout.annotations if a.name == "empty_state"]
    if empty:
        lines.append(f"  {html.unescape(empty[0])}")
    for t in fig.data:
        if getattr(t, "mode", None) == "text" or (t.showlegend is False and getattr(t, "hoverinfo", None) == "skip"):
            continue
        if isinstance(t.meta, dict) and "points" in t.meta:
            pts = [html.unescape(p) for p in t.meta["points"]]
            more = f", … ({len(pts) - limit} more)" if len(pts) > limit else ""
            lines.append(f"  {t.name or t.type}: {', '.join(pts[:limit])}{more}")
            continue
        xs = list(t.x) if t.x is not None else []
        ys = list(t.y) if t.y is not None else []
        if getattr(t, "orientation", None) == "h" and t.base is not None:
            pts = [f"{_short(c)}={_short(b)}..{_short(b + w)}" for c, b, w in zip(ys, list(t.base), xs)]
        elif getattr(t, "orientation", None) == "h":
            pts = [f"{_short(c)}={_short(w)}" for c, w in zip(ys, xs)]
        else:
            pts = [f"{_short(a)}={_short(b)}" for a, b in zip(xs, ys) if a is not None]
        more = f", … ({len(pts) - limit} more)" if len(pts) > limit else ""
        lines.append(f"  {t.name or t.type}: {', '.join(pts[:limit])}{more}")
    return "\n".join(lines)


# ---------------------------------------------------------------- changes and shares (explore.stated_changes, explore.shares)
def change_bars(df: pd.DataFrame, unit: str = "%", locale: str = "de", title: str | None = None) -> go.Figure:
    """Stated changes as a diverging bar chart: one bar per entity and measure, sorted by size.

    ``df`` is ``explore.changes()``. ``unit="%"`` shows relative changes (``change_pct``, and
    ``change_factor`` as ``(factor - 1) * 100``: "verdoppelt" is +100 %); ``unit="pp"`` shows
    changes in percentage points. Every bar has the sentence and source in its hover.

    >>> import explore
    >>> fig = change_bars(explore.changes("seeds"))
    >>> fig.layout.title.text
    'Veränderungen je Organisation und Größe'
    """
    _check_locale(locale)
    title = title or L.t("changes_title", locale)
    _need(df, ["entity", "measure", "change_pct", "change_factor", "change_abs", "unit"], "change_bars")
    if unit == "pp":
        data = df[df["change_abs"].notna() & (df["unit"] == "pp")].assign(_v=lambda d: d["change_abs"].astype(float))
    else:
        pct = df["change_pct"].astype(float)
        fac = (df["change_factor"].astype(float) - 1) * 100
        data = df.assign(_v=pct.where(pct.notna(), fac))
        data = data[data["_v"].notna()]
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    data = data.sort_values("_v", kind="stable")
    labels = []
    for _, r in data.iterrows():
        who = r["entity"] if not _missing(r["entity"]) else L.t("no_owner", locale)
        what = L.measure(r["measure"], locale)
        when = f" ({_clip(r['period'], 28)})" if "period" in r and not _missing(r["period"]) else ""
        labels.append(f"{who} · {what}{when}")
    seen: dict[str, int] = {}
    ys = []
    for lab in labels:                       # the same label twice: keep both bars apart
        seen[lab] = seen.get(lab, 0) + 1
        ys.append(lab if seen[lab] == 1 else f"{lab} [{seen[lab]}]")
    suffix = L.t("pp_suffix", locale) if unit == "pp" else " %"
    hover, text = [], []
    for (_, r), v in zip(data.iterrows(), data["_v"]):
        extra = (f" ({L.t('factor', locale)} {fmt_number(r['change_factor'], locale)})"
                 if unit != "pp" and _missing(r["change_pct"]) and not _missing(r["change_factor"]) else "")
        text.append(f"{fmt_number(v, locale, sign=True)}{suffix}{extra}")
        hover.append(f"<b>{_esc(r['entity'] if not _missing(r['entity']) else L.t('no_owner', locale))}</b> · "
                     f"{_esc(L.measure(r['measure'], locale))}: {fmt_number(v, locale, sign=True)}{suffix}{extra}"
                     f"<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}")
    vals = data["_v"].tolist()
    fig = go.Figure(go.Bar(x=vals, y=ys, orientation="h", marker_color=[UP if v >= 0 else DOWN for v in vals],
                           text=text, textposition="outside", cliponaxis=False, hovertext=hover, hoverinfo="text",
                           showlegend=False))
    lo, hi = min(0.0, min(vals)), max(0.0, max(vals))
    pad = 0.25 * ((hi - lo) or 1.0)
    fig.update_xaxes(title_text=L.t("change_axis_pp" if unit == "pp" else "change_axis", locale), ticksuffix=suffix,
                     zeroline=True, zerolinewidth=2, zerolinecolor="#444", range=[lo - pad, hi + pad])
    fig.update_yaxes(categoryorder="array", categoryarray=ys, automargin=False)
    height = max(HEIGHT, 140 + 26 * len(ys))
    return _finish(fig, data, title, locale, subtitle=L.t("changes_sub_pp" if unit == "pp" else "changes_sub", locale),
                   height=height, left=_label_margin(ys))


def share_dots(df: pd.DataFrame, locale: str = "de", title: str | None = None) -> go.Figure:
    """Shares of a population as dots (a line from low to high for a range), one row per group and
    what it does; an earlier value ("Vorjahr") is a hollow dot. Fractions that restate a percent
    are left out (the percent is drawn).

    ``df`` is ``explore.adoption()``.
    """
    _check_locale(locale)
    title = title or L.t("shares_title", locale)
    _need(df, ["low", "high"], "share_dots")
    data = df[df["low"].notna()]
    if "restates" in data.columns:
        data = data[data["restates"].isna()]
    if data.empty:
        return empty_figure(_nothing(locale), title, df, locale)
    group = data["group"] if "group" in data.columns else pd.Series(pd.NA, index=data.index)
    subject = data["subject"] if "subject" in data.columns else pd.Series(pd.NA, index=data.index)
    region = data["region"] if "region" in data.columns else pd.Series(pd.NA, index=data.index)
    ys = []
    for g, s, reg in zip(group, subject, region):
        parts = [str(g) if not _missing(g) else "–"]
        if not _missing(reg):
            parts.append(str(reg))
        ys.append(" · ".join(parts) + (f": {_clip(s, 40)}" if not _missing(s) else ""))
    data = data.assign(_y=ys)
    period = data["period"] if "period" in data.columns else pd.Series(pd.NA, index=data.index)
    earlier = period.astype("string").fillna("").str.lower().eq("vorjahr")
    fig = go.Figure()
    for r, y in zip(data.itertuples(index=False), data["_y"]):
        if not _missing(r.high) and r.high != r.low:
            fig.add_trace(go.Scatter(x=[r.low, r.high], y=[y, y], mode="lines", line=dict(color="#1f77b4", width=6),
                                     hoverinfo="skip", showlegend=False))
    for flag, name, symbol in ((False, L.t("current", locale), "circle"), (True, L.t("earlier", locale), "circle-open")):
        part = data[earlier == flag]
        if part.empty:
            continue
        hover = []
        for _, r in part.iterrows():
            val = fmt_number(r["low"], locale) + (f"–{fmt_number(r['high'], locale)}" if not _missing(r["high"])
                                                  and r["high"] != r["low"] else "") + " %"
            per = f" ({_esc(r['period'])})" if "period" in r and not _missing(r["period"]) else ""
            hover.append(f"<b>{_esc(r['_y'])}</b>: {val}{per}<br>{_hover_quote(r)}<br>{_hover_source(r, locale)}")
        fig.add_trace(go.Scatter(x=part["low"].astype(float), y=part["_y"], mode="markers+text", name=name,
                                 marker=dict(size=12, symbol=symbol, color="#1f77b4", line=dict(width=2)),
                                 text=[f"{fmt_number(v, locale)} %" for v in part["low"]], textposition="middle right",
                                 hovertext=hover, hoverinfo="text"))
    order = list(dict.fromkeys(data.sort_values("low", kind="stable")["_y"]))
    fig.update_xaxes(title_text=L.t("share_axis", locale), range=[0, 105], ticksuffix=" %")
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    height = max(HEIGHT, 140 + 24 * len(order))
    return _finish(fig, data, title, locale, subtitle=L.t("shares_sub", locale), height=height, left=_label_margin(order))
