"""The output edge: a ``Brief`` as terminal text, JSON, Markdown or HTML."""

from .json import render_json, to_dict
from .markdown import render_markdown
from .text import render_text

__all__ = ["render_json", "render_markdown", "render_text", "to_dict"]
