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

__all__ = ["ChartPanel", "CorpusPicker", "ExportBar", "FigureBrowser", "MultiToggle", "adoption_explorer", "budget_explorer",
           "corpus_picker", "load_figures",
           "figure_browser", "overview", "stock_explorer", "timeframe_explorer", "update_figure",
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


def budget_explorer(budgets: pd.DataFrame, currency: str = "USD", log: bool = False, locale: str = "de",
                    folder: str | Path = "charts") -> BudgetExplorer:
    """Budgets as bars in a chosen currency; filter by measure and entity; log scale; export.

    ``budgets`` is ``explore.budgets()`` (or ``explore.money()`` for every amount).
    """
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
        df = budgets
        if "measure" in df.columns:
            df = df[df["measure"].astype("string").isin(measure)]
        if search.strip():
            df = df[_contains(df["entity"], search) | _contains(df["text"], search)]
        return charts.budget_bars(df, currency=currency, log=log, locale=locale)

    return BudgetExplorer(controls, draw, name="budgets", folder=folder)


class AdoptionExplorer(ChartPanel):
    pass


def adoption_explorer(adoption: pd.DataFrame, view: str = "application", locale: str = "de",
                      folder: str | Path = "charts") -> AdoptionExplorer:
    """Adoption rates as ranges: China against the West per application, or the market comparison."""
    by_app, by_market = charts.adoption_split(adoption)
    controls = {
        "view": W.ToggleButtons(options=[(L.t("per_application", locale), "application"),
                                         (L.t("by_market", locale), "market")], value=view,
                                description=L.t("compare", locale), style={"button_width": "230px"}),
        "region": _multi(_options(adoption, "region"), L.column("region", locale)),
        "search": W.Text(placeholder="…", description=L.t("search", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(view, region, search, locale):
        df = by_app if view == "application" else by_market
        df = df[df["region"].astype("string").isin(region)]
        if search.strip():
            df = df[_contains(df["subject"], search)]
        if view == "application":
            return charts.adoption_ranges(df, y="subject", color="region", locale=locale,
                                          title=L.t("adoption_app_title", locale))
        return charts.adoption_ranges(df, y="region", color=None, locale=locale,
                                      title=L.t("adoption_market_title", locale))

    return AdoptionExplorer(controls, draw, name="adoption", folder=folder)


class StockExplorer(ChartPanel):
    pass


def stock_explorer(moves: pd.DataFrame, locale: str = "de", folder: str | Path = "charts") -> StockExplorer:
    """Stock moves as signed bars grouped by period; pick entities and periods, colour by entity or sign."""
    controls = {
        "entity": _multi(_options(moves, "entity"), L.column("entity", locale)),
        "period": _multi(_options(moves, "period", key=charts._period_key), L.column("period", locale),
                         labels=lambda p: L.period(p, locale)),
        "color": W.ToggleButtons(options=[(L.t("by_entity", locale), "entity"), (L.t("by_sign", locale), None)],
                                 value="entity", description=L.t("colour", locale), style={"button_width": "140px"}),
        "locale": _locale_toggle(locale),
    }

    def draw(entity, period, color, locale):
        df = moves[moves["entity"].astype("string").isin(entity) & moves["period"].astype("string").isin(period)]
        return charts.stock_bars(df, color=color, locale=locale)

    return StockExplorer(controls, draw, name="stock_moves", folder=folder)


class TimeframeExplorer(ChartPanel):
    pass


def timeframe_explorer(timeframes: pd.DataFrame, locale: str = "de",
                       folder: str | Path = "charts") -> TimeframeExplorer:
    """Timeframes (time to ROI) as ranges; pick the subjects."""
    controls = {
        "subject": _multi(_options(timeframes, "subject"), L.column("subject", locale)),
        "locale": _locale_toggle(locale),
    }

    def draw(subject, locale):
        df = timeframes[timeframes["subject"].astype("string").isin(subject)]
        return charts.timeframe_ranges(df, locale=locale)

    return TimeframeExplorer(controls, draw, name="roi_timeframes", folder=folder)


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

    def __init__(self, source, choices=()):
        options = [str(c) for c in dict.fromkeys([str(source), *map(str, choices)])]
        self.path = W.Combobox(value=str(source), options=options, description="Corpus", ensure_option=False,
                               placeholder="folder of .txt articles, or a figures Parquet dataset",
                               layout=W.Layout(width="520px"))
        self.button = W.Button(description="Load", icon="folder-open")
        self.status = W.HTML()
        self.figures = load_figures(source)
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
            figs = load_figures(path)
        except Exception as e:          # say what is wrong next to the picker, never a traceback
            self.status.value = f"<span style='color:#b00'>Cannot read {html.escape(path)}: {html.escape(str(e))}</span>"
            return
        self.figures, self.source = figs, path
        for panel in self._panels:
            panel.set_figures(figs)
        self._say()

    def _say(self) -> None:
        n_art = self.figures["article"].nunique() if len(self.figures) else 0
        self.status.value = (f"<b>{len(self.figures)}</b> figures from <b>{n_art}</b> articles in "
                             f"<code>{html.escape(self.source)}</code>")

    def __repr__(self) -> str:
        n_art = self.figures["article"].nunique() if len(self.figures) else 0
        return f"CorpusPicker\n{len(self.figures)} figures from {n_art} articles in {self.source}"


def corpus_picker(source="../seeds", search: str | Path | None = None) -> CorpusPicker:
    """A ``CorpusPicker`` starting at ``source``; its list offers the figure Parquet datasets and
    article folders found right below ``search`` (if given)."""
    choices = []
    if search and Path(search).is_dir():
        for p in sorted(Path(search).iterdir()):
            if p.is_dir() and (any(p.glob("*.parquet")) or any(p.glob("*.txt"))):
                choices.append(p)
    return CorpusPicker(source, choices)


# ---------------------------------------------------------------- the figure browser

def with_entities(figs: pd.DataFrame, *tables: pd.DataFrame) -> pd.DataFrame:
    """The figures table with an ``entity`` column taken from topic tables (their ``entity`` or
    ``subject`` for the same article and offsets); figures no table attributes stay empty."""
    if "entity" in figs.columns:
        return figs
    parts = []
    for t in tables:
        col = "entity" if "entity" in t.columns else "subject" if "subject" in t.columns else None
        if col is None or t.empty:
            continue
        parts.append(t[["article", "start", "end", col]].rename(columns={col: "entity"}))
    if not parts:
        return figs.assign(entity=pd.Series(pd.NA, index=figs.index, dtype="string"))
    ents = pd.concat(parts).dropna(subset=["entity"]).drop_duplicates(["article", "start", "end"])
    ents = ents.astype({"article": "string", "start": "int64", "end": "int64", "entity": "string"})
    out = figs.merge(ents, on=["article", "start", "end"], how="left")
    out.index = figs.index
    return out


def highlight(sentence: str, text: str, at: int | None = None) -> str:
    """The sentence as HTML with the figure's text marked; ``at`` is its offset in the sentence
    (else its first occurrence)."""
    sentence = "" if charts._missing(sentence) else str(sentence)
    text = "" if charts._missing(text) else str(text)
    i = at if at is not None and sentence[at:at + len(text)] == text else sentence.find(text)
    if not text or i < 0:
        return html.escape(sentence)
    return (html.escape(sentence[:i]) + "<mark style='background:#ffe066;padding:0 2px'>"
            + html.escape(text) + "</mark>" + html.escape(sentence[i + len(text):]))


class FigureBrowser(W.VBox):
    """Filter the figure table by article, kind, entity and text; pick a row to see its sentence
    with the figure highlighted and a link back to the article."""

    def __init__(self, figs: pd.DataFrame, corpus=None, topics: tuple[pd.DataFrame, ...] = (),
                 locale: str = "de", folder: str | Path = "charts", max_rows: int = 500):
        self.corpus = corpus
        self.locale = locale
        self.max_rows = max_rows
        self.table = with_entities(figs.reset_index(drop=True), *topics)
        arts = self.table.drop_duplicates("article")
        labels = charts._article_label(arts, 60) if not arts.empty else pd.Series(dtype="string")
        self.controls = {
            "article": W.Dropdown(options=[("All articles", "")] + [(f"{lab} ({a})", a) for a, lab in
                                                                   zip(arts["article"], labels)],
                                  value="", description="Article", layout=W.Layout(width="520px")),
            "kind": _multi(_options(self.table, "kind"), "Kind", rows=5),
            "entity": W.Dropdown(options=[("All entities", "")] + [(e, e) for e in _options(self.table, "entity")],
                                 value="", description="Entity"),
            "search": W.Text(placeholder="figure or sentence contains…", description="Search"),
        }
        self.count = W.HTML()
        self.rows = W.Select(options=[], rows=10, description="Figures", layout=W.Layout(width="95%"))
        self.detail = W.HTML(layout=W.Layout(width="95%"))
        self.figure = go.FigureWidget(self._chart(self.table))     # see ChartPanel: drawn before it is shown
        self.export_bar = ExportBar(self.figure, name="figures_selection", folder=folder)
        for c in self.controls.values():
            c.observe(self.refresh, names="value")
        self.rows.observe(self._show, names="value")
        filters = W.HBox([W.VBox([self.controls["article"], self.controls["entity"], self.controls["search"]]),
                          self.controls["kind"]])
        super().__init__([filters, self.count, self.rows, self.detail, self.figure, self.export_bar])
        self.refresh()
        self._shown = True

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
        self.count.value = f"<b>{n}</b> of {len(self.table)} figures"
        shown = df.head(self.max_rows)
        self.rows.options = [(self._label(r), i) for i, r in shown.iterrows()]
        if n == 0:
            self.detail.value = ("<div style='color:#666;padding:6px'>No figure matches these filters. "
                                 "Clear the search, pick “All articles”, or select more kinds.</div>")
        else:
            self.rows.value = shown.index[0]
        if getattr(self, "_shown", False):
            update_figure(self.figure, self._chart(df))

    def _chart(self, df: pd.DataFrame) -> go.Figure:
        return charts.figure_counts(df, locale=self.locale, title="Figures in this selection, by kind")

    def _label(self, r) -> str:
        where = r["row_header"] if "in_table" in r and r["in_table"] is True and not charts._missing(
            r.get("row_header")) else ""
        ent = f" · {r['entity']}" if not charts._missing(r.get("entity")) else ""
        return f"{r['article'][:12]} · {r['kind']:<8} · {r['text']}{ent}{' · ' + where if where else ''}"

    def _sentence_offset(self, r) -> int | None:
        if self.corpus is None:
            return None
        try:
            text = self.corpus[r["article"]].text
        except (KeyError, IndexError):
            return None
        i = text.rfind(str(r["sentence"]), 0, int(r["end"]))
        return int(r["start"]) - i if i >= 0 and i <= int(r["start"]) else None

    def _link(self, r) -> str:
        art = None
        if self.corpus is not None:
            try:
                art = self.corpus[r["article"]]
            except (KeyError, IndexError):
                art = None
        if art is not None and art.url:
            return f"<a href='{html.escape(art.url)}' target='_blank'>open the article</a>"
        if art is not None and art.path:
            rel = os.path.relpath(art.path).replace(os.sep, "/")
            return f"<a href='{html.escape(rel)}' target='_blank'>open the article ({html.escape(rel)})</a>"
        return f"article <code>{html.escape(str(r['article']))}</code>"

    def _show(self, change=None) -> None:
        i = self.rows.value
        if i is None or i not in self.table.index:
            return
        r = self.table.loc[i]
        src = charts._hover_source(r, self.locale)
        value = ""
        if not charts._missing(r.get("low")):
            hi = r.get("high")
            value = charts.fmt_number(r["low"], self.locale) + (
                "" if charts._missing(hi) or hi == r["low"] else f"–{charts.fmt_number(hi, self.locale)}") + (
                "+" if charts._missing(hi) else "")
            value = f" = {value} {html.escape(str(r['unit'])) if not charts._missing(r.get('unit')) else ''}"
        self.detail.value = (
            f"<div style='border-left:4px solid #ffe066;padding:4px 10px'>"
            f"<div>{highlight(r['sentence'], r['text'], self._sentence_offset(r))}</div>"
            f"<div style='color:#555;font-size:90%;margin-top:4px'><b>{html.escape(str(r['text']))}</b>"
            f" · {html.escape(str(r['kind']))}{value} · characters {int(r['start'])}–{int(r['end'])} · "
            f"{src} · {self._link(r)}</div></div>")

    def selected(self) -> pd.Series | None:
        i = self.rows.value
        return None if i is None else self.table.loc[i]

    def __repr__(self) -> str:
        sel = self.selected()
        pick = f"; selected: {sel['article']} {sel['text']!r} ({sel['kind']})" if sel is not None else ""
        return (f"FigureBrowser: {len(self._current)} of {len(self.table)} figures{pick}\n"
                f"{charts.describe(self.figure)}")


def figure_browser(source=None, corpus=None, locale: str = "de", folder: str | Path = "charts") -> FigureBrowser:
    """A figure browser over ``source`` (a folder, a Corpus, or a figures table).

    Given a folder or Corpus it extracts the figures, attaches entities from the topic tables
    and links each figure back to its article file.
    """
    from . import records
    if isinstance(source, pd.DataFrame):
        figs = source
    else:
        corpus = corpus or records._as_corpus(source)
        figs = records.figures(corpus)
    from . import views
    topics = [views.money(figs), views.stock_moves(figs), views.adoption(figs), views.timeframes(figs)]
    return FigureBrowser(figs, corpus=corpus, topics=tuple(topics), locale=locale, folder=folder)
