"""The docs keep up with the code: every environment setting the code reads is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    names: set[str] = set()
    for path in (ROOT / "src" / "dateline").rglob("*.py"):
        names |= set(re.findall(r"[\"'](DATELINE_[A-Z_]+)[\"']", path.read_text()))
    assert names, "no settings found: the pattern is stale"
    missing = sorted(n for n in names if n not in readme)
    assert not missing, f"README does not document {missing}"


def test_every_data_file_is_versioned_and_described() -> None:
    import json

    for path in (ROOT / "src" / "dateline" / "data").rglob("*.json"):
        data = json.loads(path.read_text())
        assert isinstance(data, dict), path
        assert "version" in data or "_version" in data or "meta" in data, f"{path.name} has no version"


def test_every_stage_setting_is_documented() -> None:
    import dataclasses

    from dateline.pipeline import StageConfig, registered

    readme = (ROOT / "README.md").read_text()
    shared = {f.name for f in dataclasses.fields(StageConfig)}
    for spec in registered().values():
        if not spec.entry.startswith("dateline."):
            continue  # stages registered by tests or other packages document themselves
        for f in dataclasses.fields(spec.config):
            assert f.metadata.get("help"), f"{spec.name}.{f.name} has no help line"
            if f.name not in shared:
                assert f"`{spec.name}.{f.name}`" in readme, f"README does not document {spec.name}.{f.name}"
