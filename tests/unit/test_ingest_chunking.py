"""Chunking: cl100k budget, overlap, MiniLM's 256-word-piece window, offsets, clauses."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_spans, sentence_spans, token_budget
from ingest.clauses import clause_sections
from ingest.embeddings import MAX_WORDPIECES
from ingest.loaders import load_document
from ingest.prepare import prepare_document
from ingest.tokens import cl100k, count_tokens
from rag.settings import Settings
from tests.conftest import CORPUS

SENTENCES = [
    "Microsoft updated the Code of Conduct for its Azure OpenAI Service in May 2024.",
    "The new text bars police departments in the United States from facial recognition.",
    "It also bans real-time facial recognition on mobile cameras used by police globally.",
    "Critics raised concerns about bias, privacy and the accuracy of such systems.",
    "Stationary cameras in controlled environments are not explicitly covered.",
    "Axon announced a product that summarises body-camera audio with GPT-4.",
]
TEXT = " ".join(SENTENCES * 6) + "\n\n" + " ".join(SENTENCES[::-1] * 5)


def test_cl100k_loads_offline() -> None:
    enc = cl100k()
    assert enc is cl100k()  # cached
    assert enc.decode(enc.encode("facial recognition")) == "facial recognition"


def test_sentence_spans_cover_the_sentences() -> None:
    text = "Dr. Smith met U.S. officials. They agreed!\nA new line starts here. Done"
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == [
        "Dr. Smith met U.S. officials.",
        "They agreed!",
        "A new line starts here.",
        "Done",
    ]


@pytest.mark.parametrize(("budget", "overlap"), [(160, 32), (60, 15), (40, 0)])
def test_chunks_respect_budget_and_overlap(budget: int, overlap: int) -> None:
    spans = chunk_spans(TEXT, token_budget(budget), overlap)
    assert len(spans) > 2
    for s, e in spans:
        assert count_tokens(TEXT[s:e]) <= budget
        assert TEXT[s:e] == TEXT[s:e].strip()
    for (s1, e1), (s2, e2) in itertools.pairwise(spans):
        assert s1 < s2 and e1 < e2  # progress
        if overlap:
            assert s2 < e1, "consecutive chunks should overlap"
            assert count_tokens(TEXT[s2:e1]) <= overlap
        else:
            assert s2 >= e1
    # Nothing is lost: every character that is not whitespace lies in some chunk.
    covered: set[int] = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(TEXT) if not ch.isspace())


def test_chunks_end_on_sentence_boundaries() -> None:
    spans = chunk_spans(TEXT, token_budget(100), 20)
    for _s, e in spans:
        assert TEXT[e - 1] in ".!?", TEXT[e - 20 : e]


def test_a_sentence_longer_than_the_budget_is_cut_between_words() -> None:
    text = " ".join(["word"] * 400)
    spans = chunk_spans(text, token_budget(50), 10)
    assert len(spans) >= 8
    for s, e in spans:
        assert count_tokens(text[s:e]) <= 50
        assert text[s:e].split() == ["word"] * len(text[s:e].split())


def test_one_huge_word_is_cut_by_characters() -> None:
    text = "start " + "x" * 3000 + " end."
    spans = chunk_spans(text, token_budget(100), 0)
    assert all(count_tokens(text[s:e]) <= 100 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_wordpiece_window_splits_what_the_token_budget_would_allow(embedder: Any) -> None:
    # Numbers cost far more MiniLM word pieces than cl100k tokens: with a generous cl100k
    # budget only the 256-word-piece check keeps each chunk embeddable in full.
    text = " ".join(f"{n:07d}-{n * 7919 % 100000:05d}." for n in range(400))
    assert embedder.wordpiece_count(text) > MAX_WORDPIECES

    def window(piece: str) -> bool:
        return bool(embedder.wordpiece_count(piece) <= MAX_WORDPIECES)

    spans = chunk_spans(text, token_budget(2000, window), 0)
    assert len(spans) > 1
    assert all(embedder.wordpiece_count(text[s:e]) <= MAX_WORDPIECES for s, e in spans)
    assert max(count_tokens(text[s:e]) for s, e in spans) < 2000


def test_wordpiece_count_is_untruncated_and_counts_specials(embedder: Any) -> None:
    assert embedder.wordpiece_count("hello world") == 4  # [CLS] hello world [SEP]
    assert embedder.wordpiece_count("police " * 600) == 602


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("abcdefgh ABC.,!?\n0123")), min_size=1, max_size=120),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=8, max_value=80),
    st.integers(min_value=0, max_value=20),
)
def test_spans_are_valid_for_any_text(parts: list[str], budget: int, overlap: int) -> None:
    text = " ".join(parts)
    spans = chunk_spans(text, token_budget(budget), min(overlap, budget // 2))
    prev = (-1, -1)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert count_tokens(text[s:e]) <= budget
        assert s > prev[0] and e > prev[1]
        prev = (s, e)
    covered: set[int] = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_corpus_chunks_fit_and_point_into_the_cleaned_text(
    tmp_settings: Settings, embedder: Any
) -> None:
    for path in sorted((CORPUS / "articles").glob("*.md")):
        doc = prepare_document(load_document(path, tmp_settings), tmp_settings, embedder)
        assert doc.chunks
        for i, chunk in enumerate(doc.chunks):
            assert chunk.index == i
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert count_tokens(chunk.text) <= tmp_settings.chunk_tokens
            assert embedder.wordpiece_count(chunk.embedding_text) <= MAX_WORDPIECES
            assert chunk.kind == "news" and chunk.title and chunk.doc_hash
            assert chunk.source == f"articles/{path.name}"
            assert chunk.clause_id is None


def test_policy_document_gives_one_chunk_per_clause(tmp_settings: Settings, embedder: Any) -> None:
    path = CORPUS / "policy" / "coc-2024-clauses.md"
    raw = path.read_text(encoding="utf-8")
    headings = [
        line.split(":", 1)[1].strip() for line in raw.splitlines() if line.startswith("## clause:")
    ]
    doc = prepare_document(load_document(path, tmp_settings), tmp_settings, embedder)
    assert [c.clause_id for c in doc.chunks] == headings
    assert len(headings) == 5
    for chunk in doc.chunks:
        assert chunk.kind == "policy"
        assert chunk.status in {"in force", "earlier text, status unclear"}
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert "status:" not in chunk.text and "##" not in chunk.text
        assert embedder.wordpiece_count(chunk.embedding_text) <= MAX_WORDPIECES
    by_id = {c.clause_id: c for c in doc.chunks}
    assert by_id["coc-2024.us-police-facial-recognition"].text == (
        "be used for facial recognition purposes by or for a police department in the United States"
    )
    assert by_id["coc-2024.us-police-facial-recognition"].status == "in force"


def test_clause_text_keeps_a_colon_line(tmp_path: Path) -> None:
    text = "## clause: a.one\nstatus: in force\n\nNote: the text itself.\n\n## clause: b.two\n\nPlain.\n"
    sections = clause_sections(text)
    assert [(s.clause_id, s.status, text[s.start : s.end]) for s in sections] == [
        ("a.one", "in force", "Note: the text itself."),
        ("b.two", None, "Plain."),
    ]


def test_clause_without_text_is_left_out() -> None:
    assert (
        clause_sections("## clause: empty\nstatus: x\n\n## clause: full\n\nText.")[0].clause_id
        == "full"
    )


def _corpus_with_policy(tmp_path: Path, settings: Settings) -> Settings:
    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    (corpus / "articles").mkdir()
    return settings.model_copy(update={"corpus_dir": corpus})


@pytest.mark.parametrize("where", ["articles/coc-revision.md", "../elsewhere/coc-revision.md",
                                   "policy/../articles/coc-revision.md"])  # fmt: skip
def test_only_the_policy_folder_holds_the_policy(
    tmp_path: Path, tmp_settings: Settings, embedder: Any, where: str
) -> None:
    """A file anywhere else that claims `kind: policy` and clause ids is a plain document:
    no clause chunks, and a warning that names it."""
    settings = _corpus_with_policy(tmp_path, tmp_settings)
    impostor = settings.corpus_dir / where
    impostor.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / "policy" / "coc-2024-clauses.md", impostor)
    doc = prepare_document(load_document(impostor, settings), settings, embedder)
    assert doc.chunks
    assert all(c.kind == "document" and c.clause_id is None for c in doc.chunks)
    assert "by or for a police department" in " ".join(c.text for c in doc.chunks)  # kept
    claims = [w for w in doc.warnings if "kind 'policy'" in w]
    assert len(claims) == 1 and doc.source in claims[0], doc.warnings


def test_the_policy_folder_of_another_corpus_holds_its_policy(
    tmp_path: Path, tmp_settings: Settings, embedder: Any
) -> None:
    settings = _corpus_with_policy(tmp_path, tmp_settings)
    policy = settings.corpus_dir / "policy" / "coc.md"
    shutil.copyfile(CORPUS / "policy" / "coc-2024-clauses.md", policy)
    doc = prepare_document(load_document(policy, settings), settings, embedder)
    assert len(doc.chunks) == 5 and doc.warnings == []
    assert all(c.kind == "policy" and c.clause_id for c in doc.chunks)


def test_clause_headings_outside_a_policy_are_plain_text(
    tmp_path: Path, tmp_settings: Settings, embedder: Any
) -> None:
    """`## clause:` sections in a news file (no policy claim) do not make clause chunks."""
    settings = _corpus_with_policy(tmp_path, tmp_settings)
    path = settings.corpus_dir / "policy" / "note.md"
    path.write_text("---\nkind: news\n---\n# Note\n\n## clause: coc-2024.x\n\nAnything goes.\n")
    doc = prepare_document(load_document(path, settings), settings, embedder)
    assert [(c.kind, c.clause_id) for c in doc.chunks] == [("news", None)]
