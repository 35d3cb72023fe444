"""Events: PLOVER coding over the real pipeline, the lexicon, status, arguments and the seed article."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import actors, events, lang
from dateline.errors import ResourceError, StageError
from dateline.events._context import calendar
from dateline.events._lexicon import load_lexicon
from dateline.events._plover import plover
from dateline.pipeline import Pipeline
from dateline.records import EVENT_TYPES, Article, Document, Event

STAGES = ["annotate", "actors", "times", "places", "events"]


def run(text: str, published: str | None = "2017-07-07", lexicons: dict[str, str] | None = None,
        roles: str = "", title: str | None = None) -> Article:
    """One article through the real pipeline, stopping on the first error (``roles``: the events stage's
    actor/recipient model; ``"none"`` for the rules alone)."""
    (result,) = Pipeline(STAGES, lexicons=lexicons or {}, config={"events": {"roles": roles}}, on_error="stop").run(
        [Document(id="doc1", source="test", kind="text", content=text, title=title, published=published)]
    )
    assert isinstance(result, Article)
    return result


def only(article: Article, event_type: str) -> Event:
    found = [e for e in article.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in article.events]
    return found[0]


def actor_names(article: Article, ids: Sequence[str]) -> list[str]:
    """The names of the article's actors with these ids, in their order."""
    return [a.name for i in ids if (a := article.actor(i)) is not None]


def texts(spans: Any) -> list[str]:
    return [s.text for s in spans]


def test_meeting_is_one_consult_with_both_parties_as_actors() -> None:
    article = run("Donald Trump met Vladimir Putin in Hamburg.")
    event = only(article, "CONSULT")
    assert texts(event.actor_spans) == ["Donald Trump", "Vladimir Putin"]
    assert event.recipient_spans == () and event.recipients == ()
    assert event.status == "occurred" and event.trigger.text == "met"
    assert event.evidence.text == "Donald Trump met Vladimir Putin in Hamburg."
    assert event.quad == 1 and event.intensity == 2.5
    assert 0 < (event.confidence or 0) <= 1
    assert event.id == run("Donald Trump met Vladimir Putin in Hamburg.").events[0].id  # stable


def test_passive_sanctions_take_agent_as_actor_and_on_as_recipient() -> None:
    event = only(run("New sanctions were imposed on Russia by the United States."), "SANCTION")
    assert texts(event.actor_spans) == ["the United States"]
    assert texts(event.recipient_spans) == ["Russia"]
    assert event.quad == 3  # verbal conflict, as in PLOVER's table of quad categories


def test_light_verb_talks_with_are_a_planned_consult() -> None:
    event = only(run("China will hold talks with Japan next week."), "CONSULT")
    assert event.status == "planned"
    assert set(texts(event.actor_spans)) == {"China", "Japan"}
    assert events.plover_type(event) == "AGREE"  # PLOVER codes announced meetings as AGREE


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia did not attack Ukraine.", "negated"),
        ("Iran could attack Israel.", "hypothetical"),
        ("Turkey is expected to attack the Kurdish militia.", "planned"),
        ("Syrian forces attacked the rebels.", "occurred"),
        ("Will Russia attack Ukraine?", "hypothetical"),
        ("Had Russia attacked Ukraine, NATO would have responded.", "hypothetical"),
        ("NATO averted an attack by Russia on Ukraine.", "negated"),
        ("Officials say months of attacks by Russia on Ukraine lie ahead.", "planned"),
        ("Russian forces attacked Ukraine ahead of the election.", "occurred"),
        ("Russia plans on attacking Ukraine.", "planned"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert only(run(text), "ASSAULT").status == status


@pytest.mark.parametrize(("text", "event_type"), [
    # the parse may make the inverted "had" the clause's head, or the clause a complement of the verb after it
    ("Had two more judges voted to convict, the governor would have lost his seat.", "SANCTION"),
    ("Had the rebels agreed to attack the town, the army would have retreated.", "AGREE"),
    # after the clause it conditions, and with "were ... to"
    ("The army would have retreated had the rebels attacked the town.", "ASSAULT"),
    ("Were the rebels to attack the town, the army would retreat.", "ASSAULT"),
    ("The army would retreat were the rebels to attack the town.", "ASSAULT"),
])
def test_a_condition_put_by_inversion_did_not_happen(text: str, event_type: str) -> None:
    assert only(run(text), event_type).status == "hypothetical"


@pytest.mark.parametrize("text", [
    "The rebels had attacked the town, police said.",
    "The army had two tanks when the rebels attacked the town.",
    "Had the talks failed? The rebels attacked the town.",
])
def test_a_had_that_opens_no_condition_leaves_the_act_told(text: str) -> None:
    assert only(run(text), "ASSAULT").status == "occurred"


@pytest.mark.parametrize("question", [
    '"Will the army leave the town?" Cole asked.',
    '"Can you send more troops?" Cole asked Reed.',
    'Cole asked Reed, "Can the army leave the town?"',
])
def test_a_question_put_is_no_request(question: str) -> None:
    article = run(f"General Tom Reed met Mayor Ann Cole on Monday. {question}")
    assert [e.type for e in article.events] == ["CONSULT"]


@pytest.mark.parametrize("asked_for", ['"Leave the town now," Cole asked Reed.', "Cole asked Reed to leave the town."])
def test_what_is_asked_for_stays_a_request(asked_for: str) -> None:
    article = run(f"General Tom Reed met Mayor Ann Cole on Monday. {asked_for}")
    assert only(article, "REQUEST").status == "occurred"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a clause that says when, in a past tense of its own, keeps its own status under a future or a modal
        ("The ministers will have to meet after rebels bombed the airport.", "occurred"),
        ("Kenya must ask for aid after rebels bombed the airport.", "occurred"),
        ("Kenya could ask for aid when rebels bombed the airport.", "occurred"),
        ("Kenya plans to send troops after rebels had bombed the airport.", "occurred"),
        ("Kenya will ask for aid since rebels did not bomb the airport.", "negated"),
        # a present that refers ahead still takes the modality of the clause it hangs on
        ("The ministers will meet before rebels bomb the airport.", "planned"),
        ("The ministers will meet once rebels have bombed the airport.", "planned"),
        ("The ministers met before rebels would bomb the airport.", "hypothetical"),
        # a gerund after "before" takes the status of the clause it hangs on; "ahead of" makes it planned
        ("The gunman held two guards hostage before attacking a police officer.", "occurred"),
        ("The gunman will hold two guards hostage before attacking a police officer.", "planned"),
        # a gerund after "after" or "despite" is already done, whatever the clause above says
        ("The gunman will face trial after attacking a police officer.", "occurred"),
        ("The gunman could face trial after attacking a police officer.", "occurred"),
        ("The gunman will face trial before attacking a police officer.", "planned"),
        # "'d" before a past participle is "had", before a bare verb "would"
        ("She'd attacked the rebels, police said.", "occurred"),
        ("Police say they'd attack the rebels.", "hypothetical"),
        # "would" reported by a verb in a past tense is what was then to come, unless a condition or a
        # perfect makes it unreal
        ("Police said the rebels would attack the town.", "planned"),
        ("Police said the rebels would attack the town if the army left.", "hypothetical"),
        ("Police said the rebels would have attacked the town.", "hypothetical"),
        ("Police said the rebels could attack the town.", "hypothetical"),
        # a headline's bare infinitive with a subject is an act to come
        ("Russia to attack Ukraine", "planned"),
        ("Russia attacks Ukraine", "occurred"),
    ],
)
def test_status_of_a_clause_that_says_when(text: str, status: str) -> None:
    assert only(run(text), "ASSAULT").status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a modal or a negation of another verb says something of an event noun that is its subject, not
        # whether the event happened
        ("The Russian attack on Kyiv will not affect the talks.", "occurred"),
        ("The Russian attack on Kyiv may have been revenge for the arrests.", "occurred"),
        ("The Russian attack on Kyiv would be the worst of the war.", "occurred"),
        # unless the verb says whether it happens, or when or where
        ("A Russian attack on Kyiv could take place on Monday.", "hypothetical"),
        ("The Russian attack on Kyiv will be on Monday.", "planned"),
        ("The Russian attack on Kyiv did not happen.", "negated"),
        ("The Russian attack on Kyiv was foiled by the Ukrainian army.", "negated"),
        ("The Russian attack on Kyiv is expected next week.", "planned"),
        # a coordinated clause with a subject or a tense of its own has its own modality
        ("The army did not retreat, but rebels attacked the town.", "occurred"),
        ("The rebels decided to stay and have attacked the town.", "occurred"),
        # a negation does not reach an adverbial clause, a means is not what is averted, and a clause
        # under a subordinator of time is not what a verb of planning governs
        ("The army did not retreat, attacking the rebels instead.", "occurred"),
        ("The rebels avoided capture by attacking the convoy.", "occurred"),
        ("The rebels set fire to the depot before attacking the town.", "occurred"),
        # a decision reported is an act taken; a plan is not
        ("The rebels decided to attack the town.", "occurred"),
        ("The rebels plan to attack the town.", "planned"),
        # what a preposition of topic names keeps its own status
        ("Kenya could answer questions about the Russian attack on Kyiv.", "occurred"),
    ],
)
def test_status_stays_in_its_own_clause(text: str, status: str) -> None:
    assert only(run(text), "ASSAULT").status == status


def test_a_verb_of_averting_does_not_negate_the_act_coordinated_with_it() -> None:
    article = run("The Indian Navy foiled an attack by pirates and arrested the pirates.")
    assert only(article, "COERCE").status == "occurred"
    assert only(run("The Indian Navy prevented the rebels from attacking the town."), "ASSAULT").status == "negated"


