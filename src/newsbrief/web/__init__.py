"""The web app (``newsbrief serve``): FastAPI + Jinja2 under uvicorn. Needs ``newsbrief[web]``."""

from .app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
