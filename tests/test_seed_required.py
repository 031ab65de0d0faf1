"""Tests that need the seed cannot pass by skipping under CI (tests/conftest.need_seed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED, need_seed


def test_missing_seed_fails_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: seed file not found"):
        need_seed(tmp_path / "absent.txt")


def test_missing_seed_skips_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="seed file not found"):
        need_seed(tmp_path / "absent.txt")


def test_present_seed_is_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    if SEED.exists():
        assert need_seed() == SEED
    else:
        with pytest.raises(pytest.fail.Exception):
            need_seed()
