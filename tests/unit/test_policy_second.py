"""A second, made-up policy (tests/fixtures/drones: two rules over three facts) decided by
the same kernel and shown by the same facts panel: nothing in them is the Code of
Conduct's. (The composer on it, over a real index of its documents:
tests/integration/test_policy_second_composer.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.models import Answer
from rag.policy import Verdict, load_policy
from rag.policy.engine import Policy
from ui.render import fact_controls, value_label, verdict_html

DECLARATION = Path(__file__).resolve().parents[1] / "fixtures" / "drones" / "policy" / "drones-2025.policy.yaml"
UNLICENSED = "drones-2025.unlicensed"
NIGHT = "drones-2025.night-over-dorms"


@pytest.fixture(scope="module")
def drones() -> Policy:
    return load_policy(DECLARATION)


def test_its_facts_model_is_built_from_the_declaration(drones: Policy) -> None:
    assert drones.fact_names == ("licensed", "area", "night")
    facts = drones.facts(area="dorms")
    assert drones.values(facts) == {"licensed": "unknown", "area": "dorms", "night": "unknown"}
    with pytest.raises(ValueError, match="area must be one of dorms, fields, town, unknown"):
        drones.facts(area="roof")
    with pytest.raises(ValueError, match="area has no value 'roof'"):
        drones.decide({"area": "roof"})


def test_the_kernel_decides_its_rules(drones: Policy) -> None:
    prohibited = drones.decide({"licensed": "yes", "area": "dorms", "night": "yes"})
    assert prohibited.verdict is Verdict.prohibited and prohibited.clauses == [NIGHT]
    both = drones.decide({"licensed": "no", "area": "dorms", "night": "yes"})
    assert both.clauses == [UNLICENSED, NIGHT]
    fine = drones.decide({"licensed": "yes", "area": "town", "night": "yes"})
    assert fine.verdict is Verdict.not_prohibited and fine.caveats == []


def test_a_depends_names_what_decides_it_and_each_scenario(drones: Policy) -> None:
    decision = drones.decide({"licensed": "yes", "area": "dorms"})
    assert decision.verdict is Verdict.depends
    assert decision.open_facts == ["night"]
    assert [(b.when, b.verdict, b.clauses) for b in decision.branches] == [
        ({"night": "yes"}, Verdict.prohibited, [NIGHT]),
        ({"night": "no"}, Verdict.not_prohibited, []),
    ]
    assert decision.caveats == ["drones-2025.old-ban"]
    everything_open = drones.decide({})
    # licensed decides one rule alone; then area and night for the other.
    assert everything_open.open_facts[0] == "licensed"
    assert set(everything_open.open_facts) == {"licensed", "area", "night"}
    assert all(b.verdict is not Verdict.depends for b in everything_open.branches)


def test_rules_as_evaluated_and_the_policy_named(drones: Policy) -> None:
    rules = drones.evaluations({"licensed": "no", "area": "town"})
    assert [(r.clause_id, r.value, r.reads) for r in rules] == [
        (UNLICENSED, "yes", {"licensed": "no"}),
        (NIGHT, "no", {"area": "town", "night": "unknown"}),
    ]
    assert drones.ref().model_dump() == {"id": "drones-2025", "version": "2025-01.1",
                                         "effective": "2025-01-15"}


def test_its_wording_and_clarifying_questions(drones: Policy) -> None:
    words = drones.wording
    assert words.describe_condition("night", "yes") == "it flies at night"
    assert words.describe_scenario({"area": "dorms", "night": "no"}) == "over the dorms, by day"
    question = words.clarifying_question("area")
    assert question.question == "Where will the drone fly?"
    assert [(o.label, o.settles) for o in question.options] == [
        ("Over the dormitories", {"area": "dorms"}),
        ("Over the sports fields", {"area": "fields"}),
        ("Off campus", {"area": "town"}),
    ]


def test_the_facts_panel_shows_its_facts(drones: Policy) -> None:
    controls = fact_controls(drones)
    assert [(c.name, c.label, c.kind) for c in controls] == [
        ("licensed", "Licensed pilot", "radio"),
        ("area", "Where it flies", "dropdown"),
        ("night", "At night", "radio"),
    ]
    assert controls[0].choices == [("yes", "yes"), ("no", "no"), ("unknown", "unknown")]
    assert controls[1].choices == [("Dormitories", "dorms"), ("Sports fields", "fields"),
                                   ("Off campus", "town"), ("Not stated", "unknown")]
    assert value_label("area", "fields", drones) == "Sports fields"
    assert value_label("night", "yes", drones) == "yes"


def test_the_verdict_panel_names_its_clauses(drones: Policy) -> None:
    decision = drones.decide({"licensed": "yes", "area": "dorms"})
    answer = Answer(question="May I fly over the dorms?", verdict=decision.verdict, answer="",
                    branches=decision.branches, caveats=decision.caveats)
    html = verdict_html(answer, drones)
    assert "night flights over the dormitories" not in html  # no deciding clause yet
    assert "it flies at night" in html and "drones-2025.night-over-dorms" in html
    assert "earlier text: no flights over campus at all" in html
    answer = answer.model_copy(update={"verdict": Verdict.prohibited, "clauses": [NIGHT]})
    assert "night flights over the dormitories" in verdict_html(answer, drones)
