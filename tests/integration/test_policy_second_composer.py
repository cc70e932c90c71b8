"""The offline composer writes answers for a second, made-up policy (tests/fixtures/drones),
from its declaration and a real index of its own documents: its clauses quoted and cited,
its scenarios, its caveat and its general requirements; nothing of the Code of Conduct."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rag.compose import Composer
from rag.policy import Verdict, load_policy
from rag.policy.engine import Policy
from rag.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "drones"


@pytest.fixture(scope="module")
def drones() -> Policy:
    return load_policy(CORPUS / "policy" / "drones-2025.policy.yaml")


@pytest.fixture(scope="module")
def composer(tmp_path_factory: pytest.TempPathFactory, make_settings: Callable[..., Settings],
             drones: Policy) -> Composer:
    from rag.retrieval import Retriever

    settings = make_settings(tmp_path_factory.mktemp("drones"), corpus_dir=CORPUS)
    return Composer(Retriever.from_settings(settings, ensure_index=True, progress=False), drones)


def _answer(composer: Composer, drones: Policy, question: str, **values: str) -> tuple[str, list[str]]:
    facts = drones.facts(**values)
    text, citations = composer.verdict(question, facts, drones.decide(facts))
    assert "Code of Conduct" not in text and "coc-" not in text
    return text, [c.clause_id or c.source for c in citations]


def test_a_prohibited_answer_quotes_and_cites_its_clause(composer: Composer, drones: Policy) -> None:
    text, cited = _answer(composer, drones, "Can my friend without a licence fly over the fields?",
                          licensed="no", area="fields")
    assert text.startswith("**Prohibited.**")
    assert ("It falls under the clause on *flights by pilots without a licence* "
            "(`drones-2025.unlicensed`): the rules say “drones must not be flown by anyone "
            "who does not hold a valid pilot licence” [1]. It applies because the pilot has no "
            "licence.") in text
    assert cited[0] == "drones-2025.unlicensed"
    assert "drones-2025.old-ban" in cited and "earlier rule banning every flight" in text


def test_a_depends_answer_gives_each_scenario(composer: Composer, drones: Policy) -> None:
    text, cited = _answer(composer, drones, "Can a licensed pilot fly over the dorms?",
                          licensed="yes", area="dorms")
    assert text.startswith("**It depends.**")
    assert "it turns on: night." in text
    assert "- If at night: prohibited by the clause on *night flights over the dormitories* [1]." in text
    assert "- If by day: not prohibited by these clauses." in text
    assert cited[0] == "drones-2025.night-over-dorms"


def test_a_not_prohibited_answer_says_why_and_what_still_applies(composer: Composer, drones: Policy) -> None:
    text, _ = _answer(composer, drones, "Can a licensed pilot fly in town by day?",
                      licensed="yes", area="town", night="no")
    assert text.startswith("**Not prohibited by these clauses.**")
    assert "Neither of the two Drone Rules clauses on this subject applies." in text
    assert "*flights by pilots without a licence* does not apply: the pilot is licensed." in text
    assert "*night flights over the dormitories* does not apply:" in text
    assert ("This is not an approval: the campus safety office must still be told of every "
            "flight.") in text
    assert drones.decide(drones.facts(licensed="yes", area="town", night="no")).verdict is Verdict.not_prohibited
