"""The chat model the settings choose: OpenAI (or any OpenAI-compatible server through a
base URL) or Azure OpenAI. Built on demand, never at import time.

The client's own retries are off (`max_retries=0`): `rag.llm.retry` is the only retry loop,
so a 429 is waited for once, as Retry-After says, and never twice over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from rag.settings import Settings

__all__ = ["Endpoint", "LLMConfigError", "build_chat_model", "mask", "resolve_endpoint"]

OPENAI_DEFAULT_URL = "https://api.openai.com/v1"
# Answers are a few paragraphs; a bound keeps a runaway local model from streaming forever.
MAX_COMPLETION_TOKENS = 1500
_ENTRA_SCOPE = "https://cognitiveservices.azure.com/.default"
# OpenAI-compatible local servers ignore the key, but the client insists on one.
_LOCAL_PLACEHOLDER_KEY = "not-needed"


class LLMConfigError(ValueError):
    """The llm backend is chosen but not configured well enough to call anything."""


def mask(secret: str | None) -> str:
    if not secret:
        return "not set"
    return f"set (…{secret[-4:]})" if len(secret) >= 12 else "set (****)"


@dataclass(frozen=True)
class Endpoint:
    """The resolved provider, for calls and for `policyqa doctor` (secrets masked here)."""

    provider: str
    model: str  # the model name, or the Azure deployment
    url: str  # where chat completions go
    auth: str  # how we authenticate, masked


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def _entra_available() -> bool:
    try:
        import azure.identity  # noqa: F401
    except ImportError:
        return False
    return True


def resolve_endpoint(settings: Settings) -> Endpoint:
    if settings.llm_provider == "azure":
        if not settings.azure_endpoint:
            raise LLMConfigError("POLICYQA_LLM_PROVIDER=azure needs AZURE_OPENAI_ENDPOINT")
        deployment = settings.azure_deployment or settings.llm_model
        key = _secret(settings.azure_api_key)
        if key:
            auth = f"api key {mask(key)}"
        elif _entra_available():
            auth = "Entra ID token (azure-identity DefaultAzureCredential)"
        else:
            raise LLMConfigError(
                "Azure OpenAI needs AZURE_OPENAI_API_KEY, or the azure-identity package for "
                "an Entra ID token"
            )
        url = (
            f"{settings.azure_endpoint.rstrip('/')}/openai/deployments/{deployment}"
            f"/chat/completions?api-version={settings.azure_api_version}"
        )
        return Endpoint("azure", deployment, url, auth)
    base = (settings.openai_base_url or OPENAI_DEFAULT_URL).rstrip("/")
    key = _secret(settings.openai_api_key)
    if not key and not settings.openai_base_url:
        raise LLMConfigError(
            "the llm backend needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)"
        )
    auth = f"api key {mask(key)}" if key else "none (local server)"
    return Endpoint("openai", settings.llm_model, f"{base}/chat/completions", auth)


def build_chat_model(
    settings: Settings, *, max_tokens: int | None = MAX_COMPLETION_TOKENS
) -> BaseChatModel:
    """ChatOpenAI or AzureChatOpenAI with our timeout and no client-side retries."""
    resolve_endpoint(settings)  # fail early, with a message that names the variable
    common: dict[str, Any] = {
        "timeout": settings.llm_timeout_s,
        "max_retries": 0,
        "stream_usage": True,
        "max_tokens": max_tokens,
        "use_responses_api": False,
    }
    if settings.llm_provider == "azure":
        from langchain_openai import AzureChatOpenAI

        key = _secret(settings.azure_api_key)
        auth: dict[str, Any] = (
            {"api_key": settings.azure_api_key} if key else {"azure_ad_token_provider": _entra()}
        )
        return AzureChatOpenAI(
            azure_endpoint=settings.azure_endpoint,
            azure_deployment=settings.azure_deployment or settings.llm_model,
            api_version=settings.azure_api_version,
            model=settings.llm_model,
            **auth,
            **common,
        )
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.llm_model,
        api_key=settings.openai_api_key or SecretStr(_LOCAL_PLACEHOLDER_KEY),
        base_url=settings.openai_base_url or OPENAI_DEFAULT_URL,
        **common,
    )


def _entra() -> Any:
    from azure.identity import DefaultAzureCredential, get_bearer_token_provider

    return get_bearer_token_provider(DefaultAzureCredential(), _ENTRA_SCOPE)