def test_call_on_is_a_request_and_its_content_is_no_event() -> None:
    article = run("He called on Russia to withdraw its troops from Ukraine.")
    assert [e.type for e in article.events] == ["REQUEST"]
    assert texts(article.events[0].recipient_spans) == ["Russia"]


def test_nominal_events_take_possessor_by_and_of() -> None:
    event = only(run("The annexation of Crimea by Russia was illegal."), "COERCE")
    assert texts(event.actor_spans) == ["Russia"] and texts(event.recipient_spans) == ["Crimea"]
    meeting = only(run("A meeting between France and Germany took place in Paris."), "CONSULT")
    assert set(texts(meeting.actor_spans)) == {"France", "Germany"}


def test_threatened_seizure_is_one_threaten() -> None:
    article = run("The Interior Ministry threatened the confiscation of British embassy buildings.")
    assert [e.type for e in article.events] == ["THREATEN"]
    assert texts(article.events[0].actor_spans) == ["The Interior Ministry"]


def test_said_must_is_a_request_from_the_speaker() -> None:
    event = only(run("The British minister said that Libya must hand over the suspects."), "REQUEST")
    assert texts(event.actor_spans) == ["The British minister"] and texts(event.recipient_spans) == ["Libya"]


def test_plover_tables_cover_every_type() -> None:
    tables = plover()
    assert set(tables.quad) == set(EVENT_TYPES)
    assert tables.quad["SANCTION"] == 3 and tables.score("ASSAULT", "aerial") == -9.5
    assert {"COOPERATE", "AID", "SANCTION"} <= tables.requires_recipient


def test_user_lexicon_adds_and_removes_entries(tmp_path: Path) -> None:
    user = tmp_path / "mine.json"
    user.write_text(json.dumps({"version": "test", "entries": [
        {"lemma": "stonewall", "pos": "verb", "type": "REJECT"},
        {"lemma": "meet", "pos": "verb", "type": None},
    ]}))
    article = run("Serbia stonewalled the European Union. Serbia met Croatia.", lexicons={"events": str(user)})
    assert [e.type for e in article.events] == ["REJECT"]
    assert load_lexicon(lang.resources("en", {"events": str(user)})).version.endswith("+test")


@pytest.mark.parametrize(
    "entry",
    [{"lemma": "x", "pos": "adverb", "type": "AGREE"}, {"lemma": "x", "pos": "verb", "type": "PARTY"},
     {"lemma": "x", "pos": "verb", "type": "AGREE", "colour": "red"},
     {"lemma": "x", "pos": "verb", "type": "COOPERATE", "alone": "MOBILIZE"},
     {"lemma": "x", "pos": "verb", "type": "COOPERATE", "reciprocal": True, "alone": "PARTY"},
     {"lemma": "x", "pos": "verb", "type": "ASSAULT", "by_sector": {"COP": {"type": "ARREST"}}}],
)
def test_bad_user_entries_are_refused(tmp_path: Path, entry: dict[str, Any]) -> None:
    user = tmp_path / "bad.json"
    user.write_text(json.dumps({"entries": [entry]}))
    with pytest.raises(ResourceError, match="entry 0"):
        load_lexicon(lang.resources("en", {"events": str(user)}))


_SENTENCES = [
    "Donald Trump met Vladimir Putin.",
    "Russia threatened the United States.",
    "Protesters rallied against the government in Kyiv.",
    "The army killed three militants.",
    "The rebels did not sign the agreement.",
    "France will send aid to Haiti on Monday.",
    "\n\nHeadline Without A Verb\n\n",
    "The EU imposed sanctions on Iran, its ministers said.",
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5))
def test_every_span_covers_its_text(nlp: Any, parts: list[str]) -> None:
    text = " ".join(parts)
    article = events.apply(actors.apply(Article(id="p", source="test", text=text, doc=nlp(text))))
    assert article.events or all(not p.strip().endswith(".") for p in parts)  # every sentence reports an event
    assert len({e.id for e in article.events}) == len(article.events)
    for event in article.events:
        assert event.type in EVENT_TYPES
        for span in (event.trigger, event.evidence, *event.actor_spans, *event.recipient_spans):
            assert text[span.start:span.end] == span.text
        assert event.evidence.start <= event.trigger.start < event.trigger.end <= event.evidence.end


@pytest.mark.parametrize(("value", "day"), [("2017-07-07TAF", "2017-07-07"), ("2017-W27", "2017-07"),
                                            ("2020-W01", "2020-01"), ("2019-W53", "2019"),
                                            ("XXXX-07-07", "XXXX-07-07"), ("2016-12", "2016-12"),
                                            # a weekend lies in the month of its Saturday: January 30, February 1
                                            ("2020-W05", "2020-01"), ("2020-W05-WE", "2020-02")])
def test_event_dates_are_calendar_values(value: str, day: str) -> None:
    assert calendar(value) == day


def test_no_annotation_no_events(nlp: Any) -> None:
    article = Article(id="p", source="test", text="Trump met Putin.")
    assert events.apply(article).events == ()
    annotated = events.apply(actors.apply(replace(article, doc=nlp(article.text))))
    assert [e.type for e in annotated.events] == ["CONSULT"]  # the same text, parsed, is coded


def _with(article: Article, event_type: str, *names: str) -> list[Event]:
    """Events of a type whose parties (actor names, else argument spans) mention every name."""
    out = []
    for event in article.events:
        named = [a.name for i in (*event.actors, *event.recipients) if (a := article.actor(i)) is not None]
        words = " ".join([*named, *texts((*event.actor_spans, *event.recipient_spans))])
        if event.type == event_type and all(name in words for name in names):
            out.append(event)
    return out


def _dated(events_: list[Event], prefix: str) -> list[Event]:
    return [e for e in events_ if e.date is not None and (e.date.value or "").startswith(prefix)]


@pytest.mark.slow
def test_seed_article(seed_path: Path) -> None:
    """The seed's events as far as dateline codes them (see the events module docstring for the rest)."""
    article = run(seed_path.read_text(encoding="utf-8"))
    trump_putin = _with(article, "CONSULT", "Trump", "Putin")
    planned = [e for e in _dated(trump_putin, "2017-07-07") if e.status == "planned"]
    assert planned and planned[0].place is not None and planned[0].place.name == "Hamburg"
    met = [e for e in trump_putin if e.trigger.text == "met"]
    assert met and met[0].status == "occurred" and "met Putin briefly" in met[0].evidence.text
    assert met[0].date is not None and (met[0].date.value or "").startswith("2017-07-07")
    talks = [e for e in article.events if e.type == "CONSULT" and e.trigger.text == "talks"
             and "Putin's agenda" in e.evidence.text]
    assert len(talks) == 2  # talks with Moon and Abe: two bilateral meetings
    assert _dated(_with(article, "CONSULT", "Putin", "Moon Jae-in"), "2017-07-07")
    assert _dated(_with(article, "CONSULT", "Putin", "Shinzo Abe"), "2017-07-07")
    assert not [e for e in talks if len(e.actors) > 2]
    breakfast = _dated(_with(article, "CONSULT", "Putin", "Angela Merkel", "Emmanuel Macron"), "2017-07-08")
    assert breakfast and breakfast[0].status == "planned"
    assert _dated(_with(article, "CONSULT", "Putin", "Erdogan"), "2017-07-08")
    assert _dated(_with(article, "CONSULT", "Putin", "Juncker"), "2017-07-08")
    support = [e for e in _dated(_with(article, "SUPPORT", "Trump"), "2017-07-06")
               if "explicit endorsement" in e.evidence.text]
    assert support and support[0].place is not None and support[0].place.name == "Poland"  # from the sentence before
    request = _dated(_with(article, "REQUEST", "Trump", "Russia"), "2017-07-06")
    assert any(e.trigger.text == "called" and "cease its destabilizing" in e.evidence.text for e in request)
    assert _dated(_with(article, "THREATEN", "Foreign Ministry"), "2017-06")
    sanctions = _dated(_with(article, "SANCTION", "Russia"), "2014")
    assert sanctions and "imposed in 2014" in sanctions[0].evidence.text
    december = _dated(_with(article, "SANCTION", "Russia"), "2016-12")
    assert december and "levied in December" in december[0].evidence.text and december[0].actors == ()
    for event in article.events:  # a place is where the event happens, never its topic
        assert event.place is None or event.place.name not in ("North Korea", "Ukraine", "Russia"), event
    assert _with(article, "REJECT", "Peskov")


def test_instruments_and_statements_are_not_parties() -> None:
    strike = only(run("The Afghan army shelled the Taliban positions with heavy mortars."), "ASSAULT")
    assert texts(strike.recipient_spans) == ["the Taliban positions"]
    request = only(run("Amnesty International released a statement urging the army to free the students."),
                   "REQUEST")
    assert texts(request.actor_spans) == ["Amnesty International"]
    assert texts(request.recipient_spans) == ["the army"]


