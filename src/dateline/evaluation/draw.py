"""Draw quotes at random for a hand check: ``python -m dateline.evaluation.draw --seed N``.

No gold marks stances in news that is not PolNeAR's, so their precision is read
by hand: a reader judges N quotes drawn at random from dateline's output over
the shared Wikinews corpus. The draw is repeatable from its seed alone:

1. the population is dateline's default pipeline over the corpus (parses from
   the evaluation parse cache with ``--parse-cache``), less the articles of the
   coded sets named by ``--exclude-gold`` (by id; by default the checkout's blind
   ``eval/wikinews-heldout``, which no one reads), and of them the quotes of one
   kind (default ``stance``);
2. those quotes are put in a fixed order (article id, start of the content,
   quote id), shuffled by :class:`random.Random` with the seed, and the first N
   taken.

The same corpus, code and seed give the same N quotes; a change to the stages
changes the population, so a draw is tied to the commit it was made on. Each
row gives the article id, the quote id, the speaker (its actor's name and the
words that name it), the cue, the content, the sentence(s) that hold them and a
blank ``right`` column for the reader, as a Markdown table (default) or JSONL.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from dateline._paths import shared_root
from dateline.errors import DatelineError, InputError
from dateline.evaluation.wikinews import CORPUS_FILE, GOLD_FILE, GoldArticle, run, uncoded
from dateline.records import QUOTE_KINDS, Article, Quote

__all__ = ["DEFAULT_EXCLUDED", "DEFAULT_N", "Drawn", "draw", "excluded_ids", "main", "read_corpus", "rows"]

#: Quotes a check reads (40 stances are judged; the goal is 30 right).
DEFAULT_N = 40
#: The coded set never drawn from unless other sets are named: the checkout's blind held-out articles.
DEFAULT_EXCLUDED = Path(__file__).resolve().parents[3] / "eval" / "wikinews-heldout"
#: Text around a quote shown when its article has no parse to find the sentence with.
_WINDOW = 200


@dataclass(frozen=True, slots=True)
class Drawn:
    """One drawn quote as a reader sees it; ``right`` is left blank for the reader's judgement."""

    n: int
    article: str
    quote: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    content: str
    negated: bool
    sentence: str
    right: str = ""


def read_corpus(path: Path) -> list[GoldArticle]:
    """The articles (id, url, date, title, text) of a JSONL corpus, in its order."""
    try:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [uncoded(r) for r in records]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the corpus to draw from: {exc}; pass a JSONL file of articles with "
                         f"an id and a text (--corpus)", source=str(path)) from exc


def excluded_ids(folders: Sequence[Path]) -> frozenset[str]:
    """The ids of the articles of these coded sets (their ``gold.json``), read for their ids only."""
    ids: set[str] = set()
    for folder in folders:
        try:
            ids |= {str(coded["id"]) for coded in json.loads((folder / GOLD_FILE).read_text(encoding="utf-8"))}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"cannot read the ids of the coded set to leave out: {exc}; pass a folder that "
                             f"holds {GOLD_FILE} (--exclude-gold)", source=str(folder)) from exc
    return frozenset(ids)


def _sentence(article: Article, quote: Quote) -> str:
    """The sentences from the one where the quote (cue or content) starts to the one where its content ends."""
    start = min(quote.content.start, quote.cue.start) if quote.cue else quote.content.start
    end = quote.content.end
    if article.doc is not None:
        sentences = [(s.start_char, s.end_char) for s in article.doc.sents]
        start = min((s for s, e in sentences if s <= start < e), default=start)
        end = max((e for s, e in sentences if s < end <= e), default=end)
    else:
        start, end = max(0, start - _WINDOW), end + _WINDOW
    return " ".join(article.text[start:end].split())


def draw(articles: Sequence[Article], seed: int, n: int = DEFAULT_N, kind: str = "stance") -> list[Drawn]:
    """``n`` quotes of ``kind`` drawn at random with ``seed`` from these processed articles (see the module)."""
    population = sorted(((a, q) for a in articles for q in a.quotes if q.kind == kind),
                        key=lambda pair: (pair[0].id, pair[1].content.start, pair[1].id))
    random.Random(seed).shuffle(population)
    drawn = []
    for number, (article, quote) in enumerate(population[:n], 1):
        actor = article.actor(quote.speaker) if quote.speaker else None
        drawn.append(Drawn(number, article.id, quote.id, actor.name if actor else None,
                           quote.speaker_span.text if quote.speaker_span else None,
                           quote.cue.text if quote.cue else None, quote.content.text, quote.negated,
                           _sentence(article, quote)))
    return drawn


def _cell(value: object) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")


def rows(drawn: Sequence[Drawn], form: str) -> list[str]:
    """The draw as lines of a Markdown table (``form`` "markdown") or of JSONL ("jsonl")."""
    if form == "jsonl":
        return [json.dumps(asdict(d), ensure_ascii=False) for d in drawn]
    header = ("#", "article", "quote", "speaker", "as written", "cue", "content", "negated", "sentence", "right")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for d in drawn:
        cells = (d.n, d.article, d.quote, d.speaker, d.speaker_text, d.cue, d.content,
                 "yes" if d.negated else "", d.sentence, d.right)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.draw", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True, help="random seed: the same seed draws the same quotes")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help=f"quotes to draw (default {DEFAULT_N})")
    parser.add_argument("--kind", choices=QUOTE_KINDS, default="stance", help="kind of quote (default stance)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"JSONL corpus (default {CORPUS_FILE} under $DATELINE_SHARED or ../shared)")
    parser.add_argument("--exclude-gold", type=Path, action="append", default=None, metavar="DIR",
                        help="a coded set (folder of gold.json) whose articles are never drawn; repeatable "
                        f"(default {DEFAULT_EXCLUDED.parent.name}/{DEFAULT_EXCLUDED.name} of this checkout)")
    parser.add_argument("--parse-cache", type=Path, default=os.environ.get("DATELINE_PARSE_CACHE") or None,
                        metavar="DIR", help="keep spaCy parses of the corpus texts in DIR and reuse them "
                        "(default $DATELINE_PARSE_CACHE; none when unset)")
    parser.add_argument("--format", choices=("markdown", "jsonl"), default="markdown",
                        help="a Markdown table (default) or one JSON object a line")
    parser.add_argument("--out", type=Path, default=None, help="write the draw to this file (default: print it)")
    return parser


def _population(args: argparse.Namespace) -> tuple[list[Article], str]:
    """The processed articles to draw from, and a line that says what they are."""
    from dateline.evaluation._parses import parse_cache

    corpus = args.corpus or shared_root() / CORPUS_FILE
    left_out = excluded_ids(args.exclude_gold or [DEFAULT_EXCLUDED])
    every = read_corpus(corpus)
    articles = [a for a in every if a.id not in left_out]
    with parse_cache(args.parse_cache):
        results = run(articles)
    done = [r for r in results if isinstance(r, Article)]
    failed = f", {len(results) - len(done)} failed" if len(done) < len(results) else ""
    found = sum(q.kind == args.kind for a in done for q in a.quotes)
    return done, (f"{len(done)} articles of {corpus} ({len(every) - len(articles)} of the coded sets left out"
                  f"{failed}), {found} quotes of kind {args.kind}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    try:
        articles, note = _population(args)
    except DatelineError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 3
    drawn = draw(articles, args.seed, args.n, args.kind)
    text = "\n".join(rows(drawn, args.format)) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"seed {args.seed}: {len(drawn)} drawn from {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
