"""Events: which trigger hits are acts at all (:mod:`dateline.events._hits`), over the real pipeline."""

from __future__ import annotations

import pytest

from tests.events.test_events import run


@pytest.mark.parametrize(("text", "kind", "coded"), [
    ("Senator Mary Hale held a news conference in Denver on Monday.", "CONSULT", False),
    ("Governor Tom Reyes held his first campaign rally in Reno on Saturday.", "PROTEST", False),
    ("On Saturday, Mayor Anna Berg held her first rally in two months, in Reno.", "PROTEST", False),
    ("Mayor Anna Berg held a rally against the new mine outside the parliament on Saturday.", "PROTEST", True),
    ("Senator Mary Hale attended Governor Tom Reyes's rally in Reno on Saturday.", "PROTEST", False),
    ("The Nevada Miners Union held a rally in Reno on Saturday.", "PROTEST", True),
    ("Senator Mary Hale held talks with Governor Tom Reyes in Denver on Monday.", "CONSULT", True),
])
def test_a_gathering_one_party_holds_to_address_the_public_is_no_protest_or_meeting(
        text: str, kind: str, coded: bool) -> None:
    article = run(text)
    found = [e for e in article.events if e.type == kind]
    assert bool(found) is coded, [(e.type, e.trigger.text) for e in article.events]
