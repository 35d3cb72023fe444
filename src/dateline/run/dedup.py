"""Near-duplicates: the same wire story on many sites, found by MinHash.

An article's text becomes a set of word shingles (``SHINGLE_WORDS`` words in a
row, lower-cased); its MinHash signature estimates the Jaccard similarity of two
such sets. :class:`Deduplicator` keeps an LSH index of originals (from the
store and from the run so far): an article whose estimated similarity with an
indexed original reaches ``THRESHOLD`` is a duplicate of it, and the runner
stores it with ``duplicate_of`` set instead of coding it again.

:func:`evaluate` measures precision and recall on pairs built from a corpus
(copies with edited leads, trimmed endings and changed bylines as positives;
distinct articles on the same topic as negatives).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.store import Store

__all__ = ["NUM_PERM", "SHINGLE_WORDS", "THRESHOLD", "Deduplicator", "signature", "similarity"]

#: Words per shingle. 5 keeps common phrases ("the president of the") from
#: linking unrelated articles while an edited sentence only touches ~5 shingles.
SHINGLE_WORDS = 5
#: Permutations per signature: the similarity estimate has a standard error of
#: about 0.04 at 128.
NUM_PERM = 128
#: Estimated Jaccard similarity from which an article is a duplicate. Tuned with
#: ``dateline eval dedup`` on pairs built from the 269 Wikinews articles of
#: ``corpora/wikinews.jsonl`` (2019-2021): the least similar copy (new lead,
#: trimmed to 60%, new byline) scored 0.32 and the most similar distinct article
#: 0.05, but a full run over that corpus linked three candidate interviews that
#: share a question template at 0.23-0.34. At 0.4 recall on the copies is 0.994
#: and the templated interviews stay distinct.
THRESHOLD = 0.4
_SEED = 1
#: datasketch's hashing scheme, pinned so stored and new signatures always agree.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)]


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text (``NUM_PERM`` integers; picklable)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    shingles = _shingles(text)
    if shingles:
        minhash.update_batch(shingles)
    return tuple(int(v) for v in minhash.hashvalues)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


class Deduplicator:
    """An index of originals; :meth:`check` says whether an article duplicates one.

    Only originals are indexed, so a duplicate always points to the first
    article of its story, never to another duplicate.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, tuple[int, tuple[int, ...]]] = {}  # id -> (order, signature)

    def __len__(self) -> int:
        return len(self._signatures)

    def find(self, article_id: str, sig: tuple[int, ...]) -> str | None:
        """The original this signature duplicates (not ``article_id`` itself), or None."""
        best: tuple[float, int, str] | None = None  # (-similarity, insertion order, id): the smallest wins
        for key in self._lsh.query(self._minhash(sig)):
            if key == article_id:
                continue
            order, stored = self._signatures[key]
            score = similarity(sig, stored)
            if score >= self.threshold and (best is None or (-score, order) < best[:2]):
                best = (-score, order, key)
        return None if best is None else best[2]

    def add(self, article_id: str, sig: tuple[int, ...]) -> None:
        """Index an original (again: a no-op)."""
        if article_id in self._signatures:
            return
        self._signatures[article_id] = (len(self._signatures), sig)
        self._lsh.insert(article_id, self._minhash(sig))

    def check(self, article_id: str, sig: tuple[int, ...]) -> str | None:
        """The original ``article_id`` duplicates; if none, index it as an original."""
        original = self.find(article_id, sig)
        if original is None:
            self.add(article_id, sig)
        return original

    @classmethod
    def from_store(cls, store: Store, threshold: float = THRESHOLD) -> Deduplicator:
        """An index of every original already in the store (signatures recomputed, ~1 ms an article)."""
        dedup = cls(threshold)
        for article_id, text in _stored_originals(store):
            dedup.add(article_id, signature(text))
        return dedup

    @staticmethod
    def _minhash(sig: tuple[int, ...]) -> Any:
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashvalues=sig)


def _stored_originals(store: Store) -> Iterator[tuple[str, str]]:
    """(id, text) of every stored article that is not itself a duplicate, in id order.

    Reads the store's ``articles`` table directly (a read-only query on its
    connection) rather than parsing every article's contract JSON.
    """
    import duckdb

    from dateline.errors import StoreError

    try:
        cursor = store.con.cursor()
        cursor.execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL ORDER BY id")
        while chunk := cursor.fetchmany(1024):
            yield from ((str(i), str(t)) for i, t in chunk)
    except duckdb.Error as exc:
        message = f"reading stored articles from {store.path} for near-duplicate detection failed: {exc}"
        raise StoreError(message) from exc
