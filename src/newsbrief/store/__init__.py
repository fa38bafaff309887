"""The story database: SQLite (one file, the default) or PostgreSQL (``postgresql://...``).

EDGE: the only place stories touch a database. Clustering itself is ``newsbrief.stories``.

    store = open_store("stories.sqlite")      # or "postgresql://user@127.0.0.1:5432/db"
    result = store.add(articles)               # one transaction: all or nothing
    store.stories(); store.story(id); store.articles(id)
"""

from .db import SCHEMA_VERSION, AddResult, Store, StoredStory, open_store

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoredStory", "open_store"]
