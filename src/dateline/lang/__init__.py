"""Language resources: every word list and lexicon of one language, behind one object.

Each language is a folder ``dateline/lang/<code>/`` of versioned JSON files:
``language.json`` names the language and the spaCy models that parse it; every
other file holds the words of one concern (``events.json``, ``quotes.json``,
``times.json``, ``boilerplate.json``, ``agents.json``, ``countries.json``,
``demonyms.json``, ...). A stage asks :func:`resources` for the language of the
article it works on and reads what it needs through :class:`Resources`; each
file is read, merged and checked once per process. Adding a language means
adding a folder: no stage changes.

A user extends a file without touching the package: ``lexicons`` maps a file's
name (``"events"``) to a JSON file of the same shape that is merged over it
(lists extended, objects merged; see :mod:`dateline._data`).

>>> resources("en-US").language
'en'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources as package_files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from dateline._data import check_version, is_strings, merge, read_json, read_user
from dateline.errors import LanguageError, ResourceError

__all__ = ["DEFAULT_LANGUAGE", "Resources", "available", "language_code", "resources"]

#: The language of articles that declare none, unless the pipeline is told otherwise.
DEFAULT_LANGUAGE = "en"
#: The major version of ``language.json`` this code reads.
MANIFEST_MAJOR = "1"

_CODE = re.compile(r"[a-z]{2,3}")


def language_code(tag: str) -> str:
    """The primary subtag of a language tag, lower case: ``"en-US"`` and ``"EN_gb"`` give ``"en"``."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


@functools.cache
def _root() -> Traversable:
    """The folder that holds one folder per language (found once per process: the package does not move)."""
    return package_files.files("dateline").joinpath("lang")


#: The language folders found under each folder of languages, by its path: listed once per process, as every
#: stage asks for each article's resources (listing the package's folders takes about 30 microseconds a time,
#: 0.7% of the actors stage's time and as much again over the other stages).
_listed: dict[str, tuple[str, ...]] = {}


def available() -> tuple[str, ...]:
    """The languages dateline has resources for (folders under ``dateline/lang`` with a ``language.json``)."""
    root = _root()
    found = _listed.get(str(root))
    if found is None:
        found = tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("language.json").is_file()))
        _listed[str(root)] = found
    return found


@dataclass(frozen=True)
class Resources:
    """The resources of one language, with the user files merged over them.

    Cheap to build and hashable: what it reads is cached per process, keyed by
    the language, the file and the user file merged over it.
    """

    language: str
    lexicons: tuple[tuple[str, str], ...] = ()

    def user_file(self, name: str) -> str | None:
        """The user file merged over ``name``, or None."""
        return dict(self.lexicons).get(name)

    def packaged(self, name: str, supported: str) -> dict[str, Any]:
        """The packaged file ``lang/<language>/<name>.json`` alone, its major version checked."""
        return _packaged(self.language, name, supported)

    def data(self, name: str, supported: str, keyed: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
        """The file ``name`` with the user's file merged over it (``keyed``: see :func:`dateline._data.merge`)."""
        return _merged(self.language, name, supported, self.user_file(name), keyed)

    def words(self, name: str, key: str, supported: str) -> frozenset[str]:
        """The list of words under ``key`` in file ``name``, lower case."""
        value = self.data(name, supported).get(key)
        if not is_strings(value, nonempty=True):
            raise ResourceError(f"{self.where(name)}: {key!r} must be a list of words; fix the file")
        return frozenset(w.strip().lower() for w in value)

    def file(self, relative: str) -> Traversable:
        """A packaged file of the language that is not JSON data (a trained model: ``"models/quotes.npz"``)."""
        return _root().joinpath(self.language, *relative.split("/"))

    def where(self, name: str) -> str:
        """How errors name the file ``name`` (and the user's file merged over it)."""
        user = self.user_file(name)
        return f"dateline/lang/{self.language}/{name}.json" + (f" with {user}" if user else "")

    @property
    def model_names(self) -> tuple[str, ...]:
        """The spaCy models that parse this language, in the order they are tried."""
        models = _packaged(self.language, "language", MANIFEST_MAJOR).get("spacy_models")
        if not is_strings(models, nonempty=True) or not models:
            raise ResourceError(f"{self.where('language')}: 'spacy_models' must be a non-empty list of model names")
        return tuple(models)


def resources(language: str | None = None, lexicons: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> Resources:
    """The resources of ``language`` (a tag such as ``"en"`` or ``"en-GB"``; default :data:`DEFAULT_LANGUAGE`).

    ``lexicons`` maps a file name to a user file merged over it. Raises
    :class:`~dateline.errors.LanguageError` for a language dateline has no folder for.
    """
    code = language_code(language or DEFAULT_LANGUAGE)
    known = available()
    if not _CODE.fullmatch(code) or code not in known:
        raise LanguageError(
            f"no language resources for {language!r}; dateline has {', '.join(known)}. "
            f"Add a folder dateline/lang/{code}/ (see CONTRIBUTING in the README), or set the pipeline's "
            "language to process every article as one of those"
        )
    pairs = lexicons.items() if isinstance(lexicons, Mapping) else lexicons
    return Resources(code, tuple(sorted((str(k), str(v)) for k, v in pairs)))


@functools.cache
def _packaged(language: str, name: str, supported: str) -> dict[str, Any]:
    where = f"dateline/lang/{language}/{name}.json"
    source = _root().joinpath(language, f"{name}.json")
    if not source.is_file():
        raise ResourceError(f"{where} is missing; reinstall dateline or add the file")
    data = read_json(source, where, "reinstall dateline or fix the file")
    check_version(data, where, supported)
    return data


@functools.cache
def _merged(language: str, name: str, supported: str, user: str | None,
            keyed: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    data = _packaged(language, name, supported)
    if user is None:
        return data
    extra = read_user(Path(user), f"the {name!r} lexicon", name)
    merged = merge(data, extra, f"{name} lexicon {user}", dict(keyed))
    if "version" in extra:
        merged["version"] = f"{data['version']}+{extra['version']}"
    return merged
