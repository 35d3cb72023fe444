"""Annotate: one spaCy parse per article, offsets are article offsets, batches bounded by size."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate import (
    PARAGRAPHS,
    PIPE_BATCH_SIZE,
    PIPE_CHAR_BUDGET,
    apply_batch,
    chunk_texts,
    load_model,
    pipeline_name,
    start_paragraphs,
    title_abbreviations,
)
from dateline.records import Article


def test_doc_offsets_are_article_offsets() -> None:
    text = "Russian President Vladimir Putin met Angela Merkel in Berlin."
    (article,) = apply_batch([Article(id="a", source="s", text=text)])
    for ent in article.doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
    assert {e.text for e in article.doc.ents} >= {"Vladimir Putin", "Angela Merkel", "Berlin"}


def test_batch_keeps_order() -> None:
    texts = ["One.", "Two words.", "Three words here."]
    out = apply_batch([Article(id=str(i), source="s", text=t) for i, t in enumerate(texts)])
    assert [a.doc.text for a in out] == texts


@given(st.lists(st.integers(0, 3 * PIPE_CHAR_BUDGET // 2), max_size=80))
def test_chunks_keep_every_text_in_order_within_bounds(sizes: list[int]) -> None:
    texts = ["x" * n for n in sizes]
    chunks = chunk_texts(texts)
    assert [t for chunk in chunks for t in chunk] == texts
    for chunk in chunks:
        assert len(chunk) <= PIPE_BATCH_SIZE
        assert len(chunk) == 1 or sum(map(len, chunk)) <= PIPE_CHAR_BUDGET


def test_every_paragraph_starts_a_sentence() -> None:
    text = ("Clinton Leads in New Polls\n\nPolling averages show Clinton ahead by three points\n\n"
            "Kerr Putney said that the footage was unclear.")
    [article] = apply_batch([Article(id="a", source="t", text=text)])
    assert article.doc is not None
    starts = [sent.start_char for sent in article.doc.sents]
    assert text.index("Polling") in starts and text.index("Kerr") in starts
    assert PARAGRAPHS in load_model().pipe_names


def test_no_sentence_starts_right_after_a_word() -> None:
    doc = start_paragraphs(load_model().make_doc("He thought the 19th Amendment was vague. It was.\n\nNext line"))
    starts = {token.text: token.is_sent_start for token in doc}
    assert starts["Amendment"] is False and starts["was"] is False  # mid-phrase: never a sentence start
    assert starts["It"] is None  # after a full stop: the parser decides
    assert starts["Next"] is True  # after a blank line: always


def test_an_abbreviated_title_stays_whole_and_with_its_name() -> None:
    text = "Detective Sgt. Ann Poe said the van was found. Lt. Col. Bo Tran and Capt. Eli Diaz agreed on Friday."
    [article] = apply_batch([Article(id="a", source="t", text=text)])
    assert article.doc is not None
    words = [token.text for token in article.doc]
    assert "Sgt." in words and "Lt." in words and "Col." in words and "Capt." in words
    sentences = [sent.text for sent in article.doc.sents]
    assert sentences == ["Detective Sgt. Ann Poe said the van was found.",
                         "Lt. Col. Bo Tran and Capt. Eli Diaz agreed on Friday."]
    assert {e.text for e in article.doc.ents} >= {"Ann Poe", "Bo Tran", "Eli Diaz"}


def test_a_name_after_a_title_is_no_sentence_start_but_a_full_stop_still_ends_one() -> None:
    doc = load_model()("The hearing ended. Insp. Ray Moe and Cpl. Dee Fox left.")
    starts = {token.text: token.is_sent_start for token in doc}
    assert starts["Ray"] is False and starts["Dee"] is False  # the name after its title
    assert starts["Insp."] is True  # a title that opens a sentence after a full stop


def test_the_titles_come_from_the_language_file_and_name_the_parses() -> None:
    titles = title_abbreviations("en")
    assert {"Sgt.", "Capt.", "Lt.", "Gov.", "Sen."} <= titles and all(t.endswith(".") for t in titles)
    assert pipeline_name(load_model()).endswith("+annotate-1.0.0")  # cached parses of other settings are not reused
