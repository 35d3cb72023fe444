"""The English names of a Natural Earth feature: its label written out, and the forms news gives it."""

from __future__ import annotations

import re

__all__ = ["CLASS_WORDS", "expanded", "has_class_word", "names_of", "titled"]

#: Natural Earth's abbreviations in labels ("Appalachian Mts.", "S. Fork Kuskokwim"), written out. Compass
#: letters are written out only opening a river's name: elsewhere "S." is as often a Sierra or a Serra.
ABBREVIATIONS = {
    "mts.": "Mountains", "mt.": "Mount", "mtn.": "Mountain", "pk.": "Peak", "ra.": "Range", "i.": "Island",
    "is.": "Islands", "pen.": "Peninsula", "plat.": "Plateau", "cord.": "Cordillera", "arch.": "Archipelago",
    "fk.": "Fork", "cr.": "Creek", "br.": "Branch", "mid.": "Middle", "ch.": "Channel", "r.": "River",
    "pt.": "Point",
}
COMPASS = {"n.": "North", "s.": "South", "e.": "East", "w.": "West"}

#: Words that name a feature's kind inside its name ("Lake Rukwa", "Niger Delta"): a name holding one is not
#: given the word of its class again. The places stage reads its own list (``places.json``).
CLASS_WORDS = frozenset({
    "river", "creek", "fork", "branch", "brook", "canal", "delta", "bayou", "run", "lake", "reservoir", "lagoon",
    "sea", "ocean", "gulf", "bay", "strait", "straits", "sound", "channel", "inlet", "fjord", "bight", "mount",
    "mountain", "mountains", "range", "ranges", "hills", "highlands", "peak", "desert", "plateau", "basin",
    "valley", "plain", "plains", "peninsula", "island", "islands", "archipelago", "coast", "cape", "falls",
    "lowland", "lowlands", "rio", "río", "sierra", "serra", "cordillera", "erg", "pan", "sands",
})

#: Words a title-cased label keeps in lower case unless it opens the name ("Gulf of Alaska", "Bab el Mandeb").
SMALL_WORDS = frozenset({"of", "the", "and", "de", "del", "la", "le", "el", "al", "da", "do", "dos", "des", "du",
                         "di", "y", "en", "an"})

_SPACES = re.compile(r"\s+")


def titled(label: str) -> str:
    """A label in capitals ("GULF OF ALASKA") in title case ("Gulf of Alaska"); others as they are."""
    label = _SPACES.sub(" ", label).strip()
    if not label.isupper():
        return label
    words = label.lower().split(" ")
    return " ".join(w if i and w in SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    for i, w in enumerate(words))


def expanded(label: str, *, compass: bool = False) -> str:
    """``label`` in title case with Natural Earth's abbreviations written out (``compass``: also a compass
    letter opening it, "S. Fork" -> "South Fork")."""
    words = titled(label).replace(" .", ".").split(" ")
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if compass and i == 0 and lower in COMPASS and len(words) > 1:
            out.append(COMPASS[lower])
        else:
            out.append(ABBREVIATIONS.get(lower, word))
    return " ".join(out)


def has_class_word(name: str) -> bool:
    return any(w in CLASS_WORDS for w in name.lower().replace("-", " ").split())


def names_of(label: str, kind: str, others: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """The name shown for a feature of class ``kind`` labelled ``label`` and its other names: the label with
    its class word where it lacks one ("Neches" -> "Neches River", with "River Neches" and the bare "Neches";
    "Sahara" -> "Sahara Desert"; "Mediterranean Sea" -> "Mediterranean"; "Appalachian Mountains" ->
    "Appalachians")."""
    name = expanded(label, compass=kind == "river")
    extra = [expanded(o, compass=kind == "river") for o in others if o]
    if not has_class_word(name):
        word = {"river": "River", "desert": "Desert", "mountains": "Mountains", "mountain": "Mount",
                "lake": "Lake", "plateau": "Plateau", "basin": "Basin", "valley": "Valley",
                "peninsula": "Peninsula"}.get(kind)
        if word is not None:
            bare = name
            name = f"{word} {bare}" if word in ("Mount", "Lake") else f"{bare} {word}"
            extra.insert(0, bare)
            if kind == "mountains" and bare.endswith("s"):
                name, extra[0] = bare, name  # "the Alps", "the Andes" before "Andes Mountains"
    if kind == "river":
        extra += [f"{o} River" for o in extra if not has_class_word(o)]
    words = name.split(" ")
    if kind in ("sea", "ocean") and len(words) > 1 and words[-1].lower() == kind:
        extra.append(" ".join(words[:-1]))  # "the Mediterranean", "the Pacific"
    if kind == "mountains" and len(words) == 2 and words[1] == "Mountains" and words[0].endswith("an"):
        extra.append(words[0] + "s")  # "the Appalachians", "the Carpathians"
    if kind == "river" and " River" in name and not name.startswith("River "):
        stem = name.split(" River")[0]
        extra.append(f"River {stem}")
    unique: list[str] = []
    for other in extra:
        if other != name and other not in unique:
            unique.append(other)
    return name, unique
