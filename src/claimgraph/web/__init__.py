"""The read-only HTTP API (FastAPI). `create_app` builds one app per store; nothing at import."""

from __future__ import annotations

from claimgraph.web.app import create_app

__all__ = ["create_app"]
