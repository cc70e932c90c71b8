"""The rule oracle against POLICY_MODEL.md: the canonical cases, every fact combination,
and properties of the `depends` decision tree."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evals.datasets import load_suite
from evals.oracle import (
    CAVEAT_CLAUSES,
    CLAUSE_IDS,
    FACT_NAMES,
    Decision,
    Facts,
    Tri,
    Use,
    Verdict,
    decide,
    fact_values,
)

US = "coc-2024.us-police-facial-recognition"
MOBILE = "coc-2024.le-realtime-mobile-in-the-wild"
SURV = "coc-2024.surveillance-without-consent"
FR = "facial_recognition"

# POLICY_MODEL.md §5 with the facts that matter as the table lists them (case 10 and 11 ask
# for no verdict and have no facts). (case, facts, verdict, deciding clauses, caveats?)
CANONICAL: list[tuple[int, dict[str, str], Verdict, list[str], bool]] = [
    (1, {"united_states": "no", "use": FR, "mobile_camera": "yes"}, Verdict.depends, [], True),
    (
        2,
        {
            "law_enforcement": "yes",
            "united_states": "no",
            "use": FR,
            "real_time": "yes",
            "mobile_camera": "yes",
            "uncontrolled": "yes",
            "consent": "no",
        },
        Verdict.prohibited,
        [MOBILE, SURV],
        True,
    ),
    (
        3,
        {
            "law_enforcement": "yes",
            "united_states": "yes",
            "use": FR,
            "real_time": "no",
            "mobile_camera": "no",
        },
        Verdict.prohibited,
        [US],
        True,
    ),
    (
        4,
        {"law_enforcement": "yes", "united_states": "yes", "use": "non_biometric"},
        Verdict.not_prohibited,
        [],
        False,
    ),
    (
        5,
        {
            "law_enforcement": "yes",
            "united_states": "no",
            "use": FR,
            "real_time": "no",
            "mobile_camera": "no",
            "uncontrolled": "no",
        },
        Verdict.not_prohibited,
        [],
        True,
    ),
    (
        6,
        {"law_enforcement": "no", "use": FR, "real_time": "yes", "consent": "no"},
        Verdict.prohibited,
        [SURV],
        True,
    ),
    (
        7,
        {"law_enforcement": "no", "use": FR, "real_time": "yes", "consent": "yes"},
        Verdict.not_prohibited,
        [],
        True,
    ),
    (8, {"law_enforcement": "yes", "united_states": "no"}, Verdict.depends, [], False),
    (
        9,
        {"law_enforcement": "yes", "united_states": "yes", "use": FR},
        Verdict.prohibited,
        [US],
        True,
    ),
    (
        12,
        {"law_enforcement": "yes", "united_states": "yes", "use": FR},
        Verdict.prohibited,
        [US],
        True,
    ),
]


def _has_branch(
    decision: Decision, when: dict[str, str], verdict: Verdict, clauses: list[str]
) -> bool:
    """A branch whose scenario includes `when` (it may settle more) with this outcome."""
    return any(
        when.items() <= b.when.items() and b.verdict is verdict and b.clauses == clauses
        for b in decision.branches
    )


@pytest.mark.parametrize(
    ("case", "facts", "verdict", "clauses", "caveat"),
    CANONICAL,
    ids=[f"case{c[0]}" for c in CANONICAL],
)
def test_canonical_case(
    case: int, facts: dict[str, str], verdict: Verdict, clauses: list[str], caveat: bool
) -> None:
    decision = decide(Facts.model_validate(facts))
    assert decision.verdict is verdict
    assert decision.clauses == clauses
    assert decision.caveats == (list(CAVEAT_CLAUSES) if caveat else [])


def test_case1_european_dashcam_branches() -> None:
    """Live on patrol by a law-enforcement agency: prohibited; recorded footage: not."""
    decision = decide(Facts.model_validate(CANONICAL[0][1]))
    live_patrol = {"law_enforcement": "yes", "real_time": "yes", "uncontrolled": "yes"}
    assert _has_branch(decision, live_patrol, Verdict.prohibited, [MOBILE])
    assert _has_branch(decision, {"real_time": "no"}, Verdict.not_prohibited, [])
    assert {"law_enforcement", "real_time", "uncontrolled"} <= set(decision.open_facts)
    # The US clause cannot reach a European agency, whatever else is settled.
    assert all(US not in b.clauses for b in decision.branches)


def test_case8_police_outside_us_branches() -> None:
    decision = decide(Facts(law_enforcement=Tri.yes, united_states=Tri.no))
    live_wild = {"use": FR, "real_time": "yes", "mobile_camera": "yes", "uncontrolled": "yes"}
    assert _has_branch(decision, live_wild, Verdict.prohibited, [MOBILE])
    assert _has_branch(decision, {"use": FR, "real_time": "no"}, Verdict.not_prohibited, [])
    assert _has_branch(decision, {"use": "non_biometric"}, Verdict.not_prohibited, [])
    assert "use" in decision.open_facts
    assert all(US not in b.clauses for b in decision.branches)


def test_canonical_dataset_matches_the_table() -> None:
    """canonical.jsonl holds the spec's cases with the facts the table says matter."""
    records = {r.canonical: r for r in load_suite("canonical") if r.canonical is not None}
    assert sorted(records) == list(range(1, 13))
    for case, facts, verdict, _clauses, _caveat in CANONICAL:
        gold = records[case].gold_facts
        assert gold is not None
        for name, value in facts.items():
            assert getattr(gold, name) == value, (case, name)
        assert records[case].gold_verdict is verdict
    assert records[10].gold_verdict is Verdict.informational
    assert records[11].gold_verdict is Verdict.out_of_scope


