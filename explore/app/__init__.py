"""``explore app``: a local web app (Voilà serving ``app.ipynb``) for a folder of articles, uploaded
``.txt`` files or pasted text: every view as a table and a chart, with downloads.

The views come from :data:`explore.app.topics.TOPICS` (one entry per topic table).
"""
from .topics import TOPICS, Topic, readable, topic

__all__ = ["TOPICS", "Topic", "readable", "topic", "App", "serve"]


def __getattr__(name):
    if name == "App":
        from .ui import App
        return App
    if name == "serve":
        from .serve import serve
        return serve
    raise AttributeError(f"module 'explore.app' has no attribute {name!r}")
