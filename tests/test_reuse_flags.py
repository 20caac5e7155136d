"""First-call reuse flags (migrate/codemod/reuse_flags.py): `reuse=self._reuse` is static only when
__init__ sets it False/None, the one method passing it sets it True unconditionally, and nothing
else assigns it."""

from __future__ import annotations

import ast
import textwrap

from migrate.codemod.reuse_flags import first_call_flags


def flags(source: str) -> dict[str, frozenset[str]]:
    return first_call_flags(ast.parse(textwrap.dedent(source)))


FLAG_CLASS = """
    class D(object):
        def __init__(self, name):
            self.name = name
            self._reuse = {initial}

        def __call__(self, x):
            with tf.variable_scope(self.name, reuse=self._reuse):
                y = tf.get_variable("w", [1])
                {set_true}
            return y
"""


def test_flag_set_true_inside_the_scope() -> None:
    assert flags(FLAG_CLASS.format(initial="False", set_true="self._reuse = True")) == {"D": {"_reuse"}}


def test_none_is_a_first_value_too() -> None:
    assert flags(FLAG_CLASS.format(initial="None", set_true="self._reuse = True")) == {"D": {"_reuse"}}


def test_flag_set_only_in_a_branch_is_not_a_flag() -> None:
    assert flags(FLAG_CLASS.format(initial="False", set_true="if x is not None: self._reuse = True")) == {}


def test_flag_never_set_true_is_not_a_flag() -> None:
    assert flags(FLAG_CLASS.format(initial="False", set_true="pass")) == {}


def test_flag_from_a_constructor_argument_is_not_a_flag() -> None:
    assert flags(FLAG_CLASS.format(initial="reuse", set_true="self._reuse = True")) == {}


def test_flag_set_after_a_return_inside_the_scope_is_not_a_flag() -> None:
    source = """
    class D(object):
        def __init__(self):
            self._reuse = False

        def __call__(self, x):
            with tf.variable_scope("d", reuse=self._reuse):
                return tf.get_variable("w", [1])
            self._reuse = True
"""
    assert flags(source) == {}


def test_flag_assigned_from_outside_is_not_a_flag() -> None:
    source = FLAG_CLASS.format(initial="False", set_true="self._reuse = True") + """
    d = D("d")
    d._reuse = True
"""
    assert flags(source) == {}


def test_flag_reset_by_another_method_is_not_a_flag() -> None:
    source = FLAG_CLASS.format(initial="False", set_true="self._reuse = True") + """
        def reset(self):
            self._reuse = False
"""
    assert flags(source) == {}


def test_flag_passed_by_two_methods_is_not_a_flag() -> None:
    source = FLAG_CLASS.format(initial="False", set_true="self._reuse = True") + """
        def encode(self, x):
            with tf.variable_scope(self.name, reuse=self._reuse):
                self._reuse = True
                return tf.get_variable("w", [1])
"""
    assert flags(source) == {}


def test_reading_the_flag_elsewhere_is_fine() -> None:
    source = FLAG_CLASS.format(initial="False", set_true="self._reuse = True") + """
        def built(self):
            return self._reuse
"""
    assert flags(source) == {"D": {"_reuse"}}


def test_setattr_anywhere_in_the_file_means_no_flags() -> None:
    source = FLAG_CLASS.format(initial="False", set_true="self._reuse = True") + """
    setattr(D("d"), "other", 1)
"""
    assert flags(source) == {}