def test_surveillance_tracking_does_not_wait_on_real_time() -> None:
    """Found by the exhaustive pass: Kleene logic kept `real_time` open for tracking, where
    only consent decides; the tree must not ask about a fact that cannot change the verdict."""
    decision = decide(Facts(law_enforcement=Tri.yes, use=Use.surveillance_tracking))
    assert decision.verdict is Verdict.depends
    assert decision.open_facts == ["consent"]
    assert [(b.when, b.verdict) for b in decision.branches] == [
        ({"consent": "yes"}, Verdict.not_prohibited),
        ({"consent": "no"}, Verdict.prohibited),
    ]


def test_police_consent_does_not_lift_the_patrol_ban() -> None:
    """Not decided in §5: live patrol face matching of people who consented. The patrol
    clause has no consent exception, so it stays prohibited (by that clause alone)."""
    facts = Facts(
        law_enforcement=Tri.yes,
        united_states=Tri.no,
        use=Use.facial_recognition,
        real_time=Tri.yes,
        mobile_camera=Tri.yes,
        uncontrolled=Tri.yes,
        consent=Tri.yes,
    )
    decision = decide(facts)
    assert decision.verdict is Verdict.prohibited
    assert decision.clauses == [MOBILE]


# --- An independent two-valued statement of §3, for the exhaustive pass -------------------


def _plain_rules(f: dict[str, str]) -> dict[str, bool]:
    le, us, use = f["law_enforcement"] == "yes", f["united_states"] == "yes", f["use"]
    rt, mob, wild = f["real_time"] == "yes", f["mobile_camera"] == "yes", f["uncontrolled"] == "yes"
    consent = f["consent"] == "yes"
    return {
        US: le and us and use == FR,
        MOBILE: le and use == FR and rt and mob and wild,
        SURV: not consent
        and (
            use == "surveillance_tracking" or (use in (FR, "other_biometric_identification") and rt)
        ),
    }


def _completions(facts: Facts) -> Iterator[dict[str, str]]:
    given_ = facts.model_dump(mode="json")
    open_ = [n for n in FACT_NAMES if given_[n] == "unknown"]
    for combo in itertools.product(*(fact_values(n) for n in open_)):
        yield {**given_, **dict(zip(open_, combo, strict=True))}


