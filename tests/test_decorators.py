"""Decorated variable-creating functions (issue 10 item 4, migrate/codemod/decorators.py) and
model classes whose base class sets `self.name` (migrate/codemod/module_bases.py).

Registries that return the function and wrappers that only log convert, their decorated def
kept beside the class for the decorator's users; decorators that open scopes, change the
arguments or thread state through the object are refused, saying what they do. The golden cases
functions/registry_decorator, functions/logging_wrapper_decorator and
methods/base_class_sets_name run the pairs through the checker.
"""

from __future__ import annotations

import ast

from migrate.codemod.decorators import classify
from migrate.codemod.tfapi import collect_tf_names
from migrate.transform import transform_source

_DENSE = '''import functools
import logging

import tensorflow as tf


def dense(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)

'''


def _messages(out, code: str) -> list[str]:
    return [d.message for d in out.diagnostics if d.code == code]


def test_baselines_style_register_converts_and_keeps_the_registered_def() -> None:
    source = _DENSE + '''
mapping = {}


def register(name):
    def _thunk(func):
        mapping[name] = func
        return func
    return _thunk


@register("mlp")
def mlp(x, num_hidden=8):
    return dense(tf.nn.tanh(dense(x, num_hidden, "fc0")), 2, "fc1")


def get_network_builder(name):
    return mapping[name]
'''
    out = transform_source(source, "models.py")
    assert {f.class_name for f in out.functions} == {"Dense", "Mlp"}
    assert '@register("mlp")\ndef mlp(x, num_hidden=8):' in out.code  # the registry's users call the def
    assert "def dense(x, units, scope):" in out.code  # which calls the TF1 helper: kept too
    assert not _messages(out, "decorated")
    assert any("@register returns the function itself" in m for m in _messages(out, "kept-tf1"))
    second = transform_source(out.code, "models.py")
    assert second.code == out.code  # the kept def is left alone on a second run


def test_t2t_style_registry_object_and_attribute_setting_decorators_are_transparent() -> None:
    source = _DENSE + '''
class Registry(object):

    def __init__(self, name):
        self._name = name
        self._registry = {}

    def register(self, key=None):
        def decorator(value):
            registration_name = key or value.__name__
            if registration_name in self._registry:
                raise KeyError("%s already registered" % registration_name)
            self._registry[registration_name] = value
            return value
        return decorator


layers = Registry("layers")


def is_pointwise(func):
    func.pointwise = True
    return func


@layers.register("ffn")
def ffn(x, hidden):
    return dense(x, hidden, "ffn")


@is_pointwise
def top(x, vocab_size):
    return dense(x, vocab_size, "logits")
'''
    out = transform_source(source, "registry.py")
    assert {f.class_name for f in out.functions} == {"Dense", "Ffn", "Top"}
    assert '@layers.register("ffn")\ndef ffn(' in out.code and "@is_pointwise\ndef top(" in out.code
    assert not _messages(out, "decorated")


def test_logging_wrapper_is_transparent_and_scope_wrappers_are_refused_saying_why() -> None:
    wrappers = {
        "log_shapes": ("out = fn(*args, **kwargs)\n        logging.info('%s: %s', fn.__name__, out.get_shape())\n"
                       "        return out", None),
        "scoped": ("with tf.variable_scope(fn.__name__):\n            return fn(*args, **kwargs)",
                   "@scoped opens a variable_scope around the call"),
        "named": ("with tf.name_scope('block'):\n            return fn(*args, **kwargs)",
                  "@named opens a name_scope around the call"),
        "renamed": ("kwargs.setdefault('name', 'block')\n        return fn(*args, **kwargs)",
                    "@renamed reads or changes the call's arguments (kwargs) around the call"),
        "twice": ("fn(*args, **kwargs)\n        return fn(*args, **kwargs)", "@twice calls the function more than once"),
    }
    for name, (body, refusal) in wrappers.items():
        source = _DENSE + f'''
def {name}(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        {body}
    return wrapper


@{name}
def block(x):
    return dense(x, 4, "fc")
'''
        out = transform_source(source, "layers.py")
        if refusal is None:
            assert {f.class_name for f in out.functions} == {"Dense", "Block"}, name
            assert f"@{name}\ndef block(x):" in out.code
        else:
            assert _messages(out, "decorated") == [f"block is decorated: {refusal}"], name
            assert not out.functions


def test_caffe_style_layer_decorator_threading_state_is_refused() -> None:
    source = _DENSE + '''
def layer(op):
    def layer_decorated(self, *args, **kwargs):
        name = kwargs.setdefault("name", self.get_unique_name(op.__name__))
        layer_output = op(self, self.terminals[-1], *args, **kwargs)
        self.layers[name] = layer_output
        self.terminals = [layer_output]
        return self
    return layer_decorated


class Network(object):

    def __init__(self, inputs):
        self.terminals = [inputs]
        self.layers = {}

    def get_unique_name(self, prefix):
        return "%s_%d" % (prefix, len(self.layers) + 1)

    @layer
    def fc(self, input, num_out, name):
        return dense(input, num_out, name)
'''
    out = transform_source(source, "network.py")
    (message,) = _messages(out, "decorated")
    assert message.startswith("Network.fc is decorated: @layer threads state through the object around the call")
    assert "class Network(object):" in out.code


