"""Clean: the lead of an article is never thrown away, and the body ends where readers' comments begin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dateline.clean import PARAGRAPH_SEPARATOR, clean
from dateline.clean._found import normalize_line
from dateline.records import Article, Document

BODY = [
    "The appeals court put the ruling on hold until it can hear from the governor's lawyers later this month.",
    "Dale had asked the federal court in Albany to halt an audit begun by the state comptroller's office last year.",
    "The judge wrote that the privilege the governor claimed had no basis in the state constitution or in law.",
]
LEAD = ("On Tuesday, United States District Court Judge Helen Ward ruled against Governor Mark Dale, finding that "
        "New York State auditors could examine the accounts of his campaign.")

#: A paragraph of the corpus that holds a sentence: enough words, and a stop (perhaps inside quotation marks).
_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
SENTENCE_MIN_WORDS = 8


def _text(content: str) -> Article:
    return clean(Document("d", "<test>", "text", content))


def _lead(text: str) -> str | None:
    """The article's lead, from its own text: the first paragraph that is a sentence (a date line, a table row
    or a picture credit above it is not)."""
    for paragraph in (normalize_line(p) for p in text.splitlines()):
        if len(paragraph.split()) >= SENTENCE_MIN_WORDS and _SENTENCE.search(paragraph):
            return paragraph
    return None


def test_a_lead_that_opens_with_capitalized_names_is_kept() -> None:
    article = _text("Monday, October 7, 2019\n" + "\n".join([LEAD, *BODY]))
    assert article.text == PARAGRAPH_SEPARATOR.join([LEAD, *BODY])


def test_a_lead_followed_by_a_pull_quote_attribution_is_kept() -> None:
    attribution = "—Anna Nowak on the long search for the missing climbers"
    article = _text("\n".join([LEAD, attribution, *BODY]))
    assert article.text.startswith(LEAD + PARAGRAPH_SEPARATOR + BODY[0])
    assert ("pull-quote", attribution) in [(b.kind, b.text) for b in article.boilerplate]


def test_a_lead_followed_by_picture_captions_is_kept() -> None:
    captions = ["The home side spent most of the first half deep in their own territory. (Image: Peter Lang)",
                "The visitors scored two late tries on the left wing. (Image: Peter Lang)"]
    article = _text("\n".join([LEAD, *captions, *BODY]))
    assert article.text == PARAGRAPH_SEPARATOR.join([LEAD, *BODY])
    assert [b.kind for b in article.boilerplate] == ["caption", "caption"]


def test_teasers_glued_to_their_summary_stay_out_of_the_body() -> None:
    teasers = [
        "Late Penalty Ends Rovers' Cup RunRovers' hopes of a first cup final ended with a penalty in added time.",
        "Are Ticket Prices In Football Too High?Ticket prices have doubled in ten years and fans say it must stop.",
        "Toyota Recalls Its Sedans; Faulty Pump Can Cause Stalling Or LeaksToyota is recalling cars to fix a pump.",
    ]
    article = _text("\n".join([*BODY, "More News", *teasers]))
    assert article.text == PARAGRAPH_SEPARATOR.join(BODY)
    assert {b.text for b in article.boilerplate} >= set(teasers)


def test_the_body_ends_where_readers_comments_begin() -> None:
    more = ["Lawyers for the governor said they would appeal to the state's highest court if the ruling stood, "
            "and that the audit was an attempt to harass him before the election.",
            "The district attorney's office said it would comply with any order of the courts and that the "
            "investigation would continue while the appeal is heard."]
    lines = [LEAD, *BODY, *more, "Top Rated Comments"]
    for number in range(12):  # a discussion longer than the article, every comment its own
        lines += [f"reader{number}", f"{number + 2} days ago at 07:50 am",
                  f"I think the court got this one right, and reader number {number} has said so for months to "
                  "anyone who would listen to the argument about the subpoena.",
                  f"The president should release the returns like every president before him did, and then this "
                  f"whole case would be over in {number + 3} days."]
    article = _text("\n".join(lines))
    assert article.text == PARAGRAPH_SEPARATOR.join([LEAD, *BODY, *more])
    assert "Top Rated Comments" in [b.text for b in article.boilerplate]


def test_no_lead_is_lost_in_the_wikinews_corpus(shared: Path) -> None:
    """Every article of the shared Wikinews corpus keeps its lead (its first sentence paragraph) in the body,
    and never as boilerplate."""
    path = shared / "corpora" / "wikinews.jsonl"
    if not path.is_file():
        pytest.skip(f"corpus not found at {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lost = []
    for row in rows:
        article = clean(Document(row["id"], row["id"], "text", row["text"], url=row.get("url"),
                                 title=row.get("title"), published=row.get("date")))
        lead = _lead(row["text"])
        assert lead is not None, row["id"]
        if lead not in article.text.split(PARAGRAPH_SEPARATOR) or lead in {b.text for b in article.boilerplate}:
            lost.append(row["id"])
    assert len(rows) == 269 and not lost, f"leads lost: {lost}"
