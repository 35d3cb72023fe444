"""Hand-built PolNeAR-style annotation files for the training tests."""

from __future__ import annotations


def brat(text: str, parts: list[tuple[str, str, str]]) -> str:
    """The brat annotation of ``text`` with one attribution per (source, cue, content) of ``parts``, each found
    by its first occurrence in the text."""
    lines, k = [], 0
    for e, (source, cue, content) in enumerate(parts, 1):
        ids = []
        for label, words in (("Source", source), ("Cue", cue), ("Content", content)):
            k += 1
            start = text.index(words)
            lines.append(f"T{k}\t{label} {start} {start + len(words)}\t{words}")
            ids.append(f"{label}:T{k}")
        lines.append(f"E{e}\tAttribution:T{k} " + " ".join(ids))
    return "\n".join(lines) + "\n"
