"""A local that has the name of a module-level network function (P's H7: `def _dense(net, ...)`
beside `def net(image)`, fast-style-transfer, slim nets) is not a use of the function as a value:
parameters, assigned locals, comprehension variables shadow it within their scope
(migrate/codemod/local_names.py)."""

from __future__ import annotations

import ast

import pytest

from migrate.codemod.local_names import local_name_ids
from migrate.transform import transform_source


def _local_reads(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    found = local_name_ids(tree)
    return sorted((n.lineno, n.id) for n in ast.walk(tree)
                  if isinstance(n, ast.Name) and id(n) in found and isinstance(n.ctx, ast.Load))


def test_parameters_locals_and_comprehension_targets_are_local() -> None:
    source = '''
def f(net, *args, **kw):
    logits = net + 1
    return [model for model in logits], logits, model
g = lambda net: net
class C:
    net = 1
    x = net
    def m(self):
        return net
def h():
    global net
    net = 2
    return net
'''
    assert _local_reads(source) == [(3, "net"), (4, "logits"), (4, "logits"), (4, "model"), (5, "net"), (8, "net")]


_NET = '''import tensorflow as tf


def net(image):
    return _dense(image, 3, "fc1")


def _dense(net, units, name):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [net.get_shape()[-1], units])
        return tf.matmul(net, w)
'''


@pytest.mark.parametrize("extra", [
    "",
    # a local assigned in another function and a comprehension variable
    '''

def towers(images):
    net = images * 2.0
    outs = [tf.identity(net) for net in [net, net]]
    return outs
''',
])
def test_a_parameter_named_like_a_network_function_does_not_block_it(extra: str) -> None:
    out = transform_source(_NET + extra, "m.py")
    assert {f.legacy_name for f in out.functions} == {"net", "_dense"}
    assert not [d for d in out.diagnostics if d.code == "unsupported-call"]


def test_a_real_value_use_still_blocks() -> None:
    out = transform_source(_NET + "\n\nNETWORKS = {'net': net}\n", "m.py")
    assert "net" not in {f.legacy_name for f in out.functions}
    assert any("net is used as a value" in d.message for d in out.diagnostics)


def test_a_call_of_a_local_named_like_a_network_function_is_refused() -> None:
    # (it became self.net(image): the module-level net's module, a silent wrong conversion)
    source = _NET.replace("def _dense", '''def apply(image, net):
    return net(image) + 1.0


def _dense''')
    out = transform_source(source, "m.py")
    assert "apply" not in {f.legacy_name for f in out.functions}
    assert any("calls a local that has the name" in d.message for d in out.diagnostics)
