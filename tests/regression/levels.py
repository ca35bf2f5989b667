"""Holding `kamer evaluate` to levels: one runner for the gate slice and the shared gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def assert_levels(gold: Path, levels: dict[str, float], timeout: int = 900) -> None:
    """Run `kamer evaluate` on ``gold`` with a ``--min`` per level; no errors, no level missed."""
    args = ["evaluate", "--gold", str(gold), "--format", "json"]
    for name, level in levels.items():
        args += ["--min", f"{name}={level}"]
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )
    report = json.loads(out.stdout)
    assert not report["errors"], report["errors"][:5]
    assert report["failed"] == [], report["failed"]
    assert out.returncode == 0, out.stderr
