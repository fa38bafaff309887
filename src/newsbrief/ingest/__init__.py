"""The input edge: files, folders, JSON and strings become ``Article`` or ``Rejected``."""

from .files import article_from_text, read_file, read_paths, read_texts

__all__ = ["article_from_text", "read_file", "read_paths", "read_texts"]
