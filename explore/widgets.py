"""Widgets: ipywidgets controls wired to the chart functions and tables.

Each explorer is an ``ipywidgets.VBox`` holding its controls, a plotly ``FigureWidget`` that is
updated in place (never re-rendered into an ``Output``, which hangs Voila intermittently) and an
export bar that saves the chart as shown. Its text form (``repr``) says what the chart shows, so
a notebook's stored output is a readable, comparable answer. Empty selections draw a friendly
empty state, never a traceback.

>>> import pandas as pd
>>> from explore import widgets
>>> df = pd.DataFrame({"article": ["a", "a"], "title": ["T", "T"], "publisher": ["P", "P"],
...     "published": ["2026-02-05"] * 2, "entity": ["Alibaba", "Alibaba"], "period": ["7d", "12m"],
...     "change_pct": [-5.08, 44.92], "as_of": [None, None], "text": ["5,08%", "44,92%"],
...     "sentence": ["...", "..."]})
>>> w = widgets.stock_explorer(df)
>>> w.controls["period"].value = ("12m",)
>>> print(repr(w))
StockExplorer
Kursbewegungen nach Zeitraum
  Alibaba: 12 Monate=44.92
"""
from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as W
import pandas as pd
import plotly.graph_objects as go
import traitlets

from . import charts
from . import labels as L

__all__ = ["ChartPanel", "CorpusPicker", "ExportBar", "FigureBrowser", "MultiToggle", "TableView", "table_view", "adoption_explorer", "budget_explorer",
           "corpus_picker", "load_figures",
           "figure_browser", "overview", "stock_explorer", "timeframe_explorer", "change_explorer", "share_explorer", "update_figure",
           "with_entities", "highlight"]

_LAYOUT_WIDE = W.Layout(width="auto")


def update_figure(target: go.FigureWidget, fig: go.Figure) -> None:
    """Replace the traces and layout of a ``FigureWidget`` in place with those of ``fig``."""
    with target.batch_update():
        target.data = []
        if fig.data:
            target.add_traces(list(fig.data))
        target.layout = fig.layout


# ---------------------------------------------------------------- export from a widget

class ExportBar(W.HBox):
    """File name, format and an Export button that saves a figure (as shown) into ``folder``."""

    def __init__(self, figure: go.Figure, name: str = "chart", folder: str | Path = "charts", locale: str = "de"):
        self.figure = figure
        self.folder = Path(folder)
        self.filename = W.Text(value=name, description=L.t("export_as", locale), layout=W.Layout(width="260px"))
        self.format = W.Dropdown(options=["png", "svg", "html"], value="png", layout=W.Layout(width="80px"))
        self.button = W.Button(description=L.t("export", locale), icon="download", tooltip="save the chart as shown")
        self.status = W.HTML()
        self.button.on_click(self.export)
        super().__init__([self.filename, self.format, self.button, self.status])

    def export(self, *_) -> Path | None:
        """Save the chart; say where, or why not (no browser: how to fix it; HTML still works)."""
        from .export import BrowserNotFound, write_chart
        name = (self.filename.value.strip() or "chart").replace(os.sep, "_")
        path = self.folder / f"{name}.{self.format.value}"
        self.status.value = "<i>exporting…</i>"
        try:
            write_chart(self.figure, path)
        except BrowserNotFound as e:
            first = str(e).splitlines()[0]
            self.status.value = (f"<span style='color:#b00'>{html.escape(first)} Install Chromium "
                                 f"(Debian: <code>apt-get install chromium</code>) or pick html.</span>")
            return None
        except Exception as e:        # shown to the analyst, not raised into the notebook
            self.status.value = f"<span style='color:#b00'>Export failed: {html.escape(str(e))}</span>"
            return None
        self.status.value = f"saved <code>{html.escape(str(path))}</code>"
        return path


# ---------------------------------------------------------------- a chart with controls

