"""Settings, read once at an entry point (environment and `.env`) and passed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

__all__ = ["Settings", "default_corpus_dir", "default_data_dir"]


def default_corpus_dir() -> Path:
    """The corpus shipped as package data: rag/corpus in an installed wheel; in a clone,
    rag/corpus links to the checkout's corpus/ (resolved, so messages show that path)."""
    from importlib.resources import files

    return Path(str(files("rag") / "corpus")).resolve()


def default_data_dir() -> Path:
    """The platform's per-user data directory: ~/.local/share/policyqa on Linux
    ($XDG_DATA_HOME), ~/Library/Application Support/policyqa on macOS, %LOCALAPPDATA%
    on Windows."""
    from platformdirs import user_data_path

    return user_data_path("policyqa", appauthor=False)


def _dotenv(path: str | Path | None) -> dict[str, str]:
    """`KEY=value` lines of a .env file (python-dotenv's reading), when there is one."""
    if path is None or not Path(path).is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path, encoding="utf-8").items() if v is not None}


class Settings(BaseModel):
    """Everything configurable. Each field is read from the environment variable its alias
    names (any case), else from `.env` in the working directory, else its default; keyword
    arguments, by field name or alias, outrank both. (Read by hand: pydantic-settings cost a
    tenth of a second of every cold start.)"""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    def __init__(self, _env_file: str | Path | None = ".env", **values: Any) -> None:
        aliases = {name: field.alias or name for name, field in type(self).model_fields.items()}
        wanted = {alias.upper(): alias for alias in aliases.values()}
        found: dict[str, Any] = {}
        for source in (_dotenv(_env_file), os.environ):
            for key, value in source.items():
                if key.upper() in wanted:
                    found[wanted[key.upper()]] = value
        for key, value in values.items():
            found[aliases.get(key, key)] = value
        super().__init__(**found)

    # Where local state lives: the embedded Chroma directory, feedback database.
    data_dir: Path = Field(default_factory=default_data_dir, alias="POLICYQA_DATA_DIR")
    corpus_dir: Path = Field(default_factory=default_corpus_dir, alias="POLICYQA_CORPUS_DIR")
    collection: str = Field(default="policyqa", alias="POLICYQA_COLLECTION")

    # A Chroma server instead of the embedded client when CHROMA_HOST is set.
    chroma_host: str | None = Field(default=None, alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, alias="CHROMA_PORT")
    # chromadb's HTTP client has no timeout of its own: a frozen server would hang answers.
    chroma_timeout_s: float = Field(default=10.0, alias="POLICYQA_CHROMA_TIMEOUT")

    # Embeddings: 1 intra-op thread is fastest for single queries on 2 cores.
    embed_threads: int = Field(default=1, alias="POLICYQA_EMBED_THREADS")
    embed_batch_size: int = Field(default=32, alias="POLICYQA_EMBED_BATCH")

    # Chunking, in cl100k tokens (MiniLM's 256 word-piece window is checked separately).
    chunk_tokens: int = Field(default=160, alias="POLICYQA_CHUNK_TOKENS")
    chunk_overlap: int = Field(default=32, alias="POLICYQA_CHUNK_OVERLAP")

    # Retrieval.
    top_k: int = Field(default=5, alias="POLICYQA_TOP_K")

    # Input bounds.
    max_question_chars: int = Field(default=4000, alias="POLICYQA_MAX_QUESTION_CHARS")
    max_file_bytes: int = Field(default=20_000_000, alias="POLICYQA_MAX_FILE_BYTES")
    pdf_max_pages: int = Field(default=200, alias="POLICYQA_PDF_MAX_PAGES")
    pdf_timeout_s: float = Field(default=20.0, alias="POLICYQA_PDF_TIMEOUT")

    # Backend.
    backend: Literal["offline", "llm"] = Field(default="offline", alias="POLICYQA_BACKEND")
    llm_provider: Literal["openai", "azure"] = Field(default="openai", alias="POLICYQA_LLM_PROVIDER")
    llm_model: str = Field(default="gpt-4o-mini", alias="POLICYQA_LLM_MODEL")
    llm_timeout_s: float = Field(default=30.0, alias="POLICYQA_LLM_TIMEOUT")
    llm_max_retries: int = Field(default=2, alias="POLICYQA_LLM_RETRIES")
    llm_context_tokens: int = Field(default=3000, alias="POLICYQA_LLM_CONTEXT_TOKENS")
    # OpenAI JSON mode (response_format json_object); off for servers that reject it.
    llm_json_mode: bool = Field(default=True, alias="POLICYQA_LLM_JSON_MODE")
    # What the model is asked for: `answer` (facts, verdict and the answer text, with the
    # passages) or `facts` (only the facts, one short call; the offline composer writes).
    llm_mode: Literal["answer", "facts"] = Field(default="answer", alias="POLICYQA_LLM_MODE")
    # Structured output: `auto` asks for a json_schema response format and steps down to
    # JSON mode, then to none, as the server refuses; or pin one (`none`: no response_format).
    llm_structured: Literal["auto", "json_schema", "json_object", "none"] = Field(
        default="auto", alias="POLICYQA_LLM_STRUCTURED"
    )
    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    azure_endpoint: str | None = Field(default=None, alias="AZURE_OPENAI_ENDPOINT")
    azure_api_key: SecretStr | None = Field(default=None, alias="AZURE_OPENAI_API_KEY")
    azure_api_version: str = Field(default="2024-10-21", alias="AZURE_OPENAI_API_VERSION")
    azure_deployment: str | None = Field(default=None, alias="AZURE_OPENAI_DEPLOYMENT")

    # Chat server.
    host: str = Field(default="127.0.0.1", alias="POLICYQA_HOST")
    port: int = Field(default=7860, alias="POLICYQA_PORT")
    auth_user: str | None = Field(default=None, alias="POLICYQA_AUTH_USER")
    auth_password: SecretStr | None = Field(default=None, alias="POLICYQA_AUTH_PASSWORD")
    concurrency: int = Field(default=4, alias="POLICYQA_CONCURRENCY")
    queue_size: int = Field(default=64, alias="POLICYQA_QUEUE_SIZE")

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite3"

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_host)
