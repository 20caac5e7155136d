"""Regenerate `tables_fallback.json` (used when TensorFlow is not installed) from the installed
TensorFlow's tf_upgrade_v2 tables. Run: `python -m migrate.upgrade.build_tables`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from migrate.upgrade.tables import _FALLBACK, extract, tensorflow_dir


def main(argv: list[str] | None = None) -> int:
    out = Path((argv or sys.argv[1:] or [str(_FALLBACK)])[0])
    tf_dir = tensorflow_dir()
    if tf_dir is None:
        print("tensorflow is not installed: nothing to extract", file=sys.stderr)
        return 2
    data = extract(tf_dir).to_json()
    data["function_warnings"] = {}  # advice text only: keep the shipped file small
    out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} (TensorFlow {data['tf_version']}: {len(data['renames'])} renames, "
          f"{len(data['reorders'])} reorders, {len(data['keyword_renames'])} keyword tables)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
