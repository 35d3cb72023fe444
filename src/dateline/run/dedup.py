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

import functools
import hashlib
import itertools
import re
from collections import deque
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
#: Bands and rows of the LSH index: 32 bands of 4 values each, the split that
#: weighs false positives and false negatives equally at THRESHOLD for
#: NUM_PERM values (the optimum of the usual LSH error integrals for 0.4 and
#: 128; a candidate is then checked on the whole signature).
BANDS, ROWS = 32, 4
#: Shingles hashed at a time: bounds the memory a long text needs (a chunk
#: takes CHUNK_SHINGLES x NUM_PERM x 4 bytes, 2 MB) whatever its length.
CHUNK_SHINGLES = 4096
#: Words of a text that its signature is made from. News articles run to a few thousand words (the
#: longest of the Wikinews corpus has 20,000); beyond this a text is a dump or a book, and signing it
#: whole took a minute for 20 MB.
MAX_SIGNED_WORDS = 100_000
_WORD = re.compile(r"\w+")
_MAX32 = (1 << 32) - 1


def _shingles(text: str) -> Iterator[bytes]:
    """The runs of SHINGLE_WORDS words of the text's first MAX_SIGNED_WORDS words, lower-cased (all its words
    when it has fewer), as they come."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    full = False
    for match in itertools.islice(_WORD.finditer(text.lower()), MAX_SIGNED_WORDS):
        window.append(match.group())
        if len(window) == SHINGLE_WORDS:
            full = True
            yield " ".join(window).encode("utf-8")
    if not full and window:
        yield " ".join(window).encode("utf-8")


@functools.cache
def _permutations() -> tuple[Any, Any]:
    """The NUM_PERM affine permutations h -> a * h + b (mod 2^32), a odd, drawn from a fixed seed."""
    import numpy as np

    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mix(values: Any) -> Any:
    """MurmurHash3's 32-bit finalizer: spreads the input hashes before the permutations."""
    import numpy as np

    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text (``NUM_PERM`` integers; picklable), in bounded memory.

    Each shingle's SHA-1 (first 4 bytes, little-endian) is mixed and put
    through every permutation; the signature keeps each permutation's minimum.
    """
    import numpy as np

    a, b = _permutations()
    mins = np.full(NUM_PERM, _MAX32, dtype=np.uint32)
    shingles = _shingles(text)
    while chunk := list(itertools.islice(shingles, CHUNK_SHINGLES)):
        hashes = np.array([int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in chunk], dtype=np.uint32)
        permuted = _mix(hashes).reshape(-1, 1) * a + b
        mins = np.minimum(mins, permuted.min(axis=0))
    return tuple(int(v) for v in mins)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


class Deduplicator:
    """An index of originals; :meth:`check` says whether an article duplicates one.

    Only originals are indexed, so a duplicate always points to the first
    article of its story, never to another duplicate. The index is banded
    LSH: two signatures that agree on all ROWS values of any of the BANDS
    bands are candidates, and a candidate is checked on its whole signature.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._bands: list[dict[tuple[int, ...], list[str]]] = [{} for _ in range(BANDS)]
        self._signatures: dict[str, tuple[int, tuple[int, ...]]] = {}  # id -> (order, signature)

    def __len__(self) -> int:
        return len(self._signatures)

    def find(self, article_id: str, sig: tuple[int, ...]) -> str | None:
        """The original this signature duplicates (not ``article_id`` itself), or None."""
        best: tuple[float, int, str] | None = None  # (-similarity, insertion order, id): the smallest wins
        for key in self._candidates(sig):
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
        for band, table in zip(_bands(sig), self._bands, strict=True):
            table.setdefault(band, []).append(article_id)

    def check(self, article_id: str, sig: tuple[int, ...]) -> str | None:
        """The original ``article_id`` duplicates; if none, index it as an original."""
        original = self.find(article_id, sig)
        if original is None:
            self.add(article_id, sig)
        return original

    def _candidates(self, sig: tuple[int, ...]) -> set[str]:
        found: set[str] = set()
        for band, table in zip(_bands(sig), self._bands, strict=True):
            found.update(table.get(band, ()))
        return found

    @classmethod
    def from_store(cls, store: Store, threshold: float = THRESHOLD) -> Deduplicator:
        """An index of every original already in the store (signatures recomputed, ~1 ms an article)."""
        dedup = cls(threshold)
        for article_id, text in _stored_originals(store):
            dedup.add(article_id, signature(text))
        return dedup


def _bands(sig: tuple[int, ...]) -> list[tuple[int, ...]]:
    return [sig[i * ROWS : (i + 1) * ROWS] for i in range(BANDS)]


def _stored_originals(store: Store) -> Iterator[tuple[str, str]]:
    """(id, text) of every stored article that is not itself a duplicate, in id order.

    Reads the store's ``articles`` table directly (a read-only query on its
    connection) rather than parsing every article's contract JSON.
    """
    import duckdb

    from dateline.errors import StoreError

    try:
        with store.session() as con:
            cursor = con.cursor()
            cursor.execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL ORDER BY id")
            while chunk := cursor.fetchmany(1024):
                yield from ((str(i), str(t)) for i, t in chunk)
    except duckdb.Error as exc:
        message = f"reading stored articles from {store.path} for near-duplicate detection failed: {exc}"
        raise StoreError(message) from exc
