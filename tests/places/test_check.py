"""Places: the learned check of resolved points (features, overriding the rules, the packaged artifact)."""

from __future__ import annotations

import numpy as np

from dateline import annotate, lang, places
from dateline.places._check import Check, features, load_check, score, slot_rows
from dateline.places._gazetteer import load_gazetteer
from dateline.records import Article

EN = lang.resources("en")


def _annotated(text: str, url: str | None = None) -> Article:
    [article] = annotate.apply_batch([Article(id="t", source="test", url=url, text=text)])
    return article


def test_features_describe_each_resolved_point() -> None:
    article = _annotated("Storm hits Peoria\nHeavy rain fell in Springfield, Illinois, on Monday, and roads near "
                         "Peoria were closed.", url="https://example.com/storm")
    chosen = [c for c in places.choices(article) if c.entry is not None and c.entry.lat is not None]
    by_text = {c.span.text: c for c in chosen}
    assert {"Springfield", "Illinois", "Peoria"} <= set(by_text)
    rows = features(article, load_gazetteer(EN), [c.span for c in chosen], [c.entry for c in chosen if c.entry],
                    [c.placed for c in chosen], [c.named for c in chosen], [c.source for c in chosen], None)
    springfield = rows[chosen.index(by_text["Springfield"])]
    assert "before=in" in springfield and "feat=city" in springfield and "headline=False" in springfield
    assert "same_state=True" in springfield and "home=none" in springfield
    headline = [row for c, row in zip(chosen, rows, strict=True) if c.span.start == article.text.index("Peoria")]
    assert headline and "headline=True" in headline[0] and "count=2" in headline[0]


def test_slots_are_stable_and_never_the_padding_slot() -> None:
    rows = [["bias", "src=GPE"], ["bias"]]
    slots = slot_rows(rows, bits=8)
    assert slots.shape == (2, 2) and slots[1, 1] == 0
    assert (slots[:, 0] > 0).all() and slots[0, 0] == slots[1, 0] and (slots < 256).all()
    assert (slot_rows(rows, bits=8) == slots).all()


def test_the_check_overrides_the_rules_only_outside_its_bounds() -> None:
    check = Check(np.zeros(16, dtype=np.float32), low=0.1, high=0.8)
    probabilities = np.array([0.05, 0.5, 0.5, 0.9])
    assert check.keep(probabilities, [True, True, False, False]) == [False, True, False, True]


def test_a_zero_model_scores_one_half() -> None:
    assert score(np.zeros(16, dtype=np.float32), [["bias", "src=GPE"]]).tolist() == [0.5]


def test_the_packaged_check_loads_and_round_trips() -> None:
    check = load_check(EN)
    assert check is not None
    assert 0.0 <= check.low < check.high <= 1.0 and np.count_nonzero(check.weights) > 50
    saved = check.to_json()
    assert saved["low"] == check.low and saved["bits"] == 12


def test_apply_keeps_well_supported_places_with_the_check() -> None:
    article = _annotated("Heavy rain fell in Springfield, Illinois, on Monday, and roads near Peoria were closed.")
    found = {p.span.text: p for p in places.apply(article, places.PlacesConfig(check=True)).places}
    assert found["Springfield"].country == "USA" and found["Springfield"].lat is not None
    assert found["Peoria"].lat is not None and abs(found["Peoria"].lat - 40.7) < 0.5
