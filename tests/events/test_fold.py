"""Events: which triggers are the content of another (:mod:`dateline.events._fold`), over the real pipeline."""

from __future__ import annotations

from tests.events.test_events import actor_names, only, run


def test_a_clause_the_parse_hangs_on_another_across_a_semicolon_is_no_content_of_it() -> None:
    # the parse makes "handed" the complement of "approved": the demand is no content of the approval
    article = run("Union leader Ana Ruiz handed a petition demanding safer mines to Minister Leo Park; the new mine "
                  "rules were approved a week later.")
    event = only(article, "REQUEST")
    assert actor_names(article, event.actors) == ["Ana Ruiz"]
    assert actor_names(article, event.recipients) == ["Leo Park"]