@pytest.mark.parametrize(
    "text",
    ["North Korea launched a cyberattack on Estonia.", "Russian hackers staged a cyber attack against Estonia."],
)
def test_cyber_attacks_are_coercion_not_assault(text: str) -> None:
    article = run(text)
    event = only(article, "COERCE")
    assert event.mode == "cyber"
    assert texts(event.recipient_spans) == ["Estonia"]
    assert not [e for e in article.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "event_type", "trigger", "actors", "recipients"), [
    # a declared state of emergency is coercion
    ("The government of Peru declared a state of emergency in Lima.", "COERCE", "declared",
     ["The government of Peru"], ["Lima"]),
    # a nominal suspension of aid is a sanction on its recipient
    ("Denmark ordered a suspension of aid to Malawi.", "SANCTION", "suspension", ["Denmark"], ["Malawi"]),
    # a light verb lends its recipient to a nominal event
    ("North Korea launched cyber warfare against the UK last year.", "COERCE", "warfare", ["North Korea"],
     ["the UK"]),
])
def test_trigger_actor_and_recipient(text: str, event_type: str, trigger: str, actors: list[str],
                                     recipients: list[str]) -> None:
    event = only(run(text), event_type)
    assert event.trigger.text == trigger
    assert texts(event.actor_spans) == actors
    assert texts(event.recipient_spans) == recipients


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    # "nominated" parsed as a modifier of "lawyer": the noun it modifies is its object
    ("At its convention in Denver, the Green Party nominated Boston lawyer Mark Evans for president.",
     "the Green Party", "Boston lawyer Mark Evans"),
    # "Kim" parsed as a second subject after the verb: its object
    ("On May 2 at its yearly congress in Reno, the Harbor Party nominated Boise State University chemist Laura "
     "Kim, a former mayor, for governor.", "the Harbor Party",
     "Boise State University chemist Laura Kim, a former mayor"),
])
def test_the_object_of_an_active_verb_the_parse_missed(text: str, actor: str, recipient: str) -> None:
    event = only(run(text, "2020-06-30", roles="none"), "SUPPORT")
    assert (texts(event.actor_spans), texts(event.recipient_spans)) == ([actor], [recipient])


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("The post stayed empty after the resignation of Maria Costa, the finance minister of Portugal.", "RETREAT",
     "Maria Costa, the finance minister of Portugal"),
    ("Judge Ann Wu signed the order at the request of Governor Tom Hale.", "REQUEST", "Governor Tom Hale"),
])
def test_the_of_phrase_of_some_event_nouns_names_the_doer(text: str, event_type: str, actor: str) -> None:
    event = only(run(text, "2020-09-30", roles="none"), event_type)
    assert (texts(event.actor_spans), texts(event.recipient_spans)) == ([actor], [])
    threat = only(run("Chile faced the threat of sanctions from Peru.", "2020-09-30", roles="none"), "THREATEN")
    assert texts(threat.actor_spans) == []  # a thing after "of" does nothing


def test_object_complement_ends_the_recipient_phrase() -> None:
    event = only(run("The militia held villagers as human shields near the border."), "ASSAULT")
    assert texts(event.actor_spans) == ["The militia"]
    assert texts(event.recipient_spans) == ["villagers"]


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic Front claimed responsibility for the attack on the police station.",
        "Police said the Islamic Front was responsible for the attack on the police station.",
    ],
)
def test_who_answers_for_an_attack_is_its_actor(text: str) -> None:
    event = only(run(text), "ASSAULT")
    assert event.trigger.text == "attack"
    assert [t.lower() for t in texts(event.actor_spans)] == ["the islamic front"]
    assert texts(event.recipient_spans) == ["the police station"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("North Korea carried out a cyber attack on the Estonian ministry.", "North Korea", "the Estonian ministry"),
        ("A cyber attack was carried out on the Estonian ministry by North Korea.", "North Korea",
         "the Estonian ministry"),
        ("North Korea conducted a cyber operation against the Bank of England.", "North Korea",
         "the Bank of England"),
    ],
)
def test_light_verb_event_noun_decides_the_type(text: str, actor: str, recipient: str) -> None:
    article = run(text)
    event = only(article, "COERCE")
    assert event.mode == "cyber" and event.trigger.text in ("attack", "operation")
    assert texts(event.actor_spans) == [actor]
    assert texts(event.recipient_spans) == [recipient]
    assert not [e for e in article.events if e.type == "ASSAULT"]


def test_light_verb_with_air_strikes_is_an_assault_not_a_strike_action() -> None:
    article = run("Israel launched air strikes on Gaza.")
    event = only(article, "ASSAULT")
    assert event.trigger.text == "strikes" and event.mode == "aerial"
    assert texts(event.actor_spans) == ["Israel"] and texts(event.recipient_spans) == ["Gaza"]
    assert not [e for e in article.events if e.type == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("The army launched a crackdown on protesters.", "COERCE", "The army", "protesters"),
        ("Police carried out arrests of opposition activists.", "COERCE", "Police", "opposition activists"),
        ("The Kenyan government made an appeal to donors.", "REQUEST", "The Kenyan government", "donors"),
    ],
)
def test_subject_of_a_light_verb_is_the_actor_of_its_event_noun(text: str, event_type: str, actor: str,
                                                                 recipient: str) -> None:
    event = only(run(text), event_type)
    assert texts(event.actor_spans) == [actor]
    assert texts(event.recipient_spans) == [recipient]


def test_participle_light_verb_names_the_actor_of_its_noun() -> None:
    event = only(run("The cyber attack carried out by North Korea crippled the ministry."), "COERCE")
    assert event.trigger.text == "attack"
    assert texts(event.actor_spans) == ["North Korea"]


def test_light_verb_entry_naming_the_bare_noun_keeps_its_type() -> None:
    article = run("Iran made an ultimatum to the rebels.")
    assert [e.type for e in article.events] == ["THREATEN"]


def test_threatened_light_verb_event_is_the_content_of_the_threat() -> None:
    article = run("Russia threatened to carry out a cyber attack on Estonia.")
    event = only(article, "THREATEN")
    assert texts(event.actor_spans) == ["Russia"] and texts(event.recipient_spans) == ["Estonia"]
    assert [e.type for e in article.events] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin spoke by phone with Erdogan.",
        "Putin and Erdogan spoke by telephone on Monday.",
        "Putin talked on the phone to Erdogan about Syria.",
        "Putin had a telephone conversation with Erdogan.",
        "Putin held a phone call with Erdogan.",
    ],
)
def test_phone_calls_are_consults_with_both_parties_as_actors(text: str) -> None:
    event = only(run(text), "CONSULT")
    assert event.mode == "phone" and event.intensity == 1.5
    assert texts(event.actor_spans) == ["Putin", "Erdogan"]
    assert event.recipient_spans == ()


@pytest.mark.parametrize(
    "text", ["Xi sent a letter to Biden.", "Xi wrote a letter to Biden.", "Xi wrote to Biden on Tuesday."]
)
def test_letters_are_consults_from_writer_to_addressee(text: str) -> None:
    event = only(run(text), "CONSULT")
    assert event.trigger.text in ("sent", "wrote")
    assert texts(event.actor_spans) == ["Xi"] and texts(event.recipient_spans) == ["Biden"]


@pytest.mark.parametrize(
    ("text", "event_type", "recipient"),
    [
        ("Biden sent a letter to the director of the International Monetary Fund threatening to halt US payments.",
         "THREATEN", "the director of the International Monetary Fund"),
        ("Xi wrote to Biden to urge him to lift the tariffs.", "REQUEST", "Biden"),
    ],
)
def test_what_a_letter_says_is_the_event(text: str, event_type: str, recipient: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert texts(event.recipient_spans) == [recipient]
    assert not [e for e in article.events if e.type == "CONSULT"]


def test_a_letter_that_frames_a_statement_is_no_event() -> None:
    article = run("In a letter delivered to the United Nations on Thursday, Serbia said it would cooperate.")
    assert {a.name for a in article.actors} >= {"United Nations", "Serbia"}
    event = only(article, "COOPERATE")  # what Serbia said is coded, the letter is not
    assert texts(event.actor_spans) == ["Serbia"] and event.status == "planned"  # the future of a past saying
    assert not [e for e in article.events if e.type == "CONSULT"]


def test_word_lists_are_language_data_and_users_extend_them(tmp_path: Path) -> None:
    builtin = load_lexicon(lang.resources("en")).words
    assert "artillery" in builtin.instruments and "catapult" not in builtin.instruments
    assert "(AP)" in builtin.dateline_marks  # matched as written
    user = tmp_path / "words.json"
    user.write_text(json.dumps({"version": "test", "words": {"instruments": {"words": ["Catapult"]}}}))
    article = run("The rebels pounded the army with catapults.", lexicons={"events": str(user)})
    event = only(article, "ASSAULT")
    assert texts(event.actor_spans) == ["The rebels"] and texts(event.recipient_spans) == ["the army"]
    words = load_lexicon(lang.resources("en", {"events": str(user)})).words
    assert {"catapult", "artillery"} <= words.instruments


@pytest.mark.parametrize(("words", "message"), [
    ({"zorbles": {"description": "none", "words": ["a"]}}, r"unknown: \['zorbles'\]"),
    ({"instruments": {"words": [""]}}, "words.instruments needs"),
    ({"instruments": {"words": "catapult"}}, "must be a list"),
])
def test_bad_word_lists_are_refused(tmp_path: Path, words: dict[str, Any], message: str) -> None:
    user = tmp_path / "bad_words.json"
    user.write_text(json.dumps({"words": words}))
    with pytest.raises(ResourceError, match=message):
        load_lexicon(lang.resources("en", {"events": str(user)}))


def test_user_lexicon_adds_light_verbs(tmp_path: Path) -> None:
    user = tmp_path / "light.json"
    user.write_text(json.dumps({"version": "test", "light_verbs": ["effect"]}))
    lex = load_lexicon(lang.resources("en", {"events": str(user)}))
    assert "effect" in lex.light and "carry" in lex.light
    bad = tmp_path / "bad_light.json"
    bad.write_text(json.dumps({"light_verbs": "effect"}))
    with pytest.raises(ResourceError, match="light_verbs"):
        load_lexicon(lang.resources("en", {"events": str(bad)}))


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        ("Haftar declared a ceasefire in Tripoli on Monday.", "RETREAT", "Tripoli"),
        ("Ethiopian police imposed a night curfew in parts of Addis Ababa.", "COERCE", "parts of Addis Ababa"),
        ("Indian troops were deployed in the north of Syria.", "MOBILIZE", "the north of Syria"),
    ],
)
def test_where_an_event_without_recipient_happens_is_its_recipient(text: str, event_type: str, place: str) -> None:
    event = only(run(text), event_type)
    assert texts(event.recipient_spans) == [place]
    assert event.place is not None and event.place.span.text in place  # still where it happened


