"""Static and class methods moved to module level as plain functions (migrate/codemod/static_methods.py,
H25): when every mention of the name is its def or a call through self / cls / the class, and no
other file mentions it."""

from __future__ import annotations

import textwrap

from migrate.codemod.static_methods import hoist_static_methods

_NET = """
import tensorflow as tf


class Net(object):
    @staticmethod
    def linear(x, size, scope):
        with tf.variable_scope(scope):
            return tf.matmul(x, tf.get_variable("w", [3, size]))

    @classmethod
    def block(cls, x, scope):
        with tf.variable_scope(scope):
            return cls.linear(x, 3, "fc")

    def build(self, x):
        return Net.linear(self.block(x, "b"), 1, "out")
"""


def _moved(source: str, **kw) -> dict[str, str]:
    return hoist_static_methods(textwrap.dedent(source), **kw).moved


def test_static_and_class_methods_become_module_functions() -> None:
    out = hoist_static_methods(_NET)
    assert out.moved == {"linear": "Net", "block": "Net"}
    assert "\ndef linear(x, size, scope):" in out.source
    assert "\ndef block(x, scope):" in out.source  # (cls dropped)
    assert 'return linear(x, 3, "fc")' in out.source
    assert 'return linear(block(x, "b"), 1, "out")' in out.source
    assert "staticmethod" not in out.source and "classmethod" not in out.source
    compile(out.source, "net.py", "exec")


def test_only_and_another_files_mention_keep_them() -> None:
    # another file mentions `linear` (an importer calling Net.linear, a subclass): both stay
    # (block's cls calls linear); the caller is told one was declined
    out = hoist_static_methods(_NET, foreign=frozenset({"linear"}))
    assert not out.moved and out.declined
    assert hoist_static_methods(_NET, only=frozenset({"block"})).moved == {}
    assert hoist_static_methods(_NET, only=frozenset({"linear"})).moved == {"linear": "Net"}


def test_other_mentions_keep_the_method() -> None:
    for extra in ("    def other(self, obj):\n        return obj.linear(1, 2, 'x')\n",  # another object
                  "    def other(self):\n        return getattr(self, 'linear')\n",  # a string lookup
                  "    def other(self, linear):\n        return linear\n",  # a parameter of the name
                  "    def other(self):\n        f = self.linear\n        return f\n"):  # a value
        assert "linear" not in _moved(_NET + extra), extra
    assert "linear" not in _moved(_NET + "\nlinear = 3\n")  # a module-level name
    assert "linear" not in _moved(_NET + "\n\nclass Sub(Net):\n    def linear(self):\n        pass\n")


def test_a_class_method_using_cls_otherwise_stays() -> None:
    source = _NET.replace('return cls.linear(x, 3, "fc")', 'return cls(x).linear(x, 3, "fc")')
    moved = _moved(source)
    assert "block" not in moved
