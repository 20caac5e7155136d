"""Write expected.py for golden cases from the current codemod (review the diff before committing).

Usage: python tests/golden/regen.py [CASE_DIR ...]   (default: every case)
"""

from __future__ import annotations

import sys
from pathlib import Path

from migrate.transform import transform_source

GOLDEN = Path(__file__).parent


def main(argv: list[str]) -> int:
    cases = [Path(a) for a in argv] or sorted(p.parent for p in GOLDEN.glob("*/*/input.py"))
    for case in cases:
        source = (case / "input.py").read_text(encoding="utf-8")
        out = transform_source(source, str(case / "input.py"))
        (case / "expected.py").write_text(out.code, encoding="utf-8")
        codes = sorted({d.code for d in out.diagnostics})
        print(f"{case}: {len(out.functions)} classes{' ' + ','.join(codes) if codes else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
