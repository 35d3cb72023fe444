"""The ECB+ reader: text as a page prints it, mentions at their places, clusters across articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.evaluation._ecbplus import detokenize, read_corpus


def test_detokenize_joins_punctuation_quotes_and_hyphens() -> None:
    tokens = ["``", "It", "'s", "a", "face", "-", "off", ",", "''", "he", "said", "at", "19", ":", "04", "."]
    text, offsets = detokenize(tokens)
    assert text == "\u201cIt's a face-off,\u201d he said at 19:04."
    assert [text[s:e] for s, e in offsets][1:3] == ["It", "'s"]


@given(st.lists(st.sampled_from(["word", ",", ".", "(", ")", "-", "'s", "``", "''", "9", ":"]), max_size=30))
def test_every_token_is_found_at_its_offsets(tokens: list[str]) -> None:
    text, offsets = detokenize(tokens)
    printed = [{"``": "\u201c", "''": "\u201d"}.get(t, t) for t in tokens]
    assert [text[s:e] for s, e in offsets] == printed


def _write(folder: Path, name: str, sentences: list[list[str]], markables: str, relations: str) -> None:
    tokens, t_id = [], 0
    for number, words in enumerate(sentences):
        for word in words:
            t_id += 1
            tokens.append(f'<token t_id="{t_id}" sentence="{number}" number="0">{word}</token>')
    topic = name.split("_")[0]
    (folder / "xml" / topic).mkdir(parents=True, exist_ok=True)
    (folder / "xml" / topic / f"{name}.xml").write_text(
        f'<Document doc_name="{name}.xml">{"".join(tokens)}<Markables>{markables}</Markables>'
        f"<Relations>{relations}</Relations></Document>", encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    # 1_1ecb: "http://x.com/a" / "Quake hits town ." / "Rescuers dig ." ; mentions: hits (cross-doc), dig
    _write(tmp_path, "1_1ecb", [["http://x.com/a"], ["Quake", "hits", "town", "."], ["Rescuers", "dig", "."]],
           '<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE>'
           '<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="7"/></ACTION_OCCURRENCE>'
           '<ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/>',
           '<CROSS_DOC_COREF r_id="5"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>')
    _write(tmp_path, "1_2ecbplus", [["Town", "struck", "by", "quake", "."]],
           '<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="2"/></ACTION_OCCURRENCE>'
           '<NEG_ACTION_OCCURRENCE m_id="4"><token_anchor t_id="4"/></NEG_ACTION_OCCURRENCE>'
           '<HUMAN_PART_PER m_id="6"><token_anchor t_id="1"/></HUMAN_PART_PER>'
           '<ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/>',
           '<CROSS_DOC_COREF r_id="6"><source m_id="3"/><target m_id="9"/></CROSS_DOC_COREF>'
           '<INTRA_DOC_COREF r_id="7"><source m_id="4"/><target m_id="3"/></INTRA_DOC_COREF>')
    (tmp_path / "validated_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,1\n1,2ecbplus,0\n", encoding="utf-8")
    return tmp_path


def test_articles_have_their_incident_address_and_mentions(corpus: Path) -> None:
    first, second = read_corpus(corpus)
    assert (first.id, first.topic, first.incident, first.url) == ("1_1ecb", 1, "1ecb", "http://x.com/a")
    assert first.text == "Quake hits town.\n\nRescuers dig."
    assert [first.text[m.start:m.end] for m in first.mentions] == ["hits", "dig"]
    assert [m.validated for m in first.mentions] == [True, False]
    assert second.incident == "1ecbplus"
    # "hits" and "struck" share the cross-document instance; "quake" joins "struck" within its article
    assert first.mentions[0].cluster == second.mentions[0].cluster == "ACT1"
    assert second.mentions[1].cluster == "1_2ecbplus/7" and first.mentions[1].cluster == "1_1ecb/m2"


def test_skipped_sentences_lose_their_mentions(corpus: Path) -> None:
    [first] = read_corpus(corpus, topics={1}, skip=lambda line: line.startswith("Rescuers"))[:1]
    assert first.skipped == ("Rescuers dig.",)
    assert first.text == "Quake hits town." and len(first.mentions) == 1


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "validated_sentences.csv").write_text("Topic,File,Sentence Number\n", encoding="utf-8")
    with pytest.raises(InputError, match="no ECB\\+ articles"):
        read_corpus(tmp_path)
