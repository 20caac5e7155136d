"""A model class's `vars` property filtering the graph's variables by its own name (P's H20,
Zardinality's WGAN `d_net.vars`): in the class that became a tf.Module it returned [] on TF2;
it now iterates the module's own variables, the filter kept. The slow test proves the names equal
TF1's in graph mode, beside a generator whose variables TF1's filter left out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from migrate.transform import transform_source

_NETS = '''import tensorflow as tf


class Discriminator(object):
    def __init__(self, name='d_net'):
        self.name = name

    def __call__(self, x, reuse=True):
        with tf.variable_scope(self.name) as vs:
            if reuse:
                vs.reuse_variables()
            h = tf.layers.dense(x, 4, activation=tf.nn.leaky_relu, name='fc1')
            return tf.layers.dense(h, 1, name='fc2')

    @property
    def vars(self):
        return [var for var in tf.global_variables() if self.name in var.name]


class Generator(object):
    def __init__(self, name='g_net'):
        self.name = name

    def __call__(self, z):
        with tf.variable_scope(self.name):
            return tf.layers.dense(z, 3, name='fc')

    @property
    def vars(self):
        return [v for v in tf.trainable_variables() if v.name.startswith(self.name)]
'''

_TRAIN = '''import tensorflow as tf

from nets import Discriminator, Generator


def critic_step(x, z):
    g_net, d_net = Generator(), Discriminator()
    fake = g_net(z)
    d = d_net(x, reuse=False)
    d_ = d_net(fake)
    return tf.reduce_mean(d) - tf.reduce_mean(d_), d_net.vars, g_net.vars
'''


def test_the_listing_iterates_the_modules_own_variables() -> None:
    out = transform_source(_NETS, "nets.py")
    assert "return [var for var in self.variables if self.scope_name in var.name]" in out.code
    assert "return [v for v in self.trainable_variables if v.name.startswith(self.scope_name)]" in out.code
    assert "global_variables" not in out.code and "trainable_variables()" not in out.code
    assert not [d for d in out.diagnostics if d.code == "scope-lookup"], out.diagnostics


def test_a_class_whose_variables_are_not_all_under_its_name_keeps_the_listing() -> None:
    source = _NETS.replace("        with tf.variable_scope(self.name):\n            return tf.layers.dense(z, 3, name='fc')",
                           "        h = tf.layers.dense(z, 3, name='pre')\n        with tf.variable_scope(self.name):\n"
                           "            return tf.layers.dense(h, 3, name='fc')")
    out = transform_source(source, "nets.py")  # ('pre' is not under g_net: TF1's filter left it out)
    assert "return [v for v in tf.compat.v1.trainable_variables() if v.name.startswith(self.scope_name)]" in out.code
    assert [d.line for d in out.diagnostics if d.code == "scope-lookup"] == [31]


_RUN = '''
import json, sys
sys.path.insert(0, sys.argv[1])
import tensorflow as tf
if sys.argv[2] == "legacy":
    tf.compat.v1.disable_v2_behavior()
import train
x, z = tf.ones([2, 3]), tf.ones([2, 3])
_, d_vars, g_vars = train.critic_step(x, z)
print(json.dumps([sorted(v.name for v in d_vars), sorted(v.name for v in g_vars)]))
'''


@pytest.mark.slow
def test_the_listings_name_what_tf1_listed(tmp_path: Path, cli) -> None:
    legacy, migrated = tmp_path / "legacy", tmp_path / "migrated"
    for d in (legacy, migrated):
        d.mkdir()
        (d / "nets.py").write_text(_NETS)
        (d / "train.py").write_text(_TRAIN)
    for name in ("nets.py", "train.py"):  # the legacy side runs in TF1 graph mode
        path = legacy / name
        path.write_text(path.read_text().replace("import tensorflow as tf", "import tensorflow.compat.v1 as tf"))
    result = cli("run", str(migrated))
    assert result.exit_code == 0, result.output
    (tmp_path / "run.py").write_text(_RUN)
    seen = []
    for side, d in (("legacy", legacy), ("migrated", migrated)):
        env = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}  # TF2 side: Keras 3
        if side == "legacy":
            env["TF_USE_LEGACY_KERAS"] = "1"  # tf.compat.v1.layers needs tf_keras
        done = subprocess.run([sys.executable, str(tmp_path / "run.py"), str(d), side], capture_output=True,
                              text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr[-3000:]
        seen.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert seen[0] == seen[1] == [["d_net/fc1/bias:0", "d_net/fc1/kernel:0", "d_net/fc2/bias:0", "d_net/fc2/kernel:0"],
                                  ["g_net/fc/bias:0", "g_net/fc/kernel:0"]], seen
