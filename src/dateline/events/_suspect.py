"""The suspect an act of the police or a court is aimed at when its sentence names no one.

A story about one crime tells what the police and the courts do about its suspect without naming him in
every sentence: "detectives treat the fire as arson", "officers searched his flat", "authorities are
investigating the shooting". An accusation, an act of force
or a sanction by an actor of the police or the courts that names no known recipient is aimed at the one
criminal the story names (PLOVER sector CRM), where it names exactly one. So is an arrest or a conviction,
acts only they take, told of someone the story does not name ("a man has been arrested after the stabbing").
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.events._doers import CONTEXT_SECTORS, CRIMINAL, CRIMINAL_KINDS
from dateline.records import Article

__all__ = ["LAW_SECTORS", "PURSUIT_TYPES", "pursued"]

#: PLOVER sectors of the police (COP) and the courts (JUD), whose acts against crime have a suspect.
LAW_SECTORS = frozenset({"COP", "JUD"})
#: PLOVER types of the acts the police and the courts take against a suspect: accusing and investigating,
#: arresting and searching, convicting and sentencing.
PURSUIT_TYPES = frozenset({"ACCUSE", "COERCE", "SANCTION"})


def pursued(article: Article, kind: str, actor_ids: Sequence[str], mode: str | None = None) -> str | None:
    """The id of the one criminal the article names, as the recipient of an act of type ``kind`` by
    ``actor_ids`` where one of them is the police or a court, or of a mode only they take (an arrest, a
    conviction: "a man has been arrested"), and the type is one they take against a suspect
    (:data:`PURSUIT_TYPES`); None otherwise, or where the article names no criminal or several."""
    if kind not in PURSUIT_TYPES or (mode not in CONTEXT_SECTORS and not any(
            (a := article.actor(i)) is not None and a.sector in LAW_SECTORS for i in actor_ids)):
        return None
    suspects = [a.id for a in article.actors
                if a.sector == CRIMINAL and a.kind in CRIMINAL_KINDS and a.id not in actor_ids]
    return suspects[0] if len(suspects) == 1 else None