def _all_facts() -> Iterator[Facts]:
    choices = [[u.value for u in Use] if n == "use" else [t.value for t in Tri] for n in FACT_NAMES]
    for combo in itertools.product(*choices):
        yield Facts.model_validate(dict(zip(FACT_NAMES, combo, strict=True)))


def test_exhaustive_every_combination() -> None:
    seen = 0
    for facts in _all_facts():
        seen += 1
        decision = decide(facts)
        # Each Kleene rule value is exact: yes/no iff every completion agrees.
        outcomes = [_plain_rules(c) for c in _completions(facts)]
        for cid in CLAUSE_IDS:
            truths = {o[cid] for o in outcomes}
            expected = (
                Tri.unknown if len(truths) == 2 else (Tri.yes if truths == {True} else Tri.no)
            )
            assert decision.rule_values[cid] is expected, (facts, cid)
        values = list(decision.rule_values.values())
        if Tri.yes in values:
            assert decision.verdict is Verdict.prohibited
        elif Tri.unknown in values:
            assert decision.verdict is Verdict.depends
        else:
            assert decision.verdict is Verdict.not_prohibited
        assert decision.clauses == [c for c in CLAUSE_IDS if decision.rule_values[c] is Tri.yes]
        is_fr = facts.use is Use.facial_recognition
        assert decision.caveats == (list(CAVEAT_CLAUSES) if is_fr else [])
        is_depends = decision.verdict is Verdict.depends
        assert bool(decision.branches) == is_depends
        assert bool(decision.open_facts) == is_depends
    assert seen == 3**6 * 5


# --- Properties of the decision tree ----------------------------------------------------

facts_strategy = st.builds(
    Facts,
    law_enforcement=st.sampled_from(Tri),
    united_states=st.sampled_from(Tri),
    use=st.sampled_from(Use),
    real_time=st.sampled_from(Tri),
    mobile_camera=st.sampled_from(Tri),
    uncontrolled=st.sampled_from(Tri),
    consent=st.sampled_from(Tri),
)


def _settle(facts: Facts, settled: dict[str, str]) -> Facts:
    return Facts.model_validate({**facts.model_dump(mode="json"), **settled})


@given(facts_strategy, st.data())
def test_settling_a_fact_keeps_a_settled_verdict(facts: Facts, data: st.DataObject) -> None:
    """Prohibited stays prohibited (and not prohibited stays so) whatever is learnt later."""
    decision = decide(facts)
    open_ = [n for n in FACT_NAMES if getattr(facts, n) == "unknown"]
    if not open_:
        return
    name = data.draw(st.sampled_from(open_))
    value = data.draw(st.sampled_from(fact_values(name)))
    later = decide(_settle(facts, {name: value}))
    if decision.verdict is Verdict.prohibited:
        assert later.verdict is Verdict.prohibited
        assert set(decision.clauses) <= set(later.clauses)
    if decision.verdict is Verdict.not_prohibited:
        assert later.verdict is Verdict.not_prohibited


@settings(max_examples=300)
@given(facts_strategy)
def test_depends_branches(facts: Facts) -> None:
    decision = decide(facts)
    if decision.verdict is not Verdict.depends:
        return
    assert {b.verdict for b in decision.branches} == {Verdict.prohibited, Verdict.not_prohibited}
    for branch in decision.branches:
        assert branch.when, "a branch settles at least one fact"
        for name in branch.when:
            assert getattr(facts, name) == "unknown", (name, "was already settled")
        leaf = decide(_settle(facts, branch.when))
        assert leaf.verdict is branch.verdict
        assert leaf.clauses == branch.clauses
    # The branches cover every completion exactly once, each with the branch's verdict.
    for completion in _completions(facts):
        matching = [b for b in decision.branches if b.when.items() <= completion.items()]
        assert len(matching) == 1, completion
        assert decide(Facts.model_validate(completion)).verdict is matching[0].verdict


