"""The app: choose a folder, upload ``.txt`` files or paste text, and see every view of the corpus,
each as a table and a chart, with downloads. Pure ipywidgets (Voilà serves it: ``explore app``).

Charts are ``FigureWidget``s updated in place and tables are HTML widgets: nothing is re-rendered
into an ``Output`` widget (that hangs Voilà intermittently). Loading a new corpus updates every tab.

>>> app = App(["seeds"])
>>> [t for t in app.tab_titles][:4]
['Überblick', 'Zahlen-Browser', 'Geld', 'Budgets']
>>> app.open_tab(app.tab_titles.index("Kursbewegungen"))
>>> app.panels["stock_moves"].figure.layout.title.text
'Kursbewegungen nach Zeitraum'
"""
from __future__ import annotations

import base64
import html
import os
import re
import tempfile
from pathlib import Path

import ipywidgets as W
import pandas as pd
import plotly.graph_objects as go

from .. import charts
from .. import labels as L
from ..corpus import Corpus, Problem, load_corpus
from ..widgets import FigureBrowser, update_figure
from .topics import TOPICS, Topic, readable

#: rows of a table shown on screen (the downloads hold them all)
SHOW_ROWS = 200

_CSS = """<style>
.explore-table table {border-collapse: collapse; font-size: 12px;}
.explore-table th {background: #f2f2f2; text-align: left; padding: 3px 6px; position: sticky; top: 0;}
.explore-table td {border-top: 1px solid #e5e5e5; padding: 3px 6px; vertical-align: top;}
.explore-problems {color: #b00; margin: 2px 0 2px 18px;}
.widget-tab > .lm-TabBar .lm-TabBar-tab {flex: 0 0 auto; max-width: none;}
</style>"""



def _w(key: str, locale: str, **kw) -> str:
    """The app's word ``key`` (``[app]`` in ``explore/lang/<locale>/labels.toml``)."""
    text = L.table(locale)["app"][key]
    return text.format(**kw) if kw else text


def download_link(data: bytes, filename: str, mime: str, label: str | None = None) -> str:
    """An HTML link that downloads ``data`` as ``filename`` (a data: URL, so it works in Voilà,
    JupyterLab and a plain page alike)."""
    size = len(data)
    human = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"
    b64 = base64.b64encode(data).decode("ascii")
    return (f"<a class='explore-download' download='{html.escape(filename)}' href='data:{mime};base64,{b64}' "
            f"style='margin-right:14px'>⬇ {html.escape(label or filename)} <small>({human})</small></a>")


_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "png": "image/png", "svg": "image/svg+xml", "html": "text/html", "zip": "application/zip"}