def test_a_place_noun_with_a_place_name_is_a_named_place() -> None:
    event = only(run("The World Food Programme halted food deliveries in Kano State."), "SANCTION")
    assert texts(event.actor_spans) == ["The World Food Programme"]
    assert texts(event.recipient_spans) == ["Kano State"]


@pytest.mark.parametrize(
    "text",
    [
        "Greenpeace brought a case before a Berlin court.",  # a thing named after a place is no place
        "Trump met Putin in Hamburg.",  # a meeting's parties are its actors; Hamburg is only its place
    ],
)
def test_only_a_named_place_of_an_event_without_recipient_becomes_one(text: str) -> None:
    (event,) = run(text).events
    assert "Paris" not in " ".join(texts(event.recipient_spans)) and "Hamburg" not in texts(event.recipient_spans)


def test_a_recipient_of_its_own_keeps_the_place_out() -> None:
    event = only(run("Syrian forces attacked the rebels in Aleppo."), "ASSAULT")
    assert texts(event.recipient_spans) == ["the rebels"]


def test_the_outlet_reporting_is_no_event() -> None:
    text = ("Wikinews asked Governor Kathy Hochul whether the bridge would reopen. With Wikinews, Hochul discussed "
            "her budget. Senator Chuck Schumer met Governor Kathy Hochul in Albany. Senator Ted Cruz criticized "
            "Wikinews for the interview.")
    document = Document(id="w", source="test", kind="text", content=text, published="2019-01-04",
                        url="https://en.wikinews.org/wiki/Interview", site="en.wikinews.org")
    [article] = Pipeline(STAGES).run_batch([document])
    assert isinstance(article, Article)
    outlet = next(a.id for a in article.actors if a.name == "Wikinews")
    assert all(outlet not in e.actors for e in article.events)
    assert any(outlet in e.recipients for e in article.events)  # what others do to it is still news
    assert any(e.type == "CONSULT" for e in article.events)


@pytest.mark.parametrize(("text", "coded"), [
    ("Jacques Chirac was convicted of corruption in 2011.", False),
    ("The detained Usman Khan appeared in court.", False),
    ("Jacques Chirac was convicted of corruption by a Paris court in 2011.", True),
    ("A Paris court convicted Jacques Chirac of corruption in 2011.", True),
])
def test_a_passive_that_names_no_agent_is_not_coded(text: str, coded: bool) -> None:
    article = run(text)
    assert article.actors  # the party is found either way
    assert bool([e for e in article.events if e.type in ("SANCTION", "COERCE")]) is coded


def test_an_event_none_of_whose_parties_is_an_actor_is_not_coded() -> None:
    article = run("They shot him dead. Police arrested two men.")
    event = only(article, "COERCE")  # "they" and "him" name no one; the police do
    assert [article.actor(i).name for i in event.actors if article.actor(i)] == ["police"]
    assert [e.type for e in article.events] == ["COERCE"]


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("Usman Khan stabbed Boris Johnson on London Bridge.", "ASSAULT", "Usman Khan", "Boris Johnson"),
    ("Joe Biden ended his campaign for president on Wednesday.", "RETREAT", "Joe Biden", None),
    ("Boris Johnson said the United Kingdom will leave the European Union.", "SANCTION", "United Kingdom",
     "European Union"),
    ("Sami al-Rashid attributed the rocket attack to Hezbollah.", "ACCUSE", "Sami al-Rashid", "Hezbollah"),
    ("The Supreme Court ruled against Donald Trump on Monday.", "REJECT", "Supreme Court", "Donald Trump"),
    ("Emmanuel Macron paid tribute to Theresa May.", "SUPPORT", "Emmanuel Macron", "Theresa May"),
    ("Donald Trump railed against Angela Merkel on Monday.", "ACCUSE", "Donald Trump", "Angela Merkel"),
    ("Donald Trump withdrew the United States from the Paris accord.", "SANCTION", "Donald Trump", None),
    ("Theresa May appointed Boris Johnson foreign secretary in 2016.", "SUPPORT", "Theresa May", "Boris Johnson"),
    ("Donald Trump attacked the Supreme Court as a political machine.", "ACCUSE", "Donald Trump", "Supreme Court"),
    ("Ted Cruz attacked the ethics inquiry into the senator.", "ACCUSE", "Ted Cruz", None),
    ("Judge Helen Ward issued a ruling against Donald Trump.", "REJECT", "Helen Ward", "Donald Trump"),
    ("Antony Blinken posted a statement on Twitter blaming Russia for the strikes.", "ACCUSE", "Antony Blinken",
     "Russia"),
    ("The vote was described by Boris Johnson as a triumph, saying he would sanction Iran.", "SANCTION",
     "Boris Johnson", "Iran"),
    ("Angela Merkel criticized the budget at the behest of Olaf Scholz.", "ACCUSE", "Angela Merkel", None),
    ("Sudesh Amman advised Ali Khan to attack Boris Johnson.", "ASSAULT", "Ali Khan", "Boris Johnson"),
    ("Robert Mugabe founded ZANU to oppose Ian Smith.", "REJECT", "Robert Mugabe", "Ian Smith"),
    ("Emily Murphy received threats from Donald Trump.", "THREATEN", "Donald Trump", "Emily Murphy"),
    ("The Conservative Party elected Boris Johnson as leader.", "SUPPORT", "Conservative Party", "Boris Johnson"),
    ("Tunisian President Kais Saied suspended parliament on Sunday.", "COERCE", "Kais Saied", "legislature"),
    ("Donald Trump postponed the election.", "COERCE", "Donald Trump", None),
    ("Angela Merkel observed a minute of silence in Helmut Kohl's honour.", "SUPPORT", "Angela Merkel", "Helmut Kohl"),
    ("Attributions of guilt were made by Antony Blinken.", "ACCUSE", "Antony Blinken", None),
    ("Tankers belonging to Iran were attacked by Israel.", "ASSAULT", "Israel", "Iran"),
    ("Boris Johnson repeated that he intends on leaving the European Union.", "SANCTION", "Boris Johnson",
     "European Union"),
    ("Emily Murphy sent a letter to Joe Biden, giving him permission to start the transition.", "RETREAT",
     "Emily Murphy", "Joe Biden"),
    ("Joe Biden announced the nomination of Kamala Harris as vice president.", "SUPPORT", "Joe Biden",
     "Kamala Harris"),
])
def test_common_political_acts_are_coded(text: str, event_type: str, actor: str, recipient: str | None) -> None:
    article = run(text)
    event = only(article, event_type)
    names = [a.name for i in event.actors if (a := article.actor(i)) is not None]
    assert any(actor in name for name in names), names
    got = [a.name for i in event.recipients if (a := article.actor(i)) is not None]
    assert (recipient is None and got == []) or any(recipient in name for name in got), got


@pytest.mark.parametrize(("text", "kept"), [
    ("Vladimir Putin seeks to divide Europe. Vladimir Putin sought help from China.", "sought"),
    ("The Associated Press called the election for Joe Biden. Joe Biden called for calm.", "called"),
    ("The Associated Press called Nevada for Joe Biden. Joe Biden called for calm.", "called"),
    ("Oprah Winfrey hosted a show on CNN. Angela Merkel hosted Emmanuel Macron in Berlin.", "hosted"),
    ("Joe Biden won in March. Protesters marched against Joe Biden in Washington.", "marched"),
    ("Theresa May insisted she was innocent. Theresa May insisted on talks with the EU.", "insisted"),
    ("Donald Trump was asked whether Vladimir Putin lied. Donald Trump asked Vladimir Putin to stop.", "asked"),
    ("Maria Lopez released 40 policy plans. Hamas released two hostages.", "released"),
    ("Donald Trump will release his tax returns. Iran released the prisoners.", "released"),
    ("The court's opinion, released on Monday, was long. Iran released the prisoners.", "released"),
    ("Delta Air Lines offers flights to Havana. Iran offered to mediate between the rivals.", "offered"),
    ("The police offered Maria Lopez a tour. The Taliban offered talks to the government.", "offered"),
    ("Voters will not elect a new Prime Minister this year. The parliament elected Angela Merkel as chancellor.",
     "elected"),
    ("The town has elected a Green Member of Parliament since 1990. Members elected Boris Johnson.", "elected"),
    ("The government of Chile executed a scheduled shutdown of its ports. Saudi Arabia executed two men.",
     "executed"),
    ("His politics clashed with the stances of Bernie Sanders. Police clashed with protesters in Paris.", "clashed"),
    ("Amnesty International will fight for equal rights. The Houthis fought government forces in Aden.", "fought"),
    ("The court demonstrated its ignorance. Students demonstrated against the government in Belgrade.",
     "demonstrated"),
])
def test_other_senses_of_trigger_words_are_no_events(text: str, kept: str) -> None:
    article = run(text)
    first = article.text.index(". ") + 1
    assert [e for e in article.events if e.trigger.start > first and e.trigger.text == kept]  # the event is coded
    assert not [e for e in article.events if e.trigger.start < first]  # the other sense is not


