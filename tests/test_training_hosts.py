"""Training-graph builders stay TF1 graph code and call the converted model (issue 10).

A GAN's `build_model`, a classifier's `__init__` or a `build_graph()` function that makes
placeholders, the model, its loss and an optimizer's training op is a *host*: it is not converted
(an optimizer's slot variables and update ops belong to sess.run), but the model functions it
calls are, and the training graph built from them must be the same. Each pair is built in graph
mode in one TensorFlow subprocess (tests/hosts_driver.py): same variables (names, shapes, the
optimizer's slots), same outputs before and after one training step, same values after it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from migrate.transform import transform_source

CASES = Path(__file__).with_name("hosts_cases")
DRIVER = Path(__file__).with_name("hosts_driver.py")

FEED_GAN = {"o.z": {"shape": [2, 4], "value": 0.5, "dtype": "float32"},
            "o.x": {"shape": [2, 6], "value": -0.25, "dtype": "float32"}}
BUILDS = [
    ("gan_build_model.py", {"build": "(lambda g: (g.build_model(), g)[1])(m.GAN())",
                            "fetch": {"d_loss": "o.d_loss", "sample": "o.sample"},
                            "train": ["o.d_optim", "o.g_optim"], "feed": FEED_GAN},
     {"Linear", "Discriminator", "Generator"}),
    ("classifier_and_script.py", {"build": "m.Classifier()",
                                  "fetch": {"loss": "o.loss", "logits": "o.logits"},
                                  "train": ["o.train_op"],
                                  "feed": {"o.x": {"shape": [3, 5], "value": 0.7, "dtype": "float32"},
                                           "o.y": {"shape": [3], "value": 1, "dtype": "int32"}}},
     {"Dense", "Model", "Forward"}),
    ("classifier_and_script.py", {"build": "m.build_graph()",
                                  "fetch": {"eval": "o[2]"}, "train": ["o[1]"],
                                  "feed": {"o[0]": {"shape": [2, 5], "value": 0.3, "dtype": "float32"}}},
     {"Dense", "Model", "Forward"}),
    # gpt-2's sampler: the model called in a nested def, before a tf.while_loop and in its body,
    # with AUTO_REUSE; the sampler built twice in one graph shares one model (per-graph module)
    ("lm_sampler.py", {"build": "(lambda c: (m.sample_sequence(c), m.sample_sequence(c, length=2)))("
                                "TF1.placeholder(tf.int32, [2, 3], name='ctx'))",
                       "fetch": {"first": "o[0]", "second": "o[1]"}, "train": [],
                       "feed": {"TF1.get_default_graph().get_tensor_by_name('ctx:0')":
                                {"shape": [2, 3], "value": 4, "dtype": "int32"}}},
     {"Dense", "Model"}),
    ("../golden/scripts/host_target_update_ops/input.py",
     {"build": "m.build_train(TF1.placeholder(tf.float32, [2, 3], name='obs'), "
               "TF1.placeholder(tf.float32, [2, 3], name='next_obs'))",
      "fetch": {"q_t": "o[0]", "q_tp1": "o[1]"}, "train": ["o[2]"],
      "feed": {"TF1.get_default_graph().get_tensor_by_name('obs:0')": {"shape": [2, 3], "value": 0.4, "dtype": "float32"},
               "TF1.get_default_graph().get_tensor_by_name('next_obs:0')": {"shape": [2, 3], "value": -1.0, "dtype": "float32"}}},
     {"QFunc"}),
    # pix2pix's create_model: a discriminator def nested in the host (reading none of its locals:
    # codemod/nested_helpers.py moves it out), called under name_scope + variable_scope, the
    # second time with reuse=True; the host drops the name scopes, which get_variable ignored
    ("pix2pix_create_model.py",
     {"build": "m.create_model(TF1.placeholder(tf.float32, [2, 4, 4, 3], name='inputs'), "
               "TF1.placeholder(tf.float32, [2, 4, 4, 3], name='targets'))",
      "fetch": {"real": "o[0]", "fake": "o[1]"}, "train": ["o[2]"],
      "feed": {"TF1.get_default_graph().get_tensor_by_name('inputs:0')": {"shape": [2, 4, 4, 3], "value": 0.3, "dtype": "float32"},
               "TF1.get_default_graph().get_tensor_by_name('targets:0')": {"shape": [2, 4, 4, 3], "value": -0.2, "dtype": "float32"}}},
     {"DiscrimConv", "CreateDiscriminator", "GenConv"}),
]


def test_training_builders_are_hosts() -> None:
    for name, _, classes in BUILDS:
        out = transform_source((CASES / name).read_text(), name)
        assert {f.class_name for f in out.functions} == classes, name
        assert not [d for d in out.diagnostics if d.severity != "info"], (name, out.diagnostics)


@pytest.mark.slow
def test_training_graph_unchanged(tmp_path: Path) -> None:
    spec = []
    for name, build, _ in BUILDS:
        migrated = tmp_path / f"migrated_{Path(name).parent.name}_{Path(name).name}"
        migrated.write_text(transform_source((CASES / name).read_text(), name).code)
        spec.append({"legacy": str(CASES / name), "migrated": str(migrated), **build})
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    subprocess.run([sys.executable, str(DRIVER), str(tmp_path / "spec.json"), str(tmp_path / "out.json")],
                   check=True, capture_output=True, timeout=300)
    results = json.loads((tmp_path / "out.json").read_text())
    for key, result in results.items():
        assert "error" not in result, (key, result.get("error"))
        legacy, migrated = result["legacy"], result["migrated"]
        assert legacy["variables"] == migrated["variables"], key
        for part in ("before", "after", "values"):
            for k in legacy[part]:
                np.testing.assert_allclose(migrated[part][k], legacy[part][k], rtol=1e-5, atol=1e-6,
                                           err_msg=f"{key} {part} {k}")


def test_a_function_nested_in_a_host_keeps_its_callees_tf1() -> None:
    """A host's nested create_discriminator that reads a local of the host calls discrim_conv; the
    host stays TF1 and its nested functions are not rewritten, so discrim_conv keeps its def. (One
    that reads no local of the host moves to module level: hosts_cases/pix2pix_create_model.py.)"""
    source = '''import tensorflow as tf


def discrim_conv(x, n):
    with tf.variable_scope("conv"):
        w = tf.get_variable("w", [x.get_shape()[-1], n])
        return tf.matmul(x, w)


def create_model(inputs):
    units = 1

    def create_discriminator(x):
        return discrim_conv(x, units)

    with tf.variable_scope("discriminator"):
        predict = create_discriminator(inputs)
    train = tf.train.AdamOptimizer(0.1).minimize(tf.reduce_mean(predict))
    return predict, train
'''
    out = transform_source(source, "pix2pix.py")
    assert "def discrim_conv(" in out.code and "class DiscrimConv" not in out.code
    assert any(d.code == "unsupported-call" and "nested in create_model" in d.message for d in out.diagnostics)
    assert not any(d.code == "internal-error" for d in out.diagnostics)


TF1_USER_SCRIPT = '''
import json, sys
import numpy as np
import tensorflow as tf
tf.compat.v1.disable_eager_execution()
results = {}
for side in sys.argv[1:]:
    for name in ("classifier", "modeling", "tf2_migrate_support"):
        sys.modules.pop(name, None)
    sys.path.insert(0, side)
    real_tf = sys.modules["tensorflow"]
    if side.endswith("legacy"):
        sys.modules["tensorflow"] = tf.compat.v1
    import classifier
    sys.modules["tensorflow"] = real_tf
    sys.path.pop(0)
    with tf.Graph().as_default():
        x = tf.compat.v1.placeholder(tf.float32, [2, 5])
        y = tf.compat.v1.placeholder(tf.int32, [2])
        loss, logits = classifier.create_model(x, y)
        variables = sorted(tf.compat.v1.global_variables(), key=lambda v: v.name)
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            for v in variables:
                rng = np.random.default_rng(sum(map(ord, v.name)))
                v.load(rng.standard_normal(v.shape.as_list()).astype("float32"), sess)
            out = sess.run([loss, logits], {x: np.ones([2, 5]), y: [1, 2]})
    results[side] = {"variables": [[v.name, v.shape.as_list()] for v in variables],
                     "outputs": [np.asarray(o).tolist() for o in out]}
print(json.dumps(results))
'''


@pytest.mark.slow
def test_tf1_code_that_stays_uses_a_converted_class_of_another_file(tmp_path: Path) -> None:
    """bert's pattern: run_classifier's create_model stays TF1 (here: a partitioner) and builds
    modeling.BertModel; the class converts anyway, and the TF1 graph built through it is the same."""
    from click.testing import CliRunner

    from migrate.cli import main

    legacy = tmp_path / "legacy"
    shutil.copytree(CASES / "tf1_user_of_class", legacy)
    result = CliRunner().invoke(main, ["run", "--out", str(tmp_path / "migrated"), str(legacy)])
    assert result.exit_code == 0, result.output
    migrated = (tmp_path / "migrated" / "modeling.py").read_text()
    assert "class Encoder(tf.Module)" in migrated and "tf.get_variable" not in migrated
    assert "partitioner" in (tmp_path / "migrated" / "classifier.py").read_text()
    (tmp_path / "run.py").write_text(TF1_USER_SCRIPT)
    done = subprocess.run([sys.executable, str(tmp_path / "run.py"), str(legacy), str(tmp_path / "migrated")],
                          capture_output=True, text=True, timeout=300, check=True)
    sides = json.loads(done.stdout.strip().splitlines()[-1])
    a, b = sides[str(legacy)], sides[str(tmp_path / "migrated")]
    assert a["variables"] == b["variables"]
    for x, y in zip(a["outputs"], b["outputs"]):
        np.testing.assert_allclose(y, x, rtol=1e-5, atol=1e-6)


def test_auto_reuse_in_a_host_function_builds_one_module_per_graph() -> None:
    """A host function may run again (a train and an eval graph): TF1 shared the variables of an
    AUTO_REUSE call across its runs in one graph, so the module is built once per graph
    (`_tf1_reused`); the graph-mode comparison of lm_sampler.py above runs such a host twice."""
    source = (CASES.parent / "hosts_cases" / "classifier_and_script.py").read_text().replace(
        "eval_logits = model(x, reuse=True)", "eval_logits = model(x, reuse=tf.AUTO_REUSE)").replace(
        "train_logits = model(x)", "train_logits = model(x, reuse=tf.AUTO_REUSE)")
    out = transform_source(source, "m.py")
    assert not [d for d in out.diagnostics if d.severity != "info"], out.diagnostics
    assert "def _tf1_reused(key, build):" in out.code and "= _tf1_reused('model:model', lambda: Model(" in out.code
    assert "reuse=tf" not in out.code
