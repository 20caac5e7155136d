"""Scopes a subclass opens around the layer methods it inherits (P's G10; UGATIT / DCGAN forks put
their ops on a base network class): with the base converted, the scope re-enters its TF1 name
(`_tf1_scope`, stable under tf.function and in graphs, where `name_scope` made `discriminator_1`);
with a base that stays TF1 or is unknown, the scope stays a `variable_scope`."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from migrate.transform import transform_source
from tests.test_project import _migrate

_BASE = '''import tensorflow as tf


class BaseNet(object):
    def __init__(self, name='discriminator', ch=4):
        self.name = name
        self.ch = ch

    def conv(self, x, channels, scope):
        with tf.variable_scope(scope):
            w = tf.get_variable('w', [3, 3, x.get_shape()[-1], channels],
                                initializer=tf.truncated_normal_initializer(stddev=0.02))
            return tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME')
'''

_SUBCLASS = '''

class Discriminator(BaseNet):
    def block(self, x, scope):
        with tf.variable_scope(scope):
            return tf.nn.leaky_relu(self.conv(x, self.ch, 'conv'))

    def __call__(self, x, reuse=False):
        with tf.variable_scope(self.name, reuse=reuse):
            h = self.block(x, 'b0')
            return self.conv(h, 1, 'logit')


def d_pair(real, fake):
    d = Discriminator('disc')
    return d(real), d(fake, reuse=True)
'''

_MODEL = "import tensorflow as tf\nfrom base import BaseNet\n" + _SUBCLASS


def test_same_file_subclass_scopes_keep_their_tf1_names() -> None:
    out = transform_source(_BASE + _SUBCLASS, "nets.py")
    assert "with _tf1_scope(scope):" in out.code  # block(): reached through an own method
    assert "with _tf1_scope(self.scope_name):" in out.code  # tf.Module's `name` is read-only
    assert "name_scope(" not in out.code.split("class Discriminator")[1]
    assert "def _tf1_scope(name):" in out.code


def test_another_files_subclass_scopes_keep_their_tf1_names() -> None:
    out = _migrate({"base.py": _BASE, "model.py": _MODEL})
    model = out["model.py"][0]
    assert "with _tf1_scope(scope):" in model and "with _tf1_scope(self.scope_name):" in model
    assert "name_scope(scope)" not in model and "variable_scope" not in model
    assert "self.scope_name = name" in out["base.py"][0]


def test_a_refused_base_keeps_the_subclass_variable_scopes() -> None:
    base = _BASE.replace("stddev=0.02))", "stddev=0.02), partitioner=tf.fixed_size_partitioner(2))")
    out = _migrate({"base.py": base, "model.py": _MODEL})
    model = out["model.py"][0]
    # the base's get_variable stays TF1: its variables take the variable scope's name
    assert "variable_scope(scope)" in model and "variable_scope(self.name, reuse=reuse)" in model
    assert "name_scope" not in model and "_tf1_scope" not in model


def test_an_unknown_base_keeps_the_variable_scope_and_a_plain_base_gets_a_name_scope() -> None:
    source = '''import tensorflow as tf
from somelib import Net


class Discriminator(Net):
    def __call__(self, x, reuse=False):
        with tf.variable_scope('discriminator', reuse=reuse):
            return self.conv(x, 1, 'logit')


class Plain(object):
    def act(self, x):
        return tf.nn.relu(x)


class Head(Plain):
    def __call__(self, x):
        with tf.variable_scope('head'):
            return self.act(x)
'''
    out = transform_source(source, "m.py").code
    assert "variable_scope('discriminator', reuse=reuse)" in out  # Net.conv may create variables
    assert "with tf.name_scope('head'):" in out  # Plain's methods hold none


_RUN = '''
import sys
sys.path.insert(0, sys.argv[1])
import tensorflow as tf
from model import Discriminator

x = tf.zeros([1, 4, 4, 3])
d = Discriminator('disc')


@tf.function
def pair(a):
    return d(a), d(a, reuse=True)


pair(x)
print("function", sorted(v.name for v in d.variables))
graph = tf.Graph()
with graph.as_default():
    g = Discriminator('disc')
    g(tf.zeros([1, 4, 4, 3]))
    g(tf.zeros([1, 4, 4, 3]), reuse=True)
    print("graph", sorted(v.name for v in g.variables))
'''


@pytest.mark.slow
def test_the_migrated_subclass_shares_its_variables_under_tf_function_and_in_graphs(tmp_path: Path, cli) -> None:
    """TF1 names: disc/b0/conv/w and disc/logit/w, created once (P's G10: the second call built
    discriminator_1/... under tf.function, and both calls new names in a graph)."""
    (tmp_path / "base.py").write_text(_BASE)
    (tmp_path / "model.py").write_text(_MODEL)
    assert cli("run", str(tmp_path)).exit_code == 0
    assert "0 changed" in cli("run", str(tmp_path)).output  # a second run changes nothing
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(_RUN), str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    expected = "['disc/b0/conv/w:0', 'disc/logit/w:0']"
    assert f"function {expected}" in result.stdout and f"graph {expected}" in result.stdout, result.stdout
