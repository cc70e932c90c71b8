"""What the running chat exposes beyond /ask: Gradio's file route must not read local files
(the index, the feedback database, system files) nor fetch from the loopback interface,
where the Chroma server listens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rag import PolicyAssistant
from rag.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def served(indexed_settings: Settings) -> Iterator[str]:
    from ui.loadtest import serving

    assistant = PolicyAssistant.from_settings(indexed_settings, progress=False)
    with serving(assistant, indexed_settings) as url:
        yield url


def _local_files(settings: Settings) -> list[Path]:
    files = [p for p in settings.data_dir.rglob("*") if p.is_file()]
    assert files, "the index should hold files"
    return [*files[:3], Path("/etc/passwd"), Path(__file__).resolve()]


def test_the_file_route_serves_no_local_file(served: str, indexed_settings: Settings) -> None:
    for path in _local_files(indexed_settings):
        for route in (f"gradio_api/file={path}", f"file={path}", f"gradio_api/file=..{path}"):
            response = httpx.get(served + route, timeout=10)
            assert response.status_code in (403, 404), (route, response.status_code)
            assert b"root:" not in response.content and b"SQLite format" not in response.content


def test_the_file_route_does_not_fetch_from_loopback(
    served: str, chroma_server: tuple[str, int]
) -> None:
    """SSRF: the chat must not become a way to reach the Chroma server (no auth, loopback)."""
    host, port = chroma_server
    direct = httpx.get(f"http://{host}:{port}/api/v2/heartbeat", timeout=10)
    assert direct.status_code == 200  # it is there, and answers anyone who can reach it
    for target in (f"http://{host}:{port}/api/v2/heartbeat", f"http://localhost:{port}/api/v2/heartbeat"):
        response = httpx.get(served + f"gradio_api/file={target}", timeout=20)
        assert response.status_code in (403, 404), (target, response.status_code)
        assert b"nanosecond heartbeat" not in response.content
