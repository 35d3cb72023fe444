"""Findings as sources: what a poll or a study finds, whether it opens the sentence or closes the clause."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline import annotate, quotes
from dateline.records import Article, Quote


def found(text: str) -> list[Quote]:
    [article] = annotate.apply_batch([Article(id="a1", source="test", text=text)])
    return list(quotes.apply(replace(article, actors=()), quotes.QuotesConfig(method="rules")).quotes)


def readings(text: str) -> set[tuple[str | None, str]]:
    return {(q.speaker_span.text if q.speaker_span else None, q.content.text) for q in found(text)}


def test_a_finding_that_opens_or_closes_a_clause_is_its_source(nlp: Any) -> None:
    assert readings("In the new poll, Ms. Ortega led Mr. Lund by 5 points.") == {
        ("the new poll", "Ms. Ortega led Mr. Lund by 5 points")}
    assert readings("Ms. Ortega kept a lead of nine points over Mr. Lund with rural women in a fresh county poll.") == {
        ("a fresh county poll", "Ms. Ortega kept a lead of nine points over Mr. Lund with rural women")}


def test_the_word_that_ties_the_clause_to_another_is_left_out(nlp: Any) -> None:
    assert ("most surveys", "she is running ahead of Mr. Lund") in readings(
        "Ms. Ortega lost the primary, though she is running ahead of Mr. Lund in most surveys.")


def test_a_place_or_a_clause_of_someone_else_is_no_finding(nlp: Any) -> None:
    assert not any(source in ("the town hall", "the survey") for source, _ in readings(
        "The mayor spoke in the town hall. Mr. Lund, who polls at 2 percent in the survey, stayed in the race."))