@settings(max_examples=200)
@given(facts_strategy)
def test_open_facts_are_the_unknown_facts_that_matter(facts: Facts) -> None:
    """An open fact matters when changing it alone can change the verdict."""
    decision = decide(facts)
    if decision.verdict is not Verdict.depends:
        return
    by_rest: dict[str, dict[tuple[tuple[str, str], ...], set[Verdict]]] = {}
    for completion in _completions(facts):
        verdict = decide(Facts.model_validate(completion)).verdict
        for name in FACT_NAMES:
            if getattr(facts, name) != "unknown":
                continue
            rest = tuple(sorted((k, v) for k, v in completion.items() if k != name))
            by_rest.setdefault(name, {}).setdefault(rest, set()).add(verdict)
    matter = {n for n, groups in by_rest.items() if any(len(v) > 1 for v in groups.values())}
    assert set(decision.open_facts) == matter


# --- Readings POLICY_MODEL.md §2.1 leaves open, as decided for every suite's labels ----------
# Each decision is a reading of a kind of question into facts; the verdict those facts get
# is the oracle's. They are listed here so that a change of mind shows in one place.
READING_DECISIONS = [
    # A person detained or booked by police is identified against their interest, as a
    # suspect: consent no. Live checks at booking are then prohibited by the surveillance
    # clause even for non-US police in a controlled room (curated-065/114, heldout-047).
    (
        "detainee verified by face at booking, live, fixed camera, outside the US",
        Facts(law_enforcement=Tri.yes, united_states=Tri.no, use=Use.facial_recognition,
              real_time=Tri.yes, mobile_camera=Tri.no, uncontrolled=Tri.no, consent=Tri.no),
        Verdict.prohibited,
        ["coc-2024.surveillance-without-consent"],
    ),
    # Consent signed by families on the identified people's behalf is not theirs; people
    # who need a proxy could not consent: consent no (blind2-0065).
    (
        "dementia patients recognised live on corridor cameras, families signed for them",
        Facts(law_enforcement=Tri.no, united_states=Tri.yes, use=Use.facial_recognition,
              real_time=Tri.yes, mobile_camera=Tri.no, consent=Tri.no),
        Verdict.prohibited,
        ["coc-2024.surveillance-without-consent"],
    ),
    # Enrolment people cannot refuse ("everyone enrolled, no opt out", "mandatory for all
    # staff") is not their agreement: they could not say no, so consent no (blind3-d013).
    (
        "compulsory face check at a warehouse turnstile, no opt out",
        Facts(law_enforcement=Tri.no, united_states=Tri.no, use=Use.facial_recognition,
              real_time=Tri.yes, mobile_camera=Tri.no, uncontrolled=Tri.no, consent=Tri.no),
        Verdict.prohibited,
        ["coc-2024.surveillance-without-consent"],
    ),
    # People met in a public place (a crowd, passers-by), with no group named that could
    # have agreed and nothing said of their consent, did not consent.
    (
        "a retailer's live face matching of passers-by on a shopping street",
        Facts(law_enforcement=Tri.no, use=Use.facial_recognition, real_time=Tri.yes,
              mobile_camera=Tri.no, uncontrolled=Tri.yes, consent=Tri.no),
        Verdict.prohibited,
        ["coc-2024.surveillance-without-consent"],
    ),
    # With no camera involved (photos from a case file, audio, documents) mobile_camera is
    # no (§2.1); with recordings reviewed afterwards the patrol clause cannot apply.
    (
        "non-US police matching a suspect photo from a case file against mugshots, afterwards",
        Facts(law_enforcement=Tri.yes, united_states=Tri.no, use=Use.facial_recognition,
              real_time=Tri.no, mobile_camera=Tri.no, consent=Tri.no),
        Verdict.not_prohibited,
        [],
    ),
]


@pytest.mark.parametrize(("case", "facts", "verdict", "clauses"), READING_DECISIONS)
def test_reading_decisions(case: str, facts: Facts, verdict: Verdict, clauses: list[str]) -> None:
    decision = decide(facts)
    assert decision.verdict is verdict, case
    assert decision.clauses == clauses, case
