"""Reading dateline's versioned JSON data files, with a user's file merged over them.

Every knowledge file (language data under ``dateline/lang/<code>/``, other data
under ``dateline/data/``) is a JSON object with a ``version``; this code reads
the files whose major version it knows. A user extends one without touching
code by naming a JSON file of the same shape (the pipeline's ``lexicons``
setting; on the command line ``--lexicon NAME=FILE`` or an environment
variable, which only sets the command line's default).
The user file may hold any subset of the top-level keys and is merged over the
packaged data, key by key: lists are extended (the user's entries come last,
so they win where later entries win), objects are merged the same way one
level further down, other values are replaced. Its ``version``, when given,
labels the result (``"1.2.0+mine"``); a key the packaged file lacks is refused,
so a misspelt key is reported instead of ignored.

Each caller validates its own schema on the merged data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeGuard

from dateline.errors import ResourceError

__all__ = ["check_described", "check_version", "is_strings", "merge", "packaged", "read_json", "read_user"]

_NO_KEYS: Mapping[str, str] = {}
_LABELS = ("version", "description")
#: The key of a data file that describes each of its other keys (``{"keys": {"pronouns": "..."}}``).
DESCRIBED = "keys"


def is_strings(value: object, *, nonempty: bool = False) -> TypeGuard[list[str]]:
    """Whether ``value`` is a list of strings (each with some non-space text when ``nonempty``)."""
    return isinstance(value, list) and all(isinstance(v, str) and (v.strip() or not nonempty) for v in value)


def read_json(source: Path | Traversable, name: str, hint: str) -> dict[str, Any]:
    """The JSON object in ``source``; ``name`` says which file in errors, ``hint`` what to do."""
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResourceError(f"cannot read {name}: {exc}; {hint}") from exc
    except ValueError as exc:
        raise ResourceError(f"{name} is not valid JSON: {exc}; {hint}") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{name} must hold a JSON object at the top level; {hint}")
    return data


def _major(version: object) -> str | None:
    if isinstance(version, bool) or not isinstance(version, str | int):
        return None
    return str(version).split("+")[0].split(".")[0]


def check_version(data: Any, name: str, supported: str) -> str:
    """``data``'s ``version`` (``"1.2.0"`` or an integer), refused unless its major is ``supported``."""
    version = data.get("version") if isinstance(data, dict) else None
    if _major(version) != supported:
        raise ResourceError(
            f"{name}: unsupported version {version!r}; this dateline reads version {supported}.x files, "
            "so give the file a matching 'version'"
        )
    return str(version)


def check_described(data: dict[str, Any], name: str) -> None:
    """Refuse ``data`` (the file ``name``) unless its ``keys`` object describes every other key, and only those."""
    described = data.get(DESCRIBED)
    if not isinstance(described, dict) or not all(isinstance(v, str) and v.strip() for v in described.values()):
        raise ResourceError(f"{name}: {DESCRIBED!r} must be an object that describes each key in a sentence")
    present = {key for key in data if key not in (*_LABELS, DESCRIBED)}
    undescribed, absent = sorted(present - set(described)), sorted(set(described) - present)
    if undescribed:
        raise ResourceError(f"{name}: key {undescribed[0]!r} has no description; add one under {DESCRIBED!r}")
    if absent:
        raise ResourceError(f"{name}: {DESCRIBED!r} describes {absent[0]!r}, which the file lacks; add it or drop it")


def packaged(relative: str, what: str, supported: str) -> dict[str, Any]:
    """The packaged file ``dateline/data/<relative>`` (``what`` it holds, for errors), version checked."""
    name = f"{what} dateline/data/{relative}"
    source = resources.files("dateline").joinpath("data", *relative.split("/"))
    data = read_json(source, name, "reinstall dateline or fix the file")
    check_version(data, name, supported)
    return data


def read_user(path: Path, what: str, name: str) -> dict[str, Any]:
    """The user file ``path`` merged over the file ``name`` (``what`` it holds), checked to be a JSON object."""
    hint = f"fix the file or stop merging it over {name!r}"
    if not path.is_file():
        raise ResourceError(f"{what}: {path} is not a file; {hint}")
    label = f"{what} {path}"
    data = read_json(path, label, hint)
    if _major(data.get("version", "")) is None:
        raise ResourceError(f"{label}: 'version' must be a string or an integer, not {data['version']!r}")
    return data


def _merge_value(old: Any, new: Any, where: str, key: str | None) -> Any:
    if isinstance(old, list):
        if not isinstance(new, list):
            raise ResourceError(f"{where} must be a list, like the built-in one")
        if key is None:
            return old + new
        replaced = {e.get(key) for e in new if isinstance(e, dict)}
        return [e for e in old if not (isinstance(e, dict) and e.get(key) in replaced)] + new
    if isinstance(old, dict):
        if not isinstance(new, dict):
            raise ResourceError(f"{where} must be an object, like the built-in one")
        merged = dict(old)
        for name, value in new.items():
            merged[name] = _merge_value(old[name], value, f"{where}.{name}", None) if name in old else value
        return merged
    return new


def merge(base: dict[str, Any], extra: dict[str, Any], name: str,
          keyed: Mapping[str, str] = _NO_KEYS) -> dict[str, Any]:
    """``extra`` merged over ``base`` (see the module docstring); neither is changed.

    ``keyed`` names the lists of objects in which an entry of ``extra`` replaces
    the entry of ``base`` with the same value under a key (``{"people": "name"}``).
    """
    merged = dict(base)
    for key, value in extra.items():
        if key in _LABELS:
            continue
        if key not in base:
            known = ", ".join(sorted(k for k in base if k not in _LABELS))
            raise ResourceError(f"{name}: unknown key {key!r}; known keys: {known}")
        merged[key] = _merge_value(base[key], value, f"{name}: {key!r}", keyed.get(key))
    return merged
