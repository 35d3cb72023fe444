"""A claim its speaker is said not to have made ("did not say that ...") is kept, marked ``negated``, and stored so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dateline import actors, annotate, quotes
from dateline.records import Article
from dateline.serialize import article_from_dict, article_to_dict
from dateline.store import Store

DENIAL = ("The senator did not say that the plant would close, but her aide said it would stay open "
          "until June.")


def parsed(text: str) -> Article:
    return actors.apply(annotate.apply_batch([Article(id="n1", source="test", text=text)])[0])


@pytest.mark.parametrize("method", ["combined", "model", "rules"])
def test_a_denied_claim_is_kept_and_marked(nlp: Any, method: str) -> None:
    found = quotes.apply(parsed(DENIAL), quotes.QuotesConfig(method=method)).quotes
    marks = {q.content.text: q.negated for q in found}
    assert marks == {"the plant would close": True, "it would stay open until June": False}
    denied = next(q for q in found if q.negated)
    assert denied.speaker_span is not None and denied.speaker_span.text == "The senator"
    assert denied.cue is not None and denied.cue.text == "say"


def test_a_verb_coordinated_with_a_negated_one_is_negated_too(nlp: Any) -> None:
    found = quotes.apply(parsed("The challenger did not accept the result or admit defeat on Sunday.")).quotes
    assert found and all(q.negated for q in found)


def test_never_denies_and_a_plain_claim_is_not_negated(nlp: Any) -> None:
    [never] = quotes.apply(parsed("The company never claimed that its new engine was safer than the old one.")).quotes
    assert never.negated and never.content.text == "its new engine was safer than the old one"
    [plain] = quotes.apply(parsed("The company claimed that its new engine was safer than the old one.")).quotes
    assert not plain.negated and plain.content.text == never.content.text


def test_the_mark_goes_into_the_json_and_the_store(nlp: Any, tmp_path: Path) -> None:
    article = replace(quotes.apply(parsed(DENIAL)), doc=None)
    data = article_to_dict(article)
    assert [q["negated"] for q in data["quotes"]] == [True, False]
    assert article_from_dict(data).quotes == article.quotes
    with Store(tmp_path / "n.duckdb") as store:
        store.write([article])
        stored = {row["text"]: row["negated"] for row in store.quotes()}
    assert stored == {"the plant would close": True, "it would stay open until June": False}


def test_an_adjective_after_a_negated_copula_is_negated(nlp: Any) -> None:
    found = quotes.apply(parsed("The minister was not sure that the new bridge would be ready by May. "
                                "The minister was sure that the old ferry would stay.")).quotes
    marks = {q.content.text: q.negated for q in found}
    assert marks == {"the new bridge would be ready by May": True, "the old ferry would stay": False}
