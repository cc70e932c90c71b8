"""The learned reader: a fresh, small, safe model; predictions with probabilities and
words; and how it is combined with the lexical reader (on a hand-made model, so that each
rule of the combination is seen on its own)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from evals.oracle import FACT_NAMES
from evals.training.data import data_digest, load_examples
from rag.facts import read_lexical
from rag.facts.combine import combine
from rag.facts.learned.features import FEATURES_VERSION, featurize
from rag.facts.learned.model import MODEL_FILE, LearnedReader, ModelError, _Head, learned_reader
from rag.facts.reader import normalized

MODEL = Path(__file__).resolve().parents[2] / "rag" / "facts" / "learned" / MODEL_FILE


def test_shipped_model_is_trained_on_the_current_training_files() -> None:
    meta = learned_reader().meta
    assert meta["features_version"] == FEATURES_VERSION
    assert meta["training_data_sha256"] == data_digest(), (
        "rag/facts/learned/reader-model.npz is stale: run python -m evals.training"
    )
    assert set(meta["heads"]) == {*FACT_NAMES, "topic"}


def test_shipped_model_is_small_and_loads_without_pickle() -> None:
    assert MODEL.stat().st_size <= 20 * 1024 * 1024
    with np.load(MODEL, allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_a_corrupt_model_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / MODEL_FILE
    bad.write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="cannot be read"):
        LearnedReader.load(bad)


def test_predictions_carry_probabilities_and_words() -> None:
    nt = normalized("Can the NYPD identify a robbery suspect from CCTV stills after the fact?")
    preds = learned_reader().predict(nt)
    assert set(preds) == {*FACT_NAMES, "topic"}
    for pred in preds.values():
        assert abs(sum(pred.probabilities.values()) - 1) < 1e-5
        assert pred.probabilities[pred.value] == pytest.approx(pred.probability)
        assert -1 <= pred.first <= pred.last <= len(nt.tokens)
    assert preds["topic"].value == "verdict"
    assert preds["use"].value == "facial_recognition"


def test_training_examples_cover_every_head() -> None:
    examples = load_examples()
    assert len(examples) >= 3000
    assert {e.topic for e in examples} >= {"verdict", "informational", "out_of_scope"}
    follow_ups = [e for e in examples if e.topic is None]
    assert follow_ups and all(e.facts is not None for e in follow_ups)


def test_training_is_deterministic() -> None:
    pytest.importorskip("sklearn")
    from evals.training.train import _npz_bytes, fit

    examples = load_examples()[::40]  # a spread of every file and kind
    first, second = fit(examples), fit(examples)
    first.pop("_counts")
    second.pop("_counts")
    assert _npz_bytes(first) == _npz_bytes(second)


# --- Combination rules, on a model whose every weight is chosen by hand ----------------


def _model(word: str, head: str, value: str, weight: float) -> LearnedReader:
    """A reader that knows one word, which pulls `head` towards `value`; every other head
    sits at `unknown` (its bias)."""
    from evals.oracle import fact_values

    heads = {}
    for name in [*FACT_NAMES, "topic"]:
        classes = ("verdict", "informational", "out_of_scope") if name == "topic" else (
            *fact_values(name), "unknown")
        w = np.zeros((1, len(classes)), dtype=np.float32)
        b = np.zeros(len(classes), dtype=np.float32)
        b[classes.index("verdict" if name == "topic" else "unknown")] = 3.0
        if name == head:
            w[0, classes.index(value)] = weight
        heads[name] = _Head(classes=tuple(classes), weights=w, bias=b)
    return LearnedReader({f"w:{word}": 0}, heads, {"heads": list(heads)})


def _combined(text: str, model: LearnedReader):  # type: ignore[no-untyped-def]
    return combine(read_lexical(text), normalized(text), model)


def test_the_model_fills_a_fact_the_words_leave_open() -> None:
    text = "Can the NYPD run face recognition on its wall of screens?"
    assert read_lexical(text).value("real_time") == "unknown"
    out = _combined(text, _model("screens", "real_time", "yes", 6.0))
    assert out.value("real_time") == "yes"
    assert out.spans["real_time"].text == "screens"


def test_a_lenient_value_needs_more_confidence_than_a_strict_one() -> None:
    text = "Can the NYPD run face recognition on its wall of screens?"
    # The same pull: enough for "yes" (stricter), not for "no" (more lenient). The weight
    # puts p(settled) halfway between the two thresholds (classes: yes, no, unknown at 3).
    from rag.facts.combine import DEFAULT_CONFIDENCE as c

    p = (c.strict + c.lenient) / 2
    weight = float(np.log(p * (1 + np.exp(3.0)) / (1 - p)))
    assert _combined(text, _model("screens", "real_time", "yes", weight)).value("real_time") == "yes"
    assert _combined(text, _model("screens", "real_time", "no", weight)).value("real_time") == "unknown"


def test_a_confident_disagreement_the_verdict_turns_on_is_left_open() -> None:
    text = "A shop wants live face recognition of customers who opted in, at the screens."
    assert read_lexical(text).value("consent") == "yes"
    out = _combined(text, _model("screens", "consent", "no", 8.0))
    assert out.value("consent") == "unknown"
    [d] = out.disagreements
    assert (d.fact, d.readings, d.decides) == ("consent", {"words": "yes", "trained": "no"}, True)


def test_a_disagreement_that_changes_nothing_keeps_the_words() -> None:
    # US police identifying people by face: prohibited live or not.
    text = "The NYPD wants live face recognition near the screens."
    out = _combined(text, _model("screens", "real_time", "no", 8.0))
    assert out.value("real_time") == "yes"
    [d] = out.disagreements
    assert d.decides is False


def test_what_the_words_call_undecided_the_model_cannot_settle() -> None:
    text = "Opt-in is under discussion for the face recognition at the screens."
    assert "consent" in read_lexical(text).undecided
    out = _combined(text, _model("screens", "consent", "yes", 8.0))
    assert out.value("consent") == "unknown"


def test_a_model_value_without_words_is_not_taken() -> None:
    # The model knows no word of this text: whatever its bias says is a prior, not a reading.
    text = "Can the NYPD use face recognition?"
    model = _model("zebra", "real_time", "yes", 8.0)
    model.heads["real_time"].bias[:] = 0
    model.heads["real_time"].bias[model.heads["real_time"].classes.index("yes")] = 5.0
    model = LearnedReader(model.vocab, model.heads, model.meta)
    assert not any(f.name == "w:zebra" for f in featurize(normalized(text)))
    assert _combined(text, model).value("real_time") == "unknown"


def test_an_identifying_use_needs_a_word_of_people_seen_or_named() -> None:
    # The model's use, however confident, is a guess where nothing is seen, named or followed.
    bare = "Someone rang our office about the invoice yesterday, is that normal?"
    assert _combined(bare, _model("rang", "use", "facial_recognition", 8.0)).value("use") == "unknown"
    seen = "Someone rang the bell and the doorbell camera saw them, could it tell us more?"
    assert _combined(seen, _model("rang", "use", "facial_recognition", 8.0)).value("use") == "facial_recognition"
