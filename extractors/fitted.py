"""Weights fitted offline by `bench/fit_*.py` and shipped as JSON beside the code: reading them
and the logistic function, so the runtime imports no fitting library."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from importlib import resources


def shipped(file: str) -> Mapping[str, object]:
    """The JSON object a fitting script wrote to `extractors/<file>`."""
    data = json.loads(resources.files("extractors").joinpath(file).read_text("utf-8"))
    assert isinstance(data, dict), f"{file}: not a JSON object"
    return data


def weights_of(data: Mapping[str, object]) -> dict[str, float]:
    """The "weights" table of a shipped model, as floats."""
    weights = data["weights"]
    assert isinstance(weights, dict)
    return {str(k): float(v) for k, v in weights.items()}


def number(data: Mapping[str, object], key: str) -> float:
    """A threshold of a shipped model."""
    return float(str(data[key]))


def sigmoid(z: float) -> float:
    """The logistic function, clamped so that no weight overflows it."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
