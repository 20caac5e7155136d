"""Which top-level names each file's siblings import from it: a cheap project-wide index.

A converted function becomes a class, so `from ops import linear` in another file would break.
Before converting, the run learns which functions other files import (by `from M import f`,
`from M import *`, or `import M` then `M.f`) and pins them: they stay functions, reported.
Module names are matched by their last component (`ops` ~ `pkg/ops.py`), an over-approximation
that can only pin more, never break more.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Collection

_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]+)", re.M)
_STAR = "*"


def _module_key(module: str) -> str:
    return module.rstrip(".").rsplit(".", 1)[-1] if module.strip(".") else ""


def imports_of(source: str, local: Collection[str] | None = None) -> dict[str, set[str]]:
    """{module last component: names used from it} for one file ("*" for star imports).
    `local`: the module keys of the run's own files; `import M` of any other module (numpy,
    tensorflow) is not followed through the text for its `M.attr` uses."""
    used: dict[str, set[str]] = defaultdict(set)
    for module, names in _FROM.findall(source):
        key = _module_key(module)
        for part in names.strip("() \t\n").split(","):
            name = part.strip().split(" as ")[0].strip()
            if not name:
                continue
            if key:
                used[key].add(name)
            else:  # `from . import ops`: the module itself is a name
                used[name].add(_STAR)
    for clause in _IMPORT.findall(source):
        for part in clause.split(","):
            words = part.strip().split()
            if not words:
                continue
            module = words[0]
            alias = words[2] if len(words) == 3 and words[1] == "as" else module
            key = _module_key(module)
            if local is not None and key not in local:
                continue
            for attr in re.findall(rf"(?<![\w.]){re.escape(alias)}\.(\w+)", source):
                used[key].add(attr)
    return used


def pinned_names(sources: dict[Path, str]) -> dict[Path, frozenset[str]]:
    """For each file of the run: the names other files of the run import from it."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in sources:
        stem = path.parent.name if path.name == "__init__.py" else path.stem
        by_stem[stem].append(path)
    pinned: dict[Path, set[str]] = defaultdict(set)
    for path, source in sources.items():
        if "import" not in source:
            continue
        for key, names in imports_of(source, by_stem.keys()).items():
            for target in by_stem.get(key, ()):
                if target != path:
                    pinned[target] |= names
    return {path: frozenset(names) for path, names in pinned.items()}


def resolve_pins(pins: frozenset[str], top_functions: set[str]) -> frozenset[str]:
    """A star import pins every top-level function."""
    return frozenset(top_functions) if _STAR in pins else pins & top_functions
