"""Clean: each kind of junk line that boilerplate.json names is taken out of the body and kept, with its kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import lang
from dateline.clean import PARAGRAPH_SEPARATOR, clean
from dateline.clean._patterns import load_patterns
from dateline.errors import ResourceError
from dateline.records import Article, Document

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old bridge to traffic after engineers found deep cracks.",
    "Residents who live near the river said they had warned officials about the damage for more than a year.",
    "The mayor said repairs would begin in the spring and that a ferry would run in the meantime.",
]

JUNK = [
    ("promo", "Our Coverage of the Impeachment Inquiry"),
    ("promo", "Read the motion to dismiss here (Mobile users go here)"),
    ("credit", "(Reporting by Sara Lind; Editing by Mark Hale)"),
    ("credit", "Reporting by Omar Reyes; additional reporting by Jenna Holt and Ravi Kumar Das; Editing by "
               "Paul Marsh and Ann Cole"),
    ("credit", "Our Standards: The Thomson Reuters Trust Principles."),
    ("copyright", "© 2019 Reuters. All rights reserved."),
    ("copyright", "Copyright 2020 The Associated Press. All rights reserved. This material may not be published, "
                  "broadcast, rewritten or redistributed."),
    ("copyright", "Hearst Newspapers © Copyright Hearst Communications, Inc."),
    ("shopping", "Best Holiday Deals"),
    ("shopping", "The best Black Friday laptop deals of 2021"),
    ("embedded-post", "Please check on your elderly neighbours tonight pic.twitter.com/Qx7LmP2aZt"),
    ("embedded-post", "— Jane Doe (@JaneDoeMayor) March 3, 2021"),
    ("pull-quote", "—Anna Nowak on the long search for the missing climbers"),
    ("caption", "The visitors scored two late tries on the left wing. (Image: Peter Lang)"),
    ("caption", "The market square at dawn. Image: Karol Wiśniewski."),
]

#: Body lines that look like junk at a glance and are not.
NOT_JUNK = [
    "— Я каждое утро гуляю с собакой в парке. Потом мы вместе пьём чай на кухне.",
    "The best deals, the minister said, were the ones struck before the summit began in earnest.",
    "Our coverage of the trial was cited by the defence in its motion to dismiss, the lawyer said on Tuesday.",
]


def _text(content: str) -> Article:
    return clean(Document("d", "<test>", "text", content))


def _html(body: str) -> Article:
    page = f"<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1>{body}</article>"
    return clean(Document("h", "<test>", "html", page + "</body></html>"))


@pytest.mark.parametrize(("kind", "line"), JUNK)
def test_a_junk_line_inside_flattened_text_is_kept_apart_with_its_kind(kind: str, line: str) -> None:
    article = _text("\n".join([PARAGRAPHS[0], PARAGRAPHS[1], line, PARAGRAPHS[2]]))
    assert article.text == PARAGRAPH_SEPARATOR.join(PARAGRAPHS)
    assert (kind, line) in [(b.kind, b.text) for b in article.boilerplate]


@pytest.mark.parametrize(("kind", "line"), JUNK)
def test_a_junk_paragraph_inside_an_html_body_is_kept_apart_with_its_kind(kind: str, line: str) -> None:
    article = _html("".join(f"<p>{p}</p>" for p in [PARAGRAPHS[0], PARAGRAPHS[1], line, PARAGRAPHS[2]]))
    assert article.text == PARAGRAPH_SEPARATOR.join(PARAGRAPHS)
    assert (kind, line) in [(b.kind, b.text) for b in article.boilerplate]


@pytest.mark.parametrize("line", NOT_JUNK)
def test_body_lines_that_resemble_junk_stay(line: str) -> None:
    assert load_patterns(lang.resources("en")).kind_of(line) is None
    assert line in _text("\n".join([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])).text


def test_a_line_that_opens_a_quote_stays_in_an_html_body() -> None:
    """The comments kind ("Jane Doe wrote:") is for flattened pages only: in an article it opens a quote."""
    line = "The senator wrote:"
    assert load_patterns(lang.resources("en")).kind_of(line) == "comments"
    assert line in _html("".join(f"<p>{p}</p>" for p in [PARAGRAPHS[0], line, *PARAGRAPHS[1:]])).text


@pytest.mark.parametrize("section", ["html_kinds", "comment_kinds", "penalized_kinds"])
def test_sections_naming_kinds_are_checked(section: str, tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.json"
    path.write_text(json.dumps({section: {"kinds": ["no-such-kind"]}}), encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown kind"):
        load_patterns(lang.resources("en", {"boilerplate": str(path)}))
