"""Stand-in page readers for the fetch/feed tests, so those check fetching and dispatch only."""

from __future__ import annotations

import re
import sys
import types

import pytest

from claimgraph.ingest.article import Article, sha256


def install_fake_readers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[dict]]:
    """Replace claimgraph.ingest.html/text with tag-stripping fakes that record their calls."""
    calls: dict[str, list[dict]] = {"html": [], "text": []}

    def html_to_article(raw, *, source, url=None, declared_charset=None):
        calls["html"].append({"source": source, "url": url, "charset": declared_charset})
        title = re.search(rb"<title>(.*?)</title>", raw)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", raw.decode())).strip()
        return Article(
            text=text,
            source=source,
            raw_hash=sha256(raw),
            url=url,
            title=title.group(1).decode() if title else None,
        )

    def text_to_article(raw, *, source, url=None, declared_charset=None):
        calls["text"].append({"source": source, "url": url, "charset": declared_charset})
        return Article(text=raw.decode(), source=source, raw_hash=sha256(raw), url=url)

    for name, func in (("html", html_to_article), ("text", text_to_article)):
        module = types.ModuleType(f"claimgraph.ingest.{name}")
        setattr(module, f"{name}_to_article", func)
        monkeypatch.setitem(sys.modules, f"claimgraph.ingest.{name}", module)
    return calls