class ChartPanel(W.VBox):
    """Controls wired to a chart function; every change redraws the ``FigureWidget`` in place.

    ``draw`` gets the controls' current values as keyword arguments and returns a Figure.
    """

    def __init__(self, controls: dict[str, W.ValueWidget], draw: Callable[..., go.Figure], name: str,
                 folder: str | Path = "charts"):
        self.controls = controls
        self._draw = draw
        # The first chart goes into the constructor: updates sent before the page shows the widget
        # would be lost (Voila renders while the notebook runs); later ones update it in place.
        self.figure = go.FigureWidget(self._chart())
        self.export_bar = ExportBar(self.figure, name=name, folder=folder)
        for c in controls.values():
            c.observe(self.refresh, names="value")
        rows = [W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap", align_items="flex-start"))]
        super().__init__(rows + [self.figure, self.export_bar])

    def values(self) -> dict:
        return {k: c.value for k, c in self.controls.items()}

    def follow(self, picker, table, data: dict, choices: dict) -> None:
        """Redraw from ``picker``'s corpus whenever it loads one: ``data["df"] = table(figures)``, and
        the multiple-choice ``controls`` named in ``choices`` (name -> (column, sort key, labels)) get
        the new table's options, all chosen."""
        self._follow = (table, data, choices)
        picker.link(self)

    def set_figures(self, figs: pd.DataFrame) -> None:
        table, data, choices = self._follow
        data["df"] = table(figs)
        for name, (col, key, labels) in choices.items():
            ctl = self.controls[name]
            ctl.unobserve(self.refresh, names="value")
            opts = _options(data["df"], col, key)
            ctl.options = [(labels(o), o) for o in opts] if labels else opts
            ctl.value = tuple(opts)
            ctl.observe(self.refresh, names="value")
        self.refresh()

    def _chart(self) -> go.Figure:
        try:
            return self._draw(**self.values())
        except Exception as e:      # a control combination the chart cannot draw: say so on the chart
            return charts.empty_figure(f"Cannot draw this selection: {e}", "")

    def refresh(self, *_) -> None:
        update_figure(self.figure, self._chart())

    def describe(self) -> str:
        return charts.describe(self.figure)

    def __repr__(self) -> str:
        return f"{type(self).__name__}\n{self.describe()}"


class MultiToggle(W.HBox):
    """A multiple choice shown as toggle buttons: every option visible (no scroll list), each
    switched on and off with a plain click (no Ctrl-click). ``value`` is the tuple of chosen
    options and ``options`` the choices (values, or ``(label, value)`` pairs), as in ``SelectMultiple``.

    >>> m = MultiToggle(["7d", "12m"], description="Zeitraum")
    >>> m.value
    ('7d', '12m')
    >>> m.buttons[0].value = False          # a click on "7d"
    >>> m.value
    ('12m',)
    """
    value = traitlets.Tuple()
    options = traitlets.Tuple()

    def __init__(self, options=(), value=None, description: str = "", **kwargs):
        self._label = W.Label(description, layout=W.Layout(min_width="90px"))
        self.buttons: list[W.ToggleButton] = []
        self._syncing = False
        super().__init__(layout=W.Layout(flex_flow="row wrap", align_items="center", max_width="960px"), **kwargs)
        self.description = description
        self.options = tuple(options)
        self.value = tuple(self._values) if value is None else tuple(value)

    @property
    def _pairs(self) -> list[tuple[str, str]]:
        return [(str(o[0]), o[1]) if isinstance(o, tuple) else (str(o), o) for o in self.options]

    @property
    def _values(self) -> list:
        return [v for _, v in self._pairs]

    @traitlets.observe("options")
    def _rebuild(self, change) -> None:
        self.buttons = [W.ToggleButton(description=label, value=v in self.value, tooltip=str(v),
                                       layout=W.Layout(width="auto", margin="1px"))
                        for label, v in self._pairs]
        for b in self.buttons:
            b.observe(self._clicked, names="value")
        self.children = [self._label, *self.buttons]
        self.value = tuple(v for v in self.value if v in self._values)

    @traitlets.validate("value")
    def _valid(self, proposal):
        return tuple(v for v in self._values if v in proposal["value"])

    @traitlets.observe("value")
    def _show(self, change) -> None:
        self._syncing = True
        try:
            for b, v in zip(self.buttons, self._values):
                b.value = v in self.value
                b.button_style = "info" if b.value else ""
        finally:
            self._syncing = False

    def _clicked(self, change) -> None:
        if not self._syncing:
            self.value = tuple(v for b, v in zip(self.buttons, self._values) if b.value)


def _multi(options, description: str, rows: int | None = None, labels=None) -> MultiToggle:
    opts = [str(o) for o in options]
    return MultiToggle([(labels(o), o) for o in opts] if labels else opts, description=description)


def _options(df: pd.DataFrame, col: str, key=None) -> list:
    if col not in df.columns:
        return []
    vals = [v for v in df[col].dropna().astype(str).unique()]
    return sorted(vals, key=key) if key else sorted(vals)


def _locale_toggle(locale: str) -> W.ToggleButtons:
    return W.ToggleButtons(options=[("Deutsch 1.234,5", "de"), ("English 1,234.5", "en")], value=L.check(locale),
                           description=L.t("numbers", locale), style={"button_width": "150px"})


def _contains(series: pd.Series, text: str) -> pd.Series:
    return series.astype("string").fillna("").str.contains(text.strip(), case=False, regex=False)


# ---------------------------------------------------------------- the topic explorers

class BudgetExplorer(ChartPanel):
    pass


def _source(source, table):
    """(picker or None, {"df": the table}) for an explorer given a table or a ``CorpusPicker``."""
    if isinstance(source, CorpusPicker):
        return source, {"df": table(source.table_source())}
    return None, {"df": source}


def budget_explorer(budgets, currency: str = "USD", log: bool = False, locale: str = "de",
                    folder: str | Path = "charts", table=None) -> BudgetExplorer:
    """Budgets as bars in a chosen currency; filter by measure and entity; log scale; export.

    ``budgets`` is ``explore.budgets()`` (or ``explore.money()`` for every amount), or a
    ``CorpusPicker`` whose corpus it follows (``table``: the function that makes the table of its
    figures, ``explore.budgets`` by default).
    """
    from . import views
    table = table or views.budgets
    picker, data = _source(budgets, table)
    budgets = data["df"]
    controls = {
        "currency": W.ToggleButtons(options=list(charts.CURRENCIES), value=currency.upper(),
                                    description=L.t("currency", locale), style={"button_width": "60px"}),
        "log": W.Checkbox(value=log, description=L.t("log_scale", locale).strip(" ()"), indent=False,
                          layout=W.Layout(width="130px")),
        "measure": _multi(_options(budgets, "measure"), L.column("measure", locale),
                          labels=lambda m: L.measure(m, locale)),
        "search": W.Text(placeholder="…", description=L.t("search", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(currency, log, measure, search, locale):
        df = data["df"]
        if "measure" in df.columns:
            df = df[df["measure"].astype("string").isin(measure)]
        if search.strip():
            df = df[_contains(df["entity"], search) | _contains(df["text"], search)]
        return charts.budget_bars(df, currency=currency, log=log, locale=locale)

    panel = BudgetExplorer(controls, draw, name="budgets", folder=folder)
    if picker:
        panel.follow(picker, table, data, {"measure": ("measure", None, lambda m: L.measure(m, locale))})
    return panel


class AdoptionExplorer(ChartPanel):
    pass


def adoption_explorer(adoption, view: str = "application", locale: str = "de",
                      folder: str | Path = "charts") -> AdoptionExplorer:
    """Adoption rates as ranges: China against the West per application, or the market comparison.
    ``adoption`` is ``explore.adoption()`` or a ``CorpusPicker`` whose corpus it follows."""
    from . import views
    picker, data = _source(adoption, views.adoption)
    adoption = data["df"]
    controls = {
        "view": W.ToggleButtons(options=[(L.t("per_application", locale), "application"),
                                         (L.t("by_market", locale), "market")], value=view,
                                description=L.t("compare", locale), style={"button_width": "230px"}),
        "region": _multi(_options(adoption, "region"), L.column("region", locale)),
        "search": W.Text(placeholder="…", description=L.t("search", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(view, region, search, locale):
        by_app, by_market = charts.adoption_split(data["df"])
        df = by_app if view == "application" else by_market
        df = df[df["region"].astype("string").isin(region)]
        if search.strip():
            df = df[_contains(df["subject"], search)]
        if view == "application":
            return charts.adoption_ranges(df, y="subject", color="region", locale=locale,
                                          title=L.t("adoption_app_title", locale))
        return charts.adoption_ranges(df, y="region", color=None, locale=locale,
                                      title=L.t("adoption_market_title", locale))

    panel = AdoptionExplorer(controls, draw, name="adoption", folder=folder)
    if picker:
        panel.follow(picker, views.adoption, data, {"region": ("region", None, None)})
    return panel


class StockExplorer(ChartPanel):
    pass


def stock_explorer(moves, locale: str = "de", folder: str | Path = "charts") -> StockExplorer:
    """Stock moves as signed bars grouped by period; pick entities and periods, colour by entity or sign.
    ``moves`` is ``explore.stock_moves()`` or a ``CorpusPicker`` whose corpus it follows."""
    from . import views
    picker, data = _source(moves, views.stock_moves)
    moves = data["df"]
    controls = {
        "entity": _multi(_options(moves, "entity"), L.column("entity", locale)),
        "period": _multi(_options(moves, "period", key=charts._period_key), L.column("period", locale),
                         labels=lambda p: L.period(p, locale)),
        "color": W.ToggleButtons(options=[(L.t("by_entity", locale), "entity"), (L.t("by_sign", locale), None)],
                                 value="entity", description=L.t("colour", locale), style={"button_width": "140px"}),
        "locale": _locale_toggle(locale),
    }

    def draw(entity, period, color, locale):
        m = data["df"]
        df = m[m["entity"].astype("string").isin(entity) & m["period"].astype("string").isin(period)]
        return charts.stock_bars(df, color=color, locale=locale)

    panel = StockExplorer(controls, draw, name="stock_moves", folder=folder)
    if picker:
        panel.follow(picker, views.stock_moves, data, {
            "entity": ("entity", None, None),
            "period": ("period", charts._period_key, lambda p: L.period(p, locale))})
    return panel


class TimeframeExplorer(ChartPanel):
    pass


def timeframe_explorer(timeframes, locale: str = "de",
                       folder: str | Path = "charts") -> TimeframeExplorer:
    """Timeframes (time to ROI) as ranges; pick the subjects. ``timeframes`` is
    ``explore.timeframes()`` or a ``CorpusPicker`` whose corpus it follows."""
    from . import views
    picker, data = _source(timeframes, views.timeframes)
    timeframes = data["df"]
    controls = {
        "subject": _multi(_options(timeframes, "subject"), L.column("subject", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(subject, locale):
        t = data["df"]
        df = t[t["subject"].astype("string").isin(subject)]
        return charts.timeframe_ranges(df, locale=locale)

    panel = TimeframeExplorer(controls, draw, name="roi_timeframes", folder=folder)
    if picker:
        panel.follow(picker, views.timeframes, data, {"subject": ("subject", None, None)})
    return panel


class TableView(W.HTML):
    """A topic table for reading (the useful columns, German numbers and words), following a
    ``CorpusPicker``: Load shows the new corpus's table. Its text form is the same table as text."""

    def __init__(self, name: str, table: pd.DataFrame, make=None, locale: str = "de", rows: int = 50):
        from .app.topics import topic
        self.topic, self.make, self.locale, self.max_rows = topic(name), make, L.check(locale), rows
        super().__init__()
        self.set_table(table)

    def set_table(self, table: pd.DataFrame) -> None:
        from .app.topics import readable
        self.df = table
        shown = readable(table.head(self.max_rows), self.topic.columns, self.locale, width=100)
        more = f"<div style='color:#666'>{L.t('rows', self.locale, n=len(table))}</div>"
        self.value = (f"<div style='max-height:420px;overflow:auto;font-size:12px'>"
                      f"{shown.to_html(index=False, escape=True, border=0)}</div>{more}")
        self._text = shown

    def set_figures(self, figs: pd.DataFrame) -> None:
        self.set_table(self.make(figs) if self.make else self.topic.table(figs))

    def __repr__(self) -> str:
        with pd.option_context("display.width", 200, "display.max_colwidth", 60, "display.max_columns", 20):
            return f"{self.topic.label(self.locale)}: {len(self.df)} rows\n{self._text.to_string(index=False)}"


def table_view(source, name: str, locale: str = "de", rows: int = 50) -> TableView:
    """The topic table ``name`` ('stock_moves', 'budgets', ...) of ``source`` (a table, or a
    ``CorpusPicker`` whose corpus it follows) for reading."""
    from .app.topics import topic
    t = topic(name)
    if isinstance(source, CorpusPicker):
        view = TableView(t.key, t.table(source.figures), locale=locale, rows=rows)
        source.link(view)
        return view
    return TableView(t.key, source, locale=locale, rows=rows)


class Overview(ChartPanel):
    def set_figures(self, figs: pd.DataFrame) -> None:
        """Show another corpus's figures (a ``CorpusPicker`` calls this on Load)."""
        self.data["figs"] = figs
        kinds = _options(figs, "kind")
        control = self.controls["kind"]
        locale = self.controls["locale"].value
        control.unobserve(self.refresh, names="value")
        control.options = [(L.kind(k, locale), k) for k in kinds]
        control.value = tuple(kinds)
        control.observe(self.refresh, names="value")
        self.refresh()


def overview(figs, locale: str = "de", folder: str | Path = "charts") -> Overview:
    """How many figures of each kind per article, or the timeline of dated figures.
    ``figs`` is the figures table, or a ``CorpusPicker`` whose corpus the panel follows."""
    picker = figs if isinstance(figs, CorpusPicker) else None
    data = {"figs": picker.figures if picker else figs}
    controls = {
        "chart": W.ToggleButtons(options=[(L.t("counts_button", locale), "counts"),
                                          (L.t("timeline_button", locale), "timeline")],
                                 value="counts", description=L.t("show", locale), style={"button_width": "170px"}),
        "kind": _multi(_options(data["figs"], "kind"), L.column("kind", locale), labels=lambda k: L.kind(k, locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(chart, kind, locale):
        df = data["figs"]
        df = df[df["kind"].astype("string").isin(kind)]
        if chart == "timeline":
            return charts.figure_timeline(df, locale=locale)
        return charts.figure_counts(df, locale=locale)

    panel = Overview(controls, draw, name="figures_overview", folder=folder)
    panel.data = data
    if picker:
        picker.link(panel)
    return panel


# ---------------------------------------------------------------- choosing the corpus

def load_figures(source) -> pd.DataFrame:
    """The figures of a folder of .txt articles, one file, a Corpus, or a figures Parquet dataset
    (``explore table figures DIR --engine dask -o OUT``: read back without re-reading the texts)."""
    from .views import _figures
    return _figures(source)


class CorpusPicker(W.VBox):
    """Pick the corpus a notebook explores: type or choose a folder of articles or a figures Parquet
    dataset and press Load; every panel linked to the picker then shows the new corpus."""

    def __init__(self, source, choices=(), locale: str = "de"):
        options = [str(c) for c in dict.fromkeys([str(source), *map(str, choices)])]
        self.locale = L.check(locale)
        de = self.locale == "de"
        self.path = W.Combobox(value=str(source), options=options, description="Korpus" if de else "Corpus",
                               ensure_option=False,
                               placeholder=("Ordner mit .txt-Artikeln oder ein Parquet-Datensatz der Zahlen" if de
                                            else "folder of .txt articles, or a figures Parquet dataset"),
                               layout=W.Layout(width="520px"))
        self.button = W.Button(description="Laden" if de else "Load", icon="folder-open")
        self.status = W.HTML()
        self.corpus, self.figures = self._read(source)
        self.source = str(source)
        self._panels: list = []
        self.button.on_click(self.load)
        super().__init__([W.HBox([self.path, self.button]), self.status])
        self._say()

    def link(self, panel) -> None:
        """Call ``panel.set_figures(figs)`` whenever another corpus is loaded."""
        self._panels.append(panel)

    def load(self, *_) -> None:
        path = self.path.value.strip()
        if not path or not Path(path).exists():
            self.status.value = f"<span style='color:#b00'>No such folder or file: {html.escape(path)}</span>"
            return
        try:
            corpus, figs = self._read(path)
        except Exception as e:          # say what is wrong next to the picker, never a traceback
            self.status.value = f"<span style='color:#b00'>Cannot read {html.escape(path)}: {html.escape(str(e))}</span>"
            return
        self.corpus, self.figures, self.source = corpus, figs, path
        for panel in self._panels:
            if isinstance(panel, FigureBrowser):
                panel.set_figures(figs, corpus=corpus)
            else:
                panel.set_figures(self.table_source())
        self._say()

    def table_source(self):
        """What the topic tables are built from: the figures with the articles' texts (the owners of a
        figure are looked for in the sentence before it and in the lead too), else the figures alone."""
        from .views import WithTexts
        if self.corpus is None:
            return self.figures
        return WithTexts((self.figures, {a.id: a.text for a in self.corpus}))

    @staticmethod
    def _read(source):
        """(corpus or None, figures) of a folder, file or Corpus; a figures Parquet dataset has no texts."""
        from .engines import is_figures_dataset
        from .dataframes import figures
        from .records import as_corpus as _as_corpus
        if isinstance(source, (str, Path)) and is_figures_dataset(source):
            return None, load_figures(source)
        if isinstance(source, (str, Path)):
            from .corpus import load_corpus
            corpus = load_corpus(source, warn=False)     # problems are listed under the picker
        else:
            corpus = _as_corpus(source)
        return corpus, figures(corpus)

    def _say(self) -> None:
        n_art = self.figures["article"].nunique() if len(self.figures) else 0
        if self.locale == "de":
            said = f"<b>{len(self.figures)}</b> Zahlen aus <b>{n_art}</b> Artikeln in "
        else:
            said = f"<b>{len(self.figures)}</b> figures from <b>{n_art}</b> articles in "
        problems = "".join(f"<li>{html.escape(str(p))}</li>" for p in getattr(self.corpus, "problems", []))
        self.status.value = (said + f"<code>{html.escape(self.source)}</code>"
                             + (f"<ul style='color:#b00;margin:2px 0'>{problems}</ul>" if problems else ""))

    def __repr__(self) -> str:
        n_art = self.figures["article"].nunique() if len(self.figures) else 0
        return f"CorpusPicker\n{len(self.figures)} figures from {n_art} articles in {self.source}"


def corpus_picker(source="../seeds", search: str | Path | None = None, locale: str = "de") -> CorpusPicker:
    """A ``CorpusPicker`` starting at ``source``; its list offers the figure Parquet datasets and
    article folders found right below ``search`` (if given)."""
    choices = []
    if search and Path(search).is_dir():
        for p in sorted(Path(search).iterdir()):
            if p.is_dir() and (any(p.glob("*.parquet")) or any(p.glob("*.txt"))):
                choices.append(p)
    return CorpusPicker(source, choices, locale=locale)


# ---------------------------------------------------------------- the figure browser

def with_entities(figs: pd.DataFrame, *tables: pd.DataFrame) -> pd.DataFrame:
    """The figures table with an ``entity`` column taken from topic tables (their ``entity`` or
    ``subject`` for the same article and offsets), and ``entity_text``, ``entity_start``,
    ``entity_end``, ``entity_source`` where the tables have them; figures no table attributes stay empty."""
    if "entity" in figs.columns:
        return figs
    parts = []
    for t in tables:
        col = "entity" if "entity" in t.columns else "subject" if "subject" in t.columns else None
        if col is None or t.empty:
            continue
        extra = [c for c in ENTITY_COLUMNS if c in t.columns]
        parts.append(t[["article", "start", "end", col, *extra]].rename(columns={col: "entity"}))
    if not parts:
        return figs.assign(entity=pd.Series(pd.NA, index=figs.index, dtype="string"))
    ents = pd.concat(parts).dropna(subset=["entity"]).drop_duplicates(["article", "start", "end"])
    ents = ents.astype({"article": "string", "start": "int64", "end": "int64", "entity": "string"})
    out = figs.merge(ents, on=["article", "start", "end"], how="left")
    out.index = figs.index
    return out


#: columns of the topic tables that locate the organisation a figure is attributed to
ENTITY_COLUMNS = ("entity_text", "entity_start", "entity_end", "entity_source")

FIGURE_MARK = "background:#ffe066;padding:0 2px"
ORG_MARK = "background:#cfe8ff;padding:0 2px;border-bottom:2px solid #1f77b4"


def mark(text: str, spans) -> str:
    """``text`` as HTML with each ``(start, end, style, title)`` span marked (overlaps are skipped).

    >>> mark("Alibaba stieg um 5 %.", [(17, 20, "a", "Zahl"), (0, 7, "b", "Organisation")])
    "<mark style='b' title='Organisation'>Alibaba</mark> stieg um <mark style='a' title='Zahl'>5 %</mark>."
    """
    out, pos = [], 0
    for start, end, style, title in sorted(spans, key=lambda s: s[0]):
        if start < pos or end <= start or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark style='{style}' title='{html.escape(title)}'>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def highlight(sentence: str, text: str, at: int | None = None) -> str:
    """The sentence as HTML with the figure's text marked; ``at`` is its offset in the sentence
    (else its first occurrence)."""
    sentence = "" if charts._missing(sentence) else str(sentence)
    text = "" if charts._missing(text) else str(text)
    i = at if at is not None and sentence[at:at + len(text)] == text else sentence.find(text)
    if not text or i < 0:
        return html.escape(sentence)
    return (html.escape(sentence[:i]) + f"<mark style='{FIGURE_MARK}'>"
            + html.escape(text) + "</mark>" + html.escape(sentence[i + len(text):]))


def _organisations(text: str) -> list:
    """``explore.organisations(text)`` where that function exists (the NER module), else []."""
    import explore
    find = getattr(explore, "organisations", None)
    if find is None:
        return []
    try:
        return list(find(text))
    except Exception:          # the recogniser is optional here: no highlight rather than a traceback
        return []


def organisation_span(row, article_text: str | None, orgs=None) -> tuple[int, int] | None:
    """Article offsets of the organisation a figure is attributed to, for highlighting.

    ``entity_start``/``entity_end`` when the table has them; else, of the organisations found in
    the article (``orgs``: objects with start, end, name), the one named like the entity, nearest
    before the figure in its sentence; else the entity's name as written in the sentence.
    """
    get = row.get if hasattr(row, "get") else (lambda k, d=None: d)
    s0 = get("sentence_start")
    s0 = None if charts._missing(s0) else int(s0)
    start, end = get("entity_start"), get("entity_end")
    if not charts._missing(start) and not charts._missing(end):
        start, end = int(start), int(end)
        written = get("entity_text")
        if article_text is None or charts._missing(written) or article_text[start:end] == written:
            return start, end
        if s0 is not None and article_text[s0 + start:s0 + end] == written:
            return s0 + start, s0 + end
    entity = get("entity")
    if charts._missing(entity) or s0 is None:
        return None
    entity = str(entity)
    fig_start = int(get("start"))
    sentence = "" if charts._missing(get("sentence")) else str(get("sentence"))
    s1 = s0 + len(sentence)
    cands = [o for o in (orgs or []) if s0 <= o.start and o.end <= s1 and not (o.start < int(get("end")) and fig_start < o.end)]
    named = [o for o in cands if entity in (getattr(o, "name", None), getattr(o, "text", None))]
    pool = named or []
    if pool:
        before = [o for o in pool if o.end <= fig_start]
        best = max(before, key=lambda o: o.end) if before else min(pool, key=lambda o: o.start)
        return best.start, best.end
    hits = [i for i in range(len(sentence)) if sentence.startswith(entity, i)]
    if hits:
        before = [i for i in hits if s0 + i + len(entity) <= fig_start]
        i = max(before) if before else hits[0]
        return s0 + i, s0 + i + len(entity)
    if article_text:                       # named earlier in the article: its last mention before the figure
        i = article_text.rfind(entity, 0, fig_start)
        if i >= 0:
            return i, i + len(entity)
    return None


def organisation_spans(row, article_text: str | None, orgs=None) -> list[tuple[int, int]]:
    """:func:`organisation_span`, and when that is a reference ("der Konzern", "die Aktie") the
    organisation's last mention before it too, so the reader sees whom the reference means."""
    span = organisation_span(row, article_text, orgs)
    get = row.get if hasattr(row, "get") else (lambda k, d=None: d)
    entity = get("entity")
    if span is None or article_text is None or charts._missing(entity):
        return [span] if span else []
    entity = str(entity)
    written = article_text[span[0]:span[1]]
    if entity in written or any(o.start == span[0] and getattr(o, "name", None) == entity for o in orgs or []):
        return [span]
    named = [o for o in orgs or [] if o.end <= span[0] and entity in (getattr(o, "name", None), o.text)]
    if named:
        o = max(named, key=lambda o: o.end)
        return [(o.start, o.end), span]
    i = article_text.rfind(entity, 0, span[0])
    return [(i, i + len(entity)), span] if i >= 0 else [span]


class FigureBrowser(W.VBox):
    """Filter the figure table by article, kind, entity and text; step through the figures with
    Weiter/Zurück (or the arrow keys in the list); see each one's sentence with the figure and its
    organisation highlighted, and the whole article inline with both marked."""

    def __init__(self, figs: pd.DataFrame, corpus=None, topics: tuple[pd.DataFrame, ...] = (),
                 locale: str = "de", folder: str | Path = "charts", max_rows: int = 500):
        self.locale = L.check(locale)
        self.max_rows = max_rows
        t = lambda k: L.t(k, self.locale)   # noqa: E731
        self.controls = {
            "article": W.Dropdown(options=[(t("all_articles"), "")], value="", description=L.column("article", locale),
                                  layout=W.Layout(width="560px"), style={"description_width": "110px"}),
            "kind": _multi([], L.column("kind", locale)),
            "entity": W.Dropdown(options=[(t("all_entities"), "")], value="", description=L.column("entity", locale),
                                 layout=W.Layout(width="560px"), style={"description_width": "110px"}),
            "search": W.Text(placeholder="…", description=t("search"), layout=W.Layout(width="560px"),
                             style={"description_width": "110px"}),
        }
        self.count = W.HTML()
        self.rows = W.Select(options=[], rows=12, description=t("figures"), layout=W.Layout(width="98%"))
        self.previous = W.Button(description=t("previous"), icon="arrow-left", layout=W.Layout(width="120px"))
        self.next = W.Button(description=t("next"), icon="arrow-right", layout=W.Layout(width="120px"))
        self.position = W.HTML()
        self.previous.on_click(lambda _: self.step(-1))
        self.next.on_click(lambda _: self.step(1))
        self.detail = W.HTML(layout=W.Layout(width="98%"))
        self.article = W.HTML(layout=W.Layout(width="98%"))
        self.article_box = W.Accordion(children=[self.article], titles=(L.column("article", locale),),
                                       selected_index=0)
        self._orgs_cache: dict[str, list] = {}
        self._set_data(figs, corpus, topics)
        self.figure = go.FigureWidget(self._chart(self.table))     # see ChartPanel: drawn before it is shown
        self.export_bar = ExportBar(self.figure, name="figures_selection", folder=folder, locale=locale)
        for c in self.controls.values():
            c.observe(self.refresh, names="value")
        self.rows.observe(self._show, names="value")
        filters = W.VBox([self.controls["article"], self.controls["entity"], self.controls["search"],
                          self.controls["kind"]])
        nav = W.HBox([self.previous, self.next, self.position], layout=W.Layout(align_items="center"))
        super().__init__([filters, self.count, self.rows, nav, self.detail, self.article_box, self.figure,
                          self.export_bar])
        self.refresh()
        self._shown = True

    # -- data
    def _set_data(self, figs: pd.DataFrame, corpus, topics) -> None:
        self.corpus = corpus
        self._orgs_cache = {}
        self.table = with_entities(figs.reset_index(drop=True), *topics)
        arts = self.table.drop_duplicates("article")
        labels = charts._article_label(arts, 60) if not arts.empty else pd.Series(dtype="string")
        c = self.controls
        for ctl in c.values():
            if getattr(self, "_shown", False):
                ctl.unobserve(self.refresh, names="value")
        c["article"].options = [(L.t("all_articles", self.locale), "")] + [
            (f"{lab} ({a})", a) for a, lab in zip(arts["article"], labels)]
        c["article"].value = ""
        c["entity"].options = [(L.t("all_entities", self.locale), "")] + [(e, e) for e in _options(self.table, "entity")]
        c["entity"].value = ""
        kinds = _options(self.table, "kind")
        c["kind"].options = [(L.kind(k, self.locale), k) for k in kinds]
        c["kind"].value = tuple(kinds)
        c["search"].value = ""
        if getattr(self, "_shown", False):
            for ctl in c.values():
                ctl.observe(self.refresh, names="value")

    def set_figures(self, figs: pd.DataFrame, corpus=None, topics: tuple[pd.DataFrame, ...] = ()) -> None:
        """Show another corpus (a ``CorpusPicker`` or the app calls this on Load)."""
        self._set_data(figs, corpus, topics or tuple(views_tables(figs, corpus)))
        self.refresh()

    def filtered(self) -> pd.DataFrame:
        """The rows of the figure table the current filters let through."""
        df, v = self.table, {k: c.value for k, c in self.controls.items()}
        if v["article"]:
            df = df[df["article"] == v["article"]]
        df = df[df["kind"].astype("string").isin(v["kind"])]
        if v["entity"]:
            df = df[df["entity"] == v["entity"]]
        if v["search"].strip():
            df = df[_contains(df["text"], v["search"]) | _contains(df["sentence"], v["search"])]
        return df

    def refresh(self, *_) -> None:
        df = self.filtered()
        self._current = df
        n = len(df)
        self.count.value = (f"<b>{n}</b> / {len(self.table)} {L.t('figures', self.locale)}"
                            + (f" ({L.t('rows', self.locale, n=self.max_rows)})" if n > self.max_rows else ""))
        shown = df.head(self.max_rows)
        self.rows.options = [(self._label(r), i) for i, r in shown.iterrows()]
        if n == 0:
            self.detail.value = ("<div style='color:#666;padding:6px'>No figure matches these filters. "
                                 "Clear the search, pick “All articles”, or select more kinds.</div>"
                                 if self.locale == "en" else
                                 "<div style='color:#666;padding:6px'>Keine Zahl passt zu diesen Filtern. "
                                 "Suche leeren, „Alle Artikel“ wählen oder mehr Arten anklicken.</div>")
            self.article.value = ""
            self.position.value = ""
        else:
            before = self.rows.value
            self.rows.value = shown.index[0]
            if before == self.rows.value:       # the same row number in a new table: show it anyway
                self._show()
        if getattr(self, "_shown", False):
            update_figure(self.figure, self._chart(df))

    def step(self, delta: int) -> None:
        """Select the next (``delta=1``) or previous (``-1``) figure of the list."""
        values = [v for _, v in self.rows.options]
        if not values:
            return
        i = values.index(self.rows.value) if self.rows.value in values else -1
        self.rows.value = values[max(0, min(len(values) - 1, i + delta))]

    def _chart(self, df: pd.DataFrame) -> go.Figure:
        return charts.figure_counts(df, locale=self.locale, title=L.t("selection_title", self.locale))

    def _label(self, r) -> str:
        where = r["row_header"] if "in_table" in r and r["in_table"] is True and not charts._missing(
            r.get("row_header")) else ""
        ent = f" · {r['entity']}" if not charts._missing(r.get("entity")) else ""
        return (f"{r['article'][:12]} · {L.kind(r['kind'], self.locale):<10} · {r['text']}{ent}"
                f"{' · ' + where if where else ''}")

    def _article_of(self, r):
        if self.corpus is None:
            return None
        try:
            return self.corpus[r["article"]]
        except (KeyError, IndexError):
            return None

    def _orgs(self, article) -> list:
        if article.id not in self._orgs_cache:
            self._orgs_cache[article.id] = _organisations(article.text)
        return self._orgs_cache[article.id]

    def _show(self, change=None) -> None:
        i = self.rows.value
        if i is None or i not in self.table.index:
            return
        r = self.table.loc[i]
        values = [v for _, v in self.rows.options]
        self.position.value = f"{values.index(i) + 1} / {len(values)}" if i in values else ""
        art = self._article_of(r)
        text = art.text if art is not None else None
        orgs = organisation_spans(r, text, self._orgs(art) if art is not None else None)
        s0 = None if charts._missing(r.get("sentence_start")) else int(r["sentence_start"])
        sentence = "" if charts._missing(r["sentence"]) else str(r["sentence"])
        fig_title, org_title = L.column("value", self.locale), L.column("entity", self.locale)
        if s0 is not None and sentence[int(r["start"]) - s0:int(r["end"]) - s0] == str(r["text"]):
            spans = [(int(r["start"]) - s0, int(r["end"]) - s0, FIGURE_MARK, fig_title)]
            spans += [(a - s0, b - s0, ORG_MARK, org_title) for a, b in orgs if s0 <= a and b <= s0 + len(sentence)]
            shown = mark(sentence, spans)
        else:
            shown = highlight(sentence, r["text"])
        src = charts._hover_source(r, self.locale)
        value = ""
        if not charts._missing(r.get("low")):
            hi = r.get("high")
            value = charts.fmt_number(r["low"], self.locale) + (
                "" if charts._missing(hi) or hi == r["low"] else f"–{charts.fmt_number(hi, self.locale)}") + (
                "+" if charts._missing(hi) else "")
            value = f" = {value} {html.escape(str(r['unit'])) if not charts._missing(r.get('unit')) else ''}"
        who = ""
        if not charts._missing(r.get("entity")):
            who = f" · {org_title}: <b>{html.escape(str(r['entity']))}</b>"
        self.detail.value = (
            f"<div style='border-left:4px solid #ffe066;padding:4px 10px'>"
            f"<div class='explore-sentence'>{shown}</div>"
            f"<div style='color:#555;font-size:90%;margin-top:4px'><b>{html.escape(str(r['text']))}</b>"
            f" · {html.escape(L.kind(r['kind'], self.locale))}{value}{who} · "
            f"{int(r['start'])}–{int(r['end'])} · {src}</div></div>")
        if text is None:
            self.article.value = f"<code>{html.escape(str(r['article']))}</code>"
            return
        spans = [(int(r["start"]), int(r["end"]), FIGURE_MARK, fig_title)]
        spans += [(a, b, ORG_MARK, org_title) for a, b in orgs]
        head = html.escape(art.title or art.id)
        meta = ", ".join(x for x in (art.publisher, charts.fmt_date(art.published, self.locale)) if x)
        self.article.value = (
            f"<div class='explore-article' style='max-height:420px;overflow:auto;white-space:pre-wrap;"
            f"font-family:Georgia,serif;line-height:1.45;padding:6px;border:1px solid #ddd'>"
            f"<b>{head}</b> <span style='color:#666'>({html.escape(meta)})</span>\n\n{mark(text, spans)}</div>")

    def selected(self) -> pd.Series | None:
        i = self.rows.value
        return None if i is None else self.table.loc[i]

    def __repr__(self) -> str:
        sel = self.selected()
        pick = f"; selected: {sel['article']} {sel['text']!r} ({sel['kind']})" if sel is not None else ""
        return (f"FigureBrowser: {len(self._current)} of {len(self.table)} figures{pick}\n"
                f"{charts.describe(self.figure)}")


def views_tables(figs: pd.DataFrame, corpus=None) -> list[pd.DataFrame]:
    """The topic tables that attribute figures to an entity or subject (for the browser), with the texts
    of ``corpus`` when given."""
    from . import views
    source = views.WithTexts((figs, {a.id: a.text for a in corpus})) if corpus is not None else figs
    return list(views.tables(source, ("money", "stock_moves", "adoption", "changes", "timeframes")).values())


def figure_browser(source=None, corpus=None, locale: str = "de", folder: str | Path = "charts") -> FigureBrowser:
    """A figure browser over ``source`` (a folder, a Corpus, a figures table or a ``CorpusPicker``).

    Given a folder or Corpus it extracts the figures, attaches entities from the topic tables
    and shows each figure inside its article. Given a picker it follows the picker's corpus.
    """
    from .dataframes import figures
    from .records import as_corpus
    picker = source if isinstance(source, CorpusPicker) else None
    if picker is not None:
        corpus, figs = picker.corpus, picker.figures
    elif isinstance(source, pd.DataFrame):
        figs = source
    else:
        corpus = corpus or as_corpus(source)
        figs = figures(corpus)
    browser = FigureBrowser(figs, corpus=corpus, topics=tuple(views_tables(figs, corpus)), locale=locale,
                            folder=folder)
    if picker is not None:
        picker.link(browser)
    return browser



# ---------------------------------------------------------------- changes and shares (explore.changes, explore.adoption)

class ChangeExplorer(ChartPanel):
    pass


def change_explorer(changes, locale: str = "de", folder: str | Path = "charts") -> ChangeExplorer:
    """Stated changes as diverging bars (``charts.change_bars``); pick measures and owners, percent or
    percentage points. ``changes`` is ``explore.changes()`` or a ``CorpusPicker`` whose corpus it follows."""
    from . import views
    picker, data = _source(changes, views.changes)
    changes = data["df"]
    controls = {
        "measure": _multi(_options(changes, "measure"), L.column("measure", locale),
                          labels=lambda m: L.measure(m, locale)),
        "entity": _multi(_options(changes, "entity"), L.column("entity", locale)),
        "unit": W.ToggleButtons(options=[(L.t("percent_button", locale), "%"), (L.t("pp_button", locale), "pp")],
                                value="%", description=L.t("unit_choice", locale), style={"button_width": "130px"}),
        "locale": _locale_toggle(locale),
    }

    def draw(measure, entity, unit, locale):
        df = data["df"]
        keep = df["measure"].astype("string").isin(measure) & (
            df["entity"].astype("string").isin(entity) | df["entity"].isna())
        return charts.change_bars(df[keep], unit=unit, locale=locale)

    panel = ChangeExplorer(controls, draw, name="changes", folder=folder)
    if picker:
        panel.follow(picker, views.changes, data, {
            "measure": ("measure", None, lambda m: L.measure(m, locale)), "entity": ("entity", None, None)})
    return panel


class ShareExplorer(ChartPanel):
    pass


def _prose_shares(figs_or_table) -> pd.DataFrame:
    """The shares read from prose (``explore.adoption()`` rows not from a table)."""
    from . import views
    df = figs_or_table if "subject" in figs_or_table.columns else views.adoption(figs_or_table)
    return df[~df["in_table"].fillna(False).astype(bool)] if "in_table" in df.columns else df


def share_explorer(shares, locale: str = "de", folder: str | Path = "charts") -> ShareExplorer:
    """Shares of a population as dots by group (``charts.share_dots``); pick groups, search the subject.
    ``shares`` is ``explore.adoption()`` or a ``CorpusPicker`` whose corpus it follows."""
    picker, data = _source(shares, _prose_shares)
    data["df"] = _prose_shares(data["df"])
    controls = {
        "group": _multi(_options(data["df"], "group"), L.column("group", locale)),
        "search": W.Text(value="", description=L.t("search", locale), placeholder=L.t("search_hint", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(group, search, locale):
        df = data["df"]
        keep = df["group"].astype("string").isin(group)
        if search.strip():
            keep &= _contains(df["subject"], search)
        return charts.share_dots(df[keep], locale=locale)

    panel = ShareExplorer(controls, draw, name="shares_by_group", folder=folder)
    if picker:
        panel.follow(picker, _prose_shares, data, {"group": ("group", None, None)})
    return panel
