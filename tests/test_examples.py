"""The examples end to end: migrate examples/legacy with the real codemod, then prove every entry
point of examples/legacy/entry_points.json equivalent (eagerly and under tf.function).

One check_many batch for all entry points: two TensorFlow start-ups in all. A file the codemod
leaves unchanged (it only reports diagnostics) is not checked; instead it must be byte-identical
and its diagnostics must name a reason (printed: run with -s to see them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from migrate.checker import Options, Verdict, api, check_many
from migrate.diagnostics import REASONS
from migrate.result import TransformOutput
from migrate.project import plan_project
from migrate.transform import transform_source

pytestmark = pytest.mark.slow  # the codemod over ~10 files, then one TF batch (~40-60 s)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "legacy"
POINTS: list[dict[str, Any]] = json.loads((EXAMPLES / "entry_points.json").read_text("utf-8"))


def _label(point: dict[str, Any]) -> str:
    return point["file"] if point["script"] else f"{point['file']}:{point['function']}"


@dataclass
class Migrated:
    out: Path
    outputs: dict[str, TransformOutput]  # by file name

    def unchanged(self, name: str) -> bool:
        return (self.out / name).read_bytes() == (EXAMPLES / name).read_bytes()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Migrated:
    """Every example file through `transform_source`, written to a fresh directory (all of them,
    so sibling imports resolve to migrated code)."""
    out = tmp_path_factory.mktemp("migrated")
    outputs = {}
    sources = {path: path.read_bytes().decode("utf-8") for path in sorted(EXAMPLES.rglob("*.py"))}
    project, plan = plan_project(sources)  # the whole tree at once, as `migrate run` plans it
    for path, source in sources.items():
        name = path.relative_to(EXAMPLES).as_posix()
        result = transform_source(source, str(path), project.pins.get(path, frozenset()), plan.plan_for(path))
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(result.code.encode("utf-8"))
        outputs[name] = result
    return Migrated(out, outputs)


@pytest.fixture(scope="module")
def verdicts(migrated: Migrated) -> dict[str, Verdict]:
    """All converted entry points in ONE batch, eagerly and under tf.function."""
    entries = []
    for point in POINTS:
        if migrated.unchanged(point["file"]):
            continue
        legacy, target = EXAMPLES / point["file"], migrated.out / point["file"]
        if point["script"]:
            entries.append(dict(legacy=str(legacy), migrated=str(target), label=_label(point)))
        else:
            entries.append(dict(legacy=f"{legacy}:{point['function']}", migrated=str(target),
                                inputs=point["inputs"], args=point.get("args", {}),
                                label=_label(point)))
    results = check_many(entries, options=Options(tf_function=True)) if entries else []
    if entries:
        assert api.LAST_BATCH.tf_startups == 2
    return {v.label: v for v in results}


@pytest.mark.parametrize("point", POINTS, ids=_label)
def test_example_entry_point(point: dict[str, Any], migrated: Migrated,
                             verdicts: dict[str, Verdict]) -> None:
    name = point["file"]
    if migrated.unchanged(name):
        output = migrated.outputs[name]
        assert output.code == (EXAMPLES / name).read_text("utf-8")
        reasons = [d for d in output.diagnostics if d.code in REASONS and d.message.strip()]
        assert reasons, f"{name} was left unchanged without a diagnostic naming a reason"
        print(f"\n{name} left unchanged by the codemod (not checked):")
        for d in reasons:
            print(f"  {name}:{d.line}: {d.code}: {d.message}")
        return
    verdict = verdicts[_label(point)]
    assert verdict.equivalent, "\n" + verdict.table()
    if not point["script"]:
        assert any(c.name == "tf.function" and c.ok for c in verdict.checks), verdict.table()
