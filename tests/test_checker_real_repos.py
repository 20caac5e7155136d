"""The checker on real repositories' layouts (found by benchmarks/prove.py).

- a file inside a package (baselines/ddpg/models.py) imports the repository's other packages
  absolutely (`from baselines.common.models import ...`) and its siblings relatively;
- TF1 code imports contrib's internal paths (`from tensorflow.contrib.framework.python.ops
  import add_arg_scope`: glow's tfops.py) and `tensorflow.contrib.legacy_seq2seq` (char-rnn).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrate.checker import check_many
from migrate.checker.instances import plan
from migrate.checker.runner_common import package_of, user_roots

_LEGACY_LAYERS = '''import tensorflow as tf


def fc(x, nh, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.shape[1], nh], initializer=tf.constant_initializer(0.5))
        return tf.matmul(x, w)
'''
_LEGACY_NET = '''import tensorflow as tf
from pkg.layers import fc
from .heads import HEAD_UNITS

HEAD_KEY = "head"


def build(x):
    with tf.variable_scope("net"):
        return fc(x, HEAD_UNITS, "fc")
'''
_MIGRATED_LAYERS = '''import tensorflow as tf


class Fc(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, nh):
        if self.w is None:
            self.w = tf.Variable(tf.fill([x.shape[1], nh], 0.5), name="w")
        return tf.matmul(x, self.w)
'''
_MIGRATED_NET = '''import tensorflow as tf
from pkg.layers import Fc
from .heads import HEAD_UNITS

HEAD_KEY = "head"


class Build(tf.Module):
    def __init__(self, name="net"):
        super().__init__(name=name)
        with self.name_scope:
            self.fc = Fc(name="fc")

    @tf.Module.with_name_scope
    def __call__(self, x):
        return self.fc(x, HEAD_UNITS)
'''
_LEGACY_CONTRIB_PATHS = '''import tensorflow as tf
from tensorflow.contrib.framework.python.ops import add_arg_scope
from tensorflow.contrib.layers.python.layers import initializers


@add_arg_scope
def dense(x, n, name="dense"):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.shape[1], n], initializer=tf.zeros_initializer())
        return tf.matmul(x, w)


KERNEL_INIT = initializers.xavier_initializer
'''
_MIGRATED_CONTRIB_PATHS = '''import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, name="dense"):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, n):
        if self.w is None:
            self.w = tf.Variable(tf.zeros([x.shape[1], n]), name="w")
        return tf.matmul(x, self.w)
'''
_LEGACY_SEQ2SEQ = '''import tensorflow as tf
from tensorflow.contrib import legacy_seq2seq


def decode_loss(x, targets):
    steps = tf.split(x, 3, 1)
    outputs, state = legacy_seq2seq.rnn_decoder([tf.squeeze(s, [1]) for s in steps], x[:, 0],
                                                lambda inp, st: (inp + st, st * 2.0))
    weights = [tf.ones([2]) for _ in outputs]
    return legacy_seq2seq.sequence_loss_by_example(outputs, tf.unstack(targets, axis=1),
                                                   weights), state
'''
_MIGRATED_SEQ2SEQ = '''import tensorflow as tf


def decode_loss(x, targets):
    state, losses = x[:, 0], []
    for i in range(3):
        output, state = x[:, i] + state, state * 2.0
        losses.append(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=targets[:, i],
                                                                     logits=output))
    return tf.add_n(losses) / (3.0 + 1e-12), state
'''
_LEGACY_MEMORY = '''import tensorflow as tf


class Memory(object):  # t2t's TransformerMemory: variables in __init__, read() uses them
    def __init__(self, size=3, name="memory"):
        with tf.variable_scope(name):
            self.mem = tf.get_variable("mem", [size, 4], trainable=False,
                                       initializer=tf.constant_initializer(0.5))

    def read(self, x):
        with tf.variable_scope("query"):
            kernel = tf.get_variable("kernel", [x.shape[-1], 2],
                                     initializer=tf.constant_initializer(0.25))
        return tf.matmul(x, kernel) + tf.reduce_sum(self.mem)
'''
_MIGRATED_MEMORY = '''import tensorflow as tf


class Read(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.kernel = None

    def __call__(self, owner, x):
        with tf.name_scope("query/"):
            if self.kernel is None:
                self.kernel = tf.Variable(tf.fill([x.shape[-1], 2], 0.25), name="kernel")
        return tf.matmul(x, self.kernel) + tf.reduce_sum(owner.mem)


class Memory(tf.Module):
    def __init__(self, size=3, name="memory"):
        super().__init__(name=name)
        with tf.name_scope(name + "/"):
            self.mem = tf.Variable(tf.fill([size, 4], 0.5), trainable=False, name="mem")
        self._read = Read()

    def read(self, x):
        return self._read(self, x)
'''


def _write_package(root: Path, layers: str, net: str) -> Path:
    # pkg/model/__init__ imports a registry that reads net at import time (t2t's models/__init__
    # -> nas_model -> nas_layers): net's relative import must not run it half-way through net.
    files = {"pkg/__init__.py": "", "pkg/layers.py": layers,
             "pkg/model/__init__.py": "from pkg.model import registry\n",
             "pkg/model/registry.py": "from pkg.model import net\nKEYS = [net.HEAD_KEY]\n",
             "pkg/model/heads.py": "HEAD_UNITS = 3\n", "pkg/model/net.py": net}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root / "pkg" / "model" / "net.py"


def test_package_of_names_the_module_and_the_directory_above_the_package(tmp_path: Path) -> None:
    net = _write_package(tmp_path, _LEGACY_LAYERS, _LEGACY_NET)
    assert package_of(str(net)) == (str(tmp_path), "pkg.model.net")
    (tmp_path / "script.py").write_text("", encoding="utf-8")
    assert package_of(str(tmp_path / "script.py")) is None
    assert str(tmp_path) in user_roots([str(net)])  # pkg/layers.py is user code (v1 shim, purge)


def test_package_of_stops_at_a_directory_that_is_not_a_python_name(tmp_path: Path) -> None:
    net = _write_package(tmp_path / "my-repo", _LEGACY_LAYERS, _LEGACY_NET)
    (tmp_path / "my-repo" / "__init__.py").write_text("", encoding="utf-8")
    assert package_of(str(net)) == (str(tmp_path / "my-repo"), "pkg.model.net")


class _Linear:  # the codemod's shape for DCGAN's linear(input_, output_size, scope=None, ...)
    def __init__(self, name=None):
        self.name = name

    def __call__(self, input_, output_size, stddev=0.02):
        return input_


class _Nn:  # baselines her's nn(input, layers_sizes, reuse=None, flatten=False, name="")
    def __init__(self, name=None):
        self.name = name

    def __call__(self, input, layers_sizes, reuse=None, flatten=False, name=""):
        return input


def test_migrated_args_a_string_scope_parameter_becomes_the_module_name() -> None:
    result = plan(_Linear, None, {"input_": 1}, {"output_size": 3, "scope": "d_h0_lin"}, {},
                  filter_init_args=True)
    assert result.ctor == {"name": "d_h0_lin"}
    assert result.call == {"input_": 1, "output_size": 3}
    assert "scope='d_h0_lin'" in result.notes[0]


def test_migrated_args_a_removed_reuse_flag_is_not_passed() -> None:
    result = plan(_Linear, None, {"input_": 1}, {"output_size": 3, "reuse": False}, {},
                  filter_init_args=True)
    assert result.call == {"input_": 1, "output_size": 3} and result.ctor == {}
    assert "not passed" in result.notes[0]


def test_migrated_args_taken_by_constructor_and_call_go_to_both() -> None:
    result = plan(_Nn, None, {"input": 1}, {"layers_sizes": [4], "name": "pi"}, {},
                  filter_init_args=True)
    assert result.ctor == {"name": "pi"}
    assert result.call == {"input": 1, "layers_sizes": [4], "name": "pi"}
    legacy = plan(_Nn, None, {"input": 1}, {"name": "pi"}, {})  # legacy classes: by name only
    assert legacy.ctor == {"name": "pi"} and "name" not in legacy.call


@pytest.mark.slow
def test_real_repository_layouts_check_equivalent(tmp_path: Path) -> None:
    legacy_net = _write_package(tmp_path / "legacy", _LEGACY_LAYERS, _LEGACY_NET)
    migrated_net = _write_package(tmp_path / "migrated", _MIGRATED_LAYERS, _MIGRATED_NET)
    (tmp_path / "contrib_legacy.py").write_text(_LEGACY_CONTRIB_PATHS, encoding="utf-8")
    (tmp_path / "contrib_migrated.py").write_text(_MIGRATED_CONTRIB_PATHS, encoding="utf-8")
    (tmp_path / "memory_legacy.py").write_text(_LEGACY_MEMORY, encoding="utf-8")
    (tmp_path / "memory_migrated.py").write_text(_MIGRATED_MEMORY, encoding="utf-8")
    (tmp_path / "seq2seq_legacy.py").write_text(_LEGACY_SEQ2SEQ, encoding="utf-8")
    (tmp_path / "seq2seq_migrated.py").write_text(_MIGRATED_SEQ2SEQ, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)  # neither tree on the path by the working directory: the package's is
    try:
        verdicts = check_many([
            {"legacy": f"{legacy_net}:build", "migrated": str(migrated_net),
             "inputs": {"x": "float32[2,4]"}, "tf_function": True},
            {"legacy": f"{tmp_path / 'contrib_legacy.py'}:dense",
             "migrated": str(tmp_path / "contrib_migrated.py"),
             "inputs": {"x": "float32[2,4]"}, "args": {"n": 2}},
            {"legacy": f"{tmp_path / 'seq2seq_legacy.py'}:decode_loss",
             "migrated": str(tmp_path / "seq2seq_migrated.py"),
             "inputs": {"x": "float32[2,3,4]", "targets": "int32[2,3]"}},
            # the tf.function run's fresh owner creates its __init__ variables under the recorder
            {"legacy": f"{tmp_path / 'memory_legacy.py'}:Memory.read",
             "migrated": str(tmp_path / "memory_migrated.py"),
             "inputs": {"x": "float32[2,5]"}, "tf_function": True},
        ])
    finally:
        os.chdir(cwd)
    for verdict in verdicts:
        assert verdict.equivalent, verdict.error or verdict.table()
