"""Reading dateline's versioned JSON data files, with a user's file merged over them.

Every knowledge file under ``dateline/data/`` is a JSON object with a
``version``; this code reads the files whose major version it knows. A user
extends one without touching code by naming a JSON file of the same shape in
an environment variable (``DATELINE_ACTORS``, ``DATELINE_EVENT_LEXICON``,
``DATELINE_QUOTES_LEXICON``, ``DATELINE_TIMES_DATA``, ``DATELINE_BOILERPLATE``).
The user file may hold any subset of the top-level keys and is merged over the
packaged data, key by key: lists are extended (the user's entries come last,
so they win where later entries win), objects are merged the same way one
level further down, other values are replaced. Its ``version``, when given,
labels the result (``"1.2.0+mine"``); a key the packaged file lacks is refused,
so a misspelt key is reported instead of ignored.

Callers read the environment variable outside their cached loader
(:func:`user_file`) and pass its value in, so the cache is keyed by the file
actually in use. Each caller validates its own schema on the merged data.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeGuard

from dateline.errors import ResourceError

__all__ = ["check_version", "is_strings", "load_data", "merge", "packaged", "read_json", "read_user", "user_file"]

_NO_KEYS: Mapping[str, str] = {}
_LABELS = ("version", "description")


def user_file(env: str) -> str | None:
    """The file named by ``$env``, or None when it is unset or empty."""
    return os.environ.get(env) or None


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


def packaged(relative: str, what: str, supported: str) -> dict[str, Any]:
    """The packaged file ``dateline/data/<relative>`` (``what`` it holds, for errors), version checked."""
    name = f"{what} dateline/data/{relative}"
    source = resources.files("dateline").joinpath("data", *relative.split("/"))
    data = read_json(source, name, "reinstall dateline or fix the file")
    check_version(data, name, supported)
    return data


def read_user(path: str, env: str, what: str) -> dict[str, Any]:
    """The user file ``path`` named by ``$env``, checked to be a JSON object with at most a label as version."""
    if not Path(path).is_file():
        raise ResourceError(f"${env} names {path}, which is not a file; point it at a JSON file or unset it")
    name = f"{what} {path} (${env})"
    data = read_json(Path(path), name, f"fix the file or unset ${env}")
    if _major(data.get("version", "")) is None:
        raise ResourceError(f"{name}: 'version' must be a string or an integer, not {data['version']!r}")
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


def load_data(relative: str, *, what: str, supported: str, env: str, user_path: str | None = None) -> dict[str, Any]:
    """The packaged file ``dateline/data/<relative>`` with ``user_path`` (named by ``$env``) merged over it."""
    data = packaged(relative, what, supported)
    if user_path is None:
        return data
    extra = read_user(user_path, env, what)
    merged = merge(data, extra, f"{what} {user_path}")
    if "version" in extra:
        merged["version"] = f"{data['version']}+{extra['version']}"
    return merged