class TopicPanel(W.VBox):
    """One topic of the app: its choices (e.g. the currency), a chart, downloads and the table."""

    def __init__(self, topic: Topic, app: "App"):
        self.topic, self.app = topic, app
        loc = app.locale
        self.controls = {
            name: W.ToggleButtons(options=[(L.table(loc)["text"].get(k, k), v) for k, v in opts],
                                  value=opts[0][1], style={"button_width": "auto"})
            for name, opts in topic.choices.items()
        }
        for c in self.controls.values():
            c.observe(lambda _: self.redraw(), names="value")
        self.summary = W.HTML()
        self.table = W.HTML(layout=W.Layout(width="100%"))
        self.links = W.HTML()
        self.chart_links = W.HTML()
        self.chart_buttons = [W.Button(description=fmt.upper(), layout=W.Layout(width="70px"),
                                       tooltip=f"{topic.key}.{fmt}") for fmt in ("png", "svg", "html")]
        for b, fmt in zip(self.chart_buttons, ("png", "svg", "html")):
            b.on_click(lambda _, fmt=fmt: self.download_chart(fmt))
        first = self._chart()
        self.figure = go.FigureWidget(first) if first is not None else None
        chart_row = W.HBox([W.Label(_w("download_chart", loc)), *self.chart_buttons, self.chart_links],
                           layout=W.Layout(align_items="center"))
        kids = [W.HBox(list(self.controls.values()))] if self.controls else []
        kids += [self.summary]
        if self.figure is not None:
            kids += [self.figure, chart_row]
        kids += [self.links, self.table]
        super().__init__(kids)
        self.refresh_table()

    @property
    def data(self) -> pd.DataFrame:
        return self.app.tables[self.topic.key]

    def values(self) -> dict:
        return {k: c.value for k, c in self.controls.items()}

    def _chart(self) -> go.Figure | None:
        if self.topic.chart is None:
            return None
        try:
            return self.topic.chart(self.data, locale=self.app.locale, **self.values())
        except Exception as e:        # said on the chart, never a traceback in the app
            return charts.empty_figure(L.t("cannot_draw", self.app.locale, error=e), self.topic.label(self.app.locale),
                                       locale=self.app.locale)

    def redraw(self) -> None:
        if self.figure is not None:
            update_figure(self.figure, self._chart())
        self.chart_links.value = ""

    def refresh(self) -> None:
        self.redraw()
        self.refresh_table()

    def refresh_table(self) -> None:
        loc, df = self.app.locale, self.data
        shown = readable(df.head(SHOW_ROWS), self.topic.columns, loc)
        more = (f"<div style='color:#666'>{_w('shown', loc, n=SHOW_ROWS, m=len(df))}</div>"
                if len(df) > SHOW_ROWS else "")
        self.summary.value = f"<b>{self.topic.label(loc)}</b>: {len(df)} {_w('rows', loc)}"
        self.table.value = (f"<div class='explore-table' style='max-height:520px;overflow:auto'>"
                            f"{shown.to_html(index=False, escape=True, border=0)}</div>{more}")
        from ..export import table_bytes
        key = self.topic.key
        self.links.value = (download_link(table_bytes(df, "csv"), f"{key}.csv", _MIME["csv"], f"{key}.csv")
                            + download_link(table_bytes(df, "xlsx", sheet=key), f"{key}.xlsx", _MIME["xlsx"],
                                            f"{key}.xlsx (Excel)"))

    def download_chart(self, fmt: str) -> None:
        """Make the chart as shown into a PNG, SVG or HTML file and offer it as a download."""
        from ..export import BrowserNotFound, chart_bytes
        self.chart_links.value = f"<i>{_w('working', self.app.locale)}</i>"
        try:
            data = chart_bytes(self.figure, fmt)
        except BrowserNotFound as e:
            self.chart_links.value = f"<span style='color:#b00'>{html.escape(str(e).splitlines()[0])}</span>"
            return
        except Exception as e:             # shown next to the buttons, not raised into the page
            self.chart_links.value = f"<span style='color:#b00'>{html.escape(str(e))}</span>"
            return
        self.chart_links.value = download_link(data, f"{self.topic.key}.{fmt}", _MIME[fmt])


