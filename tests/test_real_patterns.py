"""Minimal reproductions of what `benchmarks/prove.py` found on real repositories.

Each case is a small multi-file program in the shape of real code (written here, never copied),
migrated with `migrate run --out` as a user would, then checked with `migrate check` against its
original: all cases in one check_many batch (two TensorFlow start-ups). A case whose migration
is wrong today is `xfail(strict=True)` with the reason, so fixing the codemod turns it into a
pass that must then be unmarked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from migrate.checker import Verdict, check_many

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Case:
    files: dict[str, str]
    legacy: str  # FILE.py:TARGET
    inputs: dict[str, str]
    args: dict[str, Any] = field(default_factory=dict)
    init_args: dict[str, Any] = field(default_factory=dict)
    xfail: str = ""  # why the migration is wrong today (strict: a fix must unmark it)
    # refusing the target (kept TF1, reported) is a correct outcome too: not converted passes
    refusal_ok: bool = False


# baselines' ddpg Actor: the network is a closure built by a registry lookup in another file
# (`get_network_builder(network)(**kwargs)`), stored on the instance and called inside the
# model's variable_scope. The closure creates variables (through `fc` of a third file).
_REGISTRY_NETWORK = Case(
    files={
        "layers.py": '''import tensorflow as tf


def fc(x, scope, nh):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.shape[1], nh])
        return tf.matmul(x, w)
''',
        "networks.py": '''import tensorflow as tf
from layers import fc

mapping = {}


def register(name):
    def _thunk(func):
        mapping[name] = func
        return func
    return _thunk


@register("mlp")
def mlp(num_hidden=4):
    def network_fn(x):
        return tf.tanh(fc(x, "mlp_fc0", num_hidden))
    return network_fn


def get_network_builder(name):
    return mapping[name]
''',
        "agent.py": '''import tensorflow as tf
from networks import get_network_builder


class Actor(object):
    def __init__(self, nb_actions, name="actor", network="mlp"):
        self.name = name
        self.nb_actions = nb_actions
        self.network_builder = get_network_builder(network)()

    def __call__(self, obs):
        with tf.variable_scope(self.name, reuse=tf.AUTO_REUSE):
            x = self.network_builder(obs)
            return tf.layers.dense(x, self.nb_actions)
''',
    },
    legacy="agent.py:Actor.__call__",
    inputs={"obs": "float32[2,3]"},
    init_args={"nb_actions": 2},
    # fixed by refusing: Actor.__call__ was converted although the closure it calls through
    # self.network_builder (built by networks.get_network_builder) creates variables with
    # get_variable, left TF1 outside its scope and re-created on every call (found by
    # benchmarks/prove.py on baselines/ddpg/models.py); now reported `cross-file`
    refusal_ok=True,
)

# tensor2tensor's dense_message_pass: `get_variable("message_bias", shape=node_dim)` with a
# Python int shape, which TF1 reads as the rank-1 shape [node_dim].
_INT_SHAPE = Case(
    files={
        "graph_layers.py": '''import tensorflow as tf


def dense_message_pass(node_states):
    node_dim = int(node_states.shape[-1])
    message_bias = tf.get_variable("message_bias", shape=node_dim)
    return node_states + message_bias
''',
    },
    legacy="graph_layers.py:dense_message_pass",
    inputs={"node_states": "float32[2,3,4]"},
    # fixed: get_variable(shape=<int>) was migrated as initializer(node_dim, dtype), which TF2's
    # random ops reject (TF1 read an int shape as [node_dim]); found by benchmarks/prove.py on
    # tensor2tensor's message_passing_attention.dense_message_pass
)

# ... and as baselines writes it: the closure is stored by a base class's __init__ (Model), and
# called by the subclass's __call__ (Actor(Model)).
_REGISTRY_NETWORK_BASE = Case(
    files={**_REGISTRY_NETWORK.files, "agent.py": '''import tensorflow as tf
from networks import get_network_builder


class Model(object):
    def __init__(self, name, network="mlp"):
        self.name = name
        self.network_builder = get_network_builder(network)()


class Actor(Model):
    def __init__(self, nb_actions, name="actor", network="mlp"):
        super().__init__(name=name, network=network)
        self.nb_actions = nb_actions

    def __call__(self, obs):
        with tf.variable_scope(self.name, reuse=tf.AUTO_REUSE):
            x = self.network_builder(obs)
            return tf.layers.dense(x, self.nb_actions)
'''},
    legacy="agent.py:Actor.__call__",
    inputs={"obs": "float32[2,3]"},
    init_args={"nb_actions": 2},
    refusal_ok=True,  # (prove.py found it converted again, variables outside the actor/ scope)
)

CASES: dict[str, Case] = {
    "registry-network-closure": _REGISTRY_NETWORK,
    "registry-network-closure-in-base-class": _REGISTRY_NETWORK_BASE,
    "get-variable-int-shape": _INT_SHAPE,
}


def _migrate(case_dir: Path) -> tuple[Path, set[str]]:
    """`migrate run --out`; (the migrated tree, "file.py:function" of every converted one)."""
    out = case_dir / "migrated"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.run([sys.executable, "-m", "migrate", "run", "legacy", "--out", "migrated",
                           "--report", "report.json", "-q", "--no-progress"], cwd=case_dir,
                          env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # not an AssertionError: must never count as an xfail
        raise RuntimeError(f"migrate run crashed on {case_dir.name}: {proc.stderr[-2000:]}")
    report = json.loads((case_dir / "report.json").read_text(encoding="utf-8"))
    converted = {f"{Path(item['path']).name}:{fn['legacy_name']}"
                 for item in report["files"] for fn in item.get("functions") or []}
    return out, converted


CONVERTED: dict[str, bool] = {}  # case -> whether the run converted its target


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Verdict]:
    entries = []
    for name, case in CASES.items():
        case_dir = tmp_path_factory.mktemp(name)
        for rel, text in case.files.items():
            (case_dir / "legacy" / rel).parent.mkdir(parents=True, exist_ok=True)
            (case_dir / "legacy" / rel).write_text(text, encoding="utf-8")
        out, converted = _migrate(case_dir)
        CONVERTED[name] = case.legacy in converted
        rel, _, target = case.legacy.partition(":")
        entries.append({"legacy": f"{case_dir / 'legacy' / rel}:{target}",
                        "migrated": str(out / rel), "inputs": case.inputs, "args": case.args,
                        "init_args": case.init_args, "label": name, "tf_function": True})
    return dict(zip(CASES, check_many(entries)))


def _params() -> list[Any]:
    # raises=AssertionError: a case that cannot be checked (the legacy side or the harness
    # failed) fails, never "xfails"; migrated code that does not run is a finding
    return [pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=case.xfail,
                                                        raises=AssertionError)]
                         if case.xfail else [])
            for name, case in CASES.items()]


@pytest.mark.slow
@pytest.mark.parametrize("name", _params())
def test_real_pattern_is_equivalent(verdicts: dict[str, Verdict], name: str) -> None:
    verdict = verdicts[name]
    if CASES[name].refusal_ok and not CONVERTED[name]:
        return  # kept TF1 and reported: what the codemod should do when it cannot convert
    if verdict.status == "error" and not (verdict.error or "").startswith("migrated side"):
        # the legacy program or the harness failed: never a finding about the migration
        raise RuntimeError(f"{name} could not be checked: {verdict.error}")
    assert verdict.status != "error", f"the migrated code does not run: {verdict.error}"
    assert verdict.equivalent, "\n" + verdict.table()