@pytest.mark.parametrize(("text", "event_type", "date", "words"), [
    # a time on another clause, or one that dates a thing, is not the event's: what was announced last month
    ("Donald Trump announced last month he would withdraw the United States from the Paris accord.",
     "SANCTION", "2017-06", "last month"),
    # what the article reports as done, with no time of its own, happened in the month it was published
    ("Angela Merkel, who became chancellor in 2005, thanked Emmanuel Macron.", "SUPPORT", "2017-07", None),
    ("Angela Merkel has criticized Donald Trump.", "ACCUSE", "2017-07", None),
    # a verbal act in what someone said takes the time of the saying
    ('Nancy Pelosi said on Friday: "We rejected the plan of Mitch McConnell."', "REJECT", "2017-07-07", "Friday"),
    # a participle clause tells its time by the verb it hangs on
    ("Donald Trump responded on Twitter, criticizing Angela Merkel.", "ACCUSE", "2017-07", None),
])
def test_an_event_takes_its_own_clause_date_or_the_publication_month(text: str, event_type: str, date: str,
                                                                      words: str | None) -> None:
    event = only(run(text), event_type)
    assert event.date is not None and event.date.value == date and event.date.text == words


def test_an_undated_act_of_the_story_takes_the_day_its_lead_states() -> None:
    article = run("On Friday, Lee Barker stabbed two people at the Corn Exchange in Leeds. The hall is an "
                  "old building. It hosts many concerts. Its owners are a charity. "
                  "Police shot Lee Barker on Briggate.", published="2019-12-02")
    shot = [e for e in article.events if e.trigger.text == "shot"]
    assert shot and shot[0].date is not None and shot[0].date.value == "2019-11-29"


@pytest.mark.parametrize(("text", "date"), [
    ("Senator Ann Jones said she intended to sue Governor Tom Smith.", "2017-07"),
    ("Senator Ann Jones plans to sue Governor Tom Smith.", "2017-07"),
    ("Senator Ann Jones will sue Governor Tom Smith.", None),  # no statement of a plan dates it
])
def test_a_planned_act_is_dated_by_the_statement_of_the_plan(text: str, date: str | None) -> None:
    event = only(run(text), "ACCUSE")
    assert event.status == "planned"
    assert (event.date.value if event.date else None) == date


def test_a_past_perfect_is_not_dated_by_the_publication() -> None:
    article = run("Jacques Chirac had criticized Tony Blair. Jacques Chirac criticized George W. Bush.")
    before, after = sorted(_with(article, "ACCUSE", "Jacques Chirac"), key=lambda e: e.trigger.start)
    assert before.date is None
    assert after.date is not None and after.date.value == "2017-07"


def test_a_country_where_an_event_happens_is_its_place_not_its_target() -> None:
    event = only(run("Amnesty International protested in Belgium on Monday."), "PROTEST")
    assert event.place is not None and event.place.name == "Belgium"
    assert event.recipients == () and event.recipient_spans == ()
    strike = only(run("Israel carried out an airstrike in Rafah, on the border with Egypt."), "ASSAULT")
    assert strike.place is not None and strike.place.span.text == "Rafah"
    assert len(strike.actors) == 1 and strike.recipients == ()  # Israel, and not Egypt


def test_an_event_without_a_place_of_its_own_takes_the_main_place_of_a_single_city_story() -> None:
    article = run("Usman Khan attacked people in London on Friday. London police shot Usman Khan. "
                  "Sadiq Khan, the mayor of London, praised the police.")
    shot = only(article, "ASSAULT") if len(article.events) == 1 else _with(article, "ASSAULT", "police")[0]
    assert shot.place is not None and shot.place.name == "London"
    assert all(e.place is not None and e.place.name == "London" for e in article.events)


def test_an_event_of_another_time_does_not_take_the_main_place() -> None:
    article = run("Usman Khan attacked people in London on Friday. London police shot Usman Khan. "
                  "In 2012, Usman Khan threatened Boris Johnson.")
    threat = only(article, "THREATEN")
    assert threat.date is not None and threat.date.value == "2012" and threat.place is None
    assert all(e.place is not None and e.place.name == "London" for e in article.events if e.type == "ASSAULT")


def test_an_event_happens_in_the_town_not_in_the_region_that_qualifies_it() -> None:
    event = only(run("On Sunday in Leeds, England, police shot a man who attacked shoppers."), "ASSAULT")
    assert event.place is not None and event.place.name == "Leeds" and event.place.country == "GBR"
    march = only(run("Protesters marched in Reading, Berkshire, UK on Saturday against the new law."), "PROTEST")
    assert march.place is not None and march.place.name == "Reading" and march.place.country == "GBR"


def test_a_place_naming_the_event_noun_is_its_place() -> None:
    event = only(run("The Taliban claimed responsibility for the Kabul bombing."), "ASSAULT")
    assert event.place is not None and event.place.name == "Kabul"
    event = only(run("On Sunday a Mosul car bombing killed six soldiers."), "ASSAULT")
    assert event.place is not None and event.place.name == "Mosul"  # the act that killed happened there


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ('Bernie Sanders called Joe Biden a "decent man".', "SUPPORT", "Bernie Sanders", "Joe Biden"),
    ("Rodrigo Duterte described the bombing in Jolo as a dastardly act.", "ACCUSE", "Rodrigo Duterte", None),
    ('"Kenneth Kaunda was a giant of African freedom," said Hakainde Hichilema.', "SUPPORT", "Hakainde Hichilema",
     "Kenneth Kaunda"),
    ('Letitia James said: "Donald Trump treats the constitution with total contempt."', "ACCUSE", "Letitia James",
     "Donald Trump"),
    ('Donald Tusk wrote "Let us all pray for Mayor Kowalski."', "SUPPORT", "Donald Tusk", "Kowalski"),
    ("The Metropolitan Police are treating the stabbing as a terrorist incident.", "ACCUSE", "Metropolitan Police",
     None),
])
def test_praise_and_blame_in_what_is_said_or_called_are_acts(text: str, event_type: str, actor: str,
                                                             recipient: str | None) -> None:
    article = run(text)
    event = only(article, event_type)
    assert [a.name for i in event.actors if (a := article.actor(i))] == [actor]
    named = [a.name for i in event.recipients if (a := article.actor(i))]
    assert named == ([recipient] if recipient else [])


def test_a_quotation_of_several_sentences_is_read_whole_and_is_the_evidence() -> None:
    article = run('Vladimir Putin said in a statement: "Robert Mugabe led Zimbabwe for decades. '
                  'He was a great statesman and a hero of liberation." Zimbabwe declared a period of mourning.')
    event = only(article, "SUPPORT")
    assert [a.name for i in event.actors if (a := article.actor(i))] == ["Vladimir Putin"]
    assert "Robert Mugabe" in [a.name for i in event.recipients if (a := article.actor(i))]
    assert event.evidence.text.endswith('hero of liberation."')


def test_a_judgement_of_an_agreement_is_not_an_agreement() -> None:
    article = run('Donald Trump called the 30-year-old treaty "the worst deal in history".')
    assert [e.type for e in article.events] == ["ACCUSE"]


def test_a_neutral_report_of_what_someone_said_is_no_event() -> None:
    article = run("Donald Trump said Vladimir Putin arrived in Hamburg. Donald Trump said Putin was a brilliant "
                  "leader.")
    (event,) = article.events
    assert event.type == "SUPPORT" and "brilliant leader" in event.evidence.text


def _coded(text: str, model: str) -> list[str]:
    (result,) = Pipeline(STAGES, config={"events": {"model": model}}, on_error="stop").run(
        [Document(id="doc1", source="test", kind="text", content=text, published="2017-07-07")])
    assert isinstance(result, Article)
    return sorted(e.type for e in result.events)


_ARTICLE = ("Angela Merkel met Emmanuel Macron in Berlin. Russian forces attacked Ukrainian troops. "
            "The talks lasted three hours. The weather was cold. Both leaders left in the evening.")


def test_a_trained_model_keeps_the_candidates_it_believes(tmp_path: Path) -> None:
    assert _coded(_ARTICLE, "none") == ["ASSAULT", "CONSULT"]  # the rules alone
    model = tmp_path / "events.json"
    model.write_text(json.dumps({"version": "1.0", "threshold": 0.5, "bias": 0.0,
                                 "weights": {"type=ASSAULT": -8.0, "type=CONSULT": 4.0}}), encoding="utf-8")
    assert _coded(_ARTICLE, str(model)) == ["CONSULT"]


def test_a_text_shorter_than_an_article_is_coded_by_the_rules(tmp_path: Path) -> None:
    model = tmp_path / "events.json"
    model.write_text(json.dumps({"version": "1.0", "threshold": 0.5, "bias": 0.0,
                                 "weights": {"type=ASSAULT": -8.0}}), encoding="utf-8")
    short = "Angela Merkel met Emmanuel Macron in Berlin. Russian forces attacked Ukrainian troops."
    assert _coded(short, str(model)) == ["ASSAULT", "CONSULT"]  # the check learned from whole articles alone
    assert _coded(_ARTICLE, str(model)) == ["CONSULT"]