def organisation_table(corpus: Corpus | None, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The organisations of a corpus: name, mentions, articles. From ``explore.organisations`` where
    it exists (every mention in the texts), else from the entities the topic tables name."""
    import explore
    find = getattr(explore, "organisations", None)
    rows = []
    if find is not None and corpus is not None:
        for a in corpus:
            try:
                found = find(a.text)
            except Exception:          # optional here: fall back to the tables
                rows = []
                break
            rows += [{"name": o.name, "type": getattr(o, "type", ""), "article": a.id} for o in found]
    if not rows:
        for key, df in tables.items():
            if "entity" in df.columns and key != "figures":
                rows += [{"name": e, "type": "", "article": art}
                         for e, art in zip(df["entity"], df["article"]) if isinstance(e, str) and e]
    if not rows:
        return pd.DataFrame(columns=["name", "type", "mentions", "articles"])
    df = pd.DataFrame(rows)
    out = df.groupby("name").agg(type=("type", "first"), mentions=("article", "size"),
                                 articles=("article", "nunique")).reset_index()
    return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


class App(W.VBox):
    """The whole app for one corpus: sources at the top, one tab per view, downloads."""

    def __init__(self, paths=(), locale: str | None = None, workdir: str | Path | None = None):
        self.locale = L.check(locale)
        loc = self.locale
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="explore-app-"))
        self.uploads = self.workdir / "uploads"
        self.extra_problems: list[Problem] = []
        self.paths = [str(p) for p in paths]
        self.corpus, self.figs, self.tables = self._read(self.paths)
        # -- sources
        self.folder = W.Text(value="; ".join(self.paths), description=_w("folder", loc),
                             placeholder="/pfad/zu/artikeln", layout=W.Layout(width="520px"))
        self.load_button = W.Button(description=_w("load", loc), icon="folder-open", button_style="primary")
        self.load_button.on_click(lambda _: self.load_folder())
        self.upload = W.FileUpload(accept=".txt,text/plain", multiple=True, description=_w("upload", loc),
                                   layout=W.Layout(width="260px"))
        self.upload.observe(self._uploaded, names="value")
        self.paste = W.Textarea(placeholder=_w("paste", loc), layout=W.Layout(width="520px", height="90px"))
        self.paste_title = W.Text(placeholder=_w("paste_title", loc), layout=W.Layout(width="260px"))
        self.add_button = W.Button(description=_w("add", loc), icon="plus")
        self.add_button.on_click(lambda _: self.add_text())
        self.language = W.ToggleButtons(options=[("Deutsch", "de"), ("English", "en")], value=loc,
                                        description=_w("language", loc))
        self.language.observe(self._relocale, names="value")
        self.status = W.HTML()
        # -- views: the overview now, every other tab when it is first opened (a chart costs time)
        self.panels: dict[str, TopicPanel] = {}
        self.browser: FigureBrowser | None = None
        self.organisations = W.HTML()
        self.package_button = W.Button(description=_w("package", loc), icon="archive", layout=W.Layout(width="260px"))
        self.package_button.on_click(lambda _: self.build_package())
        self.package_link = W.HTML()
        self.all_links = W.HTML()
        self.all_button = W.Button(description=_w("all_excel", loc), icon="table", layout=W.Layout(width="260px"))
        self.all_button.on_click(lambda _: self.build_excel())
        self.panels["figures"] = TopicPanel(TOPICS[0], self)
        overview = W.VBox([self.panels["figures"], self.organisations])
        downloads = W.VBox([W.HBox([self.all_button, self.all_links]),
                            W.HBox([self.package_button, self.package_link])])
        self._builders = [None, "browser", *[t.key for t in TOPICS[1:]], None]
        tabs = [(TOPICS[0].label(loc), overview), (_w("browser", loc), W.VBox())]
        tabs += [(t.label(loc), W.VBox()) for t in TOPICS[1:]]
        tabs += [(_w("downloads", loc), downloads)]
        self.tab_titles = [t for t, _ in tabs]
        self.tabs = W.Tab(children=[w for _, w in tabs], titles=self.tab_titles)
        self.tabs.observe(lambda ch: self.open_tab(ch["new"]), names="selected_index")
        sources = W.VBox([
            W.HBox([self.folder, self.load_button, self.language]),
            W.HBox([self.upload, self.paste_title, self.add_button]),
            self.paste,
        ])
        super().__init__([W.HTML(_CSS + f"<h2 style='margin:4px 0'>{_w('heading', loc)}</h2>"), sources,
                          self.status, self.tabs])
        self._say()

    # -- reading
    def _read(self, paths):
        paths = [p for p in paths if p]
        corpus = load_corpus(*paths, warn=False) if paths else Corpus()
        from ..dataframes import figures
        figs = figures(corpus)
        from .topics import tables
        return corpus, figs, tables(figs, {a.id: a.text for a in corpus})

    def _attributing(self) -> tuple:
        return tuple(self.tables[k] for k in ("money", "stock_moves", "adoption", "timeframes") if k in self.tables)

    def open_tab(self, index: int | None) -> None:
        """Build the view of tab ``index`` the first time it is shown."""
        if index is None or self._builders[index] is None:
            return
        key, box = self._builders[index], self.tabs.children[index]
        if box.children:
            return
        if key == "browser":
            self.browser = FigureBrowser(self.figs, corpus=self.corpus, topics=self._attributing(),
                                         locale=self.locale, folder=self.workdir / "charts")
            box.children = [self.browser]
        else:
            self.panels[key] = TopicPanel(next(t for t in TOPICS if t.key == key), self)
            box.children = [self.panels[key]]

    def load(self, paths) -> None:
        """Read ``paths`` (folders or files) and show them in every view."""
        self.paths = [str(p) for p in paths]
        self.corpus, self.figs, self.tables = self._read(self.paths)
        if self.browser is not None:
            self.browser.set_figures(self.figs, corpus=self.corpus, topics=self._attributing())
        for p in self.panels.values():
            p.refresh()
        self.package_link.value = ""
        self.all_links.value = ""
        self._say()

    def load_folder(self) -> None:
        """The Load button: the folder(s) typed above, separated by ';'."""
        paths = [p.strip() for p in self.folder.value.split(";") if p.strip()]
        missing = [p for p in paths if not Path(p).exists()]
        if missing or not paths:
            self.status.value = (f"<span style='color:#b00'>"
                                 f"{html.escape(_w('no_folder', self.locale, path=', '.join(missing) or '–'))}</span>")
            return
        self.extra_problems = []
        self.load(paths)

    def _uploaded(self, change) -> None:
        files = change["new"] or ()
        if not files:
            return
        self.uploads.mkdir(parents=True, exist_ok=True)
        for f in files:
            name = Path(str(f["name"]).replace("\\", "/")).name or "upload.txt"
            if not name.lower().endswith(".txt"):
                self.extra_problems.append(Problem(name, _w("not_txt", self.locale), fatal=True))
                continue
            (self.uploads / name).write_bytes(bytes(f["content"]))
        self.folder.value = ""
        self.load([self.uploads])

    def add_text(self) -> None:
        """The paste box: the text becomes one more article (its first line the title, unless given)."""
        text = self.paste.value.strip()
        if not text:
            self.status.value = f"<span style='color:#b00'>{_w('empty_paste', self.locale)}</span>"
            return
        self.uploads.mkdir(parents=True, exist_ok=True)
        title = self.paste_title.value.strip()
        n = len(list(self.uploads.glob("text-*.txt"))) + 1
        slug = re.sub(r"[^\w-]+", "-", (title or text.splitlines()[0])[:40]).strip("-").lower() or "text"
        body = (title + "\n\n" + text) if title else text
        (self.uploads / f"text-{n:02d}-{slug}.txt").write_text(body + "\n", encoding="utf-8")
        self.paste.value, self.paste_title.value = "", ""
        self.folder.value = ""
        self.load([self.uploads])

    def _relocale(self, change) -> None:
        self.locale = change["new"]
        for p in self.panels.values():
            p.refresh()
        if self.browser is not None:
            self.browser.locale = self.locale
            self.browser.refresh()
        self._say()

    def build_excel(self) -> None:
        from ..export import excel_bytes
        self.all_links.value = download_link(excel_bytes(self.tables), "explore-tables.xlsx", _MIME["xlsx"])

    def build_package(self) -> None:
        from ..export import datapackage_zip
        self.package_link.value = f"<i>{_w('working', self.locale)}</i>"
        self.package_link.value = download_link(datapackage_zip(self.figs), "explore-data.zip", _MIME["zip"])

    # -- saying what is loaded
    def _say(self) -> None:
        loc = self.locale
        where = ", ".join(self.paths) if self.paths else "–"
        if self.paths and Path(self.paths[0]) == self.uploads:
            where = _w("source_uploads", loc)
        problems = [*self.corpus.problems, *self.extra_problems]
        lines = [f"<b>{_w('loaded', loc, a=len(self.corpus), f=len(self.figs))}</b> · "
                 f"<code>{html.escape(where)}</code>"]
        if problems:
            items = "".join(f"<li><b>{html.escape(Path(p.path).name)}</b>: {html.escape(p.message)}</li>"
                            for p in problems)
            lines.append(f"{_w('problems', loc)}:<ul class='explore-problems'>{items}</ul>")
        inferred = [a for a in self.corpus if getattr(a, "inferred", ())]
        if inferred:
            items = "".join(
                f"<li>{html.escape(a.id)}: " + ", ".join(
                    f"{L.column(k, loc)} {html.escape(charts.fmt_date(a.published, loc) if k == 'published' else str(getattr(a, k)))}"
                    for k in a.inferred) + "</li>" for a in inferred[:20])
            lines.append(f"<details{' open' if len(inferred) <= 5 else ''}><summary>{_w('inferred', loc)}: {len(inferred)}</summary><ul>{items}</ul></details>")
        self.status.value = "<br>".join(lines)
        orgs = organisation_table(self.corpus, self.tables)
        shown = orgs.head(SHOW_ROWS).rename(columns={"name": L.column("entity", loc), "type": L.column("kind", loc),
                                                     "mentions": _w("org_count", loc),
                                                     "articles": _w("org_articles", loc)})
        self.organisations.value = (f"<h4>{_w('orgs', loc)} ({len(orgs)})</h4><div class='explore-table explore-orgs'>"
                                    f"{shown.to_html(index=False, escape=True, border=0)}</div>")

    @classmethod
    def from_env(cls) -> "App":
        """The app as ``explore app`` starts it: paths in ``EXPLORE_APP_PATHS`` (os.pathsep-separated),
        the locale in ``EXPLORE_APP_LOCALE``."""
        paths = [p for p in os.environ.get("EXPLORE_APP_PATHS", "").split(os.pathsep) if p]
        return cls(paths, locale=os.environ.get("EXPLORE_APP_LOCALE") or None)

    def __repr__(self) -> str:
        return (f"App: {len(self.corpus)} articles, {len(self.figs)} figures; tabs: {', '.join(self.tab_titles)}")
