"""Events: which triggers are the content of another (:mod:`dateline.events._fold`), over the real pipeline."""

from __future__ import annotations

from tests.events.test_events import actor_names, only, run


def test_a_clause_the_parse_hangs_on_another_across_a_semicolon_is_no_content_of_it() -> None:
    # the parse makes "sent" the complement of "released": the request is no content of a release
    article = run("Senator Tom Baker sent a letter requesting new sanctions to President Maria Costa; the sanctions "
                  "were released later the same day.")
    event = only(article, "REQUEST")
    assert actor_names(article, event.actors) == ["Tom Baker"]
    assert actor_names(article, event.recipients) == ["Maria Costa"]
