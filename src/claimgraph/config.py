"""Typed settings: environment variables (CLAIMGRAPH_*) with defaults that run on a laptop."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything tunable without code. CLI flags override these per call."""

    model_config = SettingsConfigDict(env_prefix="CLAIMGRAPH_", extra="ignore")

    db: str = "./claimgraph.db"
    max_bytes: int = 20 * 1024 * 1024
    # Clean text longer than this is stored but not extracted (extraction.py: bounded memory).
    max_extract_chars: int = 200_000
    fetch_timeout: float = 15.0
    fetch_max_redirects: int = 5
    allow_private: bool = False
    near_duplicate_threshold: float = 0.8
    user_agent: str = "claimgraph/0.1 (+offline news knowledge base)"
    # Signs editor sessions and salts reporter fingerprints. Empty: the web app generates a
    # random secret per store on first run (web.auth.store_secret); never a published default.
    secret: str = ""
    # Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs). Empty: the
    # connection's own address identifies a client (rate limits, sign-in throttling).
    trusted_proxies: str = ""
    # Host names the server answers (comma-separated); empty: any. `serve` fills it from --host
    # for a loopback or a specific address (DNS-rebinding defence).
    allowed_hosts: str = ""
    # Session cookies marked Secure (sent over HTTPS only); unset: on with `serve --public`.
    secure_cookies: bool | None = None


def db_url(db: str) -> str:
    """Accept a file path or a SQLAlchemy URL; a bare path means SQLite."""
    if "://" in db:
        return db
    return f"sqlite:///{db}"