def test_decorator_of_another_file_is_refused_as_unseen() -> None:
    tree = ast.parse("import tensorflow as tf\nimport expert_utils\n")
    verdict = classify(ast.parse("expert_utils.add_var_scope()", mode="eval").body, tree, collect_tf_names(tree))
    assert verdict.kind == "refused" and not verdict.seen
    assert "not defined in this file" in verdict.what


def test_base_class_setting_self_name_becomes_the_tf_module() -> None:
    source = _DENSE + '''
class Model(object):
    def __init__(self, name):
        self.name = name

    @property
    def vars(self):
        return tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name)


class Critic(Model):
    def __init__(self, name="critic", hidden=8):
        super(Critic, self).__init__(name=name)
        self.hidden = hidden

    def __call__(self, obs, reuse=False):
        with tf.variable_scope(self.name, reuse=reuse):
            return dense(tf.nn.relu(dense(obs, self.hidden, "fc1")), 1, "q")


class Target(Model):
    def describe(self):
        return "target " + self.name
'''
    out = transform_source(source, "critic.py")
    assert "class Model(tf.Module):\n    def __init__(self, name):\n        super().__init__()\n" \
           "        self.scope_name = name" in out.code
    assert "class Critic(Model):" in out.code
    assert 'return "target " + self.scope_name' in out.code  # another subclass reads the renamed attribute
    assert "scope=self.scope_name" in out.code


def test_base_chain_through_a_library_class_is_left_alone() -> None:
    source = _DENSE + '''
class Model(snt.AbstractModule):
    def __init__(self, name):
        self.name = name


class Critic(Model):
    def __init__(self, name="critic"):
        super(Critic, self).__init__(name=name)

    def __call__(self, obs):
        with tf.variable_scope(self.name):
            return dense(obs, 1, "q")
'''
    out = transform_source(source, "critic.py")
    assert "class Model(snt.AbstractModule):" in out.code
    assert "class Model(tf.Module)" not in out.code


def _migrate(files: dict[str, str]) -> dict[str, tuple[str, list]]:
    """Plan a run over `files` and transform each with its plan (as tests/test_project.py)."""
    from pathlib import Path

    from migrate.project import plan_project

    root = Path("/virtual/repo")
    sources = {root / name: text for name, text in files.items()}
    project, plan = plan_project(sources)
    out = {}
    for path, text in sources.items():
        result = transform_source(text, str(path), project.pins.get(path, frozenset()), plan.plan_for(path))
        out[path.relative_to(root).as_posix()] = (result.code, list(result.diagnostics))
    return out


def test_registry_and_wrapper_defined_in_another_file_of_the_run() -> None:
    registry = '''_LAYERS = {}


def register(name):
    def decorator(fn):
        _LAYERS[name] = fn
        return fn
    return decorator


def scoped(fn):
    def wrapper(*args, **kwargs):
        with tf.variable_scope(fn.__name__):
            return fn(*args, **kwargs)
    return wrapper


def layer(name):
    return _LAYERS[name]
'''
    blocks = _DENSE + '''import registry
from registry import register, scoped


@register("ffn")
def ffn(x, units):
    return dense(x, units, "ffn")


@registry.register("proj")
def proj(x, units):
    return dense(x, units, "proj")


@scoped
def scoped_block(x):
    w = tf.get_variable("w", [x.get_shape()[-1], 4])  # (its own variables: refused alone)
    return tf.matmul(x, w)
'''
    out = _migrate({"registry.py": registry, "blocks.py": blocks})
    code, diagnostics = out["blocks.py"]
    assert '@register("ffn")\ndef ffn(x, units):' in code and "class Ffn(tf.Module):" in code
    assert '@registry.register("proj")\ndef proj(' in code and "class Proj(tf.Module):" in code
    decorated = [d.message for d in diagnostics if d.code == "decorated"]
    assert decorated == ["scoped_block is decorated: @scoped opens a variable_scope around the call"]
    assert out["registry.py"][0] == registry  # the registry itself is not touched


def test_method_decorator_storing_the_arguments_stays_on_the_delegate() -> None:
    source = _DENSE + '''
def store_args(method):
    @functools.wraps(method)
    def wrapper(*positional_args, **keyword_args):
        self = positional_args[0]
        self.__dict__.update(keyword_args)
        return method(*positional_args, **keyword_args)
    return wrapper


class Critic(object):

    @store_args
    def build(self, obs, hidden=4):
        with tf.variable_scope("critic"):
            return dense(obs, hidden, "fc")
'''
    out = transform_source(source, "her_critic.py")  # (baselines/her's @store_args, on a method)
    assert not _messages(out, "decorated")
    assert "    @store_args\n    def build(self, obs, hidden=4):" in out.code