def test_a_missing_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StageError, match="dateline train events"):
        _coded("Angela Merkel met Emmanuel Macron in Berlin.", str(tmp_path / "absent.json"))


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Any:
    """A Doc built by hand with the parse given (to test a rule on a misparse the model may not repeat)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_participle_hung_on_a_bare_auxiliary_is_passive() -> None:
    from dateline.events._clause import passive

    doc = _parsed(["He", "was", "nominated", "by", "Ford"], [1, 1, 1, 2, 3],
                  ["nsubj", "ROOT", "acomp", "agent", "pobj"], ["PRP", "VBD", "VBN", "IN", "NNP"],
                  ["PRON", "AUX", "VERB", "ADP", "PROPN"])
    assert passive(doc[2])
    adjective = _parsed(["He", "was", "tired"], [1, 1, 1], ["nsubj", "ROOT", "acomp"], ["PRP", "VBD", "JJ"],
                        ["PRON", "AUX", "ADJ"])
    assert not passive(adjective[2])


def test_a_participle_with_a_clause_of_its_own_is_active() -> None:
    from dateline.events._clause import passive

    # "Conley, a judge, ordered that ballots be accepted" with "ordered" parsed as a participle of "Conley"
    doc = _parsed(["Conley", "ordered", "that", "ballots", "be", "accepted"], [0, 0, 5, 5, 5, 1],
                  ["ROOT", "acl", "mark", "nsubjpass", "auxpass", "ccomp"], ["NNP", "VBN", "IN", "NNS", "VB", "VBN"],
                  ["PROPN", "VERB", "SCONJ", "NOUN", "AUX", "VERB"])
    assert not passive(doc[1])
    assert passive(doc[5])
    imposed = _parsed(["sanctions", "imposed", "on", "Russia"], [0, 0, 1, 2], ["ROOT", "acl", "prep", "pobj"],
                      ["NNS", "VBN", "IN", "NNP"], ["NOUN", "VERB", "ADP", "PROPN"])
    assert passive(imposed[1])


def test_a_participle_with_an_object_of_its_own_ends_a_party_phrase() -> None:
    from dateline.events._phrase import full_phrase

    words = load_lexicon(lang.resources("en")).words
    # "one man sprayed Khan with foam" with "sprayed" parsed as a participle of "man"
    doc = _parsed(["one", "man", "sprayed", "Khan", "with", "foam"], [1, 1, 1, 2, 2, 4],
                  ["nummod", "ROOT", "acl", "dobj", "prep", "pobj"], ["CD", "NN", "VBN", "NNP", "IN", "NN"],
                  ["NUM", "NOUN", "VERB", "PROPN", "ADP", "NOUN"])
    assert full_phrase(doc[1], words, doc.text) == (0, len("one man"))
    fired = _parsed(["missiles", "fired", "by", "Israel"], [0, 0, 1, 2], ["ROOT", "acl", "agent", "pobj"],
                    ["NNS", "VBN", "IN", "NNP"], ["NOUN", "VERB", "ADP", "PROPN"])
    assert full_phrase(fired[0], words, fired.text) == (0, len("missiles fired by Israel"))


@pytest.mark.parametrize("text", [
    "Boris Johnson entered parliament when elected in 2001.",
    "Khairi Saadallah came to Britain after the Libyan Civil War.",
])
def test_a_bare_participle_clause_or_a_named_war_is_no_act_of_the_subject(text: str) -> None:
    article = run(text)
    assert [a.name for a in article.actors], "the subject is a known actor"
    assert article.events == ()


def test_an_order_signed_does_what_it_says_and_a_deferral_is_not_its_date() -> None:
    article = run("On Monday, Ned Lamont signed an executive order postponing the primary until August.",
                  published="2020-04-07")
    event = only(article, "COERCE")  # not a SUPPORT: signing an order is no agreement
    assert [a.name for i in event.actors if (a := article.actor(i)) is not None] == ["Ned Lamont"]
    assert event.date is not None and event.date.value == "2020-04-06"


def test_a_vote_for_an_office_is_no_event() -> None:
    article = run("The voters of Britain do not vote for the prime minister directly. "
                  "The voters of France elected Emmanuel Macron in 2017.")
    assert [e.type for e in article.events] == ["SUPPORT"]
    assert article.events[0].evidence.text.endswith("Emmanuel Macron in 2017.")


def test_one_sentence_codes_an_act_of_one_kind_between_the_same_parties_once() -> None:
    article = run("The government of Fiji declared a state of emergency, shut down all schools and banned public "
                  "gatherings. Police arrested Ali Khan and detained Sudesh Amman.")
    first = [e for e in article.events if e.evidence.text.startswith("The government")]
    assert [(e.type, e.trigger.text) for e in first] == [("COERCE", "declared")]
    second = [e for e in article.events if e.evidence.text.startswith("Police")]
    assert [e.trigger.text for e in second] == ["arrested", "detained"]  # other recipients: other acts


def test_a_bare_agreeing_is_a_statement_not_an_agreement() -> None:
    article = run("Mujiv Hataman agreed, saying only Abu Sayyaf could carry out such bombings. "
                  "Mujiv Hataman agreed to a ceasefire with Abu Sayyaf.")
    assert [(e.type, e.trigger.text) for e in article.events if e.type == "AGREE"] == [("AGREE", "agreed")]
    assert only(article, "AGREE").evidence.text.startswith("Mujiv Hataman agreed to a ceasefire")


def test_a_relative_clause_on_a_party_is_its_own_event() -> None:
    article = run("Republicans urged Donald Trump to accept the result, such as Chris Christie, who denounced "
                  "the claims of Rudy Giuliani.")
    accusation = only(article, "ACCUSE")
    assert [a.name for i in accusation.actors if (a := article.actor(i)) is not None] == ["Chris Christie"]
    assert only(article, "REQUEST").trigger.text == "urged"


def test_an_object_pronoun_stands_for_the_one_person_named_before_it() -> None:
    article = run("The Republican Party broke with Donald Trump and urged him to concede. "
                  "Theresa May met Donald Trump and Emmanuel Macron, and urged him to stay.")
    first, second = [e for e in article.events if e.type == "REQUEST"]
    assert [a.name for i in first.recipients if (a := article.actor(i)) is not None] == ["Donald Trump"]
    assert texts(second.recipient_spans) == ["him"] and second.recipients == ()  # two men named: no guess


def test_a_command_reports_no_act() -> None:
    article = run('Sudesh Amman told her: "If you cannot make a bomb, take a knife and attack the police." '
                  "Sudesh Amman later attacked the police.")
    assault = only(article, "ASSAULT")
    assert assault.trigger.text == "attacked"


def test_a_tribute_rests_on_the_sentence_of_the_quotation_that_holds_its_praise() -> None:
    article = run('"With a heavy heart I share the news that our first president has died. Kenneth Kaunda was a '
                  'brave leader and a true patriot. May he rest in peace," wrote Hakainde Hichilema.')
    event = only(article, "SUPPORT")
    assert [a.name for i in event.actors if (a := article.actor(i))] == ["Hakainde Hichilema"]
    assert [a.name for i in event.recipients if (a := article.actor(i))] == ["Kenneth Kaunda"]
    assert event.evidence.text == "Kenneth Kaunda was a brave leader and a true patriot."


def test_what_a_leader_says_his_own_country_must_do_is_no_request() -> None:
    article = run("Boris Johnson said Britain must leave the European Union by October. "
                  "Boris Johnson said Russia must leave Ukraine.")
    request = only(article, "REQUEST")
    assert [a.name for i in request.recipients if (a := article.actor(i)) is not None] == ["Russia"]


def test_a_place_that_closes_by_itself_is_no_coercion() -> None:
    article = run("The National Zoo and the Smithsonian museums have shut. Hungary closed its border with Serbia. "
                  "The border was closed by Hungary.")
    assert [(e.type, e.trigger.text) for e in article.events] == [("COERCE", "closed"), ("COERCE", "closed")]


def test_an_attack_someone_only_claims_is_their_accusation() -> None:
    article = run("Ali bin Tamim claimed the Houthis have attacked journalists. "
                  "The Houthis attacked journalists in Aden.")
    accusation = only(article, "ACCUSE")
    assert [a.name for i in accusation.actors if (a := article.actor(i)) is not None] == ["Ali bin Tamim"]
    assert [a.name for i in accusation.recipients if (a := article.actor(i)) is not None] == ["Houthis"]
    assert only(article, "ASSAULT").trigger.text == "attacked"  # the attack the text itself reports


def test_a_judgement_in_a_small_clause_is_an_act() -> None:
    article = run("Angela Merkel considered it unacceptable for Russia to annex Crimea.")
    event = only(article, "ACCUSE")
    assert [a.name for i in event.actors if (a := article.actor(i)) is not None] == ["Angela Merkel"]


def test_a_time_on_a_clause_of_the_same_moment_dates_the_event() -> None:
    article = run("When announcing the closure on Monday, Boris Johnson called on Russia to withdraw its troops.",
                  published="2019-12-04")
    event = only(article, "REQUEST")
    assert event.date is not None and event.date.value == "2019-12-02"


def test_court_pleas_are_no_requests() -> None:
    for text in ("John Smith pleaded guilty to fraud on Monday.", "John Smith pled not guilty to all charges.",
                 "John Smith entered a guilty plea in federal court."):
        assert [e.type for e in run(text).events if e.type == "REQUEST"] == [], text
    event = only(run("The unions pleaded with Emmanuel Macron to raise wages."), "REQUEST")
    assert texts(event.recipient_spans) == ["Emmanuel Macron"]


def test_crashes_are_no_assaults_but_a_car_driven_as_a_weapon_is() -> None:
    for text in ("A van driven by John Smith struck a row of parked scooters on the highway, killing two.",
                 "John Smith struck a guard rail and overturned.",
                 "The bus carrying Israeli tourists was struck by a train in Egypt.",
                 "John Smith was driving a lorry carelessly on Route 9 and struck a group of motorbikes, "
                 "killing three riders.",
                 "John Smith was driving a lorry carelessly on Route 9 and struck a group of motorbikes, "
                 "killing three riders and injuring two more."):
        assert [e.type for e in run(text).events if e.type == "ASSAULT"] == [], text
    event = only(run("Ahmed Hassan deliberately struck protesters with his car in Charlottesville."), "ASSAULT")
    assert texts(event.actor_spans) == ["Ahmed Hassan"] and texts(event.recipient_spans) == ["protesters"]
    assert only(run("Hamas fighters struck a convoy of trucks near Gaza, killing two soldiers."), "ASSAULT").actors
    # a finite verb joined to a crash is an act of its own
    stabbed = only(run("Tom Hale struck a wall with his truck and stabbed two police officers in Leeds."), "ASSAULT")
    assert texts(stabbed.actor_spans) == ["Tom Hale"]


def test_an_accident_that_kills_is_no_assault() -> None:
    for text in ("A ferry collision killed nine people near Manila.", "A train derailment injured forty passengers.",
                 "A crash on the motorway killed a family of four.", "A stampede at the stadium killed six fans."):
        assert [e.type for e in run(text).events if e.type == "ASSAULT"] == [], text
    assert only(run("Gunmen killed nine people near Manila on Sunday."), "ASSAULT").actors


def test_an_act_timed_by_an_occasion_takes_no_date_of_the_sentences_before() -> None:
    article = run("The farm union has grown fast this year. In May, its leader Ann Cole criticized the plan. "
                  "Thousands of farmers were expected to protest in Leeds during the summit.", published="2019-07-07")
    accused = only(article, "ACCUSE").date
    assert accused is not None and accused.value == "2019-05"
    protest = only(article, "PROTEST")
    assert protest.date is not None and protest.date.value == "2019-07"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministry left our requests for comment unanswered on Monday.", "REQUEST"),
        ("The bid did not meet the threshold set by the regulator.", "CONSULT"),
        ("Cars made in Korea and sold in Canada face new tariffs.", "AID"),
        ("The senator offered no figures to back up the claim.", "SUPPORT"),
        ("People visiting the town this week found the museum closed.", "CONSULT"),
    ],
)
def test_idioms_and_other_senses_from_the_issue_are_no_events(text: str, kind: str) -> None:
    assert [e.type for e in run(text).events if e.type == kind] == []


def test_an_instrument_is_no_attacker_and_the_one_asked_is_no_asker() -> None:
    article = run("A drone struck a convoy near Kandahar on Monday, killing four fighters.")
    assert all("drone" not in s.text for e in article.events for s in e.actor_spans)
    asked = run('"I have no idea," Senator Ann Cole said on Monday when asked about the claims against the firm.')
    assert [e for e in asked.events if e.type == "REQUEST"] == []


def test_urged_or_tried_for_acts_have_not_occurred() -> None:
    article = run("Maria Lopez encouraged the FBI to release the tapes.")
    request = only(article, "REQUEST")
    assert texts(request.actor_spans) == ["Maria Lopez"] and texts(request.recipient_spans) == ["the FBI"]
    assert [e for e in article.events if e.type == "RETREAT" and e.status == "occurred"] == []
    release = only(run("The parents of Ali Khan tried to have him released from prison."), "RETREAT")
    assert release.status == "planned" and release.actor_spans == () and texts(release.recipient_spans) == ["him"]
    assert only(run("Israel released the prisoners on Tuesday."), "RETREAT").status == "occurred"


def test_support_held_is_an_opinion_and_support_given_an_act() -> None:
    article = run("The Montana law is supported by most residents, Governor Steve Bullock said.")
    assert [e.type for e in article.events if e.type == "SUPPORT"] == []
    event = only(run("The law was supported by Governor Steve Bullock on Monday."), "SUPPORT")
    assert texts(event.actor_spans) == ["Governor Steve Bullock"] and event.status == "occurred"


def test_what_any_country_could_do_is_no_event_but_a_named_one_is() -> None:
    article = run("Jennifer Daskal wrote that a single EU country could demand Facebook take down a post.")
    assert [e.type for e in article.events if e.type == "REQUEST"] == []
    event = only(run("Germany could demand compensation from Greece, Angela Merkel said."), "REQUEST")
    assert texts(event.actor_spans) == ["Germany"] and event.status == "hypothetical"
    assert only(run("A gunman killed five people in Paris."), "ASSAULT").status == "occurred"


def test_everyday_senses_of_support_and_seek_are_no_events() -> None:
    for text in ("Maria Lopez could not support her children after she lost her job.",
                 "The evidence supported the claim that Jamal Khashoggi was murdered, Agnes Callamard said.",
                 "Turkey is seeking a visa for its ambassador."):
        assert [e.type for e in run(text).events if e.type in ("SUPPORT", "REQUEST")] == [], text
    event = only(run("Angela Merkel supported Emmanuel Macron in the election."), "SUPPORT")
    assert texts(event.recipient_spans) == ["Emmanuel Macron"]
    assert texts(only(run("Turkey sought documents from the United States."), "REQUEST").actor_spans) == ["Turkey"]


@pytest.mark.parametrize(("text", "event_type", "status"), [
    ("Democrats vowed to investigate the secretary.", "ACCUSE", "planned"),
    ("Iran vowed to keep attacking Israel.", "THREATEN", "occurred"),  # a harm vowed is a threat, made
    ("Japan pledged to provide aid to Haiti.", "AGREE", "occurred"),
    ("Saudi Arabia pledged support for the talks, despite the Houthi attack on Riyadh.", "AGREE", "occurred"),
])
def test_a_promised_harm_is_a_threat_another_conflict_that_act_and_a_cooperation_an_agree(
        text: str, event_type: str, status: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert event.status == status and len(article.events) == 1
    assert events.plover_type(event) == event_type


def test_an_endorsement_offered_is_support() -> None:
    event = only(run("Bernie Sanders did not offer an endorsement of Joe Biden."), "SUPPORT")
    assert event.status == "negated" and texts(event.recipient_spans) == ["Joe Biden"]


@pytest.mark.parametrize(("text", "coded"), [
    ("Maria Lopez discussed her role as the party's nominee.", False),
    ("The Senate debated the bill on Monday.", False),
    ("Joe Biden discussed the economy with Angela Merkel.", True),
    ("Donald Trump and Vladimir Putin discussed Syria.", True),
    ("EU foreign ministers discussed sanctions on Russia.", True),
])
def test_one_party_alone_discussing_a_topic_consults_no_one(text: str, coded: bool) -> None:
    assert [e.type for e in run(text).events if e.type == "CONSULT"] == (["CONSULT"] if coded else [])


def test_a_modal_question_asks_nothing_of_anyone() -> None:
    assert run('Cardinal Marc Ouellet said, "Why should the bishops be exempt from these rules?"').events == ()
    event = only(run('Pope Francis said the bishops should follow the rules, "so why should priests be exempt?"'),
                 "REQUEST")
    assert texts(event.recipient_spans) == ["the bishops"]


def test_what_should_be_done_is_a_view_and_who_must_act_is_asked() -> None:
    article = run("Jair Bolsonaro has said the northern forests should be opened up to mining.")
    assert [e.type for e in article.events if e.type == "REQUEST"] == []
    event = only(run("Emmanuel Macron said Russia must withdraw its troops."), "REQUEST")
    assert texts(event.actor_spans) == ["Emmanuel Macron"] and texts(event.recipient_spans) == ["Russia"]


def test_the_possessor_of_a_killing_is_its_victim_unless_an_of_phrase_names_one() -> None:
    event = only(run("Investigators believe General Markov ordered Anna Petrova's killing."), "ASSAULT")
    assert texts(event.actor_spans) == ["General Markov"]
    assert texts(event.recipient_spans) == ["Anna Petrova"]
    agent = only(run("Syria's killing of protesters in Homs angered Turkey."), "ASSAULT")
    assert texts(agent.actor_spans) == ["Syria"]


def test_who_died_or_was_wounded_in_an_attack_is_not_its_actor() -> None:
    article = run("Boko Haram attacked a market in Kano on Monday. Officials said twelve Nigerians died in the attack.")
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert [texts(e.actor_spans) for e in assaults] == [["Boko Haram"]]
    assert all("twelve Nigerians" not in texts(e.actor_spans) for e in article.events)


def test_the_subject_of_a_passive_arrest_is_never_the_actor_of_the_arrest(nlp: Any) -> None:
    from dateline.events._fold import fold
    from dateline.events._hits import hits, matches

    text = ("Ivanov was arrested in June, 2016, but Ukraine's State Border Service when announcing the arrest"
            " in August named him only as a suspect.")
    article = actors.apply(Article(id="p", source="test", text=text, doc=nlp(text)))
    lex = load_lexicon(events.EventsConfig().resources(article))
    assert article.doc is not None
    (sentence,) = article.doc.sents
    found = hits(sentence, lex, frozenset(), matches(sentence, lex))  # the first sentence: nothing told before it
    assert any(t.text == "Ivanov" for h in found.values() for t in h.args.actors)  # the misparse this guards
    (arrest,) = [h for h in fold(found, lex) if h.entry.type == "COERCE"]
    assert [t.text for t in arrest.args.recipients] == ["Ivanov"]
    assert all(t.text != "Ivanov" for t in arrest.args.actors)


def test_a_news_source_reporting_is_not_the_actor_of_the_inquiry_it_reports() -> None:
    event = only(run("The BBC reported Monday, after an inquiry into Gazprom, that the European Commission found no"
                     " fault."), "ACCUSE")
    assert texts(event.actor_spans) == ["the European Commission"]
    assert texts(event.recipient_spans) == ["Gazprom"]


def test_who_unseals_charges_brings_them() -> None:
    event = only(run("The French Ministry of Justice unsealed new charges against Pierre Dumont on Tuesday."), "ACCUSE")
    assert texts(event.actor_spans) == ["The French Ministry of Justice"]
    assert texts(event.recipient_spans) == ["Pierre Dumont"]


def test_the_people_of_a_person_are_not_that_person() -> None:
    article = run("Yulia Tymoshenko fell ill in prison on Monday. Her lawyers have alleged Tymoshenko was poisoned.")
    event = only(article, "ACCUSE")
    (tymoshenko,) = [a.id for a in article.actors if a.name == "Yulia Tymoshenko"]
    assert texts(event.actor_spans) == ["Her lawyers"] and tymoshenko not in event.actors
    assert event.recipients == (tymoshenko,)


def test_fighting_off_an_illness_is_no_clash_but_fighting_troops_is() -> None:
    calm = run("In Delhi, India, two hundred people drank herbal tea on Sunday to fight off the flu.")
    assert not [e for e in calm.events if e.type == "ASSAULT"]
    assert any(a.country == "IND" for a in calm.actors)
    clash = run("Kurdish militants fought Turkish troops near the border on Monday.")
    assert only(clash, "ASSAULT").trigger.text == "fought"


@pytest.mark.parametrize(
    ("text", "event_type", "trigger", "party"),
    [
        ("A Madrid court acquitted Maria Lopez of all charges on Monday.", "CONCEDE", "acquitted", "Maria Lopez"),
        ("The governor granted a pardon to Tom Hill.", "CONCEDE", "pardon", "Tom Hill"),
        ("Germany consulted France before the vote.", "CONSULT", "consulted", "France"),
        ("Police evicted the protesters from the square.", "COERCE", "evicted", "police"),
        ("The kidnapping of Alan Dukes by the FARC shocked Colombia.", "ASSAULT", "kidnapping", "Alan Dukes"),
        ("Hamas detonated a bomb near the Israeli embassy.", "ASSAULT", "detonated", "Hamas"),
        ("Japan announced a donation of rice to North Korea.", "AID", "donation", "Japan"),
        ("Serbia suspended its donations to Bosnia.", "SANCTION", "suspended", "Serbia"),
        ("The eviction of Palestinian families by Israel drew protests.", "COERCE", "eviction", "Palestinian people"),
    ],
)
def test_acts_the_plover_manual_names_are_triggers(text: str, event_type: str, trigger: str, party: str) -> None:
    article = run(text)
    event = only(article, event_type)
    names = {a.id: a.name for a in article.actors}
    assert event.trigger.text == trigger
    assert party in [names[i] for i in (*event.actors, *event.recipients)]


def test_consulting_a_professional_is_no_meeting() -> None:
    event = only(run("Angela Merkel consulted a doctor before she met Emmanuel Macron."), "CONSULT")
    assert event.trigger.text == "met"


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        ("The European Commission fined Google on Tuesday.", "SANCTION", "fined"),  # lemmatized "fin"
        ("Two soldiers raped Maria Perez, the court heard.", "ASSAULT", "raped"),  # lemmatized "rap"
    ],
)
def test_a_verb_the_lemmatizer_gets_wrong_is_read_by_its_ending(text: str, event_type: str, trigger: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert event.trigger.text == trigger
    assert event.actors and event.recipients


@pytest.mark.parametrize(
    "text",
    [
        "The Supreme Court found the decree to be unlawful.",
        "The Supreme Court ruled that the decree of Governor Tony Evers was unconstitutional.",
    ],
)
def test_a_judgement_stated_in_a_complement_clause_is_a_ruling(text: str) -> None:
    article = run(text)
    event = only(article, "SANCTION")
    assert event.trigger.text in ("found", "ruled") and event.mode == "convict"
    assert [a.name for a in article.actors if a.id in event.actors] == ["Supreme Court"]


@pytest.mark.parametrize(
    "text", ["Donald Trump insists that Congress fund the wall.", "Iran insisted that the prisoners be released."])
def test_insisting_that_something_be_done_is_a_request(text: str) -> None:
    event = only(run(text), "REQUEST")
    assert event.trigger.text.startswith("insist") and event.actors


def test_insisting_that_something_is_so_is_no_request() -> None:
    article = run("Nancy Pelosi insisted that she was not pressured by Donald Trump.")
    assert not [e for e in article.events if e.type == "REQUEST"]
    assert not [e for e in article.events if e.type == "ACCUSE"]  # a claim that no act took place accuses no one


@pytest.mark.parametrize(
    "text",
    [
        "Angela Merkel took a swipe at Donald Trump on Tuesday.",
        "Hillary Clinton swiped at Donald Trump over Brexit.",
        "In his speech, Barack Obama launched a broadside against Vladimir Putin.",
    ],
)
def test_a_swipe_at_someone_is_criticism(text: str) -> None:
    article = run(text)
    event = only(article, "ACCUSE")
    assert event.mode == "disapprove" and event.actors and event.recipients
    assert next(a.name for a in article.actors if a.id in event.recipients) in ("Donald Trump", "Vladimir Putin")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ('"I urge Russia to withdraw its troops," said Angela Merkel.', "REQUEST"),
        ('Angela Merkel said: "I condemn the attack on Ukraine."', "ACCUSE"),
    ],
)
def test_the_first_person_of_a_quotation_is_its_speaker(text: str, event_type: str) -> None:
    article = run(text)
    event = only(article, event_type)
    assert [a.name for a in article.actors if a.id in event.actors] == ["Angela Merkel"]
    assert event.recipients


def test_grilling_a_person_is_criticism_and_admiring_one_support() -> None:
    grilled = only(run("Angela Merkel grilled Boris Johnson at the summit."), "ACCUSE")
    assert grilled.mode == "disapprove" and grilled.actors and grilled.recipients
    admired = only(run("Donald Trump openly admires Vladimir Putin for his toughness."), "SUPPORT")
    assert admired.trigger.text == "admires" and admired.recipients
    assert not run("The chef grilled the fish on Tuesday.").events  # no person named: cooking
    assert only(run("The chef grilled Donald Trump on Tuesday."), "ACCUSE").recipients


def test_it_as_the_object_stands_for_the_noun_before_it() -> None:
    article = run("Ontario had called a referendum for May, but Premier Doug Ford delayed it.")
    event = only(article, "COERCE")
    assert event.trigger.text == "delayed" and event.mode == "restrict"
    assert not run("Doug Ford ordered a new boat in May and delayed it.").events  # a boat is no vote


@pytest.mark.parametrize("text", [
    "Senator John Roe's charges include bribery.",
    "Kenyan prosecutors' charges against Senator John Roe include bribery.",
])
def test_what_a_charge_consists_of_is_no_accusation(text: str) -> None:
    assert [e for e in run(text).events if e.type == "ACCUSE"] == []
    # the act of charging, and an act that a verb of content describes, are still coded
    assert only(run("Kenyan prosecutors charged Senator John Roe with bribery."), "ACCUSE").status == "occurred"
    assert only(run("The attack on Kenya involved ten drones."), "ASSAULT").status == "occurred"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Senator John Roe pleaded guilty to fraud.", "pleaded"),
    ("Senator John Roe admitted his guilt in the fraud.", "admitted"),
    ("Senator John Roe confessed to the fraud.", "confessed"),
])
def test_an_admission_of_guilt_is_a_concession(text: str, trigger: str) -> None:
    event = only(run(text), "CONCEDE")
    assert event.trigger.text == trigger and texts(event.actor_spans) == ["Senator John Roe"]


def test_a_plea_of_not_guilty_is_no_concession() -> None:
    article = run("Senator John Roe pleaded not guilty to fraud. Senator John Roe pleaded guilty to bribery.")
    assert [e.trigger.start for e in article.events if e.type == "CONCEDE"] == [article.text.index("pleaded guilty")]


def test_the_owner_of_an_intent_does_the_act_it_names_and_it_is_planned() -> None:
    article = run("Joe Biden filed his intent to appeal.", roles="none")
    event = only(article, "REQUEST")
    assert event.trigger.text == "appeal"
    assert [a.name for i in event.actors if (a := article.actor(i)) is not None] == ["Joe Biden"]
    assert event.status == "planned"


@pytest.mark.parametrize("text", ["Hamas announced its plan to attack Israel.",
                                  "Hamas announced its intention to attack Israel."])
def test_an_act_a_plan_describes_is_planned(text: str) -> None:
    event = only(run(text, roles="none"), "ASSAULT")
    assert event.trigger.text == "attack"
    assert event.status == "planned"


@pytest.mark.parametrize("text", [
    "After the vote, Senator Mary Hale dropped out of the presidential race.",
    "Governor Tom Reyes followed suit on Friday, dropping out of the race.",
])
def test_a_two_word_preposition_brings_in_what_completes_a_trigger(text: str) -> None:
    event = only(run(text), "RETREAT")
    assert event.mode == "resign" and event.actors
    assert [e for e in run("Senator Mary Hale dropped out of college in 1990.").events if e.type == "RETREAT"] == []


@pytest.mark.parametrize(("text", "coded"), [
    ('"Rebels attack the convoys of Germany," said Mayor Anna Berg of Lyon.', False),
    ('Anna Berg said, "For years, members of Congress have ignored the will of the people."', False),
    ('Anna Berg said, "The rebels attacked the convoy of Germany on Monday."', True),  # particular doers, a past act
    ('"Rebels attacked the convoy of Germany," said Anna Berg.', True),  # a bare plural in the past tells an act
])
def test_what_people_of_a_kind_do_in_someones_words_is_no_act(text: str, coded: bool) -> None:
    acts = [e for e in run(text).events if e.type in ("ASSAULT", "REJECT")]
    assert bool(acts) is coded, [(e.type, e.trigger.text) for e in run(text).events]


def test_a_pronoun_object_of_a_second_verb_stands_for_the_first_verbs_object() -> None:
    # "them" is the emails, not the aides named just before it: publishing them releases no one
    article = run("The Associated Press obtained the emails between Ricardo Rosselló and eleven aides and released "
                  "them on Monday.")
    assert not [e for e in article.events if e.type == "RETREAT"]
    freed = run("Iran arrested the journalist Jan Novak in May and released him on Monday.")
    assert [e.trigger.text for e in freed.events if e.type == "RETREAT"] == ["released"]
