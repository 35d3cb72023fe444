"""Who said what, as a user sees it: short articles run through the whole pipeline (``dateline.process``), and
their quotes read with the names of their speakers."""

from __future__ import annotations

import dateline
from dateline.records import Article, Quote


def _run(text: str, published: str = "2019-05-14") -> Article:
    return dateline.process(text, published=published)


def _speaker(article: Article, quote: Quote) -> str | None:
    return next((a.name for a in article.actors if a.id == quote.speaker), None)


def _quotes_over(article: Article, words: str) -> list[Quote]:
    at = article.text.index(words)
    return [q for q in article.quotes if q.content.start < at + len(words) and at < q.content.end]


def _quote(article: Article, words: str) -> Quote:
    (quote,) = _quotes_over(article, words)
    return quote


# ---- what was said -------------------------------------------------------------------------------------


def test_a_quoted_fragment_inside_a_report_is_one_report_of_the_whole_clause() -> None:
    article = _run("Senator Tom Reyes said the deal would 'wreck the economy' because of its costs to farmers.")
    quote = _quote(article, "wreck the economy")
    assert quote.content.text.startswith("the deal would 'wreck the economy'")
    assert not quote.direct and _speaker(article, quote) == "Tom Reyes"


def test_scare_quotes_used_as_names_are_no_quotes() -> None:
    article = _run('Trucks of the so-called "Freedom Convoy" reached the capital on Saturday. Fans of the "Iron '
                   'Lady" label crowded the hall.', "2022-02-05")
    assert _quotes_over(article, "Freedom Convoy") == []
    assert not any(q.direct for q in article.quotes)


def test_a_quotation_is_one_record() -> None:
    article = _run('Mayor Rosa Lopez spoke at the hall on Monday. Lopez said: "We will win this fight for our '
                   'schools." She left at noon.')
    quote = _quote(article, "We will win")
    assert quote.direct and _speaker(article, quote) == "Rosa Lopez"


def test_a_denied_concession_is_no_claim_of_defeat() -> None:
    article = _run("The mayor did not concede the race or admit that she had lost on Tuesday night, and her aides "
                   "stayed silent.", "2020-11-04")
    assert all(q.negated for q in _quotes_over(article, "lost"))


def test_the_interviewers_question_is_the_interviewers() -> None:
    article = _run('Radio host Kim Daly spoke to Mayor Rosa Lopez on Friday. "Will you run again next year?" Daly '
                   'asked. "No, I will not run again," Lopez replied.')
    assert _speaker(article, _quote(article, "Will you run")) == "Kim Daly"
    assert _speaker(article, _quote(article, "I will not run")) == "Rosa Lopez"


# ---- who said it ---------------------------------------------------------------------------------------


def test_a_pronoun_and_a_title_speak_for_the_person() -> None:
    article = _run("Maria Ortega, the city's mayor, opened the new bridge on Monday. She said the work had cost less "
                   "than planned. Finance Minister Jan Kowal met bankers in Warsaw. The minister said rates would "
                   "fall.")
    assert _speaker(article, _quote(article, "the work had cost")) == "Maria Ortega"
    assert _speaker(article, _quote(article, "rates would fall")) == "Jan Kowal"


def test_a_dateline_nobody_and_it_never_speak() -> None:
    article = _run("LONDON — The bank raised its main rate on Thursday, officials said. Nobody has claimed "
                   "responsibility for the blast in the market. It is expected that prices will rise.")
    speakers = {q.speaker_span.text.lower() for q in article.quotes if q.speaker_span is not None}
    assert speakers == {"officials"}
    assert not any(a.name.upper() == "LONDON" for a in article.actors)


def test_a_collective_noun_speaks_for_the_body_the_article_named() -> None:
    article = _run("The Harbour Workers Union called a strike at the docks of Dundee on Monday. The union said pay "
                   "had not kept up with prices. Eastgate Freight Ltd. lost most of its trade. The company said the "
                   "strike would cost it millions.", "2022-08-22")
    assert _speaker(article, _quote(article, "pay had not kept up")) == "Harbour Workers Union"
    assert _speaker(article, _quote(article, "the strike would cost")) == "Eastgate Freight Ltd."


def test_the_union_named_by_a_name_before_the_noun_speaks_as_the_union() -> None:
    article = _run("Members of the Stagehands union walked out of the Leeds theatres on Friday. The union said the "
                   "shows could not go on.", "2022-08-22")
    assert _speaker(article, _quote(article, "the shows could not")) == "Stagehands union"


def test_a_speaker_is_null_only_when_the_text_names_none() -> None:
    article = _run("Officials said the bridge would reopen in June. It was announced that the school would close.")
    named = _quote(article, "the bridge would reopen")
    assert named.speaker_span is not None and named.speaker_span.text == "Officials"
    for quote in _quotes_over(article, "the school would close"):
        assert quote.speaker is None and quote.speaker_span is None
