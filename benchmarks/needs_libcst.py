#!/usr/bin/env python3
"""The worst case for `migrate`'s speed: the files of a corpus that need a libcst tree.

A file whose variable code is refused as a whole is decided on Python's ast alone (fast); this
copies every other file of CORPUS/tf1 to OUT/tf1, so that

  .venv/bin/python benchmarks/needs_libcst.py /tmp/tf1-corpus /tmp/needs-libcst
  .venv/bin/python benchmarks/bench.py --corpus /tmp/needs-libcst --skip-all

compares migrate with tf_upgrade_v2 where migrate has the most work per line.
"""

from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

from migrate.codemod.convert import preview


def main(corpus: Path, out: Path) -> int:
    source_root, target_root = corpus / "tf1", out / "tf1"
    kept = lines = 0
    for path in sorted(source_root.rglob("*.py")):
        try:
            text = path.read_text(encoding="utf-8")
            seen = preview(ast.parse(text), text)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError):
            continue
        if seen.blocked_only or (seen.codemod_noop and "tensorflow" not in text):
            continue
        target = target_root / path.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        kept += 1
        lines += text.count("\n")
    print(f"{kept} files, {lines} lines need a libcst tree -> {target_root}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
