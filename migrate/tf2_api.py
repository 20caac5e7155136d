"""Which `tf.*` names the installed TensorFlow's TF2 API has (also `tf.compat.v1.*`, `tf.compat.v2.*`).

Read, like migrate/upgrade/tables.py, from the generated API package `tensorflow/_api/v2` as
text, never by importing TensorFlow (~3 s): each `__init__.py` lists its public names as
`from X import Y as Z` lines, and its subpackages are directories. The listing is cached in process
and on disk (user cache dir, keyed by the TF version and the API package's mtimes).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from migrate.upgrade.tables import tensorflow_dir, tensorflow_version, user_cache_dir

FORMAT = 1  # bump when the cached schema changes
_IMPORT_LINE = re.compile(r"^from\s+[\w.]+\s+import\s+(\w+)(?:\s+as\s+(\w+))?", re.MULTILINE)
# Set at import time by setattr / lazy loaders (Keras, tf.compat.v1.layers, ...), so absent
# from the `from ... import` lines: anything below them is taken as existing.
LAZY_PREFIXES = frozenset(
    {
        "tf.keras", "tf.losses", "tf.metrics", "tf.optimizers", "tf.initializers",
        "tf.estimator",
        "tf.compat.v1.keras", "tf.compat.v1.layers", "tf.compat.v1.nn.rnn_cell",
        "tf.compat.v1.flags", "tf.compat.v1.app.flags", "tf.compat.v1.estimator",
        "tf.compat.v2.keras", "tf.compat.v2.losses", "tf.compat.v2.metrics",
        "tf.compat.v2.optimizers", "tf.compat.v2.initializers", "tf.compat.v2.estimator",
    }
)


@dataclass(frozen=True)
class Tf2Api:
    """`names`: every public dotted name (`tf.nn.relu`, `tf.compat.v1.get_variable`);
    `modules`: the names among them that are API packages (members are listed);
    `internal`: top-level packages of `tensorflow/` outside the API (`python`, `core`, ...)."""

    names: frozenset[str]
    modules: frozenset[str]
    internal: frozenset[str] = frozenset()

    def exists(self, dotted: str) -> bool:
        """Whether `tf.a.b.c` names something. Past a listed non-module symbol (a class, a
        function, a dtype) attributes cannot be known from the listing and are accepted."""
        parts = dotted.split(".")
        if parts[0] != "tf":
            raise ValueError(f"not a tf.* name: {dotted}")
        prefix = "tf"
        for part in parts[1:]:
            if prefix in LAZY_PREFIXES or part.startswith("__"):
                return True
            candidate = f"{prefix}.{part}"
            if candidate not in self.names:
                return candidate in LAZY_PREFIXES
            if candidate not in self.modules:
                return True
            prefix = candidate
        return True

    def is_internal(self, dotted: str) -> bool:
        """`tf.python.ops...`: a private package the API listing does not describe."""
        parts = dotted.split(".")
        return len(parts) > 1 and parts[1] in self.internal

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "names": sorted(self.names),
            "modules": sorted(self.modules),
            "internal": sorted(self.internal),
        }


def read_api(tf_dir: Path) -> Tf2Api:
    """The listing of an installed TensorFlow, read from its generated API files."""
    api = tf_dir / "_api" / "v2"
    names: set[str] = set()
    modules: set[str] = {"tf"}
    # the TF2 root is tensorflow/__init__.py; its subpackages live in _api/v2/<sub>
    _read_package(tf_dir / "__init__.py", api, "tf", names, modules)
    internal = {
        entry.name
        for entry in tf_dir.iterdir()
        if entry.is_dir() and not entry.name.startswith("_") and f"tf.{entry.name}" not in names
    }
    return Tf2Api(frozenset(names), frozenset(modules), frozenset(internal))


def _read_package(init_py: Path, directory: Path, prefix: str, names: set[str], modules: set[str]) -> None:
    try:
        text = init_py.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for m in _IMPORT_LINE.finditer(text):
        name = m.group(2) or m.group(1)
        if not name.startswith("_"):
            names.add(f"{prefix}.{name}")
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return
    for sub in entries:
        if sub.name.startswith("_") or not (sub / "__init__.py").is_file():
            continue
        dotted = f"{prefix}.{sub.name}"
        names.add(dotted)
        modules.add(dotted)
        _read_package(sub / "__init__.py", sub, dotted, names, modules)


# --------------------------------------------------------------------------- loading

_loaded: Tf2Api | None = None
_missing = False  # TensorFlow is not installed: nothing to check against


def _cache_file(tf_dir: Path) -> Path:
    version = tensorflow_version(tf_dir)
    h = hashlib.sha1(f"{FORMAT}|{tf_dir}|{version}".encode())
    for p in (tf_dir / "__init__.py", tf_dir / "_api" / "v2" / "compat" / "v1" / "__init__.py"):
        try:
            st = p.stat()
            h.update(f"|{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(b"|missing")
    return user_cache_dir() / f"tf2-api-{version}-{h.hexdigest()[:12]}.json"


def load_api(*, use_cache: bool = True) -> Tf2Api | None:
    """The installed TF2 API listing (cached), or None when TensorFlow is not installed."""
    global _loaded, _missing
    if use_cache and (_loaded is not None or _missing):
        return _loaded
    tf_dir = tensorflow_dir()
    if tf_dir is None or not (tf_dir / "_api" / "v2").is_dir():
        _missing = True
        return None
    cache = _cache_file(tf_dir)
    api = _read_cache(cache) if use_cache else None
    if api is None:
        api = read_api(tf_dir)
        if use_cache:
            _write_cache(cache, api)
    _loaded = api
    return api


def _read_cache(path: Path) -> Tf2Api | None:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return Tf2Api(
        frozenset(data["names"]), frozenset(data["modules"]), frozenset(data.get("internal", ()))
    )


def _write_cache(path: Path, api: Tf2Api) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tf2-api-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(api.to_json(), f, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass
