"""Data files: boilerplate patterns, event types, attribution cues, entity/place/time tables."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_data(name: str) -> str:
    """The text of one data file shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def load_yaml(name: str) -> Any:
    """Parse one of this package's YAML data files (callers cache the result)."""
    return yaml.safe_load(read_data(name))
